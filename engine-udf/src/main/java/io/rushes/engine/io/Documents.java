package io.rushes.engine.io;

import io.rushes.engine.error.Errors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading a whole document (AMF, CLF, FDL…) with a bound, so a huge or endless file is refused, not loaded. */
public final class Documents {
    private Documents() {
    }

    /**
     * The file's bytes, at most {@code maxBytes}; more is refused after reading {@code maxBytes + 1} (so a device or
     * pipe that never ends, whose size says nothing, is refused too).
     */
    public static byte[] read(Path file, int maxBytes, String kind) {
        try (InputStream in = open(file, kind)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw Errors.documentTooLarge(file.toString(), kind, maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw Errors.io(file.toString(), e);
        }
    }

    /**
     * A stream over a regular file, refusing folders, named pipes and devices before opening them (opening a FIFO
     * blocks until a writer comes, so the bound in {@link #read} alone would never be reached). Links are followed.
     */
    public static InputStream open(Path file, String kind) throws IOException {
        if (!Files.isRegularFile(file)) {
            if (!Files.exists(file)) {
                throw Errors.io(file.toString(), new java.nio.file.NoSuchFileException(file.toString(), null, "no such file"));
            }
            throw Errors.notARegularFile(file.toString(), kind);
        }
        return Files.newInputStream(file);
    }
}
