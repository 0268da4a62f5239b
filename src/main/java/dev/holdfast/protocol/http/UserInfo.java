package dev.holdfast.protocol.http;

import dev.holdfast.protocol.Require;
import dev.holdfast.protocol.Role;
import java.util.List;

/** An account as the platform describes it to its owner. */
public record UserInfo(String id, String username, String displayName, Role role, List<String> teams) {
    public UserInfo {
        Require.text(id, "id");
        Require.text(username, "username");
        Require.present(role, "role");
        teams = Require.list(teams);
    }
}
