package dev.holdfast.platform.live;

import dev.holdfast.platform.auth.CustomerClaims;
import dev.holdfast.protocol.Author;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.CustomerInfo;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.EventKind;
import dev.holdfast.protocol.Limits;
import dev.holdfast.protocol.ProtocolException;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.http.CustomerOpenRequest;
import dev.holdfast.protocol.http.EventPage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer channel: open a conversation, connect, send, type, read. A customer whose
 * conversation vanished in a wipe keeps writing: the conversation is recreated awaiting its
 * agent's restore and the messages are held, acknowledged, until then.
 */
public final class CustomerActions {
    private static final Logger LOG = LoggerFactory.getLogger(CustomerActions.class);

    private final LiveStore store;
    private final AgentActions agents;

    public CustomerActions(LiveStore store, AgentActions agents) {
        this.store = store;
        this.agents = agents;
    }

    /** Opens a conversation and routes it. Returns the conversation's id and the customer. */
    public Opened open(CustomerOpenRequest request) {
        return store.locked(() -> {
            String conversationId = store.ids().next("c");
            CustomerInfo customer = new CustomerInfo(store.ids().next("cust"), request.name(), request.language(),
                    request.channel(), request.tags());
            Conversation c = store.create(conversationId, new ConversationMeta(null, 0, false, 0));
            try {
                store.append(c, EventKind.OPENED, customerAuthor(customer), null, null, null, null, null, customer);
            } catch (RuntimeException e) {
                store.conversations().remove(conversationId);
                throw e;
            }
            agents.drainQueue();
            LOG.info("conversation {} opened ({}, {})", conversationId, customer.language(), customer.channel());
            return new Opened(c.summary().id(), customer, c.summary());
        });
    }

    public record Opened(String conversationId, CustomerInfo customer,
                         dev.holdfast.protocol.ConversationSummary conversation) {
    }

    public void hello(Connection conn, CustomerClaims claims, ClientFrame.Hello hello) {
        store.locked(() -> {
            String conversationId = claims.conversationId();
            conn.attach(store.ids().next("s"));
            store.connections().addCustomer(conn);
            conn.send(new ServerFrame.Welcome(Limits.PROTOCOL_VERSION, store.currentEpoch(), conn.sessionId(), false,
                    claims.customer().id(), null, Limits.HEARTBEAT_SECONDS, Limits.MAX_FRAME_BYTES, store.now()));
            Conversation c = store.conversations().get(conversationId);
            if (c != null && !c.isEmpty()) {
                long at = hello.cursors().getOrDefault(conversationId, 0L);
                if (at > c.lastSeq() || at < c.firstSeq() - 1) {
                    conn.send(CustomerCopy.of(new ServerFrame.Conversation(c.summary(),
                            c.recent(LiveStore.RECENT_EVENTS))));
                } else {
                    c.after(at, Integer.MAX_VALUE).forEach(e -> conn.send(new ServerFrame.Event(CustomerCopy.of(e))));
                }
            }
            conn.send(new ServerFrame.Synced(store.currentEpoch(), c == null ? 0 : 1));
        });
    }

    public void disconnected(Connection conn) {
        store.locked(() -> store.connections().removeCustomer(conn));
    }

    public ServerFrame.Ack send(CustomerClaims claims, String clientMessageId, String text) {
        return store.locked(() -> {
            String customerId = claims.customer().id();
            String conversationId = claims.conversationId();
            ConversationEvent earlier = store.sentMessage(customerId, customerId, clientMessageId);
            if (earlier != null) {
                return repeat(earlier.conversationId(), earlier.text(), conversationId, clientMessageId, text,
                        new ServerFrame.Ack(clientMessageId, conversationId, earlier, null));
            }
            PendingMessage heldEarlier = store.heldMessage(customerId, clientMessageId);
            if (heldEarlier != null) {
                return repeat(conversationId, heldEarlier.text(), conversationId, clientMessageId, text,
                        new ServerFrame.Ack(clientMessageId, conversationId, null, heldEarlier.pendingId()));
            }
            Conversation c = store.conversations().get(conversationId);
            if (c == null) {
                // The platform lost this conversation: recreate it and hold the message for the restore.
                c = store.create(conversationId, new ConversationMeta(claims.customer(), 0, false, store.now()));
                store.saveMeta(c, c.meta());
                LOG.info("conversation {} recreated awaiting restore", conversationId);
            }
            if (c.status() == ConversationStatus.AWAITING_RESTORE) {
                PendingMessage p = new PendingMessage(store.ids().next("p"), customerId, clientMessageId, text,
                        store.now());
                store.hold(c, p);
                return new ServerFrame.Ack(clientMessageId, conversationId, null, p.pendingId());
            }
            if (c.status() == ConversationStatus.CLOSED) {
                throw new ProtocolException(ErrorCode.CONFLICT, "the conversation is closed; start a new one");
            }
            ConversationEvent e = store.append(c, EventKind.MESSAGE, customerAuthor(c.customer()), text,
                    clientMessageId, customerId, null, null, null);
            return new ServerFrame.Ack(clientMessageId, conversationId, e, null);
        });
    }

    private static ServerFrame.Ack repeat(String earlierConversation, String earlierText, String conversationId,
                                          String clientMessageId, String text, ServerFrame.Ack ack) {
        if (earlierConversation.equals(conversationId) && earlierText.equals(text)) {
            return ack;
        }
        throw new ProtocolException(ErrorCode.IDEMPOTENCY_MISMATCH,
                "clientMessageId " + clientMessageId + " was already used for a different message");
    }

    public void typing(CustomerClaims claims, boolean active) {
        store.locked(() -> {
            Conversation c = store.conversations().get(claims.conversationId());
            if (c == null) {
                return;
            }
            ServerFrame frame = new ServerFrame.TypingNotice(c.id(), customerAuthor(c.customer()), active);
            store.connections().toUser(c.assignee(), frame);
            for (Connection conn : store.connections().agentConnections()) {
                if (conn.role().oversees() && !conn.userId().equals(c.assignee())) {
                    conn.send(frame);
                }
            }
        });
    }

    public EventPage events(CustomerClaims claims, Long after, int limit) {
        return store.locked(() -> {
            Conversation c = store.conversations().get(claims.conversationId());
            if (c == null || c.isEmpty()) {
                return new EventPage(store.currentEpoch(), null, List.of(), false);
            }
            return CustomerCopy.of(agents.pageOf(c, after, null, limit));
        });
    }

    static Author customerAuthor(CustomerInfo customer) {
        return new Author(AuthorKind.CUSTOMER, customer.id(), customer.name());
    }
}
