package io.rushes.engine.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A local file, written to a hidden file beside it and moved over it atomically (a rename within one folder, so
 * readers see the old file or the new one, never half of either).
 */
public final class FileByteSink implements ByteSink {
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private final Path path;

    public FileByteSink(Path path) {
        this.path = path.toAbsolutePath();
    }

    @Override
    public String name() {
        return path.toString();
    }

    @Override
    public void write(Content content) throws IOException {
        // Not Files.createTempFile: its files are private (0600), and a deliverable is for others to read.
        Path aside = path.resolveSibling("." + path.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".partial");
        boolean committed = false;
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(aside, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), 1 << 16)) {
                content.writeTo(out);
            }
            Files.move(aside, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
        } finally {
            if (!committed) {
                Files.deleteIfExists(aside);
            }
        }
    }
}
