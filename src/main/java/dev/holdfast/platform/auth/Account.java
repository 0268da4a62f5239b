package dev.holdfast.platform.auth;

import dev.holdfast.platform.config.AccountConfig;
import dev.holdfast.platform.config.Policies;
import dev.holdfast.protocol.Role;
import dev.holdfast.protocol.http.UserInfo;
import java.util.List;

/** A configured account as the rest of the platform sees it: no password hash. The id is the username. */
public record Account(String id, String username, String displayName, Role role, List<String> teams, int capacity) {

    public Account {
        teams = teams == null ? List.of() : List.copyOf(teams);
    }

    public static Account of(AccountConfig config, Policies policies) {
        return new Account(config.username(), config.username(), config.displayName(), config.role(),
                config.teams(), config.capacityUnder(policies));
    }

    public UserInfo userInfo() {
        return new UserInfo(id, username, displayName, role, teams);
    }
}
