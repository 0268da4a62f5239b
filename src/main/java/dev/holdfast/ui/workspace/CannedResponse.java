package dev.holdfast.ui.workspace;

/** One ready-made reply: {@code id} is what follows the slash ("/refund"), {@code title} what the list shows. */
public record CannedResponse(String id, String title, String text) {
}
