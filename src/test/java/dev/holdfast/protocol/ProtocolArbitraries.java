package dev.holdfast.protocol;

import dev.holdfast.protocol.http.AdminResult;
import dev.holdfast.protocol.http.AgentInfo;
import dev.holdfast.protocol.http.AgentList;
import dev.holdfast.protocol.http.ConversationList;
import dev.holdfast.protocol.http.CustomerOpenRequest;
import dev.holdfast.protocol.http.CustomerSendRequest;
import dev.holdfast.protocol.http.CustomerSession;
import dev.holdfast.protocol.http.ErrorBody;
import dev.holdfast.protocol.http.EventPage;
import dev.holdfast.protocol.http.Health;
import dev.holdfast.protocol.http.LoginRequest;
import dev.holdfast.protocol.http.RefreshRequest;
import dev.holdfast.protocol.http.RestoreRequest;
import dev.holdfast.protocol.http.RestoreResponse;
import dev.holdfast.protocol.http.SendRequest;
import dev.holdfast.protocol.http.TokenResponse;
import dev.holdfast.protocol.http.UserInfo;
import dev.holdfast.protocol.http.VersionedAction;
import dev.holdfast.protocol.http.WipeResponse;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators for every protocol record. Strings mix ASCII with Spanish accents, emoji (surrogate
 * pairs), CJK, quotes, backslashes, newlines and control characters, and stay within the limits
 * the records enforce (never a lone surrogate: the wire is UTF-8).
 */
final class ProtocolArbitraries {
    private ProtocolArbitraries() {
    }

    /** Spanish letters and punctuation. */
    private static final int[] SPANISH = "áéíóúüñÁÉÍÓÚÜÑ¿¡".codePoints().toArray();
    /** Characters JSON must escape, plus ones that tend to trip up hand-written codecs. */
    private static final int[] AWKWARD = {'"', '\\', '/', '\n', '\r', '\t', '\b', '\f', ':', ',', '{', '}',
        '[', ']', '\'', 0x7F, 0x85, 0xA0, 0x2028, 0x2029, 0x200D, 0xFEFF, 0xFFFD};

    // ------------------------------------------------------------------ strings

    /**
     * One code point, from weighted classes: printable ASCII 12, Spanish 4, emoji 3, awkward 2,
     * any supplementary 1, C0 controls 1, CJK 1. A single integer mapped piecewise is much cheaper
     * for jqwik than a frequencyOf per character, and still shrinks (towards a space).
     */
    static Arbitrary<Integer> codePoints() {
        return Arbitraries.integers().between(0, 24 * 1000 - 1).map(ProtocolArbitraries::codePoint);
    }

    private static int codePoint(int n) {
        int segment = n / 1000;
        int k = n % 1000;
        if (segment < 12) {
            return 0x20 + (segment * 1000 + k) % 95;
        } else if (segment < 16) {
            return SPANISH[k % SPANISH.length];
        } else if (segment < 19) {
            return 0x1F300 + ((segment - 16) * 1000 + k) % 0x800; // emoji: surrogate pairs
        } else if (segment < 21) {
            return AWKWARD[k % AWKWARD.length];
        } else if (segment < 22) {
            return 0x10000 + k * 1087 % 0x100000; // spread over all supplementary planes
        } else if (segment < 23) {
            return k % 0x20; // C0 control characters
        } else {
            return 0x4E00 + k * 21 % 0x5200; // CJK
        }
    }

    /** Any string of at most {@code maxChars} UTF-16 chars (possibly empty or blank). */
    static Arbitrary<String> anyText(int maxChars) {
        Arbitrary<String> usual = codePoints().list().ofMaxSize(Math.min(maxChars, 40))
                .map(ProtocolArbitraries::join)
                .map(s -> truncate(s, maxChars));
        if (maxChars <= 40) {
            return usual;
        }
        // Now and then a string at (or a surrogate pair short of) the limit: a random pattern repeated,
        // which is much cheaper to draw than thousands of independent code points.
        Arbitrary<String> longOne = codePoints().list().ofMinSize(1).ofMaxSize(40)
                .map(ProtocolArbitraries::join)
                .map(s -> truncate(s.repeat(maxChars / s.length() + 1), maxChars));
        return Arbitraries.frequencyOf(Tuple.of(30, usual), Tuple.of(1, longOne));
    }

