package dev.holdfast.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.holdfast.platform.auth.PasswordHasher;
import dev.holdfast.platform.auth.TestHashes;
import dev.holdfast.protocol.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformConfigTest {
    private static final String HASH = TestHashes.hash("pw");

    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        Path file = dir.resolve("platform.json");
        Files.writeString(file, json.replace('\'', '"').replace("HASH", HASH), StandardCharsets.UTF_8);
        return file;
    }

    private static String account(String username, String role, String teams) {
        return "{'username':'" + username + "','role':'" + role + "','passwordHash':'HASH','teams':" + teams + "}";
    }

    private void assertFails(String json, String problem) throws IOException {
        Path file = write(json);
        assertThatThrownBy(() -> PlatformConfig.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": " + problem);
    }

    @Test
    void loadsAccountsTeamsAndPolicies() throws Exception {
        Path file = write("{'teams':[{'id':'support','name':'Customer support'},{'id':'sales'}],"
                + "'accounts':[{'username':'ann','displayName':'Ann Lee','role':'agent','passwordHash':'HASH',"
                + "'teams':['support','sales'],'capacity':2},"
                + "{'username':'bo','role':'supervisor','passwordHash':'HASH'}],"
                + "'policies':{'agentCapacity':7,'accessTokenSeconds':60}}");

        PlatformConfig config = PlatformConfig.load(file);

        assertThat(config.teams()).containsExactly(
                new TeamConfig("support", "Customer support"), new TeamConfig("sales", "sales"));
        assertThat(config.accounts()).containsExactly(
                new AccountConfig("ann", "Ann Lee", Role.AGENT, HASH, List.of("support", "sales"), 2),
                new AccountConfig("bo", "bo", Role.SUPERVISOR, HASH, List.of(), null));
        assertThat(config.policies()).isEqualTo(new Policies(7, 60, 1000, 120, 300, 60, 30, 24));
    }

    @Test
    void absentPoliciesTakeTheDefaults() throws Exception {
        Path file = write("{'accounts':[" + account("ann", "agent", "[]") + "]}");

        assertThat(PlatformConfig.load(file).policies()).isEqualTo(Policies.defaults());
    }

    @Test
    void fieldsStartingWithUnderscoreAreComments() throws Exception {
        Path file = write("{'_comment':['a','b'],'accounts':[{'_why':'x','username':'ann','role':'admin',"
                + "'passwordHash':'HASH'}],'policies':{'_note':1}}");

        assertThat(PlatformConfig.load(file).accounts()).extracting(AccountConfig::username).containsExactly("ann");
    }

    @Test
    void theDocumentedExampleLoadsAndItsHashesAreReal() throws Exception {
        PlatformConfig config = PlatformConfig.load(Path.of("docs/config-example.json"));

        assertThat(config.teams()).hasSize(2);
        assertThat(config.accounts()).extracting(AccountConfig::role)
                .contains(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);
        // The example shows the defaults, and the automatic policies (off by default) switched on.
        Automatic automatic = config.policies().automatic();
        assertThat(config.policies()).isEqualTo(Policies.defaults().withAutomatic(automatic));
        assertThat(automatic.closeSilentCustomerSeconds()).isEqualTo(900);
        assertThat(automatic.text(Automatic.SILENCE_WARNING, "es-MX")).startsWith("¿Sigue ahí?");
        // One production-strength verification is enough to show the hashes were made by PasswordHasher.
        assertThat(PasswordHasher.verify("change-me".toCharArray(), config.accounts().get(0).passwordHash())).isTrue();
        assertThat(config.accounts()).allSatisfy(a -> assertThat(a.passwordHash()).startsWith("pbkdf2-sha256$210000$"));
    }

    @Test
    void stalenessAndAutomaticPoliciesAreReadAndCheckedNamingTheField() throws Exception {
        Path ok = write("{'accounts':[" + account("ann", "agent", "[]") + "],'policies':{'staleness':"
                + "{'idleSeconds':60},'automatic':{'maxQueueSeconds':30,'texts':{'queueClose':{'ES':'Vuelva luego'}}}}}");
        Policies p = PlatformConfig.load(ok).policies();
        assertThat(p.staleness()).isEqualTo(new StalenessPolicy(60, 600, 120, 180));
        assertThat(p.automatic().maxQueueSeconds()).isEqualTo(30);
        assertThat(p.automatic().warnSilentCustomerSeconds()).isZero();
        assertThat(p.automatic().text(Automatic.QUEUE_CLOSE, "es")).isEqualTo("Vuelva luego");
        assertThat(p.automatic().text(Automatic.QUEUE_CLOSE, "fr")).startsWith("Sorry");

        assertThatThrownBy(() -> PlatformConfig.load(write("{'accounts':[" + account("ann", "agent", "[]")
                + "],'policies':{'staleness':{'idleMinutes':3}}}")))
                .hasMessageContaining("unknown field \"idleMinutes\" in policies.staleness");
        assertThatThrownBy(() -> PlatformConfig.load(write("{'accounts':[" + account("ann", "agent", "[]")
                + "],'policies':{'staleness':{'agentGraceSeconds':0}}}")))
                .hasMessageContaining("policies.staleness.agentGraceSeconds must be positive");
        assertThatThrownBy(() -> PlatformConfig.load(write("{'accounts':[" + account("ann", "agent", "[]")
                + "],'policies':{'automatic':{'warnSilentCustomerSeconds':600,'closeSilentCustomerSeconds':600}}}")))
                .hasMessageContaining("warnSilentCustomerSeconds must be less than closeSilentCustomerSeconds");
        assertThatThrownBy(() -> PlatformConfig.load(write("{'accounts':[" + account("ann", "agent", "[]")
                + "],'policies':{'automatic':{'texts':{'hello':{'en':'hi'}}}}}")))
                .hasMessageContaining("unknown text \"hello\"");
    }

    @Test
    void demoHasThreeAgentsAndASupervisorWithPasswordDemo() {
        PlatformConfig demo = PlatformConfig.demo();

        assertThat(demo.accounts()).extracting(AccountConfig::username, AccountConfig::role).containsExactly(
                org.assertj.core.groups.Tuple.tuple("agent1", Role.AGENT),
                org.assertj.core.groups.Tuple.tuple("agent2", Role.AGENT),
                org.assertj.core.groups.Tuple.tuple("agent3", Role.AGENT),
                org.assertj.core.groups.Tuple.tuple("supervisor1", Role.SUPERVISOR));
        assertThat(demo.accounts()).extracting(AccountConfig::displayName)
                .containsExactly("Alex Rivera", "Bea Santos", "Chen Wu", "Sam Okafor");
        assertThat(demo.accounts()).allSatisfy(a -> assertThat(a.teams()).containsExactly("support"));
        assertThat(demo.teams()).containsExactly(new TeamConfig("support", "Customer support"));
        assertThat(demo.policies()).isEqualTo(Policies.defaults());
        assertThat(PasswordHasher.verify("demo".toCharArray(), demo.accounts().get(3).passwordHash())).isTrue();
    }

    @Test
    void withPoliciesReplacesOnlyThePolicies() {
        PlatformConfig config = new PlatformConfig(
                List.of(new AccountConfig("ann", null, Role.AGENT, HASH, List.of("t"), null)),
                List.of(new TeamConfig("t", "T")), Policies.defaults());
        Policies tight = new Policies(1, 1, 1, 1, 1, 1, 1, 1);

        PlatformConfig changed = config.withPolicies(tight);

        assertThat(changed.policies()).isEqualTo(tight);
        assertThat(changed.accounts()).isEqualTo(config.accounts());
        assertThat(changed.teams()).isEqualTo(config.teams());
    }

    @Test
    void accountDefaultsAndCapacity() {
        AccountConfig account = new AccountConfig("ann", null, Role.AGENT, HASH, null, null);

        assertThat(account.displayName()).isEqualTo("ann");
        assertThat(account.teams()).isEmpty();
        assertThat(account.capacityUnder(Policies.defaults())).isEqualTo(5);
        assertThat(new AccountConfig("ann", "Ann", Role.AGENT, HASH, null, 2).capacityUnder(Policies.defaults()))
                .isEqualTo(2);
    }

    @Test
    void accountToStringLeavesTheHashOut() {
        assertThat(new AccountConfig("ann", null, Role.AGENT, HASH, null, null).toString()).doesNotContain(HASH);
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("nope.json");
        assertThatThrownBy(() -> PlatformConfig.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": config file not found");
    }

    @Test
    void directoryInsteadOfFile() {
        assertThatThrownBy(() -> PlatformConfig.load(dir))
                .hasMessage(dir + ": config file not readable: it is a directory");
    }

    @Test
    void unreadableFile() throws Exception {
        Path file = write("{}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeThat(Files.isReadable(file)).as("running as root: every file is readable").isFalse();

        assertThatThrownBy(() -> PlatformConfig.load(file))
                .hasMessage(file + ": config file not readable: permission denied");
    }

    @Test
    void emptyFile() throws Exception {
        assertFails("", "config file is empty");
    }

    @Test
    void malformedJsonReportsLineAndColumn() throws Exception {
        Path file = write("{\n  'accounts': [\n    {'username': 'ann',,}\n  ]\n}");

        assertThatThrownBy(() -> PlatformConfig.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ": malformed JSON at 3:24: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void duplicateJsonKeyIsMalformed() throws Exception {
        Path file = write("{'accounts':[], 'accounts':[]}");

        assertThatThrownBy(() -> PlatformConfig.load(file))
                .hasMessageStartingWith(file + ": malformed JSON at 1:")
                .hasMessageContaining("Duplicate field 'accounts'");
    }

    @Test
    void topLevelMustBeAnObject() throws Exception {
        assertFails("[]", "expected a JSON object at the top level");
    }

    @Test
    void noAccounts() throws Exception {
        assertFails("{'accounts':[]}", "no accounts: at least one account is required");
        assertFails("{'teams':[]}", "no accounts: at least one account is required");
    }

    @Test
    void unknownRole() throws Exception {
        assertFails("{'accounts':[" + account("ann", "boss", "[]") + "]}",
                "accounts[0] (ann): unknown role \"boss\" (expected agent, supervisor or admin)");
        assertFails("{'accounts':[" + account("ann", "Agent", "[]") + "]}",
                "accounts[0] (ann): unknown role \"Agent\" (expected agent, supervisor or admin)");
    }

    @Test
    void duplicateUsername() throws Exception {
        assertFails("{'accounts':[" + account("ann", "agent", "[]") + "," + account("bo", "agent", "[]") + ","
                + account("ann", "admin", "[]") + "]}", "duplicate username \"ann\"");
    }

    @Test
    void badPasswordHash() throws Exception {
        assertFails("{'accounts':[{'username':'ann','role':'agent','passwordHash':'secret'}]}",
                "accounts[0] (ann): passwordHash is not a valid \"pbkdf2-sha256$<iterations>$<salt>$<hash>\" string");
    }

    @Test
    void accountInAnUndefinedTeam() throws Exception {
        assertFails("{'teams':[{'id':'support'}],'accounts':[" + account("ann", "agent", "['support','sales']") + "]}",
                "account ann is in team \"sales\", which is not defined under teams");
    }

    @Test
    void badUsername() throws Exception {
        assertFails("{'accounts':[" + account("Ann Lee", "agent", "[]") + "]}",
                "accounts[0] (Ann Lee): username \"Ann Lee\" must match [a-z0-9._-]{1,64}");
    }

    @Test
    void missingAndMistypedAccountFields() throws Exception {
        assertFails("{'accounts':[{'role':'agent','passwordHash':'HASH'}]}",
                "accounts[0]: missing field \"username\"");
        assertFails("{'accounts':[{'username':'ann','passwordHash':'HASH'}]}",
                "accounts[0] (ann): missing field \"role\"");
        assertFails("{'accounts':[{'username':'ann','role':'agent'}]}",
                "accounts[0] (ann): missing field \"passwordHash\"");
        assertFails("{'accounts':[{'username':'ann','role':'agent','passwordHash':'HASH','teams':'support'}]}",
                "accounts[0] (ann): field \"teams\" must be a list of strings");
        assertFails("{'accounts':[{'username':'ann','role':'agent','passwordHash':'HASH','capacity':'3'}]}",
                "accounts[0] (ann): field \"capacity\" must be a whole number");
        assertFails("{'accounts':[{'username':'ann','role':'agent','passwordHash':'HASH','capacity':0}]}",
                "accounts[0] (ann): capacity must be positive, got 0");
        assertFails("{'accounts':{}}", "accounts must be a list");
        assertFails("{'accounts':[5]}", "accounts[0]: expected an object");
    }

    @Test
    void unknownFieldsAreErrors() throws Exception {
        assertFails("{'acounts':[]}", "unknown field \"acounts\" in the top level");
        assertFails("{'accounts':[{'username':'ann','role':'agent','passwordHash':'HASH','team':['x']}]}",
                "accounts[0] (ann): unknown field \"team\"");
        assertFails("{'accounts':[" + account("ann", "agent", "[]") + "],'policies':{'agentCapasity':3}}",
                "unknown field \"agentCapasity\" in policies");
    }

    @Test
    void badTeams() throws Exception {
        String ann = account("ann", "agent", "[]");
        assertFails("{'teams':[{'id':'a'},{'id':'a'}],'accounts':[" + ann + "]}", "duplicate team id \"a\"");
        assertFails("{'teams':[{'name':'x'}],'accounts':[" + ann + "]}",
                "teams[0]: missing field \"id\"");
        assertFails("{'teams':[{'id':'Sales Team'}],'accounts':[" + ann + "]}",
                "teams[0]: team id \"Sales Team\" must match [a-z0-9._-]{1,64}");
        assertFails("{'teams':{},'accounts':[" + ann + "]}", "teams must be a list");
    }

    @Test
    void badPolicies() throws Exception {
        String ann = account("ann", "agent", "[]");
        assertFails("{'accounts':[" + ann + "],'policies':{'replayWindow':0}}",
                "policies.replayWindow must be positive, got 0");
        assertFails("{'accounts':[" + ann + "],'policies':{'sessionTtlSeconds':-3}}",
                "policies.sessionTtlSeconds must be positive, got -3");
        assertFails("{'accounts':[" + ann + "],'policies':{'refreshTokenDays':1.5}}",
                "policies.refreshTokenDays must be a whole number, got 1.5");
        assertFails("{'accounts':[" + ann + "],'policies':{'refreshTokenDays':'7'}}",
                "policies.refreshTokenDays must be a whole number, got \"7\"");
        assertFails("{'accounts':[" + ann + "],'policies':{'refreshTokenDays':9999999999}}",
                "policies.refreshTokenDays must be a whole number, got 9999999999");
        assertFails("{'accounts':[" + ann + "],'policies':[]}", "policies must be an object");
    }
}
