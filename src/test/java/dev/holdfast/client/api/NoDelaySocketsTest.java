package dev.holdfast.client.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class NoDelaySocketsTest {
    @Test
    void theDefaultClientsSocketsSendWithoutWaitingForAcknowledgements() throws Exception {
        assertThat(PlatformApi.defaultClient().socketFactory()).isInstanceOf(NoDelaySockets.class);
        NoDelaySockets sockets = new NoDelaySockets();
        try (Socket unconnected = sockets.createSocket()) {
            assertThat(unconnected.getTcpNoDelay()).isTrue();
        }
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket byName = sockets.createSocket("127.0.0.1", server.getLocalPort());
             Socket byAddress = sockets.createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            assertThat(byName.getTcpNoDelay()).isTrue();
            assertThat(byAddress.getTcpNoDelay()).isTrue();
        }
    }
}
