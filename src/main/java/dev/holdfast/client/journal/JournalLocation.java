package dev.holdfast.client.journal;

import dev.holdfast.client.common.OwnerOnlyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Where a user's journal for a platform lives: {@code <dataDir>/journals/<host>_<port>/<user>/journal.db}.
 *
 * <p>Each name becomes one safe path segment: lower-case ASCII letters, digits, {@code -}, {@code _}
 * and (not first) {@code .} stay as they are; every other UTF-8 byte, upper-case letters included,
 * becomes {@code %XX}. So {@code ..}, {@code /}, {@code \}, NUL and {@code :} cannot leave the
 * directory, and two different names never share one, also on case-insensitive file systems
 * ({@code Ann} is {@code %41nn}, {@code ann} stays {@code ann}). Names Windows reserves
 * ({@code con}, {@code nul}, {@code com1}, …) get their first letter encoded; a segment longer than
 * {@value #MAX_SEGMENT_CHARS} characters is cut and ends with {@code ~} and a SHA-256 prefix of the
 * whole name ({@code ~} never appears otherwise).
 */
public final class JournalLocation {
    public static final String FILE_NAME = "journal.db";
    static final int MAX_SEGMENT_CHARS = 120;
    private static final Set<String> WINDOWS_RESERVED = Set.of("con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private JournalLocation() {
    }

    /**
     * The journal file for {@code user} on {@code server}. Creates the directories: a missing
     * {@code dataDir} as 0700, and {@code journals}, the server's and the user's directories as
     * 0700 (tightened to 0700 if they exist), where the file system has POSIX permissions. The
     * file itself is not created.
     *
     * @throws IllegalArgumentException if the server has no host or the user name is empty
     * @throws UncheckedIOException if a directory cannot be created
     */
    public static Path fileFor(Path dataDir, URI server, String user) {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(user, "user");
        String host = server.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("the server address " + server + " has no host name");
        }
        if (user.isEmpty()) {
            throw new IllegalArgumentException("the user name is empty");
        }
        int port = server.getPort() >= 0 ? server.getPort() : defaultPort(server.getScheme());
        String serverSegment = segment(host.toLowerCase(Locale.ROOT) + "_" + port);
        Path journals = dataDir.resolve("journals");
        Path serverDir = journals.resolve(serverSegment);
        Path userDir = serverDir.resolve(segment(user));
        try {
            OwnerOnlyFiles.directoryIfMissing(dataDir);
            OwnerOnlyFiles.directory(journals);
            OwnerOnlyFiles.directory(serverDir);
            OwnerOnlyFiles.directory(userDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the journal directory " + userDir + ": " + e.getMessage(), e);
        }
        return userDir.resolve(FILE_NAME);
    }

    private static int defaultPort(String scheme) {
        if (scheme == null) {
            return 0;
        }
        return switch (scheme.toLowerCase(Locale.ROOT)) {
            case "http", "ws" -> 80;
            case "https", "wss" -> 443;
            default -> 0;
        };
    }

    /** One path segment that stands only for {@code name} (see the class comment). */
    static String segment(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            boolean keep = (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' || b == '_'
                    || (b == '.' && i > 0 && i < bytes.length - 1);
            if (keep) {
                out.append((char) b);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        String base = out.toString();
        int dot = base.indexOf('.');
        if (WINDOWS_RESERVED.contains(dot < 0 ? base : base.substring(0, dot))) {
            base = String.format("%%%02X", (int) base.charAt(0)) + base.substring(1);
        }
        if (base.length() > MAX_SEGMENT_CHARS) {
            base = base.substring(0, MAX_SEGMENT_CHARS - 17) + "~" + sha256Hex(bytes).substring(0, 16);
        }
        return base;
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
