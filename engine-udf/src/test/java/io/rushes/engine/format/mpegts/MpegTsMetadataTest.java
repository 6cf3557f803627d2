package io.rushes.engine.format.mpegts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.rushes.engine.Samples;
import io.rushes.engine.TestInspect;
import io.rushes.engine.metadata.ClipField;
import io.rushes.engine.metadata.ClipMetadata;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AVCHD f-number and duration, on the ExifTool M2TS sample (192-byte packets; its PCR stream 0x1001 carries
 * adaptation fields only, as AVCHD camcorders write it) and on copies of it that carry more.
 */
class MpegTsMetadataTest {
    private static final int PACKET = 192;
    private static final int PCR_PACKET = 3; // the sample's only clock reference
    private static final long TICKS_PER_SECOND_90K = 90_000;

    @TempDir
    Path dir;

    private static byte[] sample() throws IOException {
        return Files.readAllBytes(Samples.dir().resolve("video/exiftool_M2TS.mts"));
    }

    private ClipMetadata inspect(byte[] b, String name) throws IOException {
        return TestInspect.one(Files.write(dir.resolve(name), b)).metadata();
    }

    /** Sets the 33-bit base of the PCR in the packet at {@code index} (the 9-bit extension kept). */
    private static void setPcrBase(byte[] b, int index, long base) {
        int p = index * PACKET + 4 + 6; // after the arrival timestamp, the TS header and the adaptation length and flags
        b[p] = (byte) (base >>> 25);
        b[p + 1] = (byte) (base >>> 17);
        b[p + 2] = (byte) (base >>> 9);
        b[p + 3] = (byte) (base >>> 1);
        b[p + 4] = (byte) ((b[p + 4] & 0x7f) | (base & 1) << 7);
    }

    /** The sample with its PCR packet repeated at the end, its clock set to {@code first} and {@code last}. */
    private static byte[] withClock(long first, long last) throws IOException {
        byte[] b = sample();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b);
        out.write(b, PCR_PACKET * PACKET, PACKET);
        byte[] longer = out.toByteArray();
        setPcrBase(longer, PCR_PACKET, first);
        setPcrBase(longer, longer.length / PACKET - 1, last);
        return longer;
    }

    @Test
    void theApertureSettingOfTheCameraPackIsTheFNumber() throws IOException {
        ClipMetadata md = inspect(sample(), "sample.mts");
        assertEquals(2.4, md.get(ClipField.F_NUMBER)); // ExifTool: H264:ApertureSetting 202 (0xca), printed 2.4
        assertEquals("interlaced", md.get(ClipField.SCAN_TYPE)); // 1080i50: the SPS allows field pictures
        assertNull(md.get(ClipField.DURATION), "one clock reference measures no time");
    }

    @Test
    void anFNumberRecordOutranksTheApertureSetting() throws IOException {
        byte[] b = sample();
        int shutter = indexOf(b, new byte[] {0x7f, 0, 0, 0x65, (byte) 0x84}); // the MDPM 0x7f record, in tag order after 0x71
        byte[] fNumber = {(byte) 0xa1, 0x00, 0x1c, 0x00, 0x0a}; // 28/10
        System.arraycopy(fNumber, 0, b, shutter, fNumber.length);
        assertEquals(2.8, inspect(b, "fnumber.mts").get(ClipField.F_NUMBER)); // exiftool -FNumber on this copy: 2.8
    }

    /** The clock references of AVCHD's PCR stream sit in packets without payload: they give the duration. */
    @Test
    void theDurationRunsFromTheFirstToTheLastClockReference() throws IOException {
        long start = 3600 * TICKS_PER_SECOND_90K;
        assertEquals(10.0, inspect(withClock(start, start + 10 * TICKS_PER_SECOND_90K), "ten.mts").get(ClipField.DURATION));
    }

    @Test
    void theDurationSpansTheClocksWrap() throws IOException {
        long wrap = 1L << 33;
        assertEquals(5.0, inspect(withClock(wrap - TICKS_PER_SECOND_90K, 4 * TICKS_PER_SECOND_90K), "wrap.mts").get(ClipField.DURATION));
    }

    private static int indexOf(byte[] b, byte[] what) {
        for (int i = 0; i + what.length <= b.length; i++) {
            if (Arrays.equals(b, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        throw new AssertionError("pattern not in the sample");
    }
}
