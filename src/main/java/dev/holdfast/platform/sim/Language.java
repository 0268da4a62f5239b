package dev.holdfast.platform.sim;

/** The languages simulated customers write in; {@link #code()} is what the open request carries. */
public enum Language {
    ENGLISH("en"),
    SPANISH("es");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
