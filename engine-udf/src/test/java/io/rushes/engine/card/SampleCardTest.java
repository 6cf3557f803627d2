package io.rushes.engine.card;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.TestInspect;
import io.rushes.engine.api.ClipResult;
import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.integrity.MhlReport;
import io.rushes.engine.integrity.MhlVerifier;
import io.rushes.engine.metadata.ClipField;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @ParameterizedTest(name = "{0} clips, {1} frames, {2} cameras, {3}x{4}")
    @CsvSource(delimiter = '|', value = {
            "0 | 5 | 1 | 64 | 36 | INVALID_ARGUMENT | clips is 0: a card needs at least 1",
            "1 | 0 | 1 | 64 | 36 | INVALID_ARGUMENT | frames is 0: a card needs at least 1",
            "1 | 1 | 1 | 65 | 36 | INVALID_ARGUMENT | the frame size 65x36 is not an even size of at least 16x16",
            "1 | 1 | 1 | 64 | 8 | INVALID_ARGUMENT | the frame size 64x8 is not an even size of at least 16x16",
            "1 | 1 | 1 | 100000 | 100000 | LIMIT_EXCEEDED | the frame size 100000x100000 has a side that is 100000, above the limit of 8192",
            "999 | 1 | 1 | 64 | 36 | LIMIT_EXCEEDED | is 999, above the limit of 998",
            "1 | 10001 | 1 | 64 | 36 | LIMIT_EXCEEDED | the number of frames per clip is 10001, above the limit of 10000",
            "1 | 1 | 10 | 64 | 36 | LIMIT_EXCEEDED | cameras (reel ids number them 1 to 9) is 10, above the limit of 9"})
    void impossibleOrHugeCardsAreRefusedInTheOptions(int clips, int frames, int cameras, int width, int height, ErrorCode code,
                                                             String message) {
        List<String> letters = java.util.stream.IntStream.range(0, cameras).mapToObj(i -> String.valueOf((char) ('A' + i))).toList();
        RushesException e = assertThrows(RushesException.class, () -> new SampleCard.Options(clips, frames, letters, width, height, 1));
        assertEquals(code, e.code());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
