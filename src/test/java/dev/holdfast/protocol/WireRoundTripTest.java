package dev.holdfast.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** encode → decode gives back an equal value, for every frame, event and HTTP body. */
class WireRoundTripTest {

    /** The discriminators as the protocol document states them (not read back from the annotations). */
    private static final Map<Class<?>, String> CLIENT_TYPES = Map.of(
            ClientFrame.Hello.class, "hello",
            ClientFrame.Ping.class, "ping",
            ClientFrame.Send.class, "send",
            ClientFrame.Typing.class, "typing",
            ClientFrame.SetPresence.class, "presence");
    private static final Map<Class<?>, String> SERVER_TYPES = Map.ofEntries(
            Map.entry(ServerFrame.Welcome.class, "welcome"),
            Map.entry(ServerFrame.Pong.class, "pong"),
            Map.entry(ServerFrame.Ack.class, "ack"),
            Map.entry(ServerFrame.Event.class, "event"),
            Map.entry(ServerFrame.Conversation.class, "conversation"),
            Map.entry(ServerFrame.TypingNotice.class, "typing"),
            Map.entry(ServerFrame.PresenceNotice.class, "presence"),
            Map.entry(ServerFrame.Synced.class, "synced"),
            Map.entry(ServerFrame.Error.class, "error"));

    /** Every record of protocol.http; the generator must produce each of them. */
    private static final List<Class<? extends Record>> HTTP_RECORDS = List.of(
            AdminResult.class, AgentInfo.class, AgentList.class, ConversationList.class,
            CustomerOpenRequest.class, CustomerSendRequest.class, CustomerSession.class, ErrorBody.class,
            ErrorBody.Detail.class, EventPage.class, Health.class, LoginRequest.class, RefreshRequest.class,
            RestoreRequest.class, RestoreRequest.Item.class, RestoreResponse.class, RestoreResponse.Result.class,
            RestoreResponse.Rejected.class, SendRequest.class, TokenResponse.class, UserInfo.class,
            VersionedAction.class, WipeResponse.class);

    @Provide
    Arbitrary<ClientFrame> clientFrames() {
        return ProtocolArbitraries.clientFrames();
    }

    @Provide
    Arbitrary<ServerFrame> serverFrames() {
        return ProtocolArbitraries.serverFrames();
    }

    @Provide
    Arbitrary<ConversationEvent> events() {
        return ProtocolArbitraries.events();
    }

    @Provide
    Arbitrary<ConversationEvent> looseEvents() {
        return ProtocolArbitraries.looseEvents();
    }

    @Provide
    Arbitrary<ConversationSummary> summaries() {
        return ProtocolArbitraries.summaries();
    }

    @Provide
    Arbitrary<CustomerInfo> customers() {
        return ProtocolArbitraries.customers();
    }

    @Provide
    Arbitrary<Author> authors() {
        return ProtocolArbitraries.authors();
    }

    @Provide
    Arbitrary<Record> httpBodies() {
        return ProtocolArbitraries.httpBodies();
    }

    @Property(tries = 500)
    void clientFramesRoundTrip(@ForAll("clientFrames") ClientFrame frame) {
        String json = Wire.encode(frame);

        assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(Limits.MAX_FRAME_BYTES);
        assertThat(Wire.decodeClientFrame(json)).isEqualTo(frame);
        Statistics.label("frame").collect(frame.getClass().getSimpleName());
        Statistics.label("frame").coverage(c -> CLIENT_TYPES.keySet()
                .forEach(t -> c.check(t.getSimpleName()).count(n -> n > 0)));
    }

    @Property(tries = 300)
    void clientFramesCarryTheirTypeDiscriminator(@ForAll("clientFrames") ClientFrame frame) throws Exception {
        JsonNode tree = Wire.mapper().readTree(Wire.encode(frame));

        assertThat(tree.isObject()).isTrue();
        assertThat(tree.path("type").isTextual()).as("type is a JSON string").isTrue();
        assertThat(tree.path("type").asText()).isEqualTo(CLIENT_TYPES.get(frame.getClass()));
    }

    @Property(tries = 500)
    void serverFramesRoundTrip(@ForAll("serverFrames") ServerFrame frame) {
        String json = Wire.encode(frame);

        assertThat(Wire.decodeServerFrame(json)).isEqualTo(frame);
        Statistics.label("frame").collect(frame.getClass().getSimpleName());
        Statistics.label("frame").coverage(c -> SERVER_TYPES.keySet()
                .forEach(t -> c.check(t.getSimpleName()).count(n -> n > 0)));
    }

    @Property(tries = 300)
    void serverFramesCarryTheirTypeDiscriminator(@ForAll("serverFrames") ServerFrame frame) throws Exception {
        JsonNode tree = Wire.mapper().readTree(Wire.encode(frame));

        assertThat(tree.path("type").isTextual()).as("type is a JSON string").isTrue();
        assertThat(tree.path("type").asText()).isEqualTo(SERVER_TYPES.get(frame.getClass()));
    }

