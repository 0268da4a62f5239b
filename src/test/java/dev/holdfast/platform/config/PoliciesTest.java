package dev.holdfast.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PoliciesTest {

    @Test
    void defaultsAreTheDocumentedValues() {
        assertThat(Policies.defaults()).isEqualTo(new Policies(5, 60, 1000, 120, 300, 900, 30, 24));
    }

    @Test
    void exposesTokenLifetimesAsDurations() {
        Policies p = Policies.defaults();
        assertThat(p.accessTokenTtl()).isEqualTo(Duration.ofMinutes(15));
        assertThat(p.refreshTokenTtl()).isEqualTo(Duration.ofDays(30));
        assertThat(p.customerTokenTtl()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void refusesZeroOrNegativeValuesNamingTheField() {
        assertThatThrownBy(() -> new Policies(0, 60, 1000, 120, 300, 900, 30, 24))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("policies.agentCapacity must be positive, got 0");
        assertThatThrownBy(() -> new Policies(5, 60, 1000, 120, 300, 900, 30, -1))
                .hasMessage("policies.customerTokenHours must be positive, got -1");
        assertThatThrownBy(() -> new Policies(5, 60, 1000, 120, 300, 0, 30, 24))
                .hasMessage("policies.accessTokenSeconds must be positive, got 0");
    }
}
