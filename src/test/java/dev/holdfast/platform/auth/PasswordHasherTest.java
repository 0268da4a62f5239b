package dev.holdfast.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void productionHashUsesTheDocumentedFormatAndIterations() {
        String encoded = PasswordHasher.hash("s3cret".toCharArray());

        String[] parts = encoded.split("\\$");
        assertThat(parts).hasSize(4);
        assertThat(parts[0]).isEqualTo("pbkdf2-sha256");
        assertThat(parts[1]).isEqualTo("210000");
        assertThat(Base64.getDecoder().decode(parts[2])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[3])).hasSize(32);
        assertThat(PasswordHasher.verify("s3cret".toCharArray(), encoded)).isTrue();
    }

    @Test
    void verifiesTheRightPasswordOnly() {
        String encoded = TestHashes.hash("correct horse");

        assertThat(PasswordHasher.verify("correct horse".toCharArray(), encoded)).isTrue();
        assertThat(PasswordHasher.verify("correct hors".toCharArray(), encoded)).isFalse();
        assertThat(PasswordHasher.verify("Correct horse".toCharArray(), encoded)).isFalse();
        assertThat(PasswordHasher.verify(new char[0], encoded)).isFalse();
    }

    @Test
    void honoursTheIterationCountInTheString() {
        String encoded = PasswordHasher.hash("pw".toCharArray(), 1_234);
        assertThat(encoded).startsWith("pbkdf2-sha256$1234$");
        assertThat(PasswordHasher.verify("pw".toCharArray(), encoded)).isTrue();

        // Same salt and hash claimed under another count must not verify.
        String tampered = encoded.replace("$1234$", "$1235$");
        assertThat(PasswordHasher.verify("pw".toCharArray(), tampered)).isFalse();
    }

    @Test
    void saltsEveryHash() {
        assertThat(TestHashes.hash("same")).isNotEqualTo(TestHashes.hash("same"));
    }

    @Test
    void handlesNonAsciiPasswords() {
        String encoded = TestHashes.hash("pässwörd ✓");
        assertThat(PasswordHasher.verify("pässwörd ✓".toCharArray(), encoded)).isTrue();
        assertThat(PasswordHasher.verify("passwird ✓".toCharArray(), encoded)).isFalse();
    }

    @Test
    void recognisesWellFormedHashes() {
        assertThat(PasswordHasher.isWellFormed(TestHashes.hash("x"))).isTrue();
    }

    @Test
    void rejectsMalformedHashesWithoutThrowing() {
        String good = TestHashes.hash("x");
        String[] p = good.split("\\$");
        String[] bad = {
            null,
            "",
            "x",
            "plain-password",
            "bcrypt$2a$10$abc",
            "pbkdf2-sha1$1000$" + p[2] + "$" + p[3],
            "pbkdf2-sha256$$" + p[2] + "$" + p[3],
            "pbkdf2-sha256$-5$" + p[2] + "$" + p[3],
            "pbkdf2-sha256$999$" + p[2] + "$" + p[3],
            "pbkdf2-sha256$99999999$" + p[2] + "$" + p[3],
            "pbkdf2-sha256$1000$" + p[2],
            "pbkdf2-sha256$1000$!!!!$" + p[3],
            "pbkdf2-sha256$1000$" + p[2] + "$" + p[3].substring(4),
            "pbkdf2-sha256$1000$AAAA$" + p[3],
            good + "$extra",
            " " + good,
        };
        for (String encoded : bad) {
            assertThat(PasswordHasher.isWellFormed(encoded)).as("%s", encoded).isFalse();
            assertThat(PasswordHasher.verify("x".toCharArray(), encoded)).as("%s", encoded).isFalse();
        }
    }

    @Test
    void refusesAbsurdIterationCountsWhenHashing() {
        assertThatThrownBy(() -> PasswordHasher.hash("x".toCharArray(), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
