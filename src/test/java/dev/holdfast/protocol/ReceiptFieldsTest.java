package dev.holdfast.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;
import net.jqwik.api.statistics.Statistics;

/**
 * ReceiptFields.canonical is what a receipt signs, so two events that differ in a signed field
 * must give different canonical texts. The one deliberate equivalence: an absent optional field
 * and an empty one sign the same (the format writes absent fields as the empty string).
 */
class ReceiptFieldsTest {

    enum Field {
        ID, CONVERSATION_ID, SEQ, KIND, AT, AUTHOR_KIND, AUTHOR_ID, AUTHOR_NAME, TEXT, CLIENT_MESSAGE_ID,
        DEVICE_ID, ASSIGNEE, REASON, CUSTOMER, CUSTOMER_ID, CUSTOMER_NAME, CUSTOMER_LANGUAGE, CUSTOMER_CHANNEL,
        CUSTOMER_TAGS
    }

    /**
     * The random ingredients of one change; {@link #changed} turns them into a new value for the
     * chosen field. Drawn all at once (no flatMap) so that generation and shrinking stay cheap.
     */
    record Change(int mode, String piece, int position, String text, long number, List<String> tags,
                  CustomerInfo customer) {
    }

    @Provide
    Arbitrary<Tuple3<ConversationEvent, Field, ConversationEvent>> oneFieldChanged() {
        Arbitrary<Change> changes = Combinators.combine(
                Arbitraries.integers().between(0, 99),
                // Separators of the canonical format, digits that could fake a length, a comma, non-ASCII.
                Arbitraries.of(":", "\n", "1", "0:", "\n1:", ",", " ", "é", "😀", "\\"),
                Arbitraries.integers().between(0, 10_000),
                ProtocolArbitraries.anyText(300),
                Arbitraries.longs(),
                ProtocolArbitraries.tags(5),
                ProtocolArbitraries.customers().injectNull(0.3))
                .as(Change::new);
        return Combinators.combine(ProtocolArbitraries.looseEvents(), Arbitraries.of(Field.class), changes)
                .as((e, f, ch) -> {
                    Field field = applicable(e, f);
                    return Tuple.of(e, field, changed(e, field, ch));
                });
    }

    @Property(tries = 2000)
    void changingAnySignedFieldChangesTheCanonicalText(
            @ForAll("oneFieldChanged") Tuple3<ConversationEvent, Field, ConversationEvent> t) {
        ConversationEvent before = t.get1();
        ConversationEvent after = t.get3();
        Assume.that(!signedView(before).equals(signedView(after)));

        assertThat(ReceiptFields.canonical(after))
                .as("changing %s must change what the receipt signs", t.get2())
                .isNotEqualTo(ReceiptFields.canonical(before));

        Statistics.label("field").collect(t.get2());
        Statistics.label("field").coverage(c -> {
            for (Field f : Field.values()) {
                c.check(f).count(n -> n > 0);
            }
        });
    }

    @Property(tries = 200)
    void theReceiptItselfIsNotSigned(@ForAll("events") ConversationEvent e, @ForAll("receipts") String receipt) {
        assertThat(ReceiptFields.canonical(e.withReceipt(receipt))).isEqualTo(ReceiptFields.canonical(e));
    }

    @Property(tries = 200)
    void canonicalIsStableAcrossTheWire(@ForAll("events") ConversationEvent e) {
        // What a client stores and sends back in restore must still match what was signed.
        ConversationEvent back = Wire.decode(Wire.encodeBytes(e), ConversationEvent.class, Limits.MAX_RESTORE_BYTES);
        assertThat(ReceiptFields.canonical(back)).isEqualTo(ReceiptFields.canonical(e));
    }

    @Example
    void absentAndEmptyOptionalFieldsSignTheSame() {
        ConversationEvent withNull = closed(null, new Author(AuthorKind.AGENT, "ana", null));
        ConversationEvent withEmpty = closed("", new Author(AuthorKind.AGENT, "ana", ""));

        assertThat(ReceiptFields.canonical(withEmpty)).isEqualTo(ReceiptFields.canonical(withNull));
    }

    @Example
    void tagsContainingCommasAreNotConfusedWithSeparateTags() {
        ConversationEvent one = opened(List.of("vip,es"));
        ConversationEvent two = opened(List.of("vip", "es"));
        ConversationEvent none = opened(List.of());
        ConversationEvent empty = opened(List.of(""));

        assertThat(ReceiptFields.canonical(one)).isNotEqualTo(ReceiptFields.canonical(two));
        assertThat(ReceiptFields.canonical(none)).isNotEqualTo(ReceiptFields.canonical(empty));
    }

