package dev.holdfast.platform.config;

import dev.holdfast.platform.auth.PasswordHasher;
import dev.holdfast.protocol.Role;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Accounts, teams and policies of one platform. Always consistent: see the checks below. */
public record PlatformConfig(List<AccountConfig> accounts, List<TeamConfig> teams, Policies policies) {

    public PlatformConfig {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        teams = teams == null ? List.of() : List.copyOf(teams);
        policies = policies == null ? Policies.defaults() : policies;
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("no accounts: at least one account is required");
        }
        Set<String> teamIds = new HashSet<>();
        for (TeamConfig team : teams) {
            if (!teamIds.add(team.id())) {
                throw new IllegalArgumentException("duplicate team id \"" + team.id() + "\"");
            }
        }
        Set<String> usernames = new HashSet<>();
        for (AccountConfig account : accounts) {
            if (!usernames.add(account.username())) {
                throw new IllegalArgumentException("duplicate username \"" + account.username() + "\"");
            }
            for (String team : account.teams()) {
                if (!teamIds.contains(team)) {
                    throw new IllegalArgumentException("account " + account.username() + " is in team \""
                            + team + "\", which is not defined under teams");
                }
            }
        }
    }

    /** Reads a JSON configuration file; see docs/config-example.json. */
    public static PlatformConfig load(Path file) throws ConfigException {
        return new ConfigFileReader(file).read();
    }

    /** Three agents and a supervisor in one team, every password "demo". For trying things out only. */
    public static PlatformConfig demo() {
        // One hash shared by all: the password is public anyway, and each hash costs startup time.
        String hash = PasswordHasher.hash("demo".toCharArray());
        List<String> support = List.of("support");
        return new PlatformConfig(
                List.of(
                        new AccountConfig("agent1", "Alex Rivera", Role.AGENT, hash, support, null),
                        new AccountConfig("agent2", "Bea Santos", Role.AGENT, hash, support, null),
                        new AccountConfig("agent3", "Chen Wu", Role.AGENT, hash, support, null),
                        new AccountConfig("supervisor1", "Sam Okafor", Role.SUPERVISOR, hash, support, null)),
                List.of(new TeamConfig("support", "Customer support")),
                Policies.defaults());
    }

    public PlatformConfig withPolicies(Policies newPolicies) {
        return new PlatformConfig(accounts, teams, newPolicies);
    }
}
