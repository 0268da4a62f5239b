package dev.holdfast.platform.auth;

import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ReceiptFields;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs events so that the platform can later trust a client's copy of them in a restore:
 * receipt = base64url, unpadded, of HMAC-SHA256(receiptKey, {@link ReceiptFields#canonical}).
 */
public final class ReceiptSigner {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public ReceiptSigner(byte[] receiptKey) {
        if (receiptKey == null || receiptKey.length < 32) {
            throw new IllegalArgumentException("receipt key must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(receiptKey, ALGORITHM);
    }

    /** The event with its receipt set (any receipt it had is replaced). */
    public ConversationEvent sign(ConversationEvent event) {
        return event.withReceipt(receiptFor(event));
    }

    /** True only if the event carries the receipt the platform would give it; never throws. */
    public boolean verify(ConversationEvent event) {
        if (event == null || event.receipt() == null) {
            return false;
        }
        byte[] expected = receiptFor(event).getBytes(StandardCharsets.UTF_8);
        byte[] presented = event.receipt().getBytes(StandardCharsets.UTF_8);
        // Constant time: a timing difference must not help anyone forge a receipt byte by byte.
        return MessageDigest.isEqual(expected, presented);
    }

    private String receiptFor(ConversationEvent event) {
        byte[] mac = newMac().doFinal(ReceiptFields.canonical(event).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    /** A Mac is not thread-safe; a new one per use is cheap next to the rest of a request. */
    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