    @Provide
    Arbitrary<ConversationEvent> events() {
        return ProtocolArbitraries.events();
    }

    @Provide
    Arbitrary<String> receipts() {
        return ProtocolArbitraries.optionalText(64);
    }

    // ------------------------------------------------------------------ helpers

    private static ConversationEvent closed(String reason, Author author) {
        return new ConversationEvent("e-1", "c-1", 4, EventKind.CLOSED, 1_700_000_000_000L, author, null, null,
                null, null, reason, null, "r");
    }

    private static ConversationEvent opened(List<String> tags) {
        return new ConversationEvent("e-1", "c-1", 1, EventKind.OPENED, 1_700_000_000_000L,
                new Author(AuthorKind.CUSTOMER, "cu-1", "Begoña"), null, null, null, null, null,
                new CustomerInfo("cu-1", "Begoña", "es", "web", tags), "r");
    }

    /** Everything canonical() is meant to sign, with absent optional strings as "". */
    private static List<Object> signedView(ConversationEvent e) {
        CustomerInfo c = e.customer();
        return Arrays.asList(e.id(), e.conversationId(), e.seq(), e.kind(), e.at(), e.author().kind(),
                e.author().id(), nz(e.author().name()), nz(e.text()), nz(e.clientMessageId()), nz(e.deviceId()),
                nz(e.assignee()), nz(e.reason()),
                c == null ? null : List.of(c.id(), c.name(), c.language(), c.channel(), c.tags()));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Customer sub-fields need a customer; without one, the change sets one instead. */
    private static Field applicable(ConversationEvent e, Field f) {
        boolean customerField = f.name().startsWith("CUSTOMER_");
        return customerField && e.customer() == null ? Field.CUSTOMER : f;
    }

    /**
     * A string different from {@code old}, often only slightly: a piece inserted, the last
     * character dropped, or something unrelated; null when the field is optional.
     */
    private static String changedText(String old, Change ch, int maxChars, boolean optional) {
        String base = old == null ? "" : old;
        String result = switch (ch.mode() % (optional ? 4 : 3)) {
            case 0 -> {
                int at = ch.position() % (base.length() + 1);
                if (at > 0 && at < base.length() && Character.isLowSurrogate(base.charAt(at))) {
                    at--;
                }
                yield base.substring(0, at) + ch.piece() + base.substring(at);
            }
            case 1 -> base.isEmpty() ? "x" : base.substring(0, base.offsetByCodePoints(base.length(), -1));
            case 2 -> ch.text();
            default -> null;
        };
        if (result == null) {
            return null;
        }
        result = ProtocolArbitraries.truncate(result, maxChars);
        if (!optional && result.isBlank()) {
            result = base.equals("x") ? "y" : "x";
        }
        return result;
    }

    private static long changedNumber(long old, Change ch, long min) {
        long v = switch (ch.mode() % 4) {
            case 0 -> old + 1;
            case 1 -> old - 1;
            case 2 -> old * 10;
            default -> ch.number();
        };
        return v < min ? min + (old == min ? 1 : 0) : v;
    }

    /** Tag lists, including the ones a naive join would confuse: merged or split at a comma, empty tags. */
    private static List<String> changedTags(List<String> old, Change ch) {
        List<String> copy = new ArrayList<>(old);
        switch (ch.mode() % 4) {
            case 0 -> copy.add("");
            case 1 -> {
                if (copy.size() < 2) {
                    copy.add(ch.piece());
                } else {
                    int i = ch.position() % (copy.size() - 1);
                    copy.set(i, copy.get(i) + "," + copy.remove(i + 1));
                }
            }
            case 2 -> {
                int i = copy.isEmpty() ? -1 : ch.position() % copy.size();
                int comma = i < 0 ? -1 : copy.get(i).indexOf(',');
                if (comma < 0) {
                    return ch.tags();
                }
                String tag = copy.get(i);
                copy.set(i, tag.substring(0, comma));
                copy.add(i + 1, tag.substring(comma + 1));
            }
            default -> {
                return ch.tags();
            }
        }
        return copy;
    }

    private static ConversationEvent changed(ConversationEvent e, Field f, Change ch) {
        Author a = e.author();
        CustomerInfo c = e.customer();
        int id = Limits.MAX_ID_CHARS;
        return switch (f) {
            case ID -> copy(e).id(changedText(e.id(), ch, id, false)).build();
            case CONVERSATION_ID -> copy(e).conversationId(changedText(e.conversationId(), ch, id, false)).build();
            case SEQ -> copy(e).seq(changedNumber(e.seq(), ch, 1)).build();
            case AT -> copy(e).at(changedNumber(e.at(), ch, Long.MIN_VALUE)).build();
            case KIND -> {
                List<EventKind> kinds = Arrays.stream(EventKind.values())
                        .filter(k -> k != e.kind())
                        .filter(k -> k != EventKind.MESSAGE || (e.text() != null && !e.text().isBlank()))
                        .filter(k -> k != EventKind.OPENED || c != null)
                        .toList();
                yield copy(e).kind(kinds.get(ch.position() % kinds.size())).build();
            }
            case AUTHOR_KIND -> copy(e).author(new Author(
                    AuthorKind.values()[ch.position() % AuthorKind.values().length], a.id(), a.name())).build();
            case AUTHOR_ID -> copy(e).author(new Author(a.kind(), changedText(a.id(), ch, id, false), a.name()))
                    .build();
            case AUTHOR_NAME -> copy(e).author(new Author(a.kind(), a.id(), changedText(a.name(), ch, 200, true)))
                    .build();
            case TEXT -> copy(e).text(e.kind() == EventKind.MESSAGE
                    ? changedText(e.text(), ch, Limits.MAX_TEXT_CHARS, false)
                    : changedText(e.text(), ch, 300, true)).build();
            case CLIENT_MESSAGE_ID -> copy(e).clientMessageId(changedText(e.clientMessageId(), ch, id, true)).build();
            case DEVICE_ID -> copy(e).deviceId(changedText(e.deviceId(), ch, id, true)).build();
            case ASSIGNEE -> copy(e).assignee(changedText(e.assignee(), ch, id, true)).build();
            case REASON -> copy(e).reason(changedText(e.reason(), ch, 100, true)).build();
            case CUSTOMER -> copy(e).customer(e.kind() == EventKind.OPENED && ch.customer() == null
                    ? new CustomerInfo("c-x", "Zoë", null, null, List.of()) : ch.customer()).build();
            case CUSTOMER_ID -> copy(e).customer(new CustomerInfo(changedText(c.id(), ch, id, false), c.name(),
                    c.language(), c.channel(), c.tags())).build();
            case CUSTOMER_NAME -> copy(e).customer(new CustomerInfo(c.id(), changedText(c.name(), ch, 200, false),
                    c.language(), c.channel(), c.tags())).build();
            case CUSTOMER_LANGUAGE -> copy(e).customer(new CustomerInfo(c.id(), c.name(),
                    changedText(c.language(), ch, 20, true), c.channel(), c.tags())).build();
            case CUSTOMER_CHANNEL -> copy(e).customer(new CustomerInfo(c.id(), c.name(), c.language(),
                    changedText(c.channel(), ch, 20, true), c.tags())).build();
            case CUSTOMER_TAGS -> copy(e).customer(new CustomerInfo(c.id(), c.name(), c.language(), c.channel(),
                    changedTags(c.tags(), ch))).build();
        };
    }

    private static EventCopy copy(ConversationEvent e) {
        return new EventCopy(e);
    }

    /** A ConversationEvent with one component replaced. */
    private static final class EventCopy {
        private String id;
        private String conversationId;
        private long seq;
        private EventKind kind;
        private long at;
        private Author author;
        private String text;
        private String clientMessageId;
        private String deviceId;
        private String assignee;
        private String reason;
        private CustomerInfo customer;
        private final String receipt;

        EventCopy(ConversationEvent e) {
            id = e.id();
            conversationId = e.conversationId();
            seq = e.seq();
            kind = e.kind();
            at = e.at();
            author = e.author();
            text = e.text();
            clientMessageId = e.clientMessageId();
            deviceId = e.deviceId();
            assignee = e.assignee();
            reason = e.reason();
            customer = e.customer();
            receipt = e.receipt();
        }

        EventCopy id(String v) { id = v; return this; }
        EventCopy conversationId(String v) { conversationId = v; return this; }
        EventCopy seq(long v) { seq = v; return this; }
        EventCopy kind(EventKind v) { kind = v; return this; }
        EventCopy at(long v) { at = v; return this; }
        EventCopy author(Author v) { author = v; return this; }
        EventCopy text(String v) { text = v; return this; }
        EventCopy clientMessageId(String v) { clientMessageId = v; return this; }
        EventCopy deviceId(String v) { deviceId = v; return this; }
        EventCopy assignee(String v) { assignee = v; return this; }
        EventCopy reason(String v) { reason = v; return this; }
        EventCopy customer(CustomerInfo v) { customer = v; return this; }

        ConversationEvent build() {
            return new ConversationEvent(id, conversationId, seq, kind, at, author, text, clientMessageId, deviceId,
                    assignee, reason, customer, receipt);
        }
    }
}
