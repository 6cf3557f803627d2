package io.rushes.engine.deliver.exr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.fdl.Fdl;
import io.rushes.engine.image.RgbImage;
import io.rushes.engine.io.FileByteSink;
import io.rushes.engine.io.FileByteSource;
import io.rushes.engine.metadata.Timecode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenExrRoundTripTest {
    private static final ExrCompression[] WRITABLE = {ExrCompression.NONE, ExrCompression.RLE, ExrCompression.ZIPS, ExrCompression.ZIP,
            ExrCompression.PIZ};

    static List<ExrAttribute> plateAttributes() {
        OffsetDateTime captured = OffsetDateTime.parse("2026-03-14T09:26:53+02:00");
        return List.of(
                ExrStandardAttributes.chromaticities(ExrStandardAttributes.AP0),
                ExrStandardAttributes.adoptedNeutral(0.32168, 0.33767),
                ExrStandardAttributes.timeCode(new Timecode(1, 2, 3, 4, 30, true)),
                ExrStandardAttributes.framesPerSecond(30000, 1001),
                ExrStandardAttributes.capDate(captured),
                ExrStandardAttributes.utcOffset(captured),
                ExrStandardAttributes.owner("Rushes test"),
                ExrStandardAttributes.comments("round trip"),
                ExrStandardAttributes.cameraMake("ARRI"),
                ExrStandardAttributes.cameraModel("ALEXA Mini LF"),
                ExrStandardAttributes.cameraSerialNumber("K1.0012345"),
                ExrStandardAttributes.lensMake("Cooke"),
                ExrStandardAttributes.lensModel("S4/i 32mm"),
                ExrStandardAttributes.isoSpeed(800),
                ExrStandardAttributes.expTime(1.0 / 48),
                ExrStandardAttributes.aperture(2.8),
                ExrStandardAttributes.nominalFocalLength(32),
                ExrStandardAttributes.focus(3.5),
                ExrStandardAttributes.reelName("A001"),
                ExrStandardAttributes.clipName("A001C003_260314_R1AB"),
                ExrStandardAttributes.framingDecisionList("{\"uuid\":\"5f0c\",\"version\":{\"major\":2,\"minor\":0}}"));
    }

    @Test
    void seededRandomImagesReadBackExactlyForEveryCompressionTypeAndSize() {
        int[][] sizes = {{1, 1}, {7, 5}, {33, 17}, {257, 19}, {101, 40}};
        long seed = 1;
        for (int[] size : sizes) {
            for (ExrPixelType type : new ExrPixelType[] {ExrPixelType.HALF, ExrPixelType.FLOAT}) {
                for (ExrCompression compression : WRITABLE) {
                    for (boolean withAlpha : new boolean[] {false, true}) {
                        RgbImage rgb = TestImages.picture(size[0], size[1], seed);
                        float[] alpha = withAlpha ? TestImages.alpha(size[0], size[1], seed) : null;
                        seed++;
                        ExrWindow data = new ExrWindow(-3, 2, size[0] - 4, size[1] + 1);
                        ExrImage image = new ExrImage(rgb, alpha, data, ExrWindow.ofSize(size[0], size[1]));
                        String what = size[0] + "x" + size[1] + " " + type + " " + compression + (withAlpha ? " RGBA" : " RGB");
                        byte[] file = OpenExrWriter.encode(image, new OpenExrWriter.Options(compression, type), plateAttributes(), null);
                        ExrFile read = OpenExrReader.read(new MemorySource(what, file));
                        assertEquals(compression, read.compression(), what);
                        assertEquals(data, read.dataWindow(), what);
                        assertEquals(image.displayWindow(), read.displayWindow(), what);
                        assertSamples(rgb.data(), read.rgb().data(), type, what);
                        if (withAlpha) {
                            assertSamples(alpha, read.alpha(), type, what + " alpha");
                        } else {
                            assertEquals(null, read.alpha(), what);
                        }
                        for (ExrAttribute a : plateAttributes()) {
                            assertEquals(a, read.attribute(a.name()), what + " " + a.name());
                        }
                    }
                }
            }
        }
    }

    /** HALF reads back as the nearest half of what was written, FLOAT as written, NaN as NaN. */
    private static void assertSamples(float[] written, float[] read, ExrPixelType type, String what) {
        assertEquals(written.length, read.length, what);
        for (int i = 0; i < written.length; i++) {
            float expected = type == ExrPixelType.HALF ? Half.toFloat(Half.fromFloat(written[i])) : written[i];
            if (Float.isNaN(expected)) {
                assertTrue(Float.isNaN(read[i]), what + " sample " + i + " is NaN");
            } else {
                assertEquals(expected, read[i], 0f, what + " sample " + i);
            }
        }
    }

    @Test
    void everyCodecShrinksASmoothPictureAndDecodesIt() {
        RgbImage rgb = TestImages.picture(320, 64, 7);
        ExrImage image = ExrImage.of(rgb);
        int none = OpenExrWriter.encode(image, new OpenExrWriter.Options(ExrCompression.NONE, ExrPixelType.HALF), List.of(), null).length;
        for (ExrCompression c : new ExrCompression[] {ExrCompression.RLE, ExrCompression.ZIPS, ExrCompression.ZIP, ExrCompression.PIZ}) {
            int size = OpenExrWriter.encode(image, new OpenExrWriter.Options(c, ExrPixelType.HALF), List.of(), null).length;
            assertTrue(size < none * 0.8, c + " file is " + size + " bytes, uncompressed " + none);
        }
    }

    /** The writer's PIZ regroups words from the floats; a chunk it cannot shrink (noise) is stored raw and reads back. */
    @Test
    void pizStoresNoiseRawAndEveryPixelTypeComesBackThroughTheWritersOwnRegrouping() {
        java.util.Random random = new java.util.Random(11);
        float[] noise = new float[70 * 40 * 3];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = Float.intBitsToFloat(random.nextInt() & 0x3FFFFFFF); // finite, every mantissa bit random
        }
        ExrImage image = ExrImage.of(new RgbImage(70, 40, noise));
        byte[] none = OpenExrWriter.encode(image, new OpenExrWriter.Options(ExrCompression.NONE, ExrPixelType.FLOAT), List.of(), null);
        byte[] piz = OpenExrWriter.encode(image, new OpenExrWriter.Options(ExrCompression.PIZ, ExrPixelType.FLOAT), List.of(), null);
        // Stored raw: only the 40 one-line chunks of NONE against the 2 of PIZ (16 bytes each: offset and chunk header) differ.
        assertEquals(none.length - 16 * (40 - 2), piz.length);
        assertArrayEquals(noise, OpenExrReader.read(new MemorySource("noise.exr", piz)).rgb().data());

        ExrImage picture = new ExrImage(TestImages.picture(61, 45, 4), TestImages.alpha(61, 45, 4), ExrWindow.ofSize(61, 45),
                ExrWindow.ofSize(61, 45));
        for (ExrPixelType type : new ExrPixelType[] {ExrPixelType.HALF, ExrPixelType.FLOAT}) {
            byte[] none2 = OpenExrWriter.encode(picture, new OpenExrWriter.Options(ExrCompression.NONE, type), List.of(), null);
            byte[] piz2 = OpenExrWriter.encode(picture, new OpenExrWriter.Options(ExrCompression.PIZ, type), List.of(), null);
            ExrFile expected = OpenExrReader.read(new MemorySource("none.exr", none2));
            ExrFile read = OpenExrReader.read(new MemorySource("piz.exr", piz2));
            assertArrayEquals(expected.rgb().data(), read.rgb().data(), type + " PIZ reads back as NONE does");
            assertArrayEquals(expected.alpha(), read.alpha(), type + " alpha");
        }
    }

    @Test
    void parallelEncodingWritesTheSameBytesAndParallelDecodingReadsTheSamePixels() {
        ExrImage image = new ExrImage(TestImages.picture(203, 97, 3), TestImages.alpha(203, 97, 3), ExrWindow.ofSize(203, 97),
                ExrWindow.ofSize(203, 97));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (ExrCompression c : WRITABLE) {
                OpenExrWriter.Options options = new OpenExrWriter.Options(c, ExrPixelType.HALF);
                byte[] serial = OpenExrWriter.encode(image, options, plateAttributes(), null);
                assertArrayEquals(serial, OpenExrWriter.encode(image, options, plateAttributes(), pool), c.toString());
                ExrFile one = OpenExrReader.read(new MemorySource("s.exr", serial));
                ExrFile many = OpenExrReader.read(new MemorySource("p.exr", serial), pool);
                assertArrayEquals(one.rgb().data(), many.rgb().data(), c + " read in parallel");
                assertArrayEquals(one.alpha(), many.alpha(), c + " alpha read in parallel");
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void writesThroughTheSinkWholeOrNotAtAll(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("plate.0001.exr");
        ExrImage image = ExrImage.of(TestImages.picture(40, 30, 5));
        OpenExrWriter.write(image, new OpenExrWriter.Options(ExrCompression.ZIP, ExrPixelType.HALF), plateAttributes(), null, new FileByteSink(out));
        try (FileByteSource source = new FileByteSource(out)) {
            assertEquals(40, OpenExrReader.read(source).dataWindow().width());
        }
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(out), listing.toList(), "only the output, no .partial file");
        }
        Path missing = dir.resolve("no-such-folder").resolve("plate.exr");
        RushesException e = assertThrows(RushesException.class, () -> OpenExrWriter.write(image,
                new OpenExrWriter.Options(ExrCompression.ZIP, ExrPixelType.HALF), List.of(), null, new FileByteSink(missing)));
        assertEquals(ErrorCode.IO, e.code());
        assertTrue(e.getMessage().startsWith("Cannot write " + missing + ": I/O error"), e.getMessage());
        assertFalse(Files.exists(missing));
    }

    @Test
    void anFdlCanvasIsTheDataWindowAndItsFramingTheDisplayWindow() {
        RgbImage canvas = TestImages.picture(120, 80, 4);
        Fdl.FramingDecision decision = new Fdl.FramingDecision("$.contexts[0].canvases[0].framing_decisions[0]", "fd1", "intent1",
                null, new Fdl.Dimensions(100, 60.2), new Fdl.Point(10.4, 12), null, null);
        ExrImage framed = ExrImage.framed(canvas, decision);
        assertEquals(new ExrWindow(-10, -12, 109, 67), framed.dataWindow());
        assertEquals(new ExrWindow(0, 0, 99, 59), framed.displayWindow());
        Fdl.FramingDecision outside = new Fdl.FramingDecision("$.x", "fd2", "intent1", null, new Fdl.Dimensions(100, 60),
                new Fdl.Point(30, 0), null, null);
        RushesException e = assertThrows(RushesException.class, () -> ExrImage.framed(canvas, outside));
        assertEquals("Cannot go on: framing decision fd2 (100x60 at 30,0) does not lie within the 120x80 canvas image. "
                + "Render the frame at the canvas the framing decision belongs to", e.getMessage());
    }

    /** A name past 31 bytes sets the long-names flag, which exrheader prints, and reads back. */
    @Test
    void longAttributeNamesSetTheLongNamesFlag() {
        String name = "io.rushes.plate.sourceClipIdentifier.v1";
        byte[] file = OpenExrWriter.encode(ExrImage.of(TestImages.picture(3, 2, 1)), new OpenExrWriter.Options(ExrCompression.ZIP,
                ExrPixelType.HALF), List.of(ExrAttribute.string(name, "A001C003")), null);
        assertEquals(0x402, ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getInt(4), "version 2 with long names");
        assertEquals("A001C003", OpenExrReader.read(new MemorySource("long.exr", file)).attribute(name).asString());
        byte[] shortNames = small(ExrCompression.ZIP);
        assertEquals(2, ByteBuffer.wrap(shortNames).order(ByteOrder.LITTLE_ENDIAN).getInt(4), "version 2, short names");
    }

    @Test
    void acesContainerFlagOnlyUncompressedHalf() {
        ExrImage image = ExrImage.of(TestImages.picture(8, 8, 1));
        List<ExrAttribute> aces = List.of(ExrStandardAttributes.chromaticities(ExrStandardAttributes.AP0),
                ExrStandardAttributes.acesImageContainerFlag());
        byte[] ok = OpenExrWriter.encode(image, new OpenExrWriter.Options(ExrCompression.NONE, ExrPixelType.HALF), aces, null);
        assertEquals(1, OpenExrReader.read(new MemorySource("aces.exr", ok)).attribute("acesImageContainerFlag").asInt());
        RushesException e = assertThrows(RushesException.class,
                () -> OpenExrWriter.encode(image, new OpenExrWriter.Options(ExrCompression.ZIP, ExrPixelType.HALF), aces, null));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().contains("acesImageContainerFlag marks an ACES container (SMPTE ST 2065-4), which is uncompressed "
                + "HALF, but this file is ZIP HALF"), e.getMessage());
    }

    @Test
    void refusesAttributesTheWriterOwnsAndNonFiniteValues() {
        ExrImage image = ExrImage.of(TestImages.picture(4, 4, 1));
        RushesException owned = assertThrows(RushesException.class, () -> OpenExrWriter.encode(image,
                new OpenExrWriter.Options(ExrCompression.NONE, ExrPixelType.HALF), List.of(ExrAttribute.intValue("dataWindow", 1)), null));
        assertTrue(owned.getMessage().contains("attribute dataWindow is set by the writer"), owned.getMessage());
        RushesException nan = assertThrows(RushesException.class, () -> ExrStandardAttributes.expTime(Double.NaN));
        assertEquals("Cannot go on: OpenEXR attribute expTime would be NaN. Give a positive, finite expTime", nan.getMessage());
    }

    // ---- hostile and unsupported files: refused with the reason, before anything is allocated for them

    private static byte[] small(ExrCompression c) {
        return OpenExrWriter.encode(ExrImage.of(TestImages.picture(16, 20, 2)), new OpenExrWriter.Options(c, ExrPixelType.HALF),
                List.of(), null);
    }

    /** Offset of the value of attribute {@code name} in a file written above. */
    private static int valueOffset(byte[] file, String name) {
        String text = new String(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf(name + "\0");
        at += name.length() + 1;
        at = text.indexOf('\0', at) + 1;
        return at + 4;
    }

    @Test
    void aHugeDataWindowInASmallFileIsRefusedBeforeAllocating() {
        byte[] file = small(ExrCompression.ZIP);
        ByteBuffer.wrap(file, valueOffset(file, "dataWindow") + 8, 8).order(ByteOrder.LITTLE_ENDIAN).putInt(30000).putInt(3);
        RushesException e = assertThrows(RushesException.class, () -> OpenExrReader.read(new MemorySource("huge.exr", file)));
        assertEquals(ErrorCode.TRUNCATED, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("the file ends before 720024 bytes of ZIP pixels (30001x4, 3 channels)"), e.getMessage());
        ByteBuffer.wrap(file, valueOffset(file, "dataWindow") + 8, 8).order(ByteOrder.LITTLE_ENDIAN).putInt(30000).putInt(30000);
        RushesException limit = assertThrows(RushesException.class, () -> OpenExrReader.read(new MemorySource("huge.exr", file)));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, limit.code(), limit.getMessage());
    }

    @Test
    void unsupportedCompressionsAreNamedNotCalledDamaged() {
        byte[] file = small(ExrCompression.NONE);
        String[] names = {"PXR24", "B44", "B44A"};
        for (int code = 5; code <= 7; code++) {
            file[valueOffset(file, "compression")] = (byte) code;
            RushesException e = assertThrows(RushesException.class, () -> OpenExrReader.read(new MemorySource("c.exr", file)));
            assertEquals(ErrorCode.UNSUPPORTED_FEATURE, e.code());
            assertTrue(e.getMessage().startsWith("Cannot read c.exr at byte 8: OpenEXR " + names[code - 5]
                    + " compression is not supported. Convert it to a single-part OpenEXR (scanline or tiled)"), e.getMessage());
        }
    }

    @Test
    void aChunkOffsetOutsideTheFileOrABadChunkIsCorrupt() {
        byte[] file = small(ExrCompression.ZIPS);
        int table = valueOffset(file, "screenWindowWidth") + 4 + 1;
        ByteBuffer.wrap(file, table + 8 * 3, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40);
        RushesException e = assertThrows(RushesException.class, () -> OpenExrReader.read(new MemorySource("o.exr", file)));
        assertEquals(ErrorCode.CORRUPT, e.code());
        assertTrue(e.getMessage().contains("chunk 3 is at byte 1099511627776, outside the file's pixel data"), e.getMessage());

        byte[] zip = small(ExrCompression.ZIP);
        int first = (int) ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN).getLong(valueOffset(zip, "screenWindowWidth") + 5);
        zip[first + 8 + 2] ^= 0x55; // inside the deflate stream
        RushesException z = assertThrows(RushesException.class, () -> OpenExrReader.read(new MemorySource("z.exr", zip)));
        assertEquals(ErrorCode.CORRUPT, z.code(), z.getMessage());
        assertTrue(z.getMessage().contains("a ZIP chunk"), z.getMessage());
    }

    /** Seeded byte flips in the pixel data of every codec: the file reads, or is refused as CORRUPT, never another failure. */
    @Test
    void damagedChunksAreReportedAsCorrupt() {
        java.util.Random random = new java.util.Random(42);
        for (ExrCompression c : WRITABLE) {
            byte[] file = OpenExrWriter.encode(ExrImage.of(TestImages.picture(67, 45, 9)), new OpenExrWriter.Options(c, ExrPixelType.HALF),
                    List.of(), null);
            int pixels = valueOffset(file, "screenWindowWidth") + 5;
            for (int run = 0; run < 300; run++) {
                byte[] damaged = file.clone();
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    damaged[pixels + random.nextInt(file.length - pixels)] ^= (byte) (1 << random.nextInt(8));
                }
                try {
                    OpenExrReader.read(new MemorySource("d.exr", damaged));
                } catch (RushesException e) {
                    assertTrue(e.code() == ErrorCode.CORRUPT || e.code() == ErrorCode.TRUNCATED, c + ": " + e.getMessage());
                }
            }
        }
    }

    @Test
    void truncatedFilesAreTruncated() {
        byte[] file = small(ExrCompression.RLE);
        List<Integer> cuts = new ArrayList<>(List.of(7, 100, file.length / 2, file.length - 1));
        for (int cut : cuts) {
            byte[] part = java.util.Arrays.copyOf(file, cut);
            RushesException e = assertThrows(RushesException.class, () -> OpenExrReader.read(new MemorySource("t.exr", part)));
            assertTrue(e.code() == ErrorCode.TRUNCATED || e.code() == ErrorCode.UNSUPPORTED_FORMAT, cut + ": " + e.getMessage());
        }
    }
}
