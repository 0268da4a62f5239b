package dev.holdfast.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.holdfast.platform.PlatformFixture.Agent;
import dev.holdfast.platform.PlatformFixture.Customer;
import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.Limits;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.http.EventPage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input gets a clear error code, one log line, and costs nothing: the socket
 * stays open unless the protocol says otherwise, other clients carry on, accepted messages stay.
 */
class BadInputTest {
    @TempDir
    Path dir;
    PlatformFixture f;
    Agent agent;
    Customer customer;
    ServerFrame.Ack accepted;

    @BeforeEach
    void start() throws Exception {
        f = new PlatformFixture(dir);
        agent = f.agent("agent1");
        customer = f.customer("Rosa", "es");
        agent.awaitAssigned(customer.conversationId());
        accepted = customer.send("Necesito ayuda");
    }

    @AfterEach
    void stop() throws Exception {
        try {
            // Nothing already accepted was lost, and the socket still answers.
            EventPage page = f.http.get("/v1/conversations/" + customer.conversationId() + "/events", agent.token())
                    .as(EventPage.class);
            assertThat(page.events()).extracting(ConversationEvent::id).contains(accepted.event().id());
            customer.ws.send(new ClientFrame.Ping("still-there"));
            assertThat(customer.ws.await(ServerFrame.Pong.class).nonce()).isEqualTo("still-there");
        } finally {
            f.close();
        }
    }

    private ServerFrame.Error errorFor(String raw) {
        agent.ws.sendRaw(raw);
        ServerFrame.Error e = agent.ws.await(ServerFrame.Error.class);
        agent.ws.send(new ClientFrame.Ping("after"));
        agent.ws.await(ServerFrame.Pong.class, p -> p.nonce().equals("after"));
        return e;
    }

    @Test
    void aPongTellsThePlatformsTimeNotTheHosts() {
        f.clock.advance(java.time.Duration.ofMinutes(5));
        agent.ws.send(new ClientFrame.Ping("what-time"));
        ServerFrame.Pong pong = agent.ws.await(ServerFrame.Pong.class, p -> p.nonce().equals("what-time"));
        assertThat(pong.serverTime()).isEqualTo(f.clock.millis());
    }

    @Test
    void malformedJsonIsABadRequestAndTheSocketStaysOpen() {
        ServerFrame.Error e = errorFor("{\"type\": \"send\", ");
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(e.message()).contains("malformed JSON");
    }

    @Test
    void anUnknownFrameTypeIsNamed() {
        ServerFrame.Error e = errorFor("{\"type\":\"teleport\"}");
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(e.message()).isEqualTo("unknown frame type: teleport");
    }

    @Test
    void aMissingFieldIsNamed() {
        ServerFrame.Error e = errorFor("{\"type\":\"send\",\"conversationId\":\"" + customer.conversationId()
                + "\",\"clientMessageId\":\"m-1\"}");
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(e.message()).isEqualTo("missing field: text");
        assertThat(e.ref()).isEqualTo("m-1");
    }

    @Test
    void aWrongTypeIsNamed() {
        ServerFrame.Error e = errorFor("{\"type\":\"send\",\"conversationId\":\"" + customer.conversationId()
                + "\",\"clientMessageId\":\"m-2\",\"text\":42}");
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(e.message()).contains("text");
        assertThat(e.ref()).isEqualTo("m-2");
    }

    @Test
    void aFrameOverTheLimitIsRefusedWithoutClosing() {
        String big = "{\"type\":\"send\",\"conversationId\":\"x\",\"clientMessageId\":\"big\",\"text\":\""
                + "a".repeat(Limits.MAX_FRAME_BYTES) + "\"}";
        ServerFrame.Error e = errorFor(big);
        assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
    }

    @Test
    void aFrameOverTheTransportLimitClosesWith1009() {
        WsPeer other = f.socket("/v1/ws");
        other.sendRaw("x".repeat(Limits.MAX_TRANSPORT_FRAME_BYTES + 10));
        assertThat(other.awaitClose()).isEqualTo(1009);
    }

    @Test
    void invalidUtf8ClosesWith1007() throws Exception {
        try (RawWebSocket raw = new RawWebSocket(f.platform.baseUri(), "/v1/ws")) {
            raw.sendText(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
            assertThat(raw.awaitCloseCode()).isEqualTo(1007);
        }
    }

    @Test
    void aFrameBeforeHelloIsUnauthenticatedAndCloses() {
        WsPeer other = f.socket("/v1/ws");
        other.send(new ClientFrame.Ping("hi"));
        assertThat(other.await(ServerFrame.Error.class).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
        assertThat(other.awaitClose()).isEqualTo(4001);
    }

    @Test
    void aBadTokenIsUnauthenticatedAndCloses() {
        WsPeer other = f.socket("/v1/ws");
        other.send(new ClientFrame.Hello(1, "not-a-token", "d", null, null, Map.of()));
        assertThat(other.await(ServerFrame.Error.class).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
        assertThat(other.awaitClose()).isEqualTo(4001);
    }

    @Test
    void aCustomerTokenDoesNotOpenTheAgentSocket() {
        WsPeer other = f.socket("/v1/ws");
        other.send(new ClientFrame.Hello(1, customer.session.customerToken(), "d", null, null, Map.of()));
        assertThat(other.await(ServerFrame.Error.class).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
        assertThat(other.awaitClose()).isEqualTo(4001);
    }

    @Test
    void anotherProtocolVersionIsRefused() {
        WsPeer other = f.socket("/v1/ws");
        other.send(new ClientFrame.Hello(2, agent.token(), "d", null, null, Map.of()));
        assertThat(other.await(ServerFrame.Error.class).code()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION);
        assertThat(other.awaitClose()).isEqualTo(4002);
    }

    @Test
    void aCustomerCannotWriteIntoAnotherConversation() {
        customer.ws.send(new ClientFrame.Send("c-someone-else", "m-3", "hola"));
        ServerFrame.Error e = customer.ws.await(ServerFrame.Error.class);
        assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void httpMalformedJsonInvalidUtf8OversizedAndWrongTypesAreClear() {
        Http.Response malformed = f.http.postRaw("/v1/auth/login", null, "{\"username\":".getBytes(StandardCharsets.UTF_8));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorCode()).isEqualTo("BAD_REQUEST");

        Http.Response utf8 = f.http.postRaw("/v1/auth/login", null,
                new byte[] {'{', '"', 'u', 's', 'e', 'r', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xff, '"', '}'});
        assertThat(utf8.status()).isEqualTo(400);
        assertThat(utf8.body()).contains("UTF-8");

        Http.Response wrongType = f.http.postRaw("/v1/auth/login", null,
                "{\"username\":1,\"password\":\"x\",\"deviceId\":\"d\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(wrongType.errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(wrongType.body()).contains("username");

        Http.Response big = f.http.postRaw("/v1/auth/login", null, new byte[Limits.MAX_BODY_BYTES + 1]);
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");

        Http.Response empty = f.http.postRaw("/v1/auth/login", null, new byte[0]);
        assertThat(empty.errorCode()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void httpWithoutTokenOrOnAnUnknownPathIsClear() {
        Http.Response noToken = f.http.get("/v1/conversations", null);
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.errorCode()).isEqualTo("UNAUTHENTICATED");
        Http.Response unknown = f.http.get("/v1/teleport", agent.token());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
        Http.Response badScope = f.http.get("/v1/conversations?scope=everything", agent.token());
        assertThat(badScope.errorCode()).isEqualTo("BAD_REQUEST");
    }
}
