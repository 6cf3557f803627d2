package io.rushes.engine.format.dng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.Samples;
import io.rushes.engine.develop.DngColor;
import io.rushes.engine.develop.DngDevelop;
import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.image.Demosaic;
import io.rushes.engine.image.RawImage;
import io.rushes.engine.image.RgbImage;
import io.rushes.engine.image.SiteCorrection;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.FileByteSource;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** DNG OpcodeList2: GainMap and MapPolynomial by the specification's formulas, on lists built here and on real files. */
class DngOpcodesTest {
    /** An opcode header (big-endian, as §7.1 has it) followed by its parameters. */
    private static byte[] list(byte[]... opcodes) {
        int size = 4;
        for (byte[] o : opcodes) {
            size += o.length;
        }
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.BIG_ENDIAN).putInt(opcodes.length);
        for (byte[] o : opcodes) {
            b.put(o);
        }
        return b.array();
    }

    private static ByteBuffer opcode(int id, int flags, int paramBytes) {
        return ByteBuffer.allocate(16 + paramBytes).order(ByteOrder.BIG_ENDIAN).putInt(id).putInt(0x01030000).putInt(flags).putInt(paramBytes);
    }

    private static void area(ByteBuffer b, int top, int left, int bottom, int right, int rowPitch, int colPitch) {
        b.putInt(top).putInt(left).putInt(bottom).putInt(right).putInt(0).putInt(1).putInt(rowPitch).putInt(colPitch);
    }

    /** A 2x2 map of gains 1, 2 / 3, 4 spanning the image (origin 0, spacing 1). */
    private static byte[] gainMap(int top, int left, int rowPitch, int colPitch) {
        ByteBuffer b = opcode(9, 0, 76 + 16);
        area(b, top, left, 4, 4, rowPitch, colPitch);
        b.putInt(2).putInt(2).putDouble(1).putDouble(1).putDouble(0).putDouble(0).putInt(1);
        b.putFloat(1).putFloat(2).putFloat(3).putFloat(4);
        return b.array();
    }

    private static float[] corrected(SiteCorrection c, int y, float value) {
        float[] row = {value, value, value, value};
        c.apply(y, row, 4);
        return row;
    }

    @Test
    void aGainMapIsSampledAtPixelCentresAndInterpolatedBilinearly() {
        SiteCorrection c = DngOpcodes.parse(list(gainMap(0, 0, 1, 1)), "t.dng", 0, 4, 4, 0, 0);
        // Pixel (0,0) samples the map at (0.125, 0.125): rows 1.125 and 3.125, then 1.375.
        assertEquals(1.375f, corrected(c, 0, 1)[0], 1e-6f);
        // Pixel (3,3) at (0.875, 0.875): rows 1.875 and 3.875, then 3.625.
        assertEquals(3.625f, corrected(c, 3, 1)[3], 1e-6f);
        assertTrue(c.describe().contains("1 GainMap"), c.describe());
    }

    @Test
    void aGainMapOnOneCfaPhaseTouchesOnlyItsSitesAndFollowsARegionsOrigin() {
        SiteCorrection c = DngOpcodes.parse(list(gainMap(1, 0, 2, 2)), "t.dng", 0, 4, 4, 0, 0);
        float[] row0 = corrected(c, 0, 1);
        float[] row1 = corrected(c, 1, 1);
        assertEquals(1f, row0[0]);
        assertTrue(row1[0] > 1 && row1[1] == 1 && row1[2] > 1 && row1[3] == 1, java.util.Arrays.toString(row1));
        // The same image held from (1, 1): its row 0 is the active area's row 1, its column 0 the area's column 1 (not in the map).
        SiteCorrection shifted = DngOpcodes.parse(list(gainMap(1, 0, 2, 2)), "t.dng", 0, 4, 4, 1, 1);
        float[] held = {1, 1, 1};
        shifted.apply(0, held, 3);
        assertEquals(1f, held[0]);
        assertEquals(row1[2], held[1]);
    }

    @Test
    void aMapPolynomialMapsEachValue() {
        ByteBuffer b = opcode(8, 0, 36 + 16);
        area(b, 0, 0, 4, 4, 1, 1);
        b.putInt(1).putDouble(0.1).putDouble(2);
        SiteCorrection c = DngOpcodes.parse(list(b.array()), "t.dng", 0, 4, 4, 0, 0);
        assertEquals(0.1f + 2 * 0.25f, corrected(c, 2, 0.25f)[1], 1e-6f);
    }

    @Test
    void anUnknownOpcodeIsSkippedWhenOptionalAndRefusedWhenNot() {
        byte[] optional = opcode(12, 1, 4).putInt(7).array();
        assertNull(DngOpcodes.parse(list(optional), "t.dng", 0, 4, 4, 0, 0));
        byte[] required = opcode(12, 0, 4).putInt(7).array();
        RushesException e = assertThrows(RushesException.class, () -> DngOpcodes.parse(list(required), "t.dng", 0, 4, 4, 0, 0));
        assertEquals(ErrorCode.UNSUPPORTED_FEATURE, e.code());
        assertTrue(e.getMessage().contains("opcode 12 (not optional)"), e.getMessage());
    }

    @Test
    void aListThatLiesAboutItsSizesIsCorrupt() {
        byte[] map = gainMap(0, 0, 1, 1);
        byte[] cut = java.util.Arrays.copyOf(list(map), 40);
        RushesException e = assertThrows(RushesException.class, () -> DngOpcodes.parse(cut, "t.dng", 100, 4, 4, 0, 0));
        assertEquals(ErrorCode.CORRUPT, e.code());
        ByteBuffer huge = opcode(9, 0, 76);
        area(huge, 0, 0, 4, 4, 1, 1);
        huge.putInt(100000).putInt(100000).putDouble(1).putDouble(1).putDouble(0).putDouble(0).putInt(1);
        RushesException big = assertThrows(RushesException.class, () -> DngOpcodes.parse(list(huge.array()), "t.dng", 0, 4, 4, 0, 0));
        assertEquals(ErrorCode.CORRUPT, big.code());
        assertTrue(big.getMessage().contains("100000x100000"), big.getMessage());
    }

    /**
     * The GoPro HERO7's DNG carries four lens-shading GainMaps (one per CFA phase): developed with them, its corners
     * are brightened against its centre (vignetting undone); without them they are not.
     */
    @Test
    void theGoProsLensShadingMapsBrightenItsCorners() throws Exception {
        try (FileByteSource src = new FileByteSource(Samples.dir().resolve("raw/gopro/HERO7_GOPR9231.dng"))) {
            DngHeader header = DngHeader.read(BinaryReader.open(src));
            RawImage raw = DngRawDecoder.decode(header);
            assertTrue(raw.correction() != null && raw.correction().describe().equals("OpcodeList2: 4 GainMap"), String.valueOf(raw.correction()));
            RawImage bare = new RawImage(raw.width(), raw.height(), raw.data(), raw.cfaWidth(), raw.cfaHeight(), raw.cfa(), raw.blackLevels(),
                    raw.blackRepeatWidth(), raw.blackRepeatHeight(), raw.whiteLevel());
            DngColor color = DngColor.of(header, null);
            var processor = DngDevelop.pipeline(color, DngDevelop.Output.CAMERA_RGB, Demosaic.Method.BILINEAR).compile();
            RgbImage with = processor.run(raw);
            RgbImage without = processor.run(bare);
            double centre = mean(with, 0.45, 0.55) / mean(without, 0.45, 0.55);
            double corner = mean(with, 0.0, 0.05) / mean(without, 0.0, 0.05);
            assertTrue(corner > centre * 1.2, "corner gain " + corner + " vs centre " + centre);
        }
    }

    /** Mean green over the square from {@code from} to {@code to} (fractions of each side). */
    private static double mean(RgbImage img, double from, double to) {
        double sum = 0;
        int n = 0;
        for (int y = (int) (img.height() * from); y < (int) (img.height() * to); y++) {
            for (int x = (int) (img.width() * from); x < (int) (img.width() * to); x++) {
                sum += img.get(x, y, 1);
                n++;
            }
        }
        return sum / n;
    }
}