    /** A string that Require.text accepts: not blank and at most {@code maxChars} chars. */
    static Arbitrary<String> text(int maxChars) {
        return anyText(maxChars).filter(s -> !s.isBlank());
    }

    static Arbitrary<String> id() {
        return text(Limits.MAX_ID_CHARS);
    }

    static Arbitrary<String> optionalId() {
        return id().injectNull(0.25);
    }

    static Arbitrary<String> optionalText(int maxChars) {
        return anyText(maxChars).injectNull(0.25);
    }

    static Arbitrary<String> messageText() {
        return text(Limits.MAX_TEXT_CHARS);
    }

    private static String join(List<Integer> codePoints) {
        StringBuilder sb = new StringBuilder();
        codePoints.forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** Cuts to at most {@code maxChars} UTF-16 chars without splitting a surrogate pair. */
    static String truncate(String s, int maxChars) {
        if (s.length() <= maxChars) {
            return s;
        }
        int end = maxChars;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    static Arbitrary<List<String>> tags(int maxTags) {
        return anyText(30).list().ofMaxSize(maxTags);
    }

    // ------------------------------------------------------------------ shared records

    static Arbitrary<Author> authors() {
        return Combinators.combine(Arbitraries.of(AuthorKind.class), id(), optionalText(200))
                .as(Author::new);
    }

    static Arbitrary<CustomerInfo> customers() {
        Arbitrary<String> language = Arbitraries.oneOf(
                Arbitraries.of("es", "en", "es-419", "pt-BR"), Arbitraries.of("", " "), anyText(20))
                .injectNull(0.2);
        Arbitrary<String> channel = Arbitraries.oneOf(
                Arbitraries.of("web", "whatsapp", "email"), anyText(20)).injectNull(0.2);
        return Combinators.combine(id(), text(200), language, channel, tags(5))
                .as(CustomerInfo::new);
    }

    /** An event shaped like the platform makes them: the fields of its kind set, the others null. */
    static Arbitrary<ConversationEvent> events() {
        return Arbitraries.oneOf(java.util.Arrays.stream(EventKind.values())
                .map(ProtocolArbitraries::events).toList());
    }

    static Arbitrary<ConversationEvent> events(EventKind kind) {
        Arbitrary<Tuple.Tuple6<String, String, Long, Long, Author, String>> common = Combinators.combine(
                id(), id(), Arbitraries.longs().greaterOrEqual(1), Arbitraries.longs(), authors(),
                optionalText(64)).as(Tuple::of);
        Arbitrary<String> none = Arbitraries.just(null);
        Arbitrary<String> text = kind == EventKind.MESSAGE ? messageText() : none;
        Arbitrary<String> clientMessageId = kind == EventKind.MESSAGE ? optionalId() : none;
        Arbitrary<String> deviceId = kind == EventKind.MESSAGE ? optionalId() : none;
        Arbitrary<String> assignee = switch (kind) {
            case ASSIGNED, TRANSFERRED, REOPENED -> id();
            default -> none;
        };
        Arbitrary<String> reason = switch (kind) {
            case CLOSED, QUEUED, TRANSFERRED -> optionalText(500);
            default -> none;
        };
        Arbitrary<CustomerInfo> customer = kind == EventKind.OPENED ? customers() : Arbitraries.just(null);
        return Combinators.combine(common, text, clientMessageId, deviceId, assignee, reason, customer)
                .as((c, t, cmid, dev, asg, rsn, cust) -> new ConversationEvent(c.get1(), c.get2(), c.get3(),
                        kind, c.get4(), c.get5(), t, cmid, dev, asg, rsn, cust, c.get6()));
    }

    /** An event with every field drawn independently (kind constraints still met). */
    static Arbitrary<ConversationEvent> looseEvents() {
        Arbitrary<Tuple.Tuple7<String, String, Long, EventKind, Long, Author, String>> head =
                Combinators.combine(id(), id(), Arbitraries.longs().greaterOrEqual(1),
                        Arbitraries.of(EventKind.class), Arbitraries.longs(), authors(), optionalText(64))
                        .as(Tuple::of);
        return Combinators.combine(head, optionalText(300), optionalId(), optionalId(), optionalId(),
                        optionalText(100), customers().injectNull(0.3))
                .as((h, text, cmid, dev, asg, rsn, cust) -> {
                    EventKind kind = h.get4();
                    String t = kind == EventKind.MESSAGE && (text == null || text.isBlank()) ? "hola 👋" : text;
                    CustomerInfo c = kind == EventKind.OPENED && cust == null
                            ? new CustomerInfo("c-1", "Begoña", "es", "web", List.of()) : cust;
                    return new ConversationEvent(h.get1(), h.get2(), h.get3(), kind, h.get5(), h.get6(), t, cmid,
                            dev, asg, rsn, c, h.get7());
                });
    }

    static Arbitrary<ConversationSummary> summaries() {
        Arbitrary<Tuple.Tuple6<String, ConversationStatus, String, Long, Long, Long>> a = Combinators.combine(
                id(), Arbitraries.of(ConversationStatus.class), optionalId(), Arbitraries.longs().greaterOrEqual(0),
                Arbitraries.longs().greaterOrEqual(0), Arbitraries.longs().greaterOrEqual(0)).as(Tuple::of);
        Arbitrary<AuthorKind> lastBy = Arbitraries.of(AuthorKind.class).injectNull(0.2);
        return Combinators.combine(a, customers(), Arbitraries.longs(), Arbitraries.longs(), lastBy,
                        Arbitraries.longs().injectNull(0.4), Arbitraries.of(true, false))
                .as((x, cust, created, lastAt, by, waiting, restored) -> new ConversationSummary(x.get1(), x.get2(),
                        x.get3(), x.get4(), x.get5(), x.get6(), cust, created, lastAt, by, waiting, restored));
    }

    // ------------------------------------------------------------------ frames

    static Arbitrary<ClientFrame.Hello> hellos() {
        Arbitrary<Map<String, Long>> cursors = Arbitraries.maps(id(), Arbitraries.longs().greaterOrEqual(0))
                .ofMaxSize(5);
        return Combinators.combine(Arbitraries.integers(), text(4096), id(), optionalId(),
                        optionalId(), cursors.injectNull(0.1))
                .as(ClientFrame.Hello::new);
    }

    static Arbitrary<ClientFrame> clientFrames() {
        return Arbitraries.oneOf(
                hellos(),
                id().map(ClientFrame.Ping::new),
                Combinators.combine(id(), id(), messageText()).as(ClientFrame.Send::new),
                Combinators.combine(id(), Arbitraries.of(true, false)).as(ClientFrame.Typing::new),
                Arbitraries.of(Presence.AVAILABLE, Presence.AWAY).map(ClientFrame.SetPresence::new));
    }

    static Arbitrary<ServerFrame> serverFrames() {
        Arbitrary<ServerFrame.Welcome> welcome = Combinators.combine(
                        Combinators.combine(Arbitraries.integers(), id(), id(), Arbitraries.of(true, false), id())
                                .as(Tuple::of),
                        Arbitraries.of(Role.class).injectNull(0.1), Arbitraries.integers(), Arbitraries.integers(),
                        Arbitraries.longs())
                .as((t, role, heartbeat, maxFrame, time) -> new ServerFrame.Welcome(t.get1(), t.get2(), t.get3(),
                        t.get4(), t.get5(), role, heartbeat, maxFrame, time));
        Arbitrary<ServerFrame.Error> error = Combinators.combine(Arbitraries.of(ErrorCode.class),
                        optionalText(300), optionalId(), optionalId(), Arbitraries.longs().injectNull(0.5), optionalId())
                .as(ServerFrame.Error::new);
        return Arbitraries.oneOf(
                welcome,
                Combinators.combine(id(), Arbitraries.longs()).as(ServerFrame.Pong::new),
                Combinators.combine(id(), id(), events(EventKind.MESSAGE).injectNull(0.2), optionalId())
                        .as(ServerFrame.Ack::new),
                events().map(ServerFrame.Event::new),
                Combinators.combine(summaries(), events().list().ofMaxSize(4).injectNull(0.1))
                        .as(ServerFrame.Conversation::new),
                Combinators.combine(id(), authors(), Arbitraries.of(true, false)).as(ServerFrame.TypingNotice::new),
                Combinators.combine(id(), Arbitraries.of(Presence.class)).as(ServerFrame.PresenceNotice::new),
                Combinators.combine(id(), Arbitraries.integers()).as(ServerFrame.Synced::new),
                error);
    }

    // ------------------------------------------------------------------ HTTP bodies

    static Arbitrary<UserInfo> users() {
        return Combinators.combine(id(), text(100), optionalText(200), Arbitraries.of(Role.class), tags(4))
                .as(UserInfo::new);
    }

    static Arbitrary<AgentInfo> agents() {
        return Combinators.combine(
                        Combinators.combine(id(), optionalText(200), Arbitraries.of(Role.class).injectNull(0.1),
                                Arbitraries.of(Presence.class)).as(Tuple::of),
                        Arbitraries.integers(), Arbitraries.integers(), tags(4).injectNull(0.1),
                        Arbitraries.longs().injectNull(0.3))
                .as((t, open, capacity, teams, seen) -> new AgentInfo(t.get1(), t.get2(), t.get3(), t.get4(), open,
                        capacity, teams, seen));
    }

    static Arbitrary<ErrorBody.Detail> errorDetails() {
        return Combinators.combine(Arbitraries.of(ErrorCode.class), optionalText(300),
                        Arbitraries.longs().injectNull(0.5), optionalId())
                .as(ErrorBody.Detail::new);
    }

    static Arbitrary<RestoreRequest.Item> restoreItems() {
        return Combinators.combine(id(), looseEvents().list().ofMaxSize(4)).as(RestoreRequest.Item::new);
    }

    static Arbitrary<RestoreResponse.Rejected> restoreRejections() {
        return Combinators.combine(optionalId(), Arbitraries.longs(), optionalText(100))
                .as(RestoreResponse.Rejected::new);
    }

    static Arbitrary<RestoreResponse.Result> restoreResults() {
        return Combinators.combine(id(), Arbitraries.of(RestoreResponse.Outcome.class), Arbitraries.integers(),
                        restoreRejections().list().ofMaxSize(3), summaries().injectNull(0.3))
                .as(RestoreResponse.Result::new);
    }

    /** One value of every record in protocol.http, nested records included. */
    static Arbitrary<Record> httpBodies() {
        return Arbitraries.oneOf(List.of(
                Combinators.combine(optionalText(40), Arbitraries.integers()).as(AdminResult::new),
                agents(),
                agents().list().ofMaxSize(3).injectNull(0.1).map(AgentList::new),
                Combinators.combine(optionalId(), summaries().list().ofMaxSize(3)).as(ConversationList::new),
                Combinators.combine(text(200), optionalText(20), optionalText(20), tags(20).injectNull(0.2))
                        .as(CustomerOpenRequest::new),
                Combinators.combine(id(), messageText()).as(CustomerSendRequest::new),
                Combinators.combine(id(), id(), text(600), summaries().injectNull(0.2)).as(CustomerSession::new),
                errorDetails(),
                errorDetails().map(ErrorBody::new),
                Combinators.combine(optionalId(), summaries().injectNull(0.2), events().list().ofMaxSize(4),
                        Arbitraries.of(true, false)).as(EventPage::new),
                Combinators.combine(optionalText(10), optionalText(20), Arbitraries.integers(),
                        optionalText(10), optionalId()).as(Health::new),
                Combinators.combine(text(100), anyText(200), id()).as(LoginRequest::new),
                text(4096).map(RefreshRequest::new),
                restoreItems(),
                Combinators.combine(id(), restoreItems().list().ofMaxSize(3)).as(RestoreRequest::new),
                restoreRejections(),
                restoreResults(),
                Combinators.combine(optionalId(), restoreResults().list().ofMaxSize(3)).as(RestoreResponse::new),
                Combinators.combine(id(), id(), messageText()).as(SendRequest::new),
                Combinators.combine(text(600), Arbitraries.longs(), text(600), Arbitraries.longs(), users(), id())
                        .as(TokenResponse::new),
                users(),
                Combinators.combine(Arbitraries.longs().greaterOrEqual(1), optionalId(), optionalText(500))
                        .as(VersionedAction::new),
                Combinators.combine(optionalId(), optionalId()).as(WipeResponse::new)));
    }
}
