package dev.holdfast.client.common;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files and directories that only their owner may use (0600 and 0700). Permissions apply where the
 * file system has POSIX permissions; elsewhere these methods only create.
 */
public final class OwnerOnlyFiles {
    public static final Set<PosixFilePermission> FILE = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);
    public static final Set<PosixFilePermission> DIRECTORY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private OwnerOnlyFiles() {
    }

    public static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Makes {@code dir} (and any missing parents) exist. Directories created here are 0700 from the
     * start; an existing {@code dir} is tightened to 0700. Existing parents are left as they are.
     */
    public static void directory(Path dir) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            directory(parent);
        }
        if (isPosix(dir)) {
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
            } catch (FileAlreadyExistsException exists) {
                if (!Files.isDirectory(dir)) {
                    throw exists;
                }
            }
            // Also corrects a umask that took bits away, and a directory that was made wider before.
            Files.setPosixFilePermissions(dir, DIRECTORY);
        } else {
            Files.createDirectories(dir);
        }
    }

    /** Creates {@code dir} and missing parents as 0700 if it is missing; an existing one is not changed. */
    public static void directoryIfMissing(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            directory(dir);
        }
    }

    /** Creates an empty 0600 file; false if it already existed (then it is not changed). */
    public static boolean createFile(Path file) throws IOException {
        try {
            if (isPosix(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
                Files.setPosixFilePermissions(file, FILE); // the umask may not take bits away from 0600, but be exact
            } else {
                Files.createFile(file);
            }
            return true;
        } catch (FileAlreadyExistsException exists) {
            return false;
        }
    }

    /** Sets an existing regular file to 0600; does nothing for a missing file or without POSIX permissions. */
    public static void tighten(Path file) throws IOException {
        try {
            if (isPosix(file) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    && !Files.getPosixFilePermissions(file).equals(FILE)) {
                Files.setPosixFilePermissions(file, FILE);
            }
        } catch (NoSuchFileException gone) {
            // Removed meanwhile (SQLite deletes its -wal and -shm files on close): nothing to tighten.
        }
    }
}
