package io.rushes.engine.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A local file, written to a hidden file beside it and moved over it atomically (a rename within one folder, so
 * readers see the old file or the new one, never half of either).
 */
public final class FileByteSink implements ByteSink {
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
        Path aside = Files.createTempFile(path.getParent(), "." + path.getFileName() + ".", ".partial");
        boolean committed = false;
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(aside), 1 << 16)) {
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
