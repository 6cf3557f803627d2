package io.rushes.engine.format.arriraw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.ExternalTool;
import io.rushes.engine.develop.DngColor;
import io.rushes.engine.develop.DngDevelop;
import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.format.FrameDecoders;
import io.rushes.engine.format.FrameReader;
import io.rushes.engine.format.SourceFrame;
import io.rushes.engine.image.Demosaic;
import io.rushes.engine.image.RawImage;
import io.rushes.engine.image.Region;
import io.rushes.engine.image.RgbImage;
import io.rushes.engine.io.FileByteSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ARRIRAW frames written by {@link ArriRawFiles} (an ALEXA Mini 3.4K and an ALEXA LF 4.5K open-gate frame), decoded
 * bit-exact with dcraw ({@code dcraw -D -4 -t 0 -c}) and LibRaw ({@code unprocessed_raw}, libraw-bin: its dcraw_emu
 * 0.20 has no -D), photosite by photosite; regions, broken and unsupported files, and a development to ACES.
 */
class ArriRawFramesTest {
    @TempDir
    Path dir;

    private Path write(ArriRawFiles.Frame frame, String name) throws IOException {
        return ArriRawFiles.write(frame, dir.resolve(name));
    }

    private static SourceFrame.Mosaic read(Path file, Region region) throws IOException {
        try (FileByteSource source = new FileByteSource(file); FrameReader reader = FrameDecoders.loadDefault().open(source, "rendered")) {
            return (SourceFrame.Mosaic) reader.read(0, region);
        }
    }

    private static RushesException refused(Path file) {
        return assertThrows(RushesException.class, () -> read(file, null));
    }

    /** A binary 16-bit PGM (P5, maxval 65535, big-endian) as width, height and values. */
    private static int[] pgm(byte[] b, int width, int height) {
        String head = new String(b, 0, Math.min(b.length, 32), StandardCharsets.US_ASCII);
        String expected = "P5\n" + width + " " + height + "\n65535\n";
        assertTrue(head.startsWith(expected), "PGM header " + head);
        int at = expected.length();
        assertEquals(at + 2L * width * height, b.length, "PGM size");
        int[] v = new int[width * height];
        for (int i = 0; i < v.length; i++) {
            v[i] = (b[at + 2 * i] & 0xFF) << 8 | b[at + 2 * i + 1] & 0xFF;
        }
        return v;
    }

    private static int[] values(RawImage raw) {
        int[] v = new int[raw.data().length];
        for (int i = 0; i < v.length; i++) {
            v[i] = raw.data()[i];
        }
        return v;
    }

    /** Index of the first difference, for a message that points at the photosite. */
    private static String firstDifference(int[] want, int[] got, int width) {
        for (int i = 0; i < want.length; i++) {
            if (want[i] != got[i]) {
                return "first difference at x " + (i % width) + ", y " + (i / width) + ": " + want[i] + " vs " + got[i];
            }
        }
        return "equal";
    }

    @Test
    void bitExactWithDcrawOnAlexaMiniAndLfFrames() throws Exception {
        for (ArriRawFiles.Frame frame : List.of(ArriRawFiles.alexaMini(1), ArriRawFiles.alexaLf(2))) {
            Path file = write(frame, frame.model().replace(' ', '_') + ".ari");
            RawImage raw = read(file, null).raw();
            assertEquals(frame.width(), raw.width());
            assertEquals(frame.height(), raw.height());
            int[] dcraw = pgm(ExternalTool.stdout("dcraw", "-D", "-4", "-t", "0", "-c", file.toString()), frame.width(), frame.height());
            int[] ours = values(raw);
            assertTrue(Arrays.equals(dcraw, ours), frame.model() + ": " + firstDifference(dcraw, ours, frame.width()));
            // And both equal what was written.
            int[] written = new int[ours.length];
            for (int i = 0; i < written.length; i++) {
                written[i] = frame.photosites().at(i % frame.width(), i / frame.width());
            }
            assertTrue(Arrays.equals(written, ours), frame.model() + ": " + firstDifference(written, ours, frame.width()));
            assertEquals(4095, raw.whiteLevel());
            assertArrayEquals(new double[] {0}, raw.blackLevels());
        }
    }

    @Test
    void bitExactWithLibRaw() throws Exception {
        ArriRawFiles.Frame frame = ArriRawFiles.alexaLf(3);
        Path file = write(frame, "lf.ari");
        ExternalTool.output("unprocessed_raw", "-q", file.toString());
        int[] libraw = pgm(Files.readAllBytes(dir.resolve("lf.ari.pgm")), frame.width(), frame.height());
        int[] ours = values(read(file, null).raw());
        assertTrue(Arrays.equals(libraw, ours), firstDifference(libraw, ours, frame.width()));
    }

