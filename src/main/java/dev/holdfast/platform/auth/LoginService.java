package dev.holdfast.platform.auth;

import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.ProtocolException;
import dev.holdfast.protocol.http.LoginRequest;
import dev.holdfast.protocol.http.TokenResponse;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Signs a device in with a user name and password: rate limit, password check, tokens. */
public final class LoginService {
    private static final Logger log = LoggerFactory.getLogger(LoginService.class);
    /** The same for unknown users and wrong passwords, so that it does not reveal which names exist. */
    static final String WRONG_CREDENTIALS = "wrong user name or password";

    private final AccountDirectory accounts;
    private final TokenService tokens;
    private final LoginRateLimiter limiter;

    public LoginService(AccountDirectory accounts, TokenService tokens, LoginRateLimiter limiter) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
    }

    /**
     * @param address the client's network address, for the per-address limit
     * @throws ProtocolException RATE_LIMITED while locked (checked before the password, so a
     *                           locked account cannot be probed), UNAUTHENTICATED on bad credentials
     */
    public TokenResponse login(LoginRequest request, String address, String epoch) {
        String username = request.username();
        limiter.check(username, address);
        char[] password = request.password().toCharArray();
        boolean correct;
        try {
            correct = accounts.checkPassword(username, password);
        } finally {
            Arrays.fill(password, '\0');
        }
        Optional<Account> account = correct ? accounts.byUsername(username) : Optional.empty();
        if (account.isEmpty()) {
            limiter.failed(username, address);
            // Only known account ids reach the log: people type passwords into the user name field.
            log.info("failed sign-in for {} from {}",
                    accounts.byUsername(username).map(Account::id).orElse("an unknown user"), printable(address));
            throw new ProtocolException(ErrorCode.UNAUTHENTICATED, WRONG_CREDENTIALS);
        }
        limiter.succeeded(username, address);
        log.info("{} signed in from {}", account.get().id(), printable(address));
        return tokens.issue(account.get(), request.deviceId(), epoch);
    }

    /** Addresses come from the network; keep them from forging log lines. */
    private static String printable(String text) {
        return text == null ? "an unknown address" : text.replaceAll("\\p{Cntrl}", "?");
    }
}
