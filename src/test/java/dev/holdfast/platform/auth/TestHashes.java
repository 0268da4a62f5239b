package dev.holdfast.platform.auth;

/** Cheap password hashes for tests in any package: production iterations cost ~0.2 s each. */
public final class TestHashes {
    public static final int ITERATIONS = PasswordHasher.MIN_ITERATIONS;

    private TestHashes() {
    }

    public static String hash(String password) {
        return PasswordHasher.hash(password.toCharArray(), ITERATIONS);
    }
}
