package io.rushes.engine.format.tiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.Samples;
import io.rushes.engine.TestInspect;
import io.rushes.engine.api.ClipError;
import io.rushes.engine.api.ClipResult;
import io.rushes.engine.deliver.dng.DngFrameSpec;
import io.rushes.engine.deliver.dng.DngWriter;
import io.rushes.engine.deliver.tiff.TiffWriter;
import io.rushes.engine.metadata.ClipField;
import io.rushes.engine.metadata.Timecode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The header of a TIFF-structured raw shows a file cut short (strips past its end) and sizes past the engine's limits. */
class ImageExtentsTest {
    @TempDir
    Path dir;

    private static DngFrameSpec spec(int width, int height) {
        return new DngFrameSpec("Rushes", "Cinema One", "S1", "fw", "A", "A001", width, height, 12, 4095, 256, 24,
                Timecode.parse("01:00:00:00", 24), 1.0 / 48, 800, 2.8, 2.8, 35, "Lens", "2026:01:02 03:04:05",
                new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new double[] {1, 1, 1});
    }

    private static byte[] dng(DngFrameSpec s) {
        byte[] pixels = DngWriter.pack(s, new int[s.width() * s.height()]);
        return TiffWriter.concat(DngWriter.header(s, pixels.length), pixels);
    }

    private static ClipError only(ClipResult r) {
        assertEquals(1, r.errors().size(), r.errors().toString());
        return r.errors().get(0);
    }

    @Test
    void aDngCutMidStripIsPartialWithTheStripsOffset() throws IOException {
        DngFrameSpec s = spec(64, 48);
        byte[] whole = dng(s);
        int header = whole.length - (int) DngWriter.pixelBytes(s);
        Path full = Files.write(dir.resolve("whole.dng"), whole);
        assertEquals("ok", TestInspect.one(full).metadata().string(ClipField.STATUS));

        Path cut = Files.write(dir.resolve("cut.dng"), Arrays.copyOf(whole, header + 100));
        ClipResult r = TestInspect.one(cut);
        assertEquals("partial", r.metadata().string(ClipField.STATUS));
        assertEquals(64, r.metadata().get(ClipField.WIDTH)); // the header's fields still stand
        ClipError e = only(r);
        assertEquals("TRUNCATED", e.code());
        assertEquals(header, e.offset());
        assertTrue(e.message().contains("the file ends before strip 1 of 1 of IFD0 (bytes " + header + " to " + whole.length
                + " of a " + (header + 100) + "-byte file)"), e.message());
    }

    @Test
    void aDngDeclaring100000By100000IsRefusedAtTheLimit() throws IOException {
        Path f = Files.write(dir.resolve("huge.dng"), DngWriter.header(spec(100_000, 100_000), 1000));
        ClipResult r = TestInspect.one(f);
        assertEquals("error", r.metadata().string(ClipField.STATUS));
        ClipError e = only(r);
        assertEquals("LIMIT_EXCEEDED", e.code());
        assertTrue(e.message().contains("the image size of IFD0 (100000x100000) in pixels is 10000000000, above the limit of 200000000"),
                e.message());
    }

    @Test
    void aRealDngCutShortIsPartial() throws IOException {
        byte[] whole = Files.readAllBytes(Samples.dir().resolve("raw/photoprism_canon_eos_6d.dng"));
        Path cut = Files.write(dir.resolve("cut6d.dng"), Arrays.copyOf(whole, whole.length / 2));
        ClipResult r = TestInspect.one(cut);
        assertEquals("partial", r.metadata().string(ClipField.STATUS));
        assertTrue(r.errors().stream().allMatch(e -> e.code().equals("TRUNCATED") && e.message().contains("of a " + whole.length / 2 + "-byte file")),
                r.errors().toString());
    }

    /** Cut before its raw image directory (the 6D's SubIFD0 lies past byte 3000), a DNG is truncated, not "without a raw image". */
    @Test
    void aDngCutBeforeItsRawDirectoryIsTruncated() throws IOException {
        byte[] whole = Files.readAllBytes(Samples.dir().resolve("raw/photoprism_canon_eos_6d.dng"));
        ClipResult r = TestInspect.one(Files.write(dir.resolve("head.dng"), Arrays.copyOf(whole, 3000)));
        assertEquals("error", r.metadata().string(ClipField.STATUS));
        ClipError e = only(r);
        assertEquals("TRUNCATED", e.code());
        assertTrue(e.message().contains("the file ends before the image directory SubIFD at byte " + e.offset()
                + ", where the raw image may be (the file has 3000 bytes)"), e.message());
    }

    /** The same check for the stills raws: a TIFF-structured raw whose strip runs past the end. */
    @Test
    void aStillsRawCutShortIsPartial() throws IOException {
        byte[] whole = Files.readAllBytes(Samples.dir().resolve("raw/RAW_KODAK_DC50.KDC"));
        Path f = Files.write(dir.resolve("cut.kdc"), Arrays.copyOf(whole, whole.length - 1000));
        ClipResult r = TestInspect.one(f);
        assertEquals("partial", r.metadata().string(ClipField.STATUS), r.errors().toString());
        assertEquals("TRUNCATED", r.errors().get(0).code());
    }

    /** Every real sample keeps its status: their strips lie inside them. */
    @Test
    void everyRawSampleIsWhole() throws IOException {
        List<Path> raws;
        try (Stream<Path> s = Files.list(Samples.dir().resolve("raw"))) {
            raws = s.filter(p -> p.toString().matches(".*\\.(dng|nef|cr2|rw2|KDC|iiq)")).toList();
        }
        for (Path p : raws) {
            ClipResult r = TestInspect.one(p);
            assertEquals(List.of(), r.errors(), p.toString());
        }
    }
}
