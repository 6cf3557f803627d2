package io.rushes.engine.card;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.TestInspect;
import io.rushes.engine.api.ClipResult;
import io.rushes.engine.integrity.MhlReport;
import io.rushes.engine.integrity.MhlVerifier;
import io.rushes.engine.metadata.ClipField;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample card reads back through the engine with the values it was written with. */
class SampleCardTest {
    @Test
    void cardReadsBackAndVerifies(@TempDir Path dir) throws Exception {
        SampleCard.write(dir, new SampleCard.Options(2, 5, List.of("A", "B"), 64, 36, 7));
        List<ClipResult> clips = TestInspect.inspect(dir);
        assertEquals(6, clips.size(), "2 DNG clips and one movie per camera");
        ClipResult a1 = clips.stream().filter(c -> c.clip().name().startsWith("A001C001")).findFirst().orElseThrow();
        var md = a1.metadata();
        assertEquals("ok", md.string(ClipField.STATUS), a1.errors().toString());
        assertEquals("dng", md.string(ClipField.FORMAT));
        assertEquals("CinemaDNG", md.string(ClipField.CODEC));
        assertEquals("A", md.string(ClipField.CAMERA_LABEL));
        assertEquals(5L, md.get(ClipField.FRAME_COUNT));
        assertEquals(24000.0 / 1001, md.number(ClipField.PROJECT_FPS), 1e-9);
        long start = SampleCard.tcStartFrames(7, 0, 1);
        assertEquals(io.rushes.engine.metadata.Timecode.fromFrames(start, 24, false).toString(), md.string(ClipField.START_TIMECODE));
        assertEquals(io.rushes.engine.metadata.Timecode.fromFrames(start + 4, 24, false).toString(), md.string(ClipField.END_TIMECODE));
        assertEquals(12, md.get(ClipField.BIT_DEPTH));
        assertEquals("RGGB", md.string(ClipField.CFA_PATTERN));
        assertEquals(180.0, md.number(ClipField.SHUTTER_ANGLE), 0.5, "1/48 s at 23.976 fps");
        ClipResult movie = clips.stream().filter(c -> c.clip().name().startsWith("B001C003")).findFirst().orElseThrow();
        assertEquals("quicktime", movie.metadata().string(ClipField.FORMAT));
        assertEquals("B", movie.metadata().string(ClipField.CAMERA_LABEL));
        assertEquals(5L, movie.metadata().get(ClipField.FRAME_COUNT));
        List<Path> reels;
        try (var list = Files.list(dir)) {
            reels = list.filter(Files::isDirectory).sorted().toList();
        }
        assertEquals(2, reels.size());
        assertTrue(reels.get(0).getFileName().toString().startsWith("A001R"), reels.toString());
        for (Path reel : reels) {
            MhlReport r = MhlVerifier.verify(reel);
            assertTrue(r.passed(), r.issues().toString());
        }
    }

    @Test
    void sameSeedSameBytes(@TempDir Path a, @TempDir Path b) throws Exception {
        SampleCard.write(a, new SampleCard.Options(1, 2, List.of("A"), 32, 18, 3));
        SampleCard.write(b, new SampleCard.Options(1, 2, List.of("A"), 32, 18, 3));
        try (var files = Files.walk(a)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(b.resolve(a.relativize(p))), p.toString());
            }
        }
    }
}
