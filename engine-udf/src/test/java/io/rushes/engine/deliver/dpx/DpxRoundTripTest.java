package io.rushes.engine.deliver.dpx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.format.dpx.DpxHeader;
import io.rushes.engine.image.RgbImage;
import io.rushes.engine.io.FileByteSink;
import io.rushes.engine.io.FileByteSource;
import io.rushes.engine.metadata.SmpteTimecodeBytes;
import io.rushes.engine.metadata.Timecode;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer's frames read back by the reader: pixels, in both byte orders and depths, and every header field set. */
class DpxRoundTripTest {
    private static final int[][] SIZES = {{1, 1}, {2, 1}, {1, 3}, {7, 5}, {33, 17}, {128, 3}, {101, 64}};

    @TempDir
    Path dir;

    static RgbImage random(int width, int height, long seed) {
        Random rnd = new Random(seed);
        float[] d = new float[width * height * 3];
        for (int i = 0; i < d.length; i++) {
            d[i] = rnd.nextFloat();
        }
        d[0] = 0;
        d[d.length - 1] = 1;
        return new RgbImage(width, height, d);
    }

    static DpxReader.Frame read(Path file) throws IOException {
        try (FileByteSource source = new FileByteSource(file)) {
            return DpxReader.read(source);
        }
    }

