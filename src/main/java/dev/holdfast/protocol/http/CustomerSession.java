package dev.holdfast.protocol.http;

import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.Require;

/** Answer to a customer's open: the token their widget keeps for the conversation's lifetime. */
public record CustomerSession(String conversationId, String customerId, String customerToken,
                              ConversationSummary conversation) {
    public CustomerSession {
        Require.text(conversationId, "conversationId");
        Require.text(customerId, "customerId");
        Require.text(customerToken, "customerToken");
    }

    @Override
    public String toString() {
        return "CustomerSession[conversationId=" + conversationId + "]";
    }
}
