package dev.holdfast.app;

import dev.holdfast.client.connection.Transport;
import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.Wire;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * <b>Test-only</b> fault injection for the headless agent, so that crash tests can hold a child
 * process in an exact window before killing it. Switched on by system properties that nobody sets
 * in production; with neither set, {@link #wrap} returns the transport unchanged.
 *
 * <ul>
 *   <li>{@value #HOLD_OUTBOX}{@code =true}: the socket refuses every {@code send} frame, so the send
 *       queue stays closed — messages are journaled (QUEUED) and never leave the desk.</li>
 *   <li>{@value #DROP_ACKS}{@code =true}: every {@code ack} from the platform is dropped, so messages
 *       reach the platform but the desk never records the acknowledgement (they stay SENDING).</li>
 * </ul>
 */
final class TestHooks {
    static final String HOLD_OUTBOX = "holdfast.test.holdOutbox";
    static final String DROP_ACKS = "holdfast.test.dropAcks";
    private static final Logger LOG = LoggerFactory.getLogger(TestHooks.class);

    private TestHooks() {
    }

    static Transport wrap(Transport transport) {
        boolean holdOutbox = Boolean.getBoolean(HOLD_OUTBOX);
        boolean dropAcks = Boolean.getBoolean(DROP_ACKS);
        if (!holdOutbox && !dropAcks) {
            return transport;
        }
        LOG.warn("TEST HOOKS ON: holdOutbox={}, dropAcks={} (never use these outside tests)", holdOutbox, dropAcks);
        return (URI uri, Transport.Listener listener) -> {
            Transport.Listener filtered = !dropAcks ? listener : new Transport.Listener() {
                @Override
                public void onOpen() {
                    listener.onOpen();
                }

                @Override
                public void onText(String text) {
                    if (!isAck(text)) {
                        listener.onText(text);
                    }
                }

                @Override
                public void onClosed(int code, String reason) {
                    listener.onClosed(code, reason);
                }

                @Override
                public void onFailure(Throwable error) {
                    listener.onFailure(error);
                }
            };
            Transport.Socket socket = transport.open(uri, filtered);
            if (!holdOutbox) {
                return socket;
            }
            return new Transport.Socket() {
                @Override
                public boolean send(String text) {
                    return !isSend(text) && socket.send(text);
                }

                @Override
                public void close(int code, String reason) {
                    socket.close(code, reason);
                }
            };
        };
    }

    private static boolean isSend(String text) {
        try {
            return Wire.decodeClientFrame(text) instanceof ClientFrame.Send;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isAck(String text) {
        try {
            return Wire.decodeServerFrame(text) instanceof ServerFrame.Ack;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
