package io.rushes.engine.format.quicktime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.Samples;
import io.rushes.engine.TestInspect;
import io.rushes.engine.api.ClipError;
import io.rushes.engine.api.ClipResult;
import io.rushes.engine.metadata.ClipField;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every count in a sample table is bounded by its atom (and the file): a count that cannot fit is CORRUPT, never a frame count. */
class SampleTableBoundsTest {
    private static final long MAX_U32 = 0xFFFFFFFFL;

    @TempDir
    Path dir;

    private static byte[] sample() throws IOException {
        return Files.readAllBytes(Samples.dir().resolve("video/exiftool_QuickTime.mov"));
    }

    /** Offset of the first atom of this type (its size field). */
    private static int atom(byte[] b, String type) {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 4; i + 4 <= b.length; i++) {
            if (Arrays.equals(b, i, i + 4, t, 0, 4)) {
                return i - 4;
            }
        }
        throw new AssertionError("no " + type + " atom in the sample");
    }

    private ClipError corruptOnly(byte[] b, String name) throws IOException {
        ClipResult r = TestInspect.one(Files.write(dir.resolve(name), b));
        assertEquals("partial", r.metadata().string(ClipField.STATUS), r.errors().toString());
        assertEquals(1, r.errors().size(), r.errors().toString());
        assertEquals("CORRUPT", r.errors().get(0).code());
        return r.errors().get(0);
    }

    @Test
    void anStszCountOfTwoToTheThirtyTwoMinusOneIsCorruptNotAFrameCount() throws IOException {
        byte[] b = sample();
        int stsz = atom(b, "stsz");
        long atomSize = ByteBuffer.wrap(b).getInt(stsz) & MAX_U32;
        ByteBuffer.wrap(b).putInt(stsz + 16, (int) MAX_U32); // version/flags, sample size 0 (a table), count
        ClipResult r = TestInspect.one(Files.write(dir.resolve("stsz.mov"), b));
        assertEquals(149L, r.metadata().get(ClipField.FRAME_COUNT)); // from the duration and frame rate, not from the refused table
        ClipError e = corruptOnly(b, "stsz2.mov");
        assertEquals(stsz, e.offset());
        assertTrue(e.message().contains("the 'stsz' atom declares 4294967295 entries of 4 bytes, but holds only " + (atomSize - 20)
                + " bytes of entries"), e.message());
    }

    @Test
    void aConstantSampleSizeCountIsBoundByTheFile() throws IOException {
        byte[] b = sample();
        int stsz = atom(b, "stsz"); // the video track's
        ByteBuffer.wrap(b).putInt(stsz + 12, 1000).putInt(stsz + 16, (int) MAX_U32);
        ClipError e = corruptOnly(b, "stsz-constant.mov");
        assertTrue(e.message().contains("the 'stsz' atom declares 4294967295 samples of 1000 bytes, more than the " + b.length
                + "-byte file holds"), e.message());
    }

    @Test
    void sttsStscAndStcoCountsAreBoundByTheirAtoms() throws IOException {
        for (String[] table : new String[][] {{"stts", "8"}, {"stsc", "12"}, {"stco", "4"}}) {
            byte[] b = sample();
            int at = atom(b, table[0]);
            ByteBuffer.wrap(b).putInt(at + 12, (int) MAX_U32);
            ClipError e = corruptOnly(b, table[0] + ".mov");
            assertEquals(at, e.offset());
            assertTrue(e.message().contains("the '" + table[0] + "' atom declares 4294967295 entries of " + table[1] + " bytes"), e.message());
        }
    }

    @Test
    void theUntouchedSampleKeepsItsFrameCount() throws IOException {
        ClipResult r = TestInspect.one(Files.write(dir.resolve("whole.mov"), sample()));
        assertEquals("ok", r.metadata().string(ClipField.STATUS), r.errors().toString());
        assertEquals(0x95L, r.metadata().get(ClipField.FRAME_COUNT));
    }

    /** A movie whose media atom runs past the end of the file (a cut copy) is partial, its header still read. */
    @Test
    void aMovieCutInItsMediaIsPartial() throws IOException {
        byte[] b = sample(); // moov first, then an empty mdat: make the mdat declare media the file no longer has
        int mdat = atom(b, "mdat");
        ByteBuffer.wrap(b).putInt(mdat, 8 + 100_000);
        ClipResult r = TestInspect.one(Files.write(dir.resolve("cut.mov"), b));
        assertEquals("partial", r.metadata().string(ClipField.STATUS), r.errors().toString());
        assertEquals(0x95L, r.metadata().get(ClipField.FRAME_COUNT));
        assertEquals(1, r.errors().size(), "one cut, one error: " + r.errors());
        ClipError e = r.errors().get(0);
        assertEquals("TRUNCATED", e.code());
        assertEquals(mdat, e.offset());
        assertTrue(e.message().contains("the end of the 'mdat' atom at byte " + mdat + " (the file has " + b.length + " bytes)"), e.message());
    }

    /** The last chunk of a table past the end of the file shows a cut copy (exiv2's MP4: 19 chunks a track, media before the movie header). */
    @Test
    void aLastChunkPastTheEndMakesTheClipPartial() throws IOException {
        byte[] b = Files.readAllBytes(Samples.dir().resolve("video/exiv2_small_video.mp4"));
        int stco = atom(b, "stco");
        int count = ByteBuffer.wrap(b).getInt(stco + 12);
        ByteBuffer.wrap(b).putInt(stco + 16 + 4 * (count - 1), 1_000_000);
        ClipResult r = TestInspect.one(Files.write(dir.resolve("last.mp4"), b));
        assertEquals("partial", r.metadata().string(ClipField.STATUS), r.errors().toString());
        ClipError e = r.errors().get(0);
        assertEquals("TRUNCATED", e.code());
        assertEquals(1_000_000, e.offset());
        assertTrue(e.message().contains("the last chunk of media the 'stco' atom at byte " + stco + " points to (at byte 1000000; the file has "
                + b.length + " bytes)"), e.message());

        int url = atom(b, "url ");
        ByteBuffer.wrap(b).putInt(url + 8, 0); // the data reference's flags: not self-contained, the media is in another file
        ClipResult reference = TestInspect.one(Files.write(dir.resolve("reference.mp4"), b));
        assertEquals("ok", reference.metadata().string(ClipField.STATUS), reference.errors().toString());
    }
}
