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
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw Errors.documentTooLarge(file.toString(), kind, maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw Errors.io(file.toString(), e);
        }
    }
}
