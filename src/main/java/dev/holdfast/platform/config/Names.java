package dev.holdfast.platform.config;

import java.util.regex.Pattern;

/** The shape of user names and team ids: safe in URLs, logs and file names without quoting. */
final class Names {
    static final Pattern PATTERN = Pattern.compile("[a-z0-9._-]{1,64}");
    static final String DESCRIPTION = "[a-z0-9._-]{1,64}";

    private Names() {
    }

    static boolean isValid(String name) {
        return name != null && PATTERN.matcher(name).matches();
    }
}
