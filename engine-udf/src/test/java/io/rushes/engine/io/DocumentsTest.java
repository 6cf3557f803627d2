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

    /** A device that never ends (its size says 0) is refused before it is opened, not read forever. */
    @Test
    void refusesADevice() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.isReadable(zero), "no /dev/zero here");
        RushesException e = assertThrows(RushesException.class, () -> Documents.read(zero, 1 << 16, "AMF"));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertEquals("Cannot read /dev/zero: it is not a regular file (a folder, pipe or device). Give the path of the AMF file itself",
                e.getMessage());
    }

    /** Opening a named pipe blocks until something writes to it: it must be refused without opening it. */
    @Test
    @org.junit.jupiter.api.Timeout(10)
    void refusesANamedPipeWithoutBlocking(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("look.amf");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
        RushesException e = assertThrows(RushesException.class, () -> Documents.read(fifo, 1 << 16, "AMF"));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().startsWith("Cannot read " + fifo + ": it is not a regular file"), e.getMessage());
    }

    @Test
    void aFolderIsNotADocument(@TempDir Path dir) {
        RushesException e = assertThrows(RushesException.class, () -> Documents.read(dir, 100, "FDL"));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    }

    @Test
    void anErrorToldAsTheCommandThatFailed() {
        RushesException e = io.rushes.engine.error.Errors.notARegularFile("x.amf", "AMF").during("apply the AMF");
        assertTrue(e.getMessage().startsWith("Cannot apply the AMF x.amf: it is not a regular file"), e.getMessage());
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    }

    @Test
    void aMissingFileIsAnIoErrorNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("missing.fdl");
        RushesException e = assertThrows(RushesException.class, () -> Documents.read(missing, 100, "FDL"));
        assertEquals(ErrorCode.IO, e.code());
        assertTrue(e.getMessage().contains("missing.fdl"), e.getMessage());
    }
}
