package dev.holdfast.ui.login;

import dev.holdfast.client.api.ApiException;
import dev.holdfast.client.journal.JournalException;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.ui.i18n.Messages;

/** What a failed sign-in means to the person at the desk, in their language. */
final class SignInErrors {
    private SignInErrors() {
    }

    static String describe(Throwable failure, Messages messages) {
        for (Throwable at = failure; at != null; at = at.getCause()) {
            if (at instanceof JournalException j && j.kind() == JournalException.Kind.IN_USE) {
                return messages.get("login.error.journalInUse");
            }
        }
        if (failure instanceof ApiException api) {
            if (api.code() == ErrorCode.UNAUTHENTICATED) {
                return messages.get("login.error.wrongPassword");
            }
            if (api.code() == null) {
                return messages.get("login.error.unreachable");
            }
            if (api.code() == ErrorCode.RATE_LIMITED) {
                return api.retryAfterMs() == null ? messages.get("login.error.rateLimited.later")
                        : messages.get("login.error.rateLimited", Math.max(1, (api.retryAfterMs() + 999) / 1000));
            }
            // The core's own plain words (English) for the rarer cases.
            return messages.get("login.error.other", api.problem().userMessage());
        }
        return messages.get("login.error.other", failure.getMessage() == null ? failure.toString()
                : failure.getMessage());
    }
}
