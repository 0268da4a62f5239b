package dev.holdfast.ui.supervisor;

import dev.holdfast.protocol.supervision.CloseCandidate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A conversation in the close preview, with whether the supervisor keeps it chosen. FX thread only. */
final class Candidate {
    private final CloseCandidate candidate;
    private final BooleanProperty chosen = new SimpleBooleanProperty(true);

    Candidate(CloseCandidate candidate) {
        this.candidate = candidate;
    }

    CloseCandidate candidate() {
        return candidate;
    }

    String id() {
        return candidate.conversation().id();
    }

    /** The farewell's language: Spanish for Spanish-speaking customers, English for everyone else. */
    String farewellLanguage() {
        return candidate.conversation().customer().language().toLowerCase(java.util.Locale.ROOT).startsWith("es") ? "es"
                : "en";
    }

    BooleanProperty chosenProperty() {
        return chosen;
    }
}
