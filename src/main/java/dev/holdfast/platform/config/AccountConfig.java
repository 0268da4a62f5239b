package dev.holdfast.platform.config;

import dev.holdfast.platform.auth.PasswordHasher;
import dev.holdfast.protocol.Role;
import java.util.List;

/**
 * One account as configured. {@code capacity} null means the policies' agentCapacity;
 * {@code displayName} null means the username.
 */
public record AccountConfig(String username, String displayName, Role role, String passwordHash,
                            List<String> teams, Integer capacity) {

    public AccountConfig {
        if (!Names.isValid(username)) {
            throw new IllegalArgumentException("username \"" + username + "\" must match " + Names.DESCRIPTION);
        }
        if (role == null) {
            throw new IllegalArgumentException("role is missing");
        }
        if (!PasswordHasher.isWellFormed(passwordHash)) {
            throw new IllegalArgumentException("passwordHash is not a valid"
                    + " \"pbkdf2-sha256$<iterations>$<salt>$<hash>\" string");
        }
        if (capacity != null && capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        displayName = displayName == null || displayName.isBlank() ? username : displayName;
        teams = teams == null ? List.of() : List.copyOf(teams);
    }

    public int capacityUnder(Policies policies) {
        return capacity != null ? capacity : policies.agentCapacity();
    }

    /** Leaves the hash out: it is not a secret by itself, but it has no business in logs. */
    @Override
    public String toString() {
        return "AccountConfig[username=" + username + ", role=" + role + ", teams=" + teams
                + ", capacity=" + capacity + "]";
    }
}
