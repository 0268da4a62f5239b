package dev.holdfast.ui.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.holdfast.client.journal.JournalException;
import dev.holdfast.ui.i18n.Messages;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** A failed sign-in in the words the person at the desk reads. */
class SignInErrorsTest {
    private final Messages en = Messages.forLanguage("en");

    @Test
    void aJournalOpenElsewhereIsSaidPlainlyWithoutItsPath() {
        JournalException inUse = new JournalException(JournalException.Kind.IN_USE,
                "The journal /home/ann/.local/share/holdfast/journals/x/agent1/journal.db is open elsewhere", null);
        String words = SignInErrors.describe(new CompletionException(inUse), en);
        assertThat(words).isEqualTo("Holdfast is already open for this user on this computer. Close that window"
                + " first, then sign in here.");
        assertThat(SignInErrors.describe(inUse, Messages.forLanguage("es"))).startsWith("Holdfast ya está abierto");
    }

    @Test
    void otherJournalTroubleKeepsItsOwnWords() {
        JournalException full = new JournalException(JournalException.Kind.STORAGE_UNAVAILABLE, "The disk is full", null);
        assertThat(SignInErrors.describe(full, en)).isEqualTo("Could not sign in: The disk is full");
    }
}
