package dev.holdfast.client.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void needsAKindAndWordsForTheUser() {
        assertThatThrownBy(() -> new Problem(null, "x", "y")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Problem(Problem.Kind.FATAL, null, "y")).isInstanceOf(NullPointerException.class);
        assertThat(new Problem(Problem.Kind.TRANSIENT, "x", null).detail()).isEmpty();
    }
}
