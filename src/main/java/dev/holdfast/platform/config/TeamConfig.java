package dev.holdfast.platform.config;

/** A team accounts can belong to. A missing name defaults to the id. */
public record TeamConfig(String id, String name) {
    public TeamConfig {
        if (!Names.isValid(id)) {
            throw new IllegalArgumentException("team id \"" + id + "\" must match " + Names.DESCRIPTION);
        }
        name = name == null || name.isBlank() ? id : name;
    }
}
