package io.rushes.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileByteSinkTest {
    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesWholeAndReplacesAnOlderFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("plate.0001.tif");
        Files.writeString(out, "old");
        ByteSink sink = new FileByteSink(out);
        sink.write(o -> o.write("new".getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals("new".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(out));
        assertEquals(List.of("plate.0001.tif"), names(dir), "nothing left aside");
        // Created as any new file is (the umask decides), not private like a temporary file: deliverables are shared.
        Path plain = dir.resolve("plain.txt");
        Files.writeString(plain, "x");
        new FileByteSink(dir.resolve("shared.tif")).write(o -> o.write(1));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(dir.resolve("shared.tif")));
    }

    /** A writer that fails midway (a full disk, a bug) leaves the old file as it was and no partial file. */
    @Test
    void aFailureMidwayLeavesTheOldFileAndNothingAside(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("plate.0002.tif");
        Files.writeString(out, "old");
        IOException e = assertThrows(IOException.class, () -> new FileByteSink(out).write(o -> {
            o.write(new byte[100_000]);
            throw new IOException("No space left on device");
        }));
        assertEquals("No space left on device", e.getMessage());
        assertEquals("old", Files.readString(out));
        assertEquals(List.of("plate.0002.tif"), names(dir));

        Path fresh = dir.resolve("plate.0003.tif");
        assertThrows(IllegalStateException.class, () -> new FileByteSink(fresh).write(o -> {
            throw new IllegalStateException("a writer's bug");
        }));
        assertFalse(Files.exists(fresh), "no file under the final name");
        assertEquals(List.of("plate.0002.tif"), names(dir));
    }
}