    @Test
    void sixteenBitIsExactInBothByteOrders() throws IOException {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            for (int[] s : SIZES) {
                RgbImage img = random(s[0], s[1], 31L * s[0] + s[1]);
                Path file = dir.resolve("f16.dpx");
                DpxWriter.write(img, DpxWriter.Depth.SIXTEEN, DpxMetadata.of(DpxEncoding.LINEAR), order, new FileByteSink(file));
                assertEquals(2048 + 6L * s[0] * s[1], Files.size(file));
                DpxReader.Frame back = read(file);
                assertEquals(16, back.bitDepth());
                for (int i = 0; i < img.data().length; i++) {
                    int want = (int) Math.round(img.data()[i] * 65535.0); // the nearest code, computed exactly
                    assertEquals(want, Math.round(back.image().data()[i] * 65535), order + " " + s[0] + "x" + s[1] + " sample " + i);
                }
            }
        }
    }

    @Test
    void tenBitIsWithinHalfACodeValueInBothByteOrders() throws IOException {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            for (int[] s : SIZES) {
                RgbImage img = random(s[0], s[1], 17L * s[0] + s[1]);
                Path file = dir.resolve("f10.dpx");
                DpxWriter.Clipping clipping = DpxWriter.write(img, DpxWriter.Depth.TEN, DpxMetadata.of(DpxEncoding.ACESCCT), order,
                        new FileByteSink(file));
                assertEquals(0, clipping.clipped());
                assertNull(clipping.warning());
                assertEquals(2048 + 4L * s[0] * s[1], Files.size(file));
                DpxReader.Frame back = read(file);
                assertEquals(10, back.bitDepth());
                assertEquals(s[0], back.image().width());
                assertEquals(s[1], back.image().height());
                for (int i = 0; i < img.data().length; i++) {
                    double error = Math.abs(back.image().data()[i] - img.data()[i]) * 1023;
                    assertTrue(error <= 0.5 + 1e-4, order + " " + s[0] + "x" + s[1] + " sample " + i + " is off by " + error + " codes");
                }
            }
        }
    }

    @Test
    void twelveBitIsWithinHalfACodeValueInBothByteOrders() throws IOException {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            for (int[] s : SIZES) {
                RgbImage img = random(s[0], s[1], 31L * s[0] + s[1]);
                Path file = dir.resolve("f12.dpx");
                DpxWriter.Clipping clipping = DpxWriter.write(img, DpxWriter.Depth.TWELVE, DpxMetadata.of(DpxEncoding.CAMERA_LOG), order,
                        new FileByteSink(file));
                assertEquals(0, clipping.clipped());
                assertEquals(2048 + 6L * s[0] * s[1], Files.size(file));
                DpxReader.Frame back = read(file);
                assertEquals(12, back.bitDepth());
                assertEquals(s[0], back.image().width());
                assertEquals(s[1], back.image().height());
                for (int i = 0; i < img.data().length; i++) {
                    double error = Math.abs(back.image().data()[i] - img.data()[i]) * 4095;
                    assertTrue(error <= 0.5 + 1e-4, order + " " + s[0] + "x" + s[1] + " sample " + i + " is off by " + error + " codes");
                }
            }
        }
    }

    @Test
    void twelveBitSamplesFillTheTopOfSixteenBitWordsWithFourPaddingBits() throws IOException {
        Path file = dir.resolve("words12.dpx");
        DpxWriter.write(new RgbImage(1, 1, new float[] {1, 0, 2048 / 4095f}), DpxWriter.Depth.TWELVE, DpxMetadata.of(DpxEncoding.LINEAR),
                new FileByteSink(file));
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(12, bytes[803], "bit depth");
        assertEquals(1, bytes[805], "packing 1: filled, method A");
        assertEquals(4095, (bytes[792] & 0xFF) << 24 | (bytes[793] & 0xFF) << 16 | (bytes[794] & 0xFF) << 8 | (bytes[795] & 0xFF), "high code");
        assertEquals(0xFFF0, (bytes[2048] & 0xFF) << 8 | (bytes[2049] & 0xFF));
        assertEquals(0x0000, (bytes[2050] & 0xFF) << 8 | (bytes[2051] & 0xFF));
        assertEquals(0x8000, (bytes[2052] & 0xFF) << 8 | (bytes[2053] & 0xFF));
    }

    @Test
    void tenBitWordsHoldRgbFromTheTopWithTwoPaddingBits() throws IOException {
        Path file = dir.resolve("word.dpx");
        DpxWriter.write(new RgbImage(1, 1, new float[] {1, 0, 1}), DpxWriter.Depth.TEN, DpxMetadata.of(DpxEncoding.LINEAR),
                new FileByteSink(file));
        byte[] bytes = Files.readAllBytes(file);
        int word = (bytes[2048] & 0xFF) << 24 | (bytes[2049] & 0xFF) << 16 | (bytes[2050] & 0xFF) << 8 | (bytes[2051] & 0xFF);
        assertEquals(0x3FF << 22 | 0x3FF << 2, word);
    }

    @Test
    void headerFieldsComeBack() throws IOException {
        Timecode tc = new Timecode(1, 2, 3, 23, 24, false);
        DpxMetadata md = DpxMetadata.of(DpxEncoding.CAMERA_LOG).withTimecode(tc, 23.976)
                .withCreated(Instant.parse("2026-12-04T19:10:11Z"))
                .withNames("A001C002.0001.dpx", "Rushes test", "Project X", "(c) Someone", "A001C002_261204_R1AB")
                .withEncodingName("ARRI LogC3 EI 800");
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            Path file = dir.resolve("h.dpx");
            DpxWriter.write(random(5, 3, 1), DpxWriter.Depth.TEN, md, order, new FileByteSink(file));
            DpxHeader h = read(file).header();
            assertEquals(5, h.width());
            assertEquals(3, h.height());
            assertEquals(0, h.orientation());
            assertEquals(50, h.descriptor());
            assertEquals(3, h.transfer());
            assertEquals(0, h.colorimetric());
            assertEquals(10, h.bitDepth());
            assertEquals("V2.0", h.version());
            assertEquals("A001C002.0001.dpx", h.fileName());
            assertEquals("2026:12:04:19:10:11Z", h.created());
            assertEquals("Rushes test", h.creator());
            assertEquals("Project X", h.project());
            assertEquals("A001C002_261204_R1AB", h.slate());
            assertEquals(23.976f, h.tvFrameRate());
            assertEquals(23.976f, h.filmFrameRate());
            assertEquals(0x01020323L, h.timecode());
            assertEquals(tc, SmpteTimecodeBytes.decodeWord(h.timecode(), 24));
            assertEquals(1L, h.aspectH());
        }
    }

    @Test
    void dropFrameTimecodeSetsBitSixOfTheFramesByte() {
        assertEquals(0x10595929 | 0x40, DpxWriter.timecodeWord(new Timecode(10, 59, 59, 29, 30, true)));
    }

    @Test
    void eachEncodingWritesItsCodes() throws IOException {
        int[][] codes = {{2, 0}, {1, 1}, {13, 13}, {3, 0}, {3, 0}};
        DpxEncoding[] encodings = DpxEncoding.values();
        for (int i = 0; i < encodings.length; i++) {
            Path file = dir.resolve("e.dpx");
            DpxWriter.write(random(2, 2, i), DpxWriter.Depth.SIXTEEN, DpxMetadata.of(encodings[i]), new FileByteSink(file));
            DpxHeader h = read(file).header();
            assertEquals(codes[i][0], h.transfer(), encodings[i].name());
            assertEquals(codes[i][1], h.colorimetric(), encodings[i].name());
        }
    }

    @Test
    void undefinedFieldsReadAsUndefined() throws IOException {
        Path file = dir.resolve("u.dpx");
        DpxWriter.write(random(2, 2, 3), DpxWriter.Depth.TEN, DpxMetadata.of(DpxEncoding.LINEAR), new FileByteSink(file));
        DpxHeader h = read(file).header();
        assertNull(h.timecode());
        assertNull(h.tvFrameRate());
        assertNull(h.filmFrameRate());
        assertNull(h.shutterAngle());
    }

    @Test
    void clampsAndCountsOutOfRangeValues() throws IOException {
        Path file = dir.resolve("c.dpx");
        RgbImage img = new RgbImage(2, 1, new float[] {-0.25f, 0.5f, 1.5f, 1f, 2f, -1e-6f});
        DpxWriter.Clipping c = DpxWriter.write(img, DpxWriter.Depth.TEN, DpxMetadata.of(DpxEncoding.LINEAR), new FileByteSink(file));
        assertEquals(2, c.below());
        assertEquals(2, c.above());
        assertEquals(6, c.samples());
        assertTrue(c.warning().startsWith("4 of 6 samples (66.667 %) were outside the DPX code range"), c.warning());
        float[] back = read(file).image().data();
        assertEquals(0f, back[0]);
        assertEquals(512f / 1023, back[1]);
        assertEquals(1f, back[2]);
        assertEquals(1f, back[4]);
        assertEquals(0f, back[5]);
    }

    @Test
    void nonFiniteValuesAreRefusedAndLeaveNoFile() {
        Path file = dir.resolve("nan.dpx");
        RgbImage img = new RgbImage(2, 1, new float[] {0, 0, 0, 0, Float.NaN, 0});
        RushesException e = assertThrows(RushesException.class,
                () -> DpxWriter.write(img, DpxWriter.Depth.SIXTEEN, DpxMetadata.of(DpxEncoding.LINEAR), new FileByteSink(file)));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().contains("has NaN in channel 1 of pixel (1, 0)"), e.getMessage());
        assertTrue(Files.notExists(file));
    }

    @Test
    void aTimecodeAtAnotherRateIsRefused() {
        RushesException e = assertThrows(RushesException.class,
                () -> DpxMetadata.of(DpxEncoding.LINEAR).withTimecode(new Timecode(0, 0, 0, 0, 25, false), 24.0));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().contains("the timecode 00:00:00:00 counts at 25 fps, not at the frame rate 24.000"), e.getMessage());
    }
}
