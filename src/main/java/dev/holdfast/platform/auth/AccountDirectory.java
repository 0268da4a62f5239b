package dev.holdfast.platform.auth;

import dev.holdfast.platform.config.AccountConfig;
import dev.holdfast.platform.config.PlatformConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The platform's accounts, looked up by name or id, and the one place that checks their passwords. */
public final class AccountDirectory {
    private final Map<String, Account> accounts;
    private final Map<String, String> passwordHashes;
    private final List<Account> inOrder;
    /** Verified against for unknown users, so that they cost as much time as known ones. */
    private final String decoyHash;

    public AccountDirectory(PlatformConfig config) {
        Map<String, Account> byName = new LinkedHashMap<>();
        Map<String, String> hashes = new HashMap<>();
        for (AccountConfig account : config.accounts()) {
            byName.put(account.username(), Account.of(account, config.policies()));
            hashes.put(account.username(), account.passwordHash());
        }
        this.accounts = Collections.unmodifiableMap(byName);
        this.passwordHashes = Map.copyOf(hashes);
        this.inOrder = List.copyOf(new ArrayList<>(byName.values()));
        this.decoyHash = config.accounts().get(0).passwordHash();
    }

    /** Usernames are lower case; what a person types is matched regardless of case and surrounding blanks. */
    public Optional<Account> byUsername(String username) {
        return username == null ? Optional.empty() : Optional.ofNullable(accounts.get(normalize(username)));
    }

    public Optional<Account> byId(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(accounts.get(id));
    }

    /** In configuration order. */
    public List<Account> all() {
        return inOrder;
    }

    public boolean checkPassword(String username, char[] password) {
        String hash = username == null ? null : passwordHashes.get(normalize(username));
        if (hash == null) {
            // Spend the same work as for a real account: the answer must not reveal which names exist.
            PasswordHasher.verify(password, decoyHash);
            return false;
        }
        return PasswordHasher.verify(password, hash);
    }

    static String normalize(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
