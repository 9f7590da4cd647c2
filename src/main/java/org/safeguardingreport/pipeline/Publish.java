package org.safeguardingreport.pipeline;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/** Puts finished outputs in place, all or none, for the build and the amalgamation alike. */
public final class Publish {
    private Publish() {
    }

    /**
     * Writes every file into a fresh folder beside {@code target}, then moves each into place; a
     * failure before the moves leaves the previous outputs as they were.
     */
    public static void publish(Path target, Map<String, byte[]> files) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path tmp = org.safeguardingreport.text.Folders.stagingBeside(abs, "build");
        try {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Files.write(tmp.resolve(f.getKey()), f.getValue());
            }
            // two builds into one OUT take turns here, so each leaves a complete set, never a mixture; the lock
            // lives in the temporary folder (named for OUT), so nothing but the outputs is left beside them
            Path lock = lockFor(abs);
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(lock,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                 java.nio.channels.FileLock held = ch.lock()) {
                if (!Files.exists(abs)) {
                    move(tmp, abs);
                    return;
                }
                for (String name : files.keySet()) {
                    move(tmp.resolve(name), abs.resolve(name));
                }
            }
        } finally {
            org.safeguardingreport.text.Folders.deleteTree(tmp);
        }
    }

    /**
     * Writes one file through a temporary file beside it, moved into place when complete: the file
     * is either as it was or wholly the new one, never half-written.
     */
    public static void publishFile(Path target, byte[] bytes) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                // a temporary file is private (rw-------): the user's file gets the usual rw-r--r--
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: its defaults apply
            }
            move(tmp, abs);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The lock file that writers of {@code out} take turns on: in the temporary folder, named for {@code out}. */
    static Path lockFor(Path out) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(
                    out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return Path.of(System.getProperty("java.io.tmpdir"), "safeguarding-report-"
                    + java.util.HexFormat.of().formatHex(h, 0, 12) + ".lock");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
