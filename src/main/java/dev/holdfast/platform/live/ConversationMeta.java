package dev.holdfast.platform.live;

import dev.holdfast.protocol.CustomerInfo;

/**
 * What a conversation's log alone does not say, persisted beside it.
 *
 * @param customer        who the customer is when the log has no opened event yet (awaiting restore)
 * @param tailFrom        first seq generated after the platform lost its state in this epoch;
 *                        events from there on may be renumbered by a later restore (0 = none)
 * @param restoredMarked  whether the restored system event was appended in this epoch
 * @param awaitingSince   when the conversation started waiting for a restore (0 = not waiting)
 */
public record ConversationMeta(CustomerInfo customer, long tailFrom, boolean restoredMarked, long awaitingSince) {
}
