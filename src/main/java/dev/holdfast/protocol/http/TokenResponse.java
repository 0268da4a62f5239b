package dev.holdfast.protocol.http;

import dev.holdfast.protocol.Require;

/** Answer to login and refresh. The refresh token rotates: each one is good for one refresh. */
public record TokenResponse(String accessToken, long accessExpiresAt, String refreshToken,
                            long refreshExpiresAt, UserInfo user, String epoch) {
    public TokenResponse {
        Require.text(accessToken, "accessToken");
        Require.text(refreshToken, "refreshToken");
        Require.present(user, "user");
        Require.text(epoch, "epoch");
    }

    @Override
    public String toString() {
        return "TokenResponse[user=" + user.username() + ", epoch=" + epoch + "]";
    }
}