    @Test
    void aRegionIsThatRectangleOfTheFullFrameWithItsCfaPhase() throws IOException {
        Path file = write(ArriRawFiles.alexaMini(4), "mini.ari");
        RawImage full = read(file, null).raw();
        for (Region r : List.of(new Region(0, 0, 3424, 1), new Region(1, 1, 7, 5), new Region(1001, 2000, 2423, 202),
                new Region(3423, 2201, 1, 1), new Region(2, 700, 64, 3))) {
            RawImage part = read(file, r).raw();
            assertEquals(r.width(), part.width());
            assertEquals(r.height(), part.height());
            for (int y = 0; y < r.height(); y++) {
                for (int x = 0; x < r.width(); x++) {
                    assertEquals(full.get(r.x() + x, r.y() + y), part.get(x, y), r + " at " + x + "," + y);
                    assertEquals(full.colour(r.x() + x, r.y() + y), part.colour(x, y), r + " colour at " + x + "," + y);
                }
            }
        }
        // GRBG from the top-left photosite of an ALEXA Mini, as dcraw reads it.
        assertEquals(List.of(1, 0, 2, 1), List.of((int) full.cfa()[0], (int) full.cfa()[1], (int) full.cfa()[2], (int) full.cfa()[3]));
        RushesException outside = assertThrows(RushesException.class, () -> read(file, new Region(3400, 0, 25, 10)));
        assertEquals(ErrorCode.INVALID_ARGUMENT, outside.code());
        assertTrue(outside.getMessage().contains("is not inside the 3424x2202 ARRIRAW frame of " + file), outside.getMessage());
    }

    @Test
    void theLfSensorIsGbrgAsLibRawHasIt() throws IOException {
        ArriRawFiles.Frame lf = ArriRawFiles.alexaLf(5);
        RawImage raw = read(write(new ArriRawFiles.Frame(64, 32, lf.model(), lf.gains(), lf.photosites()), "lf-small.ari"), null).raw();
        assertEquals(List.of(1, 2, 0, 1), List.of((int) raw.cfa()[0], (int) raw.cfa()[1], (int) raw.cfa()[2], (int) raw.cfa()[3]));
    }

