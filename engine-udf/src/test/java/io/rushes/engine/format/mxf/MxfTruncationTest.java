package io.rushes.engine.format.mxf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.Samples;
import io.rushes.engine.TestInspect;
import io.rushes.engine.api.ClipError;
import io.rushes.engine.api.ClipResult;
import io.rushes.engine.metadata.ClipField;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An MXF cut short shows it in its header partition: the footer, the index or the essence lie past the end. */
class MxfTruncationTest {
    @TempDir
    Path dir;

    private static List<Path> samples() throws IOException {
        try (Stream<Path> s = Files.list(Samples.dir().resolve("video"))) {
            return s.filter(p -> p.toString().endsWith(".mxf")).sorted().toList();
        }
    }

    @Test
    void everySampleCutToFivePercentIsReportedTruncated() throws IOException {
        for (Path sample : samples()) {
            byte[] whole = Files.readAllBytes(sample);
            int length = whole.length / 20;
            Path cut = Files.write(dir.resolve("cut-" + sample.getFileName()), Arrays.copyOf(whole, length));
            ClipResult r = TestInspect.one(cut);
            String status = r.metadata().string(ClipField.STATUS);
            assertTrue(status.equals("partial") || status.equals("error"), sample + ": " + status);
            ClipError e = r.errors().get(0);
            assertEquals("TRUNCATED", e.code(), sample + ": " + r.errors());
            assertTrue(e.offset() >= 0, e.message());
        }
    }

    /** A closed header partition names its footer: cut before it, the clip is partial and the error gives the footer's offset. */
    @Test
    void theFooterPastTheEndMakesTheClipPartial() throws IOException {
        byte[] whole = Files.readAllBytes(Samples.dir().resolve("video/bmx_d10_qt_klv_sample.mxf"));
        Path cut = Files.write(dir.resolve("d10.mxf"), Arrays.copyOf(whole, whole.length / 20));
        ClipResult r = TestInspect.one(cut);
        assertEquals("partial", r.metadata().string(ClipField.STATUS));
        assertEquals(720, r.metadata().get(ClipField.WIDTH)); // the header metadata still stands
        ClipError e = r.errors().get(0);
        assertEquals("TRUNCATED", e.code());
        assertEquals(554496, e.offset());
        assertTrue(e.message().contains("the footer partition the header partition points to at byte 554496 (the file has "
                + whole.length / 20 + " bytes)"), e.message());
    }

    /** An open header (as a recorder writes it) does not know its footer: the first essence element running past the end shows the cut. */
    @Test
    void anEssenceElementPastTheEndMakesTheClipPartial() throws IOException {
        byte[] whole = Files.readAllBytes(Samples.dir().resolve("video/bmx_d10_qt_klv_sample.mxf"));
        byte[] open = Arrays.copyOf(whole, 5120 + 4000); // header partition, body partition pack, part of the first frame
        int valueStart = 17 + ((open[16] & 0x80) == 0 ? 0 : open[16] & 0x7f); // after the pack's key and BER length
        ByteBuffer.wrap(open).putLong(valueStart + 24, 0); // the header partition's FooterPartition: not known yet
        Path cut = Files.write(dir.resolve("open.mxf"), open);
        ClipResult r = TestInspect.one(cut);
        assertEquals("partial", r.metadata().string(ClipField.STATUS), r.errors().toString());
        ClipError e = r.errors().get(0);
        assertEquals("TRUNCATED", e.code());
        assertEquals(6144, e.offset()); // the first frame's picture element, after the body partition and the system item
        assertTrue(e.message().contains("at byte 6144: the file ends before the 250020-byte KLV value its length claims"), e.message());
    }

    /** An open header with nothing after its metadata: the body partition and the essence are missing. */
    @Test
    void aFileEndingWithItsHeaderMetadataIsPartial() throws IOException {
        byte[] whole = Files.readAllBytes(Samples.dir().resolve("video/bmx_d10_qt_klv_sample.mxf"));
        byte[] open = Arrays.copyOf(whole, 5120); // the header partition alone: its metadata ends where the body partition began
        int valueStart = 17 + ((open[16] & 0x80) == 0 ? 0 : open[16] & 0x7f);
        ByteBuffer.wrap(open).putLong(valueStart + 24, 0);
        ClipResult r = TestInspect.one(Files.write(dir.resolve("header-only.mxf"), open));
        assertEquals("partial", r.metadata().string(ClipField.STATUS), r.errors().toString());
        ClipError e = r.errors().get(0);
        assertEquals("TRUNCATED", e.code());
        assertEquals(5120, e.offset());
        assertTrue(e.message().contains("the essence, index or footer that follows the header metadata at byte 5120 (the file has 5120 bytes)"),
                e.message());
    }

    @Test
    void everyWholeSampleIsOk() throws IOException {
        for (Path sample : samples()) {
            ClipResult r = TestInspect.one(sample);
            assertEquals(List.of(), r.errors(), sample.toString());
        }
    }
}
