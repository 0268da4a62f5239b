package dev.holdfast.platform.auth;

import dev.holdfast.protocol.CustomerInfo;

/** What a valid customer token says: which conversation its holder may use, and who they are. */
public record CustomerClaims(String conversationId, CustomerInfo customer) {
}
