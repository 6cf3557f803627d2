package io.rushes.engine.format.movie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.ExternalTool;
import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.format.FrameReader;
import io.rushes.engine.io.FileByteSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Damaged movies give one RushesException naming the file and what is wrong, within a bounded time, and no crash. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MovieDamageTest {
    @TempDir
    Path dir;

    private Path movie(String name, String... extra) throws Exception {
        Path movie = dir.resolve(name);
        String[] base = {"-v", "error", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=24", "-frames:v", "48", "-c:v", "libx264", "-g", "12"};
        String[] all = Arrays.copyOf(base, base.length + extra.length + 1);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        all[all.length - 1] = movie.toString();
        ExternalTool.output("ffmpeg", all);
        return movie;
    }

    private static Path cut(Path movie, double keep) throws Exception {
        byte[] bytes = Files.readAllBytes(movie);
        Path cut = movie.resolveSibling("cut-" + movie.getFileName());
        Files.write(cut, Arrays.copyOf(bytes, (int) (bytes.length * keep)));
        return cut;
    }

    private static RushesException refused(Path file) throws Exception {
        try (FileByteSource source = new FileByteSource(file)) {
            return assertThrows(RushesException.class, () -> new MovieFrames().open(source).close());
        }
    }

    @Test
    void aMovieCutBeforeItsIndexCannotBeOpened() throws Exception {
        Path cut = cut(movie("moov-last.mov"), 0.6); // the mov muxer writes moov after the frames
        RushesException e = refused(cut);
        assertEquals(ErrorCode.CORRUPT, e.code());
        assertTrue(e.getMessage().startsWith("Cannot read " + cut + ": FFmpeg cannot read the container: Invalid data found when processing input"),
                e.getMessage());
        assertTrue(e.getMessage().contains("having read to the end of the file (it may be cut short)"), e.getMessage());
    }

    @Test
    void aMovieCutAfterItsIndexReadsUpToTheCutThenSaysTruncated() throws Exception {
        Path cut = cut(movie("faststart.mov", "-movflags", "+faststart"), 0.5);
        try (FileByteSource source = new FileByteSource(cut); FrameReader reader = new MovieFrames().open(source)) {
            assertEquals(48, reader.frameCount(), "the index lists every frame");
            reader.read(3, null);
            RushesException e = assertThrows(RushesException.class, () -> reader.read(47, null));
            assertEquals(ErrorCode.TRUNCATED, e.code());
            assertTrue(e.getMessage().startsWith("Cannot read " + cut + " at byte " + Files.size(cut) + ": the file ends before frame 47 of the 48 its h264 stream declares"),
                    e.getMessage());
            reader.read(2, null); // still usable before the cut
        }
    }

    @Test
    void garbageAfterAQuickTimeHeaderIsDamaged() throws Exception {
        byte[] garbage = new byte[200_000];
        new Random(7).nextBytes(garbage);
        byte[] ftyp = {0, 0, 0, 20, 'f', 't', 'y', 'p', 'q', 't', ' ', ' ', 0, 0, 0, 0, 'q', 't', ' ', ' '};
        System.arraycopy(ftyp, 0, garbage, 0, ftyp.length);
        Path file = dir.resolve("garbage.mov");
        Files.write(file, garbage);
        RushesException e = refused(file);
        assertEquals(ErrorCode.CORRUPT, e.code());
        assertTrue(e.getMessage().startsWith("Cannot read " + file + ": FFmpeg cannot read the container"), e.getMessage());
    }

    @Test
    void aGarbledSampleDescriptionIsDamagedNotACrash() throws Exception {
        Path good = movie("stsd.mov", "-movflags", "+faststart");
        byte[] bytes = Files.readAllBytes(good);
        int avc1 = indexOf(bytes, "avc1".getBytes(StandardCharsets.US_ASCII));
        for (int i = avc1 + 4; i < avc1 + 200; i++) {
            bytes[i] = (byte) (i * 37);
        }
        Path file = dir.resolve("garbled.mov");
        Files.write(file, bytes);
        RushesException e = refused(file);
        assertTrue(e.isUserError(), e.getMessage());
        assertTrue(e.getMessage().startsWith("Cannot read " + file), e.getMessage());
    }

    /** A ProRes RAW movie (its sample description says aprn): refused by name, not decoded as something else. */
    @Test
    void proResRawIsRefusedByName() throws Exception {
        Path prores = dir.resolve("prores.mov");
        ExternalTool.output("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=24", "-frames:v", "2", "-c:v", "prores_ks",
                "-profile:v", "4444", prores.toString());
        byte[] bytes = Files.readAllBytes(prores);
        int fourcc = indexOf(bytes, "ap4h".getBytes(StandardCharsets.US_ASCII));
        System.arraycopy("aprn".getBytes(StandardCharsets.US_ASCII), 0, bytes, fourcc, 4);
        Path raw = dir.resolve("prores-raw.mov");
        Files.write(raw, bytes);
        RushesException e = refused(raw);
        assertEquals(ErrorCode.UNSUPPORTED_FEATURE, e.code());
        assertTrue(e.getMessage().contains(": a ProRes RAW movie ("), e.getMessage());
        assertTrue(e.getMessage().contains("Export the clip from Final Cut Pro or the recorder's software as ProRes 4444 or EXR"), e.getMessage());
    }

    private static int indexOf(byte[] bytes, byte[] key) {
        outer:
        for (int i = 0; i + key.length <= bytes.length; i++) {
            for (int k = 0; k < key.length; k++) {
                if (bytes[i + k] != key[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(new String(key, StandardCharsets.US_ASCII) + " not found");
    }
}
