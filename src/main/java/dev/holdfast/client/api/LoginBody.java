package dev.holdfast.client.api;

import dev.holdfast.protocol.Wire;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The JSON of {@code LoginRequest}, written by hand so that the password never becomes a
 * {@link String}: a String cannot be wiped and lives until the garbage collector gets to it (and
 * in heap dumps). The password goes from the caller's {@code char[]} through buffers owned here,
 * which are zeroed, into the returned bytes, which the caller zeroes once the request is sent.
 */
final class LoginBody {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private LoginBody() {
    }

    static byte[] encode(String username, char[] password, String deviceId) {
        if (username == null || password == null || deviceId == null) {
            throw new IllegalArgumentException("username, password and deviceId are required");
        }
        byte[] secret = quotedUtf8(password);
        try {
            // User name and device id are not secret; Jackson quotes and escapes them.
            byte[][] parts = {ascii("{\"username\":"), Wire.encodeBytes(username), ascii(",\"password\":"), secret,
                ascii(",\"deviceId\":"), Wire.encodeBytes(deviceId), ascii("}")};
            int length = 0;
            for (byte[] part : parts) {
                length += part.length;
            }
            // One array of the exact size: no growing buffer leaves copies of the password behind.
            byte[] body = new byte[length];
            int at = 0;
            for (byte[] part : parts) {
                System.arraycopy(part, 0, body, at, part.length);
                at += part.length;
            }
            return body;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** {@code "…"} with JSON escapes, as UTF-8. */
    private static byte[] quotedUtf8(char[] text) {
        char[] escaped = new char[text.length * 6 + 2];
        ByteBuffer bytes = ByteBuffer.allocate(escaped.length * 3);
        try {
            int n = 0;
            escaped[n++] = '"';
            for (char c : text) {
                if (c == '"' || c == '\\') {
                    escaped[n++] = '\\';
                    escaped[n++] = c;
                } else if (c < 0x20) {
                    escaped[n++] = '\\';
                    escaped[n++] = 'u';
                    escaped[n++] = '0';
                    escaped[n++] = '0';
                    escaped[n++] = HEX[c >> 4];
                    escaped[n++] = HEX[c & 0xF];
                } else {
                    escaped[n++] = c;
                }
            }
            escaped[n++] = '"';
            CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            CoderResult result = encoder.encode(CharBuffer.wrap(escaped, 0, n), bytes, true);
            if (result.isError()) {
                // A lone surrogate: no UTF-8 for it, and the platform would reject the body anyway.
                throw new IllegalArgumentException("the password contains a character that is not valid text");
            }
            encoder.flush(bytes);
            return Arrays.copyOf(bytes.array(), bytes.position());
        } finally {
            Arrays.fill(escaped, '\0');
            Arrays.fill(bytes.array(), (byte) 0);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
