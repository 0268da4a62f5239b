package dev.holdfast.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.holdfast.platform.config.AccountConfig;
import dev.holdfast.platform.config.PlatformConfig;
import dev.holdfast.platform.config.Policies;
import dev.holdfast.platform.config.TeamConfig;
import dev.holdfast.protocol.Role;
import dev.holdfast.protocol.http.UserInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountDirectoryTest {
    private static final PlatformConfig CONFIG = new PlatformConfig(
            List.of(
                    new AccountConfig("zoe", "Zoe Park", Role.AGENT, TestHashes.hash("zoe-pw"), List.of("support"), 2),
                    new AccountConfig("ann", null, Role.SUPERVISOR, TestHashes.hash("ann-pw"), List.of(), null),
                    new AccountConfig("max", "Max", Role.ADMIN, TestHashes.hash("max-pw"), null, null)),
            List.of(new TeamConfig("support", "Support")),
            new Policies(4, 60, 1000, 120, 300, 900, 30, 24));

    private final AccountDirectory directory = new AccountDirectory(CONFIG);

    @Test
    void listsAccountsInConfigurationOrder() {
        assertThat(directory.all()).extracting(Account::username).containsExactly("zoe", "ann", "max");
    }

    @Test
    void buildsAccountsWithIdEqualToUsernameAndResolvedDefaults() {
        assertThat(directory.byUsername("zoe")).contains(
                new Account("zoe", "zoe", "Zoe Park", Role.AGENT, List.of("support"), 2));
        assertThat(directory.byUsername("ann")).contains(
                new Account("ann", "ann", "ann", Role.SUPERVISOR, List.of(), 4));
    }

    @Test
    void findsByIdExactlyAndByUsernameAsTyped() {
        assertThat(directory.byId("max")).map(Account::role).contains(Role.ADMIN);
        assertThat(directory.byId("MAX")).isEmpty();
        assertThat(directory.byUsername(" Max ")).map(Account::id).contains("max");
        assertThat(directory.byUsername("nobody")).isEmpty();
        assertThat(directory.byUsername(null)).isEmpty();
        assertThat(directory.byId(null)).isEmpty();
    }

    @Test
    void checksPasswords() {
        assertThat(directory.checkPassword("zoe", "zoe-pw".toCharArray())).isTrue();
        assertThat(directory.checkPassword("ZOE", "zoe-pw".toCharArray())).isTrue();
        assertThat(directory.checkPassword("zoe", "ann-pw".toCharArray())).isFalse();
        assertThat(directory.checkPassword("ann", "ann-pw".toCharArray())).isTrue();
    }

    @Test
    void unknownUsersNeverPassEvenWithTheDecoyPassword() {
        // The decoy is the first account's hash; its password must not open a nonexistent account.
        assertThat(directory.checkPassword("ghost", "zoe-pw".toCharArray())).isFalse();
        assertThat(directory.checkPassword(null, "zoe-pw".toCharArray())).isFalse();
    }

    @Test
    void describesAnAccountToItsOwner() {
        assertThat(directory.byId("zoe").orElseThrow().userInfo())
                .isEqualTo(new UserInfo("zoe", "zoe", "Zoe Park", Role.AGENT, List.of("support")));
    }
}
