package io.rushes.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentsTest {
    @Test
    void readsADocumentUpToTheLimit(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("look.clf");
        byte[] content = new byte[1000];
        Files.write(f, content);
        assertArrayEquals(content, Documents.read(f, 1000, "CLF"));
        RushesException e = assertThrows(RushesException.class, () -> Documents.read(f, 999, "CLF"));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
        assertTrue(e.getMessage().contains("the CLF is larger than 999 bytes") && e.getMessage().contains(f.toString()), e.getMessage());
    }

    /** A device that never ends (its size says 0) is refused after the limit, not read forever. */
    @Test
    void refusesAnEndlessFile() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.isReadable(zero), "no /dev/zero here");
        RushesException e = assertThrows(RushesException.class, () -> Documents.read(zero, 1 << 16, "AMF"));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
    }

    @Test
    void aMissingFileIsAnIoErrorNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("missing.fdl");
        RushesException e = assertThrows(RushesException.class, () -> Documents.read(missing, 100, "FDL"));
        assertEquals(ErrorCode.IO, e.code());
        assertTrue(e.getMessage().contains("missing.fdl"), e.getMessage());
    }
}
