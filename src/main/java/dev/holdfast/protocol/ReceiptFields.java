package dev.holdfast.protocol;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The canonical text a receipt signs: the event's fields in a fixed order, one per line, with
 * absent fields as the empty string. Receipts are opaque to clients; this lives in the protocol
 * so that the document and the platform cannot disagree on what is signed.
 */
public final class ReceiptFields {
    private ReceiptFields() {
    }

    public static String canonical(ConversationEvent e) {
        CustomerInfo c = e.customer();
        List<String> parts = List.of(
                "holdfast-receipt-v1",
                e.id(),
                e.conversationId(),
                Long.toString(e.seq()),
                e.kind().name(),
                Long.toString(e.at()),
                e.author().kind().name(),
                e.author().id(),
                nz(e.author().name()),
                nz(e.text()),
                nz(e.clientMessageId()),
                nz(e.deviceId()),
                nz(e.assignee()),
                nz(e.reason()),
                c == null ? "" : c.id(),
                c == null ? "" : c.name(),
                c == null ? "" : c.language(),
                c == null ? "" : c.channel(),
                c == null ? "" : tags(c.tags()));
        // Length-prefix each part so that no choice of field contents can forge another event's text.
        return parts.stream().map(p -> p.length() + ":" + p).collect(Collectors.joining("\n"));
    }

    /** Each tag length-prefixed as well: a plain join would sign ["a,b"] and ["a", "b"] (or [] and [""]) alike. */
    private static String tags(List<String> tags) {
        return tags.stream().map(t -> t.length() + ":" + t).collect(Collectors.joining());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
