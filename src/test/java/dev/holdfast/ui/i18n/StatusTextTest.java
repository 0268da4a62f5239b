package dev.holdfast.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.holdfast.client.common.Problem;
import dev.holdfast.client.status.SessionStatus;
import org.junit.jupiter.api.Test;

class StatusTextTest {
    private final StatusText en = new StatusText(Messages.forLanguage("en"));
    private final StatusText es = new StatusText(Messages.forLanguage("es"));
    private static final long NOW = 1_000_000;

    @Test
    void saysWhatIsHappeningInPlainWords() {
        assertThat(en.describe(new SessionStatus.Live("e1"), NOW)).isEqualTo("Live");
        assertThat(en.describe(new SessionStatus.Reconnecting(NOW + 4_200, 3), NOW)).isEqualTo("Reconnecting in 5 s");
        assertThat(en.describe(new SessionStatus.Recovering(12, 40), NOW))
                .isEqualTo("Recovering 12 of 40 conversations after a platform restart");
        assertThat(en.describe(new SessionStatus.Offline(NOW + 30_000, 0), NOW))
                .isEqualTo("Offline — messages will be sent when the connection is back");
        assertThat(en.describe(new SessionStatus.Offline(NOW + 30_000, 1), NOW))
                .isEqualTo("Offline — 1 message will be sent when the connection is back");
        assertThat(en.describe(new SessionStatus.Offline(NOW + 30_000, 2), NOW))
                .isEqualTo("Offline — 2 messages will be sent when the connection is back");
        assertThat(en.describe(new SessionStatus.NeedsPassword("refresh refused"), NOW)).isEqualTo("Sign in again");
        assertThat(en.describe(new SessionStatus.Failed(new Problem(Problem.Kind.FATAL, "Update the panel", "")), NOW))
                .isEqualTo("Stopped: Update the panel");
    }

    @Test
    void speaksSpanishToo() {
        assertThat(es.describe(new SessionStatus.Live("e1"), NOW)).isEqualTo("En línea");
        assertThat(es.describe(new SessionStatus.Reconnecting(NOW + 5_000, 1), NOW)).isEqualTo("Reconectando en 5 s");
        assertThat(es.describe(new SessionStatus.Recovering(12, 40), NOW))
                .isEqualTo("Recuperando 12 de 40 conversaciones tras un reinicio de la plataforma");
        assertThat(es.describe(new SessionStatus.Offline(NOW, 3), NOW))
                .isEqualTo("Sin conexión — 3 mensajes se enviarán cuando vuelva la conexión");
    }

    @Test
    void aPassedAttemptTimeNeverCountsBelowZero() {
        assertThat(en.describe(new SessionStatus.Reconnecting(NOW - 500, 1), NOW)).isEqualTo("Reconnecting in 0 s");
    }
}