    @Test
    void aFileCutInsideItsDataIsTruncatedWithTheSizes() throws IOException {
        byte[] whole = ArriRawFiles.bytes(ArriRawFiles.alexaMini(6));
        Path cut = Files.write(dir.resolve("cut.ari"), Arrays.copyOf(whole, 5_000_000));
        RushesException e = refused(cut);
        assertEquals(ErrorCode.TRUNCATED, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(cut.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("at byte 5000000"), e.getMessage());
        assertTrue(e.getMessage().contains("the file ends before the 11309472 bytes of 12-bit data of its 3424x2202 photosites "
                + "(bytes 4096 to 11313568; the file has 5000000 bytes)"), e.getMessage());

        Path headerOnly = Files.write(dir.resolve("header.ari"), Arrays.copyOf(whole, 4096));
        RushesException h = refused(headerOnly);
        assertEquals(ErrorCode.TRUNCATED, h.code(), h.getMessage());
        assertTrue(h.getMessage().contains(headerOnly + " at byte 4096: the file ends before the 11309472 bytes"), h.getMessage());

        Path shortHeader = Files.write(dir.resolve("short.ari"), Arrays.copyOf(whole, 700));
        RushesException s = refused(shortHeader);
        assertEquals(ErrorCode.TRUNCATED, s.code(), s.getMessage());
        assertTrue(s.getMessage().contains("the 4096-byte ARRIRAW header"), s.getMessage());
    }

    /** A valid 64x32 frame with 32-bit header fields changed: offset, value, offset, value… */
    private Path withHeader(String name, int... offsetsAndValues) throws IOException {
        ArriRawFiles.Frame small = new ArriRawFiles.Frame(64, 32, "ALEXA Mini", new float[] {1.5f, 1, 1.7f}, ArriRawFiles.noise(7));
        byte[] b = ArriRawFiles.bytes(small);
        for (int i = 0; i < offsetsAndValues.length; i += 2) {
            ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(offsetsAndValues[i], offsetsAndValues[i + 1]);
        }
        return Files.write(dir.resolve(name), b);
    }

    @Test
    void absurdSizesAreRefusedBeforeAnythingIsAllocated() throws IOException {
        RushesException wide = refused(withHeader("wide.ari", 20, 1 << 20));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, wide.code(), wide.getMessage());
        assertTrue(wide.getMessage().contains("wide.ari at byte 20: a side of the ARRIRAW image (1048576x32) is 1048576, above the limit "
                + "of 32768"), wide.getMessage());
        RushesException square = refused(withHeader("square.ari", 20, 30000, 24, 30000));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, square.code(), square.getMessage());
        assertTrue(square.getMessage().contains("square.ari at byte 20: the ARRIRAW image (30000x30000) in pixels is 900000000, above the "
                + "limit of 134217728"), square.getMessage());
        // 64 x 30000 (with the data size to match) is inside the limits: the file's size decides.
        RushesException tall = refused(withHeader("tall.ari", 24, 30000, 72, 2880000));
        assertEquals(ErrorCode.TRUNCATED, tall.code(), tall.getMessage());
        assertTrue(tall.getMessage().contains("the 2880000 bytes of 12-bit data of its 64x30000 photosites"), tall.getMessage());
        RushesException zero = refused(withHeader("zero.ari", 24, 0));
        assertEquals(ErrorCode.CORRUPT, zero.code(), zero.getMessage());
        assertTrue(zero.getMessage().contains("zero.ari at byte 20: image size 64x0 is not a camera's"), zero.getMessage());
        RushesException odd = refused(withHeader("odd.ari", 20, 63));
        assertEquals(ErrorCode.CORRUPT, odd.code(), odd.getMessage());
        assertTrue(odd.getMessage().contains("image size 63x32 is not a camera's (ARRIRAW frames are at least 2 photosites wide, in pairs)"),
                odd.getMessage());
        RushesException gains = refused(withHeader("gains.ari", 104, Float.floatToIntBits(Float.NaN)));
        assertEquals(ErrorCode.CORRUPT, gains.code(), gains.getMessage());
        assertTrue(gains.getMessage().contains("at byte 100: the white-balance gains 1.5, NaN, 1.7 are not all between 1/64 and 64"),
                gains.getMessage());
    }

    @Test
    void compressedArriRawIsUnsupportedNotDamaged() throws IOException {
        // HDE: the header states less data than the photosites take uncompressed (and the file is that short).
        Path hde = withHeader("hde.arx", 72, 1200);
        Files.write(hde, Arrays.copyOf(Files.readAllBytes(hde), 4096 + 1200));
        RushesException e = refused(hde);
        assertEquals(ErrorCode.UNSUPPORTED_FEATURE, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("at byte 72: compressed ARRIRAW (1200 bytes of data for 64x32 photosites, which take 3072 "
                + "bytes uncompressed: ARRIRAW HDE) is not supported"), e.getMessage());
        assertTrue(e.getMessage().contains("ALEXA 35 ARRIRAW HDE needs ARRI's SDK plug-in"), e.getMessage());
        RushesException later = refused(withHeader("v4.ari", 12, 4));
        assertEquals(ErrorCode.UNSUPPORTED_FEATURE, later.code(), later.getMessage());
        assertTrue(later.getMessage().contains("at byte 8: ARRIRAW header version 4 of 4096 bytes"), later.getMessage());
        assertTrue(later.getMessage().contains("ALEXA 35 ARRIRAW HDE needs ARRI's SDK plug-in"), later.getMessage());
    }

    /**
     * Photosites in the ratio of the camera neutral (1 / the white-balance gains) are a grey: developed to ACES2065-1
     * with RCD it is neutral, R, G and B within 0.2 % (the 12-bit rounding of a 2000-code grey is under 0.05 %).
     */
    @Test
    void aGreyAtTheCameraWhiteBalanceDevelopsNeutralInAces() throws IOException {
        float[] gains = {1.92f, 1f, 1.48f};
        byte[] grbg = {1, 0, 2, 1};
        double[] neutral = {1 / 1.92, 1, 1 / 1.48};
        ArriRawFiles.Frame grey = new ArriRawFiles.Frame(256, 128, "ALEXA Mini", gains,
                (x, y) -> (int) Math.round(2000 * neutral[grbg[(y % 2) * 2 + x % 2]]));
        SourceFrame.Mosaic mosaic = read(write(grey, "grey.ari"), new Region(33, 17, 160, 90));
        DngColor color = mosaic.color().at(null);
        assertArrayEquals(neutral, color.cameraNeutral(), 1e-6);
        RgbImage aces = DngDevelop.pipeline(color, DngDevelop.Output.ACES2065_1, Demosaic.Method.RCD).compile().run(mosaic.raw());
        for (float v : aces.data()) {
            assertTrue(Float.isFinite(v), "non-finite ACES value " + v);
        }
        for (int[] at : new int[][] {{80, 45}, {3, 3}, {150, 80}}) {
            double r = aces.get(at[0], at[1], 0);
            double g = aces.get(at[0], at[1], 1);
            double b = aces.get(at[0], at[1], 2);
            assertEquals(2000 / 4095.0, g, 2000 / 4095.0 * 0.002, "ACES G at " + at[0] + "," + at[1]);
            assertEquals(g, r, g * 0.002, "ACES R vs G at " + at[0] + "," + at[1]);
            assertEquals(g, b, g * 0.002, "ACES B vs G at " + at[0] + "," + at[1]);
        }
        // A colour, by contrast, stays one: ARRI's matrix is not the identity.
        assertTrue(Math.abs(DngDevelop.whiteBalancedToAces(color).m()[1] - 0.152588521772288) < 1e-9,
                "white-balanced camera to ACES is ARRI's 5600 K matrix: " + DngDevelop.whiteBalancedToAces(color));
        RushesException kelvin = assertThrows(RushesException.class, () -> mosaic.color().at(3200.0));
        assertEquals(ErrorCode.UNSUPPORTED_FEATURE, kelvin.code());
        assertTrue(kelvin.getMessage().contains("a white balance of 3200.0 K for ARRIRAW is not supported"), kelvin.getMessage());
    }
}
