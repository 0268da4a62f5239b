package dev.holdfast.platform.sim;

import dev.holdfast.protocol.Author;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.CustomerInfo;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.EventKind;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.Wire;
import dev.holdfast.protocol.http.CustomerOpenRequest;
import dev.holdfast.protocol.http.CustomerSession;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * A scripted platform on the far side of {@link CustomerTransport}. Every frame in either
 * direction goes through {@link Wire} so that only valid shapes pass. With {@link #autoReply} it
 * behaves like a small platform: welcome after hello, ack after send (same ack for a repeated
 * clientMessageId), pong after ping (unless {@link #answerPings} is off), and an agent reply after every second customer message; all
 * answers arrive {@link #LATENCY} later on the manual clock.
 */
final class FakeCustomerTransport implements CustomerTransport {
    static final Duration LATENCY = Duration.ofMillis(40);

    private final ManualScheduler scheduler;
    final List<CustomerOpenRequest> opens = new ArrayList<>();
    final List<FakeConnection> connections = new ArrayList<>();
    boolean autoReply;
    /** The platform answers pings even when the test scripts everything else. */
    boolean answerPings = true;
    int refuseConnections;
    int refuseOpens;

    FakeCustomerTransport(ManualScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public CompletableFuture<CustomerSession> open(CustomerOpenRequest request) {
        CustomerOpenRequest decoded = Wire.decode(Wire.encode(request), CustomerOpenRequest.class);
        opens.add(decoded);
        if (refuseOpens > 0) {
            refuseOpens--;
            return CompletableFuture.failedFuture(new IOException("connection refused"));
        }
        int n = opens.size();
        CustomerInfo info = new CustomerInfo("cust-" + n, decoded.name(), decoded.language(), decoded.channel(),
                decoded.tags());
        ConversationSummary summary = new ConversationSummary("conv-" + n, ConversationStatus.QUEUED, null, 1, 1, 1,
                info, 0, 0, AuthorKind.CUSTOMER, null, false);
        CustomerSession session = new CustomerSession("conv-" + n, "cust-" + n, "token-" + n, summary);
        return CompletableFuture.completedFuture(Wire.decode(Wire.encode(session), CustomerSession.class));
    }

    @Override
    public CompletableFuture<Connection> connect(Listener listener) {
        FakeConnection connection = new FakeConnection(listener);
        connections.add(connection);
        if (refuseConnections > 0) {
            refuseConnections--;
            connection.refused = true;
            return CompletableFuture.failedFuture(new IOException("connection refused"));
        }
        return CompletableFuture.completedFuture(connection);
    }

    FakeConnection last() {
        return connections.get(connections.size() - 1);
    }

    /** Connections that were handed to the customer (not refused). */
    List<FakeConnection> accepted() {
        return connections.stream().filter(c -> !c.refused).collect(Collectors.toList());
    }

    /** A frame as sent, with the manual clock's time. */
    record Sent(long at, ClientFrame frame) {
    }

    final class FakeConnection implements Connection {
        final Listener listener;
        final List<Sent> sent = new ArrayList<>();
        final List<ClientFrame> sentAfterClose = new ArrayList<>();
        boolean refused;
        boolean closed;
        boolean aborted;
        private String conversationId;
        private long seq = 1;
        private int customerMessages;
        private final Map<String, ServerFrame.Ack> acks = new HashMap<>();

        FakeConnection(Listener listener) {
            this.listener = listener;
        }

        @Override
        public void send(ClientFrame frame) {
            ClientFrame decoded = Wire.decodeClientFrame(Wire.encode(frame));
            if (closed || aborted) {
                sentAfterClose.add(decoded);
                return;
            }
            sent.add(new Sent(scheduler.nowMillis(), decoded));
            if (autoReply) {
                answer(decoded);
            } else if (answerPings && decoded instanceof ClientFrame.Ping ping) {
                later(() -> deliver(new ServerFrame.Pong(ping.nonce(), scheduler.nowMillis())));
            }
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public void abort() {
            aborted = true;
        }

        <T extends ClientFrame> List<T> sent(Class<T> type) {
            return sent.stream().map(Sent::frame).filter(type::isInstance).map(type::cast)
                    .collect(Collectors.toList());
        }

        ClientFrame.Hello hello() {
            return sent(ClientFrame.Hello.class).get(0);
        }

        // ---- the platform's side ----

        void deliver(ServerFrame frame) {
            listener.onFrame(Wire.decodeServerFrame(Wire.encode(frame)));
        }

        void welcome() {
            deliver(new ServerFrame.Welcome(1, "epoch-1", "session-1", false, "cust", null, 15, 65536, 0));
        }

        void event(String conversationId, long seq, EventKind kind, AuthorKind author) {
            deliver(new ServerFrame.Event(conversationEvent(conversationId, seq, kind, author, kind == EventKind.MESSAGE
                    ? "How can I help?" : null, null)));
        }

        void ack(ClientFrame.Send send, long seq) {
            deliver(new ServerFrame.Ack(send.clientMessageId(), send.conversationId(),
                    conversationEvent(send.conversationId(), seq, EventKind.MESSAGE, AuthorKind.CUSTOMER, send.text(),
                            send.clientMessageId()), null));
        }

        void error(ErrorCode code, String ref) {
            deliver(new ServerFrame.Error(code, code.name().toLowerCase(), ref, null, null, null));
        }

        void closeFromPlatform(int code) {
            listener.onClosed(code, "");
        }

        private void answer(ClientFrame frame) {
            if (frame instanceof ClientFrame.Hello hello) {
                conversationId = hello.cursors().keySet().iterator().next();
                seq = Math.max(seq, hello.cursors().get(conversationId));
                later(this::welcome);
            } else if (frame instanceof ClientFrame.Ping ping && answerPings) {
                later(() -> deliver(new ServerFrame.Pong(ping.nonce(), scheduler.nowMillis())));
            } else if (frame instanceof ClientFrame.Send send) {
                ServerFrame.Ack ack = acks.get(send.clientMessageId());
                if (ack == null) {
                    ack = new ServerFrame.Ack(send.clientMessageId(), send.conversationId(),
                            conversationEvent(send.conversationId(), ++seq, EventKind.MESSAGE, AuthorKind.CUSTOMER, send.text(),
                                    send.clientMessageId()), null);
                    acks.put(send.clientMessageId(), ack);
                    customerMessages++;
                    if (customerMessages % 2 == 0) {
                        long replySeq = ++seq;
                        scheduler.schedule(Duration.ofSeconds(3), () -> {
                            if (!closed && !aborted) {
                                deliver(new ServerFrame.Event(conversationEvent(conversationId, replySeq, EventKind.MESSAGE,
                                        AuthorKind.AGENT, "Let me check that for you.", null)));
                            }
                        });
                    }
                }
                ServerFrame.Ack answer = ack;
                later(() -> deliver(answer));
            }
        }

        private void later(Runnable reply) {
            scheduler.schedule(LATENCY, () -> {
                if (!closed && !aborted) {
                    reply.run();
                }
            });
        }
    }

    static ConversationEvent conversationEvent(String conversationId, long seq, EventKind kind, AuthorKind author,
                                               String text,
                                   String clientMessageId) {
        Author by = switch (author) {
            case CUSTOMER -> new Author(AuthorKind.CUSTOMER, "cust", "Customer");
            case AGENT -> new Author(AuthorKind.AGENT, "agent-1", "Ana");
            case SYSTEM -> Author.system();
        };
        CustomerInfo customer = kind == EventKind.OPENED
                ? new CustomerInfo("cust", "Customer", "en", "web", List.of()) : null;
        return new ConversationEvent("ev-" + conversationId + "-" + seq, conversationId, seq, kind, seq * 1000, by,
                text, clientMessageId, clientMessageId == null ? null : "cust", null, null, customer, "receipt");
    }
}
