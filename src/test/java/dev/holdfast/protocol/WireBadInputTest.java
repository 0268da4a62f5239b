package dev.holdfast.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.holdfast.protocol.http.CustomerOpenRequest;
import dev.holdfast.protocol.http.LoginRequest;
import dev.holdfast.protocol.http.RefreshRequest;
import dev.holdfast.protocol.http.RestoreRequest;
import dev.holdfast.protocol.http.SendRequest;
import dev.holdfast.protocol.http.VersionedAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the codec does with input that breaks the protocol: always a {@link ProtocolException}
 * with the right code and a message that names the problem, never a silent coercion.
 */
class WireBadInputTest {

    /** One valid frame of each client type, with every field set. */
    private static final Map<String, ClientFrame> VALID = Map.of(
            "hello", new ClientFrame.Hello(1, "tok-ñ", "dev-1", "ep-1", "ses-1", Map.of("c-1", 3L)),
            "send", new ClientFrame.Send("c-1", "m-1", "¿Dónde está mi pedido? 📦"),
            "ping", new ClientFrame.Ping("n-1"),
            "typing", new ClientFrame.Typing("c-1", true),
            "presence", new ClientFrame.SetPresence(Presence.AWAY));

    /** The fields each client frame cannot do without. */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "hello", List.of("protocol", "token", "deviceId"),
            "send", List.of("conversationId", "clientMessageId", "text"),
            "ping", List.of("nonce"),
            "typing", List.of("conversationId", "active"),
            "presence", List.of("status"));

    private static final List<String> STRING_FIELDS = List.of("hello.token", "hello.deviceId", "hello.epoch",
            "hello.sessionId", "send.conversationId", "send.clientMessageId", "send.text", "ping.nonce",
            "typing.conversationId");

    // ------------------------------------------------------------------ helpers

    private static ObjectNode frame(String type) {
        return (ObjectNode) tree(Wire.encode(VALID.get(type)));
    }

    private static JsonNode tree(String json) {
        try {
            return Wire.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static ObjectNode with(String type, String field, String rawJsonValue) {
        ObjectNode node = frame(type);
        node.set(field, tree(rawJsonValue));
        return node;
    }

    private static ObjectNode without(String type, String field) {
        ObjectNode node = frame(type);
        node.remove(field);
        return node;
    }

    private static ProtocolException rejected(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ProtocolException.class);
        return (ProtocolException) thrown;
    }

    private static ProtocolException clientError(String json) {
        return rejected(() -> Wire.decodeClientFrame(json));
    }

    private static ProtocolException clientError(JsonNode json) {
        return clientError(json.toString());
    }

    private static void assertBadRequest(ProtocolException e, String message) {
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    private static ProtocolException bodyError(byte[] body, Class<?> type) {
        return rejected(() -> Wire.decode(body, type, Limits.MAX_BODY_BYTES));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    @Test
    void theValidFramesUsedBelowDecode() {
        VALID.forEach((type, frame) -> assertThat(Wire.decodeClientFrame(frame(type).toString())).isEqualTo(frame));
    }

    // ------------------------------------------------------------------ not a JSON object

    @Nested
    class NotAJsonObject {

        @ParameterizedTest
        @ValueSource(strings = {"{", "{\"type\":\"ping\",", "{\"type\":\"ping\" \"nonce\":\"n\"}", "{type:\"ping\"}",
            "{'type':'ping','nonce':'n'}", "{\"type\":\"ping\",\"nonce\":\"n\",}", "{\"type\":\"ping\"]",
            "{\"type\":\"ping\",\"nonce\":nope}", "{\"type\":\"ping\",\"nonce\":\"n\" // comment\n}"})
        void malformedJson(String json) {
            ProtocolException e = clientError(json);

            assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
            assertThat(e.getMessage()).matches("malformed JSON at \\d+:\\d+");
        }

        @Test
        void unescapedControlCharacterInAString() {
            ProtocolException e = clientError("{\"type\":\"ping\",\"nonce\":\"a\u0001b\"}");

            assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
            assertThat(e.getMessage()).contains("nonce");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "\n\t \r\n"})
        void emptyFrame(String text) {
            assertBadRequest(clientError(text), "empty frame: a JSON object is required");
        }

        @Test
        void arrays() {
            assertBadRequest(clientError("[]"), "expected a JSON object, not an array");
            assertBadRequest(clientError("[{\"type\":\"ping\",\"nonce\":\"n\"}]"), "expected a JSON object, not an array");
        }

        @Test
        void typeAndObjectInAnArrayAreNotAFrame() {
            // Jackson's fallback for polymorphic types would read this as a ping.
            assertBadRequest(clientError("[\"ping\",{\"nonce\":\"n\"}]"), "expected a JSON object, not an array");
            ProtocolException server = rejected(() -> Wire.decodeServerFrame("[\"pong\",{\"nonce\":\"n\",\"serverTime\":1}]"));
            assertBadRequest(server, "expected a JSON object, not an array");
        }

        @Test
        void scalars() {
            assertBadRequest(clientError("42"), "expected a JSON object, not a number");
            assertBadRequest(clientError("-4.2e3"), "expected a JSON object, not a number");
            assertBadRequest(clientError("\"ping\""), "expected a JSON object, not a string");
            assertBadRequest(clientError("true"), "expected a JSON object, not a boolean");
            assertBadRequest(clientError("null"), "expected a JSON object, not null");
            assertBadRequest(rejected(() -> Wire.decodeServerFrame("null")), "expected a JSON object, not null");
        }
    }

    // ------------------------------------------------------------------ the type discriminator

    @Nested
    class TypeDiscriminator {

        @Test
        void unknownType() {
            assertBadRequest(clientError("{\"type\":\"xyz\",\"nonce\":\"n\"}"), "unknown frame type: xyz");
        }

        @Test
        void typesAreCaseSensitive() {
            assertBadRequest(clientError("{\"type\":\"PING\",\"nonce\":\"n\"}"), "unknown frame type: PING");
        }

        @Test
        void serverTypesAreNotClientTypesAndBackAgain() {
            assertBadRequest(clientError("{\"type\":\"welcome\"}"), "unknown frame type: welcome");
            assertBadRequest(rejected(() -> Wire.decodeServerFrame(frame("hello").toString())),
                    "unknown frame type: hello");
        }

        @Test
        void missingType() {
            assertBadRequest(clientError(without("ping", "type")), "missing field: type");
            assertBadRequest(clientError("{}"), "missing field: type");
        }

        @Test
        void nullType() {
            assertBadRequest(clientError(with("ping", "type", "null")), "missing field: type");
        }

        @Test
        void numericTypeIsAnUnknownType() {
            assertBadRequest(clientError(with("ping", "type", "5")), "unknown frame type: 5");
        }

        @Test
        void typeNeedNotComeFirst() {
            assertThat(Wire.decodeClientFrame("{\"nonce\":\"n-1\",\"type\":\"ping\"}"))
                    .isEqualTo(new ClientFrame.Ping("n-1"));
        }
    }

    // ------------------------------------------------------------------ missing fields

    @Nested
    class MissingFields {

        static Stream<Arguments> requiredFields() {
            return REQUIRED.entrySet().stream()
                    .flatMap(e -> e.getValue().stream().map(f -> Arguments.of(e.getKey(), f)));
        }

        static Stream<Arguments> requiredStringFields() {
            return requiredFields().filter(a -> !List.of("protocol", "active", "status").contains(a.get()[1]));
        }

        @ParameterizedTest(name = "{0} without {1}")
        @MethodSource("requiredFields")
        void absent(String type, String field) {
            assertBadRequest(clientError(without(type, field)), "missing field: " + field);
        }

        @ParameterizedTest(name = "{0} with {1} null")
        @MethodSource("requiredFields")
        void explicitNull(String type, String field) {
            // For protocol and active this is "null for a primitive": refused, never read as 0 or false.
            assertBadRequest(clientError(with(type, field, "null")), "missing field: " + field);
        }

        @ParameterizedTest(name = "{0} with {1} blank")
        @MethodSource("requiredStringFields")
        void blank(String type, String field) {
            assertBadRequest(clientError(with(type, field, "\"\"")), "missing field: " + field);
            assertBadRequest(clientError(with(type, field, "\" \\n\\t\"")), "missing field: " + field);
        }

        @Test
        void helloOptionalFieldsMayBeAbsentOrNull() {
            ObjectNode hello = frame("hello");
            hello.remove(List.of("epoch", "sessionId", "cursors"));
            assertThat(Wire.decodeClientFrame(hello.toString()))
                    .isEqualTo(new ClientFrame.Hello(1, "tok-ñ", "dev-1", null, null, Map.of()));

            ObjectNode nulls = frame("hello");
            nulls.putNull("epoch");
            nulls.putNull("sessionId");
            nulls.putNull("cursors");
            assertThat(Wire.decodeClientFrame(nulls.toString()))
                    .isEqualTo(new ClientFrame.Hello(1, "tok-ñ", "dev-1", null, null, Map.of()));
        }
    }

    // ------------------------------------------------------------------ wrong types

    @Nested
    class WrongTypes {

        static Stream<Arguments> notAString() {
            return STRING_FIELDS.stream().flatMap(tf -> Stream.of("42", "4.2", "true", "{}", "{\"a\":\"b\"}", "[\"x\"]")
                    .map(v -> Arguments.of(tf.split("\\.")[0], tf.split("\\.")[1], v)));
        }

        @ParameterizedTest(name = "{0}.{1} = {2}")
        @MethodSource("notAString")
        void stringFieldsTakeOnlyStrings(String type, String field, String value) {
            assertBadRequest(clientError(with(type, field, value)), "wrong type or value for field: " + field);
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"1\"", "true", "1.5", "1.0", "{}", "[1]"})
        void protocolIsAnInteger(String value) {
            assertBadRequest(clientError(with("hello", "protocol", value)), "wrong type or value for field: protocol");
        }

        @Test
        void protocolOutOfRange() {
            ProtocolException e = clientError(with("hello", "protocol", "3000000000"));

            assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
            assertThat(e.getMessage()).endsWith("field: protocol");
        }

        @Test
        void anyProtocolNumberDecodesSoThePlatformCanAnswerUnsupportedVersion() {
            ClientFrame frame = Wire.decodeClientFrame(with("hello", "protocol", "0").toString());
            assertThat(((ClientFrame.Hello) frame).protocol()).isZero();
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"true\"", "\"false\"", "1", "0", "\"yes\"", "{}", "[true]"})
        void activeIsABoolean(String value) {
            assertBadRequest(clientError(with("typing", "active", value)), "wrong type or value for field: active");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "1", "true", "{}", "[\"away\"]", "\"busy\"", "\"AWAY\"", "\"\""})
        void statusIsAPresenceName(String value) {
            assertBadRequest(clientError(with("presence", "status", value)), "wrong type or value for field: status");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"c-1\"", "[]", "5", "true"})
        void cursorsIsAnObject(String value) {
            assertBadRequest(clientError(with("hello", "cursors", value)), "wrong type or value for field: cursors");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"3\"", "true", "1.5", "{}", "[3]", "null"})
        void cursorValuesAreIntegers(String value) {
            assertBadRequest(clientError(with("hello", "cursors", "{\"c-1\":" + value + "}")),
                    "wrong type or value for field: cursors.c-1");
        }
    }

    // ------------------------------------------------------------------ duplicates and trailing data

    @Nested
    class DuplicatesAndTrailingData {

        @Test
        void duplicateKey() {
            assertBadRequest(clientError("{\"type\":\"ping\",\"nonce\":\"a\",\"nonce\":\"b\"}"), "duplicate field: nonce");
        }

        @Test
        void duplicateType() {
            assertBadRequest(clientError("{\"type\":\"ping\",\"nonce\":\"a\",\"type\":\"send\"}"), "duplicate field: type");
        }

        @Test
        void duplicateKeyInANestedObject() {
            String json = frame("hello").toString().replace("{\"c-1\":3}", "{\"c-1\":3,\"c-1\":4}");

            assertBadRequest(clientError(json), "duplicate field: c-1");
        }

        @Test
        void duplicateUnknownKeyIsStillADuplicate() {
            assertBadRequest(clientError("{\"type\":\"ping\",\"nonce\":\"a\",\"x\":1,\"x\":1}"), "duplicate field: x");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{}", " {\"type\":\"ping\",\"nonce\":\"b\"}", " x", ",", "]", "}", "5", "null", "\"\""})
        void trailingData(String garbage) {
            ProtocolException e = clientError(frame("ping") + garbage);

            assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
            assertThat(e.getMessage()).startsWith("trailing data after the JSON object");
        }

        @Test
        void trailingWhitespaceIsFine() {
            assertThat(Wire.decodeClientFrame(" \n" + frame("ping") + " \r\n\t")).isEqualTo(VALID.get("ping"));
        }
    }

    // ------------------------------------------------------------------ limits

    @Nested
    class SizeLimits {

        private String send(String text) {
            return with("send", "text", Wire.encode(text)).toString();
        }

        @Test
        void textAtTheLimit() {
            assertThat(Wire.decodeClientFrame(send("a".repeat(Limits.MAX_TEXT_CHARS)))).isInstanceOf(ClientFrame.Send.class);
            assertThat(Wire.decodeClientFrame(send("😀".repeat(Limits.MAX_TEXT_CHARS / 2))))
                    .isInstanceOf(ClientFrame.Send.class);
        }

        @Test
        void textOverTheLimit() {
            assertBadRequest(clientError(send("a".repeat(Limits.MAX_TEXT_CHARS + 1))),
                    "text is longer than 8000 characters");
        }

        @Test
        void textLengthCountsUtf16CharsSoEmojiCountTwice() {
            assertBadRequest(clientError(send("😀".repeat(Limits.MAX_TEXT_CHARS / 2) + "a")),
                    "text is longer than 8000 characters");
        }

        @Test
        void idOverTheLimit() {
            String longId = Wire.encode("c".repeat(Limits.MAX_ID_CHARS + 1));

            assertBadRequest(clientError(with("send", "conversationId", longId)),
                    "conversationId is longer than 128 characters");
            assertBadRequest(clientError(with("hello", "deviceId", longId)), "deviceId is longer than 128 characters");
        }

        @Test
        void tokenOverItsLimit() {
            assertBadRequest(clientError(with("hello", "token", Wire.encode("t".repeat(4097)))),
                    "token is longer than 4096 characters");
        }

        /** A valid ping padded with an unknown field to exactly {@code bytes} UTF-8 bytes. */
        private String pingOfSize(int bytes, String padChar) {
            String head = "{\"type\":\"ping\",\"nonce\":\"n\",\"pad\":\"";
            String tail = "\"}";
            int padBytes = bytes - utf8(head).length - utf8(tail).length;
            int perChar = utf8(padChar).length;
            String pad = padChar.repeat(padBytes / perChar) + "x".repeat(padBytes % perChar);
            String frame = head + pad + tail;
            assertThat(utf8(frame)).hasSize(bytes);
            return frame;
        }

        @Test
        void frameAtTheLimit() {
            assertThat(Wire.decodeClientFrame(pingOfSize(Limits.MAX_FRAME_BYTES, "x"))).isEqualTo(new ClientFrame.Ping("n"));
            assertThat(Wire.decodeClientFrame(pingOfSize(Limits.MAX_FRAME_BYTES, "é"))).isEqualTo(new ClientFrame.Ping("n"));
        }

        @Test
        void frameOverTheLimit() {
            ProtocolException e = clientError(pingOfSize(Limits.MAX_FRAME_BYTES + 1, "x"));

            assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
            assertThat(e.getMessage()).isEqualTo("frame of 65537 bytes exceeds the limit of 65536");
        }

        @Test
        void frameSizeIsCountedInUtf8BytesNotChars() {
            // 22,000 chars, 66,000 bytes.
            String frame = pingOfSize(66_000, "中");
            assertThat(frame.length()).isLessThan(Limits.MAX_FRAME_BYTES);

            ProtocolException e = clientError(frame);

            assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
            assertThat(e.getMessage()).isEqualTo("frame of 66000 bytes exceeds the limit of 65536");
        }

        @Test
        void sizeIsCheckedBeforeTheContent() {
            ProtocolException e = clientError("[" + "x".repeat(Limits.MAX_FRAME_BYTES));

            assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        }
    }

    // ------------------------------------------------------------------ presence

    @Nested
    class PresenceFrame {

        @Test
        void offlineIsNotSomethingAClientSets() {
            assertBadRequest(clientError(with("presence", "status", "\"offline\"")), "status must be available or away");
        }

        @Test
        void availableAndAwayAre() {
            assertThat(Wire.decodeClientFrame(with("presence", "status", "\"available\"").toString()))
                    .isEqualTo(new ClientFrame.SetPresence(Presence.AVAILABLE));
            assertThat(Wire.decodeClientFrame(with("presence", "status", "\"away\"").toString()))
                    .isEqualTo(new ClientFrame.SetPresence(Presence.AWAY));
        }
    }

    // ------------------------------------------------------------------ forward compatibility

    @Nested
    class UnknownFieldsAreIgnored {

        static Stream<String> types() {
            return VALID.keySet().stream().sorted();
        }

        @ParameterizedTest
        @MethodSource("types")
        void inEveryClientFrame(String type) {
            ObjectNode node = frame(type);
            node.put("newString", "¿nuevo? 🆕");
            node.put("newNumber", 12.5);
            node.put("newBoolean", true);
            node.putNull("newNull");
            node.set("newObject", tree("{\"type\":\"ping\",\"nested\":{\"deep\":[1,{\"x\":null}]}}"));
            node.set("newArray", tree("[\"a\",1,false,null,{}]"));

            assertThat(Wire.decodeClientFrame(node.toString())).isEqualTo(VALID.get(type));
        }

        @Test
        void beforeTheType() {
            String json = "{\"zzz\":{\"a\":[1,2]},\"nonce\":\"n-1\",\"extra\":\"x\",\"type\":\"ping\"}";

            assertThat(Wire.decodeClientFrame(json)).isEqualTo(new ClientFrame.Ping("n-1"));
        }

        @Test
        void inNestedServerFrameObjects() {
            ConversationEvent event = new ConversationEvent("e-1", "c-1", 2, EventKind.MESSAGE, 1_700_000_000_000L,
                    new Author(AuthorKind.CUSTOMER, "cu-1", "Begoña"), "hola", "m-1", "dev-1", null, null, null, "r");
            ObjectNode ack = (ObjectNode) tree(Wire.encode(new ServerFrame.Ack("m-1", "c-1", event, null)));
            ((ObjectNode) ack.get("event")).put("priority", "high");
            ((ObjectNode) ack.get("event").get("author")).set("avatar", tree("{\"url\":\"x\"}"));
            ack.put("latencyMs", 3);

            assertThat(Wire.decodeServerFrame(ack.toString())).isEqualTo(new ServerFrame.Ack("m-1", "c-1", event, null));
        }

        @Test
        void inHttpBodies() {
            byte[] body = utf8("{\"username\":\"ana\",\"password\":\"pässwörd\",\"deviceId\":\"d-1\","
                    + "\"rememberMe\":true,\"client\":{\"name\":\"holdfast\",\"version\":[0,1]}}");

            assertThat(Wire.decode(body, LoginRequest.class, Limits.MAX_BODY_BYTES))
                    .isEqualTo(new LoginRequest("ana", "pässwörd", "d-1"));
        }

        @Test
        void inNestedHttpBodyObjects() {
            byte[] body = utf8("{\"deviceId\":\"d-1\",\"v\":2,\"conversations\":[{\"conversationId\":\"c-1\",\"x\":[],"
                    + "\"events\":[{\"id\":\"e-1\",\"conversationId\":\"c-1\",\"seq\":1,\"kind\":\"opened\",\"at\":5,"
                    + "\"author\":{\"kind\":\"customer\",\"id\":\"cu-1\",\"mood\":\"😊\"},\"receipt\":\"r\",\"new\":1,"
                    + "\"customer\":{\"id\":\"cu-1\",\"name\":\"Begoña\",\"vip\":true}}]}]}");

            RestoreRequest decoded = Wire.decode(body, RestoreRequest.class, Limits.MAX_RESTORE_BYTES);

            assertThat(decoded.conversations()).hasSize(1);
            assertThat(decoded.conversations().get(0).events().get(0).customer())
                    .isEqualTo(new CustomerInfo("cu-1", "Begoña", null, null, null));
        }
    }

    // ------------------------------------------------------------------ server frames

    @Nested
    class ServerFrames {

        @Test
        void wrongTypeInANestedEvent() {
            String json = "{\"type\":\"event\",\"event\":{\"id\":\"e-1\",\"conversationId\":\"c-1\",\"seq\":\"1\","
                    + "\"kind\":\"message\",\"at\":5,\"author\":{\"kind\":\"agent\",\"id\":\"a\"},\"text\":\"hi\"}}";

            assertBadRequest(rejected(() -> Wire.decodeServerFrame(json)), "wrong type or value for field: event.seq");
        }

        @Test
        void missingNestedNumber() {
            String json = "{\"type\":\"event\",\"event\":{\"id\":\"e-1\",\"conversationId\":\"c-1\",\"seq\":1,"
                    + "\"kind\":\"message\",\"author\":{\"kind\":\"agent\",\"id\":\"a\"},\"text\":\"hi\"}}";

            assertBadRequest(rejected(() -> Wire.decodeServerFrame(json)), "missing field: event.at");
        }

        @Test
        void unknownErrorCode() {
            assertBadRequest(rejected(() -> Wire.decodeServerFrame("{\"type\":\"error\",\"code\":\"OOPS\"}")),
                    "wrong type or value for field: code");
        }
    }

    // ------------------------------------------------------------------ HTTP bodies

    @Nested
    class HttpBodies {

        static Stream<Arguments> invalidUtf8() {
            byte[] head = utf8("{\"refreshToken\":\"");
            byte[] tail = utf8("\"}");
            int at = head.length;
            return Stream.of(
                    Arguments.of("a lone 0xFF", bytes(0xFF, '{', '}'), 0),
                    Arguments.of("a continuation byte alone", concat(head, bytes(0x80), tail), at),
                    Arguments.of("a lead byte without its continuation", concat(head, bytes(0xC3, 0x28), tail), at),
                    Arguments.of("a sequence cut at the end", concat(utf8("{\"a\":1} "), bytes(0xE2, 0x82)), 8),
                    Arguments.of("an overlong NUL", concat(head, bytes(0xC0, 0x80), tail), at),
                    Arguments.of("an encoded surrogate (CESU-8)", concat(head, bytes(0xED, 0xA0, 0x80), tail), at),
                    Arguments.of("a code point beyond U+10FFFF", concat(head, bytes(0xF4, 0x90, 0x80, 0x80), tail), at),
                    Arguments.of("Latin-1 é", concat(head, bytes(0xE9), tail), at),
                    Arguments.of("UTF-16 with a byte order mark",
                            "{\"refreshToken\":\"x\"}".getBytes(StandardCharsets.UTF_16), 0),
                    Arguments.of("UTF-16LE with a non-ASCII letter",
                            "{\"refreshToken\":\"ñ\"}".getBytes(StandardCharsets.UTF_16LE), 34));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("invalidUtf8")
        void invalidUtf8(String what, byte[] body, int offset) {
            assertBadRequest(bodyError(body, RefreshRequest.class), "invalid UTF-8 in body at byte " + offset);
        }

        @Test
        void asciiOnlyUtf16IsNotGuessedEither() {
            // Jackson would detect UTF-16 from the zero bytes and accept it.
            byte[] body = "{\"refreshToken\":\"x\"}".getBytes(StandardCharsets.UTF_16LE);

            ProtocolException e = bodyError(body, RefreshRequest.class);

            assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
            assertThat(e.getMessage()).startsWith("malformed JSON at");
        }

        @Test
        void utf8ByteOrderMarkIsTolerated() {
            byte[] body = concat(bytes(0xEF, 0xBB, 0xBF), utf8("{\"refreshToken\":\"tök\"}"));

            assertThat(Wire.decode(body, RefreshRequest.class, Limits.MAX_BODY_BYTES))
                    .isEqualTo(new RefreshRequest("tök"));
        }

        @Test
        void emptyBody() {
            assertBadRequest(bodyError(new byte[0], RefreshRequest.class), "empty body: a JSON object is required");
            assertBadRequest(bodyError(utf8(" \r\n"), RefreshRequest.class), "empty body: a JSON object is required");
        }

        @Test
        void notAnObject() {
            assertBadRequest(bodyError(utf8("[]"), RefreshRequest.class), "expected a JSON object, not an array");
            assertBadRequest(bodyError(utf8("\"tok\""), RefreshRequest.class), "expected a JSON object, not a string");
        }

        @Test
        void trailingData() {
            ProtocolException e = bodyError(utf8("{\"refreshToken\":\"t\"} {\"refreshToken\":\"u\"}"), RefreshRequest.class);

            assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
            assertThat(e.getMessage()).startsWith("trailing data after the JSON object");
        }

        /** {"refreshToken":"t"} followed by spaces up to exactly {@code size} bytes. */
        private byte[] refreshOfSize(int size) {
            byte[] json = utf8("{\"refreshToken\":\"t\"}");
            byte[] body = new byte[size];
            Arrays.fill(body, (byte) ' ');
            System.arraycopy(json, 0, body, 0, json.length);
            return body;
        }

        @Test
        void bodyAtTheLimit() {
            assertThat(Wire.decode(refreshOfSize(Limits.MAX_BODY_BYTES), RefreshRequest.class, Limits.MAX_BODY_BYTES))
                    .isEqualTo(new RefreshRequest("t"));
        }

        @Test
        void bodyOverTheLimit() {
            ProtocolException e = bodyError(refreshOfSize(Limits.MAX_BODY_BYTES + 1), RefreshRequest.class);

            assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
            assertThat(e.getMessage()).isEqualTo("body of 65537 bytes exceeds the limit of 65536");
        }

        @Test
        void sizeIsCheckedBeforeEncoding() {
            byte[] garbage = new byte[Limits.MAX_BODY_BYTES + 1];
            Arrays.fill(garbage, (byte) 0xFF);

            assertThat(bodyError(garbage, RefreshRequest.class).code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        }

        @Test
        void restoreHasItsOwnLimit() {
            byte[] big = refreshOfSize(Limits.MAX_BODY_BYTES * 4);
            assertThat(Wire.decode(big, RefreshRequest.class, Limits.MAX_RESTORE_BYTES)).isEqualTo(new RefreshRequest("t"));

            ProtocolException e = rejected(() -> Wire.decode(new byte[Limits.MAX_RESTORE_BYTES + 1], RestoreRequest.class,
                    Limits.MAX_RESTORE_BYTES));
            assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
            assertThat(e.getMessage()).isEqualTo("body of 16777217 bytes exceeds the limit of 16777216");
        }

        @Test
        void missingFields() {
            assertBadRequest(bodyError(utf8("{\"password\":\"p\",\"deviceId\":\"d\"}"), LoginRequest.class),
                    "missing field: username");
            assertBadRequest(bodyError(utf8("{\"toAgent\":\"ana\"}"), VersionedAction.class), "missing field: version");
            assertBadRequest(bodyError(utf8("{\"deviceId\":\"d\",\"clientMessageId\":\"m\"}"), SendRequest.class),
                    "missing field: text");
        }

        @Test
        void wrongTypes() {
            assertBadRequest(bodyError(utf8("{\"version\":\"3\"}"), VersionedAction.class),
                    "wrong type or value for field: version");
            assertBadRequest(bodyError(utf8("{\"version\":3.5}"), VersionedAction.class),
                    "wrong type or value for field: version");
            assertBadRequest(bodyError(utf8("{\"username\":7,\"password\":\"p\",\"deviceId\":\"d\"}"), LoginRequest.class),
                    "wrong type or value for field: username");
            assertBadRequest(bodyError(utf8("{\"name\":\"Zoë\",\"tags\":\"vip\"}"), CustomerOpenRequest.class),
                    "wrong type or value for field: tags");
        }

        @Test
        void nullInsideAList() {
            ProtocolException e = bodyError(utf8("{\"name\":\"Zoë\",\"tags\":[\"vip\",null]}"), CustomerOpenRequest.class);

            assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
            assertThat(e.getMessage()).startsWith("wrong type or value for field: tags");
        }

        @Test
        void recordRulesApply() {
            String tags = Stream.generate(() -> "\"t\"").limit(21).reduce((a, b) -> a + "," + b).orElseThrow();
            assertBadRequest(bodyError(utf8("{\"name\":\"Zoë\",\"tags\":[" + tags + "]}"), CustomerOpenRequest.class),
                    "at most 20 tags");
            assertBadRequest(bodyError(utf8("{\"version\":0}"), VersionedAction.class), "version must be at least 1");
        }

        @Test
        void duplicateKey() {
            assertBadRequest(bodyError(utf8("{\"refreshToken\":\"a\",\"refreshToken\":\"b\"}"), RefreshRequest.class),
                    "duplicate field: refreshToken");
        }
    }
}
