package dev.holdfast.platform.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's two secrets: the key that signs tokens and the key that signs receipts. They
 * live in their own small file, outside the live store, so that a wipe of the store keeps every
 * receipt verifiable and every refresh token usable.
 */
public final class PlatformKeys {
    private static final Logger log = LoggerFactory.getLogger(PlatformKeys.class);
    static final int KEY_BYTES = 32;
    static final String FORMAT = "holdfast-keys/1";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] tokenKey;
    private final byte[] receiptKey;

    private PlatformKeys(byte[] tokenKey, byte[] receiptKey) {
        this.tokenKey = tokenKey;
        this.receiptKey = receiptKey;
    }

    /**
     * Loads the keys, or creates the file with new random keys if it does not exist. A file that
     * exists but cannot be read as keys is an error, never replaced: new keys would sign everyone
     * out and invalidate every receipt.
     */
    public static PlatformKeys loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            PlatformKeys fresh = new PlatformKeys(randomKey(), randomKey());
            if (PrivateFiles.createAtomically(file, fresh.encode())) {
                log.info("created new platform keys in {}", file);
                return fresh;
            }
            // Another process created the file meanwhile: its keys are the ones in use.
        }
        return load(file);
    }

    private static PlatformKeys load(Path file) throws IOException {
        Set<PosixFilePermission> exposed = PrivateFiles.restrictToOwner(file);
        if (!exposed.isEmpty()) {
            log.warn("key file {} was accessible to other users ({}); restricted it to its owner (rw-------)."
                    + " Consider the keys compromised if others could log in here.",
                    file, PosixFilePermissions.toString(exposed));
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException("key file " + file + " disappeared while starting", e);
        }
        if (content.length == 0) {
            throw corrupt(file, "empty");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(content);
        } catch (JsonProcessingException e) {
            throw corrupt(file, "not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw corrupt(file, "not a JSON object");
        }
        if (!FORMAT.equals(root.path("format").asText(null))) {
            throw corrupt(file, "format is not \"" + FORMAT + "\"");
        }
        return new PlatformKeys(key(root, "tokenKey", file), key(root, "receiptKey", file));
    }

    private static byte[] key(JsonNode root, String field, Path file) throws IOException {
        JsonNode value = root.get(field);
        if (value == null || !value.isTextual()) {
            throw corrupt(file, "missing " + field);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.textValue());
        } catch (IllegalArgumentException e) {
            throw corrupt(file, field + " is not base64");
        }
        if (key.length != KEY_BYTES) {
            throw corrupt(file, field + " has " + key.length + " bytes instead of " + KEY_BYTES);
        }
        return key;
    }

    private static IOException corrupt(Path file, String problem) {
        return new IOException("key file " + file + " is corrupt (" + problem + "); refusing to replace it because"
                + " every token and receipt depends on it. Restore it from a backup, or delete it to start over"
                + " with new keys (this signs everyone out and invalidates all receipts).");
    }

    private byte[] encode() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("tokenKey", Base64.getEncoder().encodeToString(tokenKey));
        root.put("receiptKey", Base64.getEncoder().encodeToString(receiptKey));
        return (root.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** A copy: callers cannot change the platform's keys. */
    public byte[] tokenKey() {
        return tokenKey.clone();
    }

    public byte[] receiptKey() {
        return receiptKey.clone();
    }

    @Override
    public String toString() {
        return "PlatformKeys[hidden]";
    }
}
