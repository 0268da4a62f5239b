package dev.holdfast.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.holdfast.protocol.Author;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.CustomerInfo;
import dev.holdfast.protocol.EventKind;
import dev.holdfast.protocol.Wire;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ReceiptSignerTest {
    private static final byte[] KEY = bytes(32, 7);
    private final ReceiptSigner signer = new ReceiptSigner(KEY);

    /** Every field set, so that each one can be shown to be signed. */
    private static final ConversationEvent EVENT = new ConversationEvent("ev-1", "conv-1", 3, EventKind.MESSAGE,
            1_700_000_000_000L, new Author(AuthorKind.AGENT, "agent1", "Alex Rivera"), "Hello there",
            "cm-1", "dev-1", "agent1", "because", new CustomerInfo("cust-1", "Dana", "de", "email",
                    List.of("vip", "returning")), null);

    @Test
    void receiptIsUnpaddedBase64UrlOfAnHmacSha256() {
        ConversationEvent signed = signer.sign(EVENT);

        assertThat(signed.receipt()).matches("[A-Za-z0-9_-]{43}");
        assertThat(signed).isEqualTo(EVENT.withReceipt(signed.receipt()));
        assertThat(signer.verify(signed)).isTrue();
    }

    @Test
    void signingIsDeterministicAndIgnoresAnExistingReceipt() {
        String receipt = signer.sign(EVENT).receipt();

        assertThat(signer.sign(EVENT.withReceipt("whatever")).receipt()).isEqualTo(receipt);
        assertThat(new ReceiptSigner(KEY).sign(EVENT).receipt()).isEqualTo(receipt);
    }

    @Test
    void survivesAWireRoundTripAsClientsStoreEventsVerbatim() {
        ConversationEvent signed = signer.sign(EVENT);

        ConversationEvent back = Wire.decode(Wire.encode(signed), ConversationEvent.class);

        assertThat(signer.verify(back)).isTrue();
    }

    @Test
    void changingAnySignedFieldBreaksTheReceipt() {
        String receipt = signer.sign(EVENT).receipt();
        CustomerInfo c = EVENT.customer();
        Author a = EVENT.author();
        Map<String, UnaryOperator<ConversationEvent>> changes = Map.ofEntries(
                Map.entry("id", e -> copy(e, "id", "ev-2")),
                Map.entry("conversationId", e -> copy(e, "conversationId", "conv-2")),
                Map.entry("seq", e -> new ConversationEvent(e.id(), e.conversationId(), 4, e.kind(), e.at(),
                        e.author(), e.text(), e.clientMessageId(), e.deviceId(), e.assignee(), e.reason(),
                        e.customer(), e.receipt())),
                Map.entry("kind", e -> new ConversationEvent(e.id(), e.conversationId(), e.seq(), EventKind.CLOSED,
                        e.at(), e.author(), e.text(), e.clientMessageId(), e.deviceId(), e.assignee(), e.reason(),
                        e.customer(), e.receipt())),
                Map.entry("at", e -> new ConversationEvent(e.id(), e.conversationId(), e.seq(), e.kind(), e.at() + 1,
                        e.author(), e.text(), e.clientMessageId(), e.deviceId(), e.assignee(), e.reason(),
                        e.customer(), e.receipt())),
                Map.entry("author.kind", e -> withAuthor(e, new Author(AuthorKind.CUSTOMER, a.id(), a.name()))),
                Map.entry("author.id", e -> withAuthor(e, new Author(a.kind(), "agent2", a.name()))),
                Map.entry("author.name", e -> withAuthor(e, new Author(a.kind(), a.id(), "Alex R."))),
                Map.entry("text", e -> copy(e, "text", "Hello there!")),
                Map.entry("clientMessageId", e -> copy(e, "clientMessageId", "cm-2")),
                Map.entry("deviceId", e -> copy(e, "deviceId", "dev-2")),
                Map.entry("assignee", e -> copy(e, "assignee", "agent2")),
                Map.entry("assignee removed", e -> copy(e, "assignee", null)),
                Map.entry("reason", e -> copy(e, "reason", "because!")),
                Map.entry("customer.id", e -> withCustomer(e,
                        new CustomerInfo("cust-2", c.name(), c.language(), c.channel(), c.tags()))),
                Map.entry("customer.name", e -> withCustomer(e,
                        new CustomerInfo(c.id(), "Dina", c.language(), c.channel(), c.tags()))),
                Map.entry("customer.language", e -> withCustomer(e,
                        new CustomerInfo(c.id(), c.name(), "fr", c.channel(), c.tags()))),
                Map.entry("customer.channel", e -> withCustomer(e,
                        new CustomerInfo(c.id(), c.name(), c.language(), "web", c.tags()))),
                Map.entry("customer.tags", e -> withCustomer(e,
                        new CustomerInfo(c.id(), c.name(), c.language(), c.channel(), List.of("vip")))),
                Map.entry("customer removed", e -> withCustomer(e, null)));

        changes.forEach((field, change) -> {
            ConversationEvent tampered = change.apply(EVENT.withReceipt(receipt));
            assertThat(tampered.receipt()).isEqualTo(receipt);
            assertThat(signer.verify(tampered)).as("changed %s", field).isFalse();
        });
    }

    @Test
    void rejectsMissingOrGarbageReceiptsWithoutThrowing() {
        String receipt = signer.sign(EVENT).receipt();

        assertThat(signer.verify(null)).isFalse();
        assertThat(signer.verify(EVENT)).isFalse();
        for (String garbage : List.of("", " ", "!!!", receipt + "=", receipt.substring(1), receipt + "A",
                receipt.toUpperCase(), "é" + receipt.substring(1))) {
            assertThat(signer.verify(EVENT.withReceipt(garbage))).as(garbage).isFalse();
        }
    }

    @Test
    void anotherKeyGivesReceiptsThatDoNotVerify() {
        ConversationEvent signedElsewhere = new ReceiptSigner(bytes(32, 8)).sign(EVENT);

        assertThat(signer.verify(signedElsewhere)).isFalse();
    }

    @Test
    void refusesShortKeys() {
        assertThatThrownBy(() -> new ReceiptSigner(bytes(16, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReceiptSigner(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ConversationEvent copy(ConversationEvent e, String field, String value) {
        return new ConversationEvent(
                field.equals("id") ? value : e.id(),
                field.equals("conversationId") ? value : e.conversationId(),
                e.seq(), e.kind(), e.at(), e.author(),
                field.equals("text") ? value : e.text(),
                field.equals("clientMessageId") ? value : e.clientMessageId(),
                field.equals("deviceId") ? value : e.deviceId(),
                field.equals("assignee") ? value : e.assignee(),
                field.equals("reason") ? value : e.reason(),
                e.customer(), e.receipt());
    }

    private static ConversationEvent withAuthor(ConversationEvent e, Author author) {
        return new ConversationEvent(e.id(), e.conversationId(), e.seq(), e.kind(), e.at(), author, e.text(),
                e.clientMessageId(), e.deviceId(), e.assignee(), e.reason(), e.customer(), e.receipt());
    }

    private static ConversationEvent withCustomer(ConversationEvent e, CustomerInfo customer) {
        return new ConversationEvent(e.id(), e.conversationId(), e.seq(), e.kind(), e.at(), e.author(), e.text(),
                e.clientMessageId(), e.deviceId(), e.assignee(), e.reason(), customer, e.receipt());
    }

    private static byte[] bytes(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
