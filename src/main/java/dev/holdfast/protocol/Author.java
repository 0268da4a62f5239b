package dev.holdfast.protocol;

/** The author of an event: a customer, an agent (or supervisor) by user id, or the system. */
public record Author(AuthorKind kind, String id, String name) {
    public Author {
        Require.present(kind, "author.kind");
        Require.text(id, "author.id", Limits.MAX_ID_CHARS);
    }

    public static Author system() {
        return new Author(AuthorKind.SYSTEM, "system", "Holdfast");
    }
}
