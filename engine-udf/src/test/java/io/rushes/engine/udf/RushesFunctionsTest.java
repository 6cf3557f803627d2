package io.rushes.engine.udf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.io.FileByteSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQL functions' logic (the Spark registration is exercised by the jobs module's SQL tests). */
class RushesFunctionsTest {
    @Test
    void timecodeToFramesAndBack() {
        assertEquals(24L * 3600 * 10 + 24 * 62 + 5, RushesFunctions.tcToFrames("10:01:02:05", 23.976));
        // 29.97 drop-frame: 00:01:00;02 is frame 1800 (frames 0 and 1 of minute 1 are dropped).
        assertEquals(1800L, RushesFunctions.tcToFrames("00:01:00;02", 29.97));
        assertEquals("00:01:00;02", RushesFunctions.framesToTc(1800L, 29.97, true));
        assertEquals("00:00:59:29", RushesFunctions.framesToTc(1799L, 30.0, false));
        assertEquals("00:00:00:01", RushesFunctions.tcAdd("23:59:59:23", 2L, 24.0), "wraps at midnight");
    }

    @Test
    void nullsAndGarbageGiveNull() {
        assertNull(RushesFunctions.tcToFrames(null, 24.0));
        assertNull(RushesFunctions.tcToFrames("10:00", 24.0));
        assertNull(RushesFunctions.tcToFrames("10:00:00:30", 24.0), "frame 30 does not exist at 24 fps");
        assertNull(RushesFunctions.framesToTc(-1L, 24.0, false));
        assertNull(RushesFunctions.tcAdd("x", 1L, 24.0));
    }

    @Test
    void inspectReturnsTheClipJsonOrTheError(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.bin");
        Files.write(junk, new byte[] {1, 2, 3});
        String json = RushesFunctions.inspect(junk.toString(), loc -> new FileByteSource(Path.of(loc)));
        assertTrue(json.contains("\"status\":\"unsupported\"") && json.contains("junk.bin"), json);
        assertNull(RushesFunctions.inspect(null, loc -> new FileByteSource(Path.of(loc))));
    }
}
