package dev.holdfast.client.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.holdfast.protocol.Wire;
import dev.holdfast.protocol.http.LoginRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LoginBodyTest {

    @Test
    void isTheLoginRequestJsonWithEveryCharacterEscaped() {
        String password = "p\"a\\s\ts\u0001w\u00e9rd \u4e2d \ud83d\ude00 /end";
        byte[] body = LoginBody.encode("agent \"1\"", password.toCharArray(), "dev-1");
        LoginRequest decoded = Wire.decode(body, LoginRequest.class, 1 << 16);
        assertThat(decoded.username()).isEqualTo("agent \"1\"");
        assertThat(decoded.password()).isEqualTo(password);
        assertThat(decoded.deviceId()).isEqualTo("dev-1");
    }

    @Test
    void anEmptyPasswordIsStillAField() {
        byte[] body = LoginBody.encode("agent1", new char[0], "dev-1");
        assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo("{\"username\":\"agent1\",\"password\":\"\",\"deviceId\":\"dev-1\"}");
    }

    @Test
    void aLoneSurrogateIsRefusedRatherThanSentAsSomethingElse() {
        assertThatThrownBy(() -> LoginBody.encode("agent1", new char[] {'a', '\ud83d'}, "dev-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("a\ud83d");
    }

    @Test
    void leavesTheCallersPasswordAlone() {
        char[] password = "demo".toCharArray();
        LoginBody.encode("agent1", password, "dev-1");
        assertThat(password).containsExactly('d', 'e', 'm', 'o');
    }
}