    @Property(tries = 400)
    void eventsOfEveryKindRoundTrip(@ForAll("events") ConversationEvent event) {
        assertThat(roundTripBody(event)).isEqualTo(event);
        // Inside a frame too, where the platform actually sends them.
        assertThat(Wire.decodeServerFrame(Wire.encode(new ServerFrame.Event(event))))
                .isEqualTo(new ServerFrame.Event(event));
        Statistics.label("kind").collect(event.kind());
        Statistics.label("kind").coverage(c -> {
            for (EventKind kind : EventKind.values()) {
                c.check(kind).count(n -> n > 0);
            }
        });
    }

    @Property(tries = 300)
    void eventsWithAnyFieldCombinationRoundTrip(@ForAll("looseEvents") ConversationEvent event) {
        assertThat(roundTripBody(event)).isEqualTo(event);
    }

    @Property(tries = 200)
    void summariesRoundTrip(@ForAll("summaries") ConversationSummary summary) {
        assertThat(roundTripBody(summary)).isEqualTo(summary);
    }

    @Property(tries = 200)
    void customersRoundTrip(@ForAll("customers") CustomerInfo customer) {
        assertThat(roundTripBody(customer)).isEqualTo(customer);
    }

    @Property(tries = 200)
    void authorsRoundTrip(@ForAll("authors") Author author) {
        assertThat(roundTripBody(author)).isEqualTo(author);
    }

    @Property(tries = 800)
    void httpBodiesRoundTrip(@ForAll("httpBodies") Record body) {
        assertThat(roundTripBody(body)).isEqualTo(body);
        Statistics.label("body").collect(body.getClass().getName());
        Statistics.label("body").coverage(c -> HTTP_RECORDS.forEach(t -> c.check(t.getName()).count(n -> n > 0)));
    }

    @Property(tries = 200)
    void framesHaveExactlyTheRecordsFields(@ForAll("clientFrames") ClientFrame client,
                                           @ForAll("serverFrames") ServerFrame server) throws Exception {
        assertExactShape(client, Wire.mapper().readTree(Wire.encode(client)));
        assertExactShape(server, Wire.mapper().readTree(Wire.encode(server)));
    }

    @Property(tries = 300)
    void bodiesHaveExactlyTheRecordsFields(@ForAll("httpBodies") Record body) throws Exception {
        assertExactShape(body, Wire.mapper().readTree(Wire.encode(body)));
    }

    /**
     * The records are the JSON shapes: an object has exactly the record's non-null components
     * (plus "type" for a frame), all the way down. Catches helper methods that Jackson would
     * otherwise serialize as properties (a getter-like {@code isX()} becomes "x").
     */
    private static void assertExactShape(Object value, JsonNode node) throws Exception {
        if (value instanceof Record record) {
            if (!node.isObject()) {
                throw new AssertionError(value.getClass().getSimpleName() + " is not a JSON object: " + node);
            }
            Map<String, Object> expected = new java.util.LinkedHashMap<>();
            if (value instanceof ClientFrame || value instanceof ServerFrame) {
                expected.put("type", null);
            }
            for (var component : record.getClass().getRecordComponents()) {
                Object v = component.getAccessor().invoke(record);
                if (v != null) {
                    expected.put(component.getName(), v);
                }
            }
            java.util.Set<String> actual = new java.util.HashSet<>();
            node.fieldNames().forEachRemaining(actual::add);
            if (!actual.equals(expected.keySet())) { // AssertJ only on failure: this runs for every nested value
                assertThat(actual).as("fields of %s", value.getClass().getSimpleName())
                        .containsExactlyInAnyOrderElementsOf(expected.keySet());
            }
            for (var e : expected.entrySet()) {
                if (e.getValue() != null) {
                    assertExactShape(e.getValue(), node.get(e.getKey()));
                }
            }
        } else if (value instanceof List<?> list) {
            assertThat(node.isArray()).isTrue();
            assertThat(node.size()).isEqualTo(list.size());
            for (int i = 0; i < list.size(); i++) {
                assertExactShape(list.get(i), node.get(i));
            }
        } else if (value instanceof Map<?, ?> map) {
            assertThat(node.isObject()).isTrue();
            assertThat(node.size()).isEqualTo(map.size());
            for (var e : map.entrySet()) {
                assertExactShape(e.getValue(), node.get((String) e.getKey()));
            }
        }
    }

    /** Through bytes, as an HTTP body travels. */
    private static Object roundTripBody(Object value) {
        byte[] bytes = Wire.encodeBytes(value);
        return Wire.decode(bytes, value.getClass(), Limits.MAX_RESTORE_BYTES);
    }
}
