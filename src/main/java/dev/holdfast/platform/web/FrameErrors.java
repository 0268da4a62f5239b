package dev.holdfast.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.holdfast.platform.live.StoreException;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.ProtocolException;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.Wire;
import org.slf4j.Logger;

/** Turns what went wrong with one frame into the error frame the peer gets, and one log line. */
final class FrameErrors {
    private FrameErrors() {
    }

    static ServerFrame.Error toFrame(Throwable t, String text, String who, Logger log) {
        String ref = refOf(text);
        String conversationId = fieldOf(text, "conversationId");
        if (t instanceof ProtocolException p) {
            if (p.code() == ErrorCode.BAD_REQUEST || p.code() == ErrorCode.PAYLOAD_TOO_LARGE) {
                log.info("bad frame from {}: {}", who, p.getMessage());
            }
            return new ServerFrame.Error(p.code(), p.getMessage(), ref, conversationId, p.retryAfterMs(), null);
        }
        if (t instanceof StoreException.Unchecked) {
            log.error("store failure while serving {}: {}", who, t.getMessage());
            return new ServerFrame.Error(ErrorCode.INTERNAL, "the platform could not save this; try again", ref,
                    conversationId, null, null);
        }
        log.error("failure while serving a frame from {}", who, t);
        return new ServerFrame.Error(ErrorCode.INTERNAL, "the platform failed; try again", ref, conversationId, null,
                null);
    }

    /** The clientMessageId or ping nonce of a frame, if it parses at all. */
    private static String refOf(String text) {
        String id = fieldOf(text, "clientMessageId");
        return id != null ? id : fieldOf(text, "nonce");
    }

    private static String fieldOf(String text, String field) {
        if (text == null || text.length() > 2 * 1024 * 1024) {
            return null;
        }
        try {
            JsonNode node = Wire.mapper().readTree(text);
            JsonNode value = node == null ? null : node.get(field);
            return value != null && value.isTextual() && value.asText().length() <= 128 ? value.asText() : null;
        } catch (Exception e) {
            return null;
        }
    }
}
