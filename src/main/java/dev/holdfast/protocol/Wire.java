package dev.holdfast.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one codec for frames and HTTP bodies. Decoding is strict (wrong types, duplicate keys,
 * trailing data and unknown frame types are errors) and reports a {@link ProtocolException}
 * with BAD_REQUEST or PAYLOAD_TOO_LARGE and a message that names the field. Unknown fields are
 * ignored so that newer peers can add them.
 */
public final class Wire {
    private static final ObjectMapper MAPPER = buildMapper();
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);

    private Wire() {
    }

    private static ObjectMapper buildMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_MISSING_EXTERNAL_TYPE_ID_PROPERTY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                // A null inside a list or map (tags, cursors) is a bad value, not a crash in List.copyOf.
                .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
                .build();
        // Numbers and booleans are not strings, and strings are not numbers, on this wire.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    /** The configured mapper, for callers that need tree access (tests, tools). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String encode(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    public static byte[] encodeBytes(Object value) {
        return encode(value).getBytes(StandardCharsets.UTF_8);
    }

    public static ClientFrame decodeClientFrame(String text) {
        return decodeClientFrame(text, Limits.MAX_FRAME_BYTES);
    }

    /** Decodes a client frame allowed up to {@code maxBytes} (the first frame, hello, may be larger). */
    public static ClientFrame decodeClientFrame(String text, int maxBytes) {
        checkFrameSize(text, maxBytes);
        return decode(text, ClientFrame.class);
    }

    public static ServerFrame decodeServerFrame(String text) {
        return decode(text, ServerFrame.class);
    }

    /** Decodes an HTTP body; bytes that are not UTF-8 are a BAD_REQUEST. */
    public static <T> T decode(byte[] body, Class<T> type, int maxBytes) {
        if (body.length > maxBytes) {
            throw new ProtocolException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "body of " + body.length + " bytes exceeds the limit of " + maxBytes);
        }
        if (body.length == 0) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "empty body: a JSON object is required");
        }
        // Jackson would guess UTF-16/UTF-32 from the first bytes; this wire is UTF-8 only.
        requireUtf8(body);
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a UTF-8 byte order mark is tolerated, as Jackson did
        }
        if (text.isBlank()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "empty body: a JSON object is required");
        }
        return decode(text, type);
    }

    /** Decodes one JSON object; anything else (array, scalar, null, trailing data) is a BAD_REQUEST. */
    public static <T> T decode(String text, Class<T> type) {
        try (JsonParser p = MAPPER.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "empty frame: a JSON object is required");
            }
            if (first != JsonToken.START_OBJECT) {
                // Also stops Jackson's fallback that reads ["type", {...}] as a typed value.
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "expected a JSON object, not " + describe(first));
            }
            T value = MAPPER.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(p);
            requireEnd(p);
            return value;
        } catch (IOException e) {
            throw translate(e);
        }
    }

    /** After the object: nothing but whitespace, whether what follows is JSON ({@code {}{}}) or not. */
    private static void requireEnd(JsonParser p) throws IOException {
        JsonToken next;
        try {
            next = p.nextToken();
        } catch (JsonParseException e) {
            next = JsonToken.NOT_AVAILABLE;
        }
        if (next != null) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "trailing data after the JSON object at "
                    + p.currentLocation().getLineNr() + ":" + p.currentLocation().getColumnNr());
        }
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    private static void requireUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST,
                        "invalid UTF-8 in body at byte " + in.position());
            }
            if (r.isUnderflow()) {
                return;
            }
            out.clear();
        }
    }

    private static void checkFrameSize(String text, int maxBytes) {
        // Cheap bound first: a UTF-16 char is at most 3 UTF-8 bytes.
        if ((long) text.length() * 3 <= maxBytes) {
            return;
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            throw new ProtocolException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "frame of " + bytes + " bytes exceeds the limit of " + maxBytes);
        }
    }

    static ProtocolException translate(IOException e) {
        if (e instanceof InvalidTypeIdException t) {
            String id = t.getTypeId();
            return new ProtocolException(ErrorCode.BAD_REQUEST,
                    id == null ? "missing field: type" : "unknown frame type: " + id, e);
        }
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof IllegalArgumentException iae) {
            return new ProtocolException(ErrorCode.BAD_REQUEST, iae.getMessage(), e);
        }
        if (e instanceof JsonMappingException m && m.getCause() instanceof JsonParseException p
                && duplicateField(p) != null) {
            return new ProtocolException(ErrorCode.BAD_REQUEST, "duplicate field: " + duplicateField(p), e);
        }
        if (e instanceof MismatchedInputException m) {
            String path = path(m);
            String msg = m.getOriginalMessage() == null ? "" : m.getOriginalMessage();
            if (msg.contains("missing type id")) {
                return new ProtocolException(ErrorCode.BAD_REQUEST, "missing field: type", e);
            }
            if (msg.startsWith("No content")) {
                return new ProtocolException(ErrorCode.BAD_REQUEST, "empty frame: a JSON object is required", e);
            }
            if (msg.startsWith("Cannot map `null` into type") && !path.isEmpty()) {
                // A number or boolean field that is absent or null (FAIL_ON_NULL_FOR_PRIMITIVES).
                return new ProtocolException(ErrorCode.BAD_REQUEST, "missing field: " + path, e);
            }
            return new ProtocolException(ErrorCode.BAD_REQUEST,
                    path.isEmpty() ? "expected a JSON object" : "wrong type or value for field: " + path, e);
        }
        if (e instanceof JsonMappingException m) {
            String path = path(m);
            return new ProtocolException(ErrorCode.BAD_REQUEST,
                    path.isEmpty() ? "invalid JSON value" : "invalid value for field: " + path, e);
        }
        if (e instanceof JsonParseException p) {
            String msg = p.getOriginalMessage();
            if (msg != null && msg.contains("UTF-8")) {
                return new ProtocolException(ErrorCode.BAD_REQUEST, "invalid UTF-8 in body", e);
            }
            if (duplicateField(p) != null) {
                return new ProtocolException(ErrorCode.BAD_REQUEST, "duplicate field: " + duplicateField(p), e);
            }
            return new ProtocolException(ErrorCode.BAD_REQUEST, "malformed JSON at "
                    + p.getLocation().getLineNr() + ":" + p.getLocation().getColumnNr(), e);
        }
        if (e instanceof JsonProcessingException) {
            return new ProtocolException(ErrorCode.BAD_REQUEST, "malformed JSON", e);
        }
        throw new UncheckedIOException(e);
    }

    private static String duplicateField(JsonParseException p) {
        String msg = p.getOriginalMessage();
        if (msg == null) {
            return null;
        }
        Matcher matcher = DUPLICATE_FIELD.matcher(msg);
        return matcher.lookingAt() ? matcher.group(1) : null;
    }

    private static String path(JsonMappingException m) {
        return m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

}
