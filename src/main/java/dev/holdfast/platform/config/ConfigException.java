package dev.holdfast.platform.config;

/** The platform configuration cannot be used; the message is one line naming the file and the problem. */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
