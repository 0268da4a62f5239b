package dev.holdfast.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.ProtocolException;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.http.CustomerOpenRequest;
import dev.holdfast.protocol.http.CustomerSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real transport against {@link FakeCustomerEndpoint} on the loopback interface. */
class WebSocketCustomerTransportTest {
    private final FakeCustomerEndpoint endpoint = new FakeCustomerEndpoint();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final WebSocketCustomerTransport transport = new WebSocketCustomerTransport(endpoint.baseUrl(), http);

    @AfterEach
    void stopEndpoint() {
        endpoint.close();
    }

    @Test
    void derivesTheSocketUrlFromTheBaseUrl() {
        assertThat(WebSocketCustomerTransport.socketUri(URI.create("http://127.0.0.1:8480")))
                .isEqualTo(URI.create("ws://127.0.0.1:8480/v1/customer/ws"));
        assertThat(WebSocketCustomerTransport.socketUri(URI.create("https://chat.example.com/")))
                .isEqualTo(URI.create("wss://chat.example.com/v1/customer/ws"));
        assertThat(WebSocketCustomerTransport.socketUri(URI.create("HTTPS://chat.example.com:9443/holdfast/")))
                .isEqualTo(URI.create("wss://chat.example.com:9443/holdfast/v1/customer/ws"));
        WebSocketCustomerTransport ipv6 = new WebSocketCustomerTransport(URI.create("http://[::1]:8480/"), http);
        assertThat(ipv6.openUri()).isEqualTo(URI.create("http://[::1]:8480/v1/customer/conversations"));
        assertThat(ipv6.socketUri()).isEqualTo(URI.create("ws://[::1]:8480/v1/customer/ws"));
        assertThatThrownBy(() -> WebSocketCustomerTransport.socketUri(URI.create("ftp://example.com")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void opensAConversationOverHttp() {
        CustomerOpenRequest request = new CustomerOpenRequest("Lucía García", "es", "web", List.of("refund", "vip"));

        CustomerSession session = transport.open(request).join();

        assertThat(session.conversationId()).isEqualTo("conv-1");
        assertThat(session.customerId()).isEqualTo("cust-1");
        assertThat(session.customerToken()).isEqualTo("token-1");
        assertThat(endpoint.opened).containsExactly(request);
    }

    @Test
    void anErrorAnswerBecomesAProtocolExceptionWithItsCode() {
        endpoint.rateLimited = true;
        assertThatThrownBy(() -> transport.open(new CustomerOpenRequest("Emma Smith", "en", "web", List.of())).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                    assertThat(e.retryAfterMs()).isEqualTo(1_500L);
                });
        byte[] html = "<html>bad gateway</html>".getBytes(StandardCharsets.UTF_8);
        assertThat(WebSocketCustomerTransport.errorOf(502, html).code()).isEqualTo(ErrorCode.INTERNAL);
    }

    @Test
    void aRefusedUpgradeFailsTheConnect() {
        CustomerTransport.Listener ignoring = new CustomerTransport.Listener() {
            @Override
            public void onFrame(ServerFrame frame) {
            }

            @Override
            public void onClosed(int statusCode, String reason) {
            }

            @Override
            public void onError(Throwable error) {
            }
        };
        assertThatThrownBy(() -> transport.connect(ignoring).join()).isInstanceOf(CompletionException.class);
        assertThat(endpoint.upgrades.get()).isEqualTo(1);
    }
}
