package dev.holdfast.ui.workspace;

import dev.holdfast.client.api.ApiException;
import dev.holdfast.protocol.ErrorCode;

/** Which plain sentence tells the user why take, close or transfer did not happen. */
final class ActionFailure {
    private ActionFailure() {
    }

    /** True when the platform refused because the conversation is no longer as the user saw it. */
    static boolean isStale(Throwable failure) {
        return failure instanceof ApiException e && e.code() == ErrorCode.CONFLICT;
    }

    /** The message key for any other failure. */
    static String messageKey(Throwable failure) {
        if (!(failure instanceof ApiException e)) {
            return "action.failed.other";
        }
        if (e.code() == null) {
            return "action.failed.unreachable";
        }
        return switch (e.code()) {
            case FORBIDDEN -> "action.failed.forbidden";
            case NOT_FOUND -> "action.failed.notFound";
            case RATE_LIMITED -> "action.failed.busy";
            case BAD_REQUEST -> "action.failed.refused";
            default -> "action.failed.other";
        };
    }
}
