package io.rushes.engine.deliver.exr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.image.RgbImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** DWAA/DWAB on their own: the lossy bound, the lossless channels, the quantiser's rule, and damaged chunks. */
class ExrDwaTest {
    /**
     * Smooth ramps and a sine pattern (R, G, B) with a noisy alpha, at the default level 45: R, G, B come back within 5 %
     * of each value (1 % of the value plus 0.0005 absolute, below 0.01) with a mean error under 0.2 % of the mean value;
     * alpha, run-length coded, comes back bit for bit.
     */
    @Test
    void rampsComeBackWithinTheLossyBoundAndAlphaExactly() {
        int width = 203;
        int height = 77;
        float[] d = new float[width * height * 3];
        float[] alpha = new float[width * height];
        Random random = new Random(3);
        double sum = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                d[i * 3] = x / (float) width * 4;
                d[i * 3 + 1] = (float) (0.5 + 0.4 * Math.sin(x * 0.1 + y * 0.07));
                d[i * 3 + 2] = y / (float) height * 0.2f;
                alpha[i] = random.nextInt(4) == 0 ? random.nextFloat() : 1;
                sum += d[i * 3] + d[i * 3 + 1] + d[i * 3 + 2];
            }
        }
        double mean = sum / d.length;
        ExrImage image = new ExrImage(new RgbImage(width, height, d), alpha, ExrWindow.ofSize(width, height), ExrWindow.ofSize(width, height));
        for (ExrCompression c : List.of(ExrCompression.DWAA, ExrCompression.DWAB)) {
            for (ExrPixelType type : List.of(ExrPixelType.HALF, ExrPixelType.FLOAT)) {
                byte[] file = OpenExrWriter.encode(image, new OpenExrWriter.Options(c, type), List.of(), null);
                ExrFile back = OpenExrReader.read(new MemorySource("ramps.exr", file));
                assertEquals(c, back.compression());
                assertEquals(45f, back.attribute("dwaCompressionLevel").asFloat());
                assertTrue(file.length < width * height * 4 * type.bytes / 3, c + " " + type + ": " + file.length + " bytes");
                double error = 0;
                String[] names = {"R", "G", "B"};
                for (int ch = 0; ch < 3; ch++) {
                    float[] plane = back.planes().get(names[ch]);
                    for (int i = 0; i < plane.length; i++) {
                        float source = d[i * 3 + ch];
                        double e = Math.abs(plane[i] - source);
                        error += e;
                        double allowed = source >= 0.01 ? 0.05 * source : 0.01 * source + 0.0005;
                        assertTrue(e <= allowed, c + " " + type + " " + names[ch] + " at " + i + ": " + plane[i] + " for " + source);
                    }
                }
                assertTrue(error / d.length < 0.002 * mean, c + " " + type + ": mean error " + error / d.length);
                float[] a = back.planes().get("A");
                for (int i = 0; i < a.length; i++) {
                    float expected = type == ExrPixelType.HALF ? Half.toFloat(Half.fromFloat(alpha[i])) : alpha[i];
                    assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(a[i]), c + " " + type + " A at " + i);
                }
            }
        }
    }

    /** A dwaCompressionLevel attribute sets the level (0: no quantisation beyond half, a bigger file); it must be a float. */
    @Test
    void theLevelComesFromTheDwaCompressionLevelAttribute() {
        ExrImage image = ExrImage.of(TestImages.picture(96, 64, 8));
        OpenExrWriter.Options dwaa = new OpenExrWriter.Options(ExrCompression.DWAA, ExrPixelType.HALF);
        byte[] standard = OpenExrWriter.encode(image, dwaa, List.of(), null);
        byte[] fine = OpenExrWriter.encode(image, dwaa, List.of(ExrAttribute.floatValue("dwaCompressionLevel", 0)), null);
        assertEquals(0f, OpenExrReader.read(new MemorySource("fine.exr", fine)).attribute("dwaCompressionLevel").asFloat());
        assertTrue(fine.length > standard.length, fine.length + " bytes at level 0, " + standard.length + " at 45");
        RushesException e = assertThrows(RushesException.class,
                () -> OpenExrWriter.encode(image, dwaa, List.of(ExrAttribute.string("dwaCompressionLevel", "high")), null));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().contains("OpenEXR attribute dwaCompressionLevel must be a float of at least 0, not a string"), e.getMessage());
    }

    /**
     * Channels the rules do not make lossy come back bit for bit: A (run-length) and Z, id (unclassified, deflated); a
     * layer's R, G, B are coded as a set and a lone Y alone. The chunk's counters say which part holds what.
     */
    @Test
    void onlyTheColourChannelsAreLossy() {
        int width = 45;
        int lines = 32;
        List<ExrDwa.Channel> channels = List.of(new ExrDwa.Channel("A", ExrPixelType.HALF, false),
                new ExrDwa.Channel("Y", ExrPixelType.HALF, false), new ExrDwa.Channel("Z", ExrPixelType.FLOAT, false),
                new ExrDwa.Channel("diffuse.B", ExrPixelType.FLOAT, false), new ExrDwa.Channel("diffuse.G", ExrPixelType.FLOAT, false),
                new ExrDwa.Channel("diffuse.R", ExrPixelType.FLOAT, false), new ExrDwa.Channel("id", ExrPixelType.UINT, false));
        ExrDwa.Layout layout = new ExrDwa.Layout(channels, ExrDwa.DEFAULT_LEVEL);
        Random random = new Random(11);
        ByteBuffer raw = ByteBuffer.allocate(lines * width * (2 + 2 + 4 + 12 + 4)).order(ByteOrder.LITTLE_ENDIAN);
        for (int y = 0; y < lines; y++) {
            for (ExrDwa.Channel c : channels) {
                for (int x = 0; x < width; x++) {
                    float smooth = 0.25f + (x + y) / 200f;
                    switch (c.type()) {
                        case HALF -> raw.putShort(Half.fromFloat(c.name().equals("A") ? random.nextFloat() : smooth));
                        case FLOAT -> raw.putFloat(c.name().equals("Z") ? random.nextFloat() * 1000 : smooth);
                        case UINT -> raw.putInt(random.nextInt());
                    }
                }
            }
        }
        byte[] chunk = raw.array();
        byte[] packed = ExrDwa.compress(chunk, width, lines, layout);
        ByteBuffer counters = ByteBuffer.wrap(packed).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(2, counters.getLong(0), "version");
        assertEquals(width * lines * (4 + 4), counters.getLong(8), "unclassified bytes: Z and id");
        assertEquals(width * lines * 2, counters.getLong(56), "run-length bytes: A");
        int blocks = 6 * 4;
        assertEquals(blocks * 4, counters.getLong(72), "DC count: diffuse.R, G, B and Y");
        byte[] back = ExrDwa.decompress(packed, chunk.length, width, lines, layout, "layers.exr", 0);
        int at = 0;
        for (int y = 0; y < lines; y++) {
            for (ExrDwa.Channel c : channels) {
                int n = width * c.type().bytes;
                boolean lossless = !c.name().endsWith("R") && !c.name().endsWith("G") && !c.name().endsWith("B") && !c.name().equals("Y");
                if (lossless) {
                    assertArrayEquals(java.util.Arrays.copyOfRange(chunk, at, at + n), java.util.Arrays.copyOfRange(back, at, at + n),
                            c.name() + " line " + y);
                } else {
                    for (int x = 0; x < width; x++) {
                        float source = 0.25f + (x + y) / 200f;
                        float decoded = c.type() == ExrPixelType.HALF ? Half.toFloat(ByteBuffer.wrap(back, at + 2 * x, 2).order(ByteOrder.LITTLE_ENDIAN).getShort())
                                : ByteBuffer.wrap(back, at + 4 * x, 4).order(ByteOrder.LITTLE_ENDIAN).getFloat();
                        assertEquals(source, decoded, 0.02 * source, c.name() + " at " + x + "," + y);
                    }
                }
                at += n;
            }
        }
    }

    /**
     * The quantiser against its definition, by brute force over every finite half: for the fewest bits k below the
     * source's that some half within the tolerance has, the nearest k-bit half (ties: the first in bit order); the
     * source itself when there is none.
     */
    @Test
    void quantiserPicksTheNearestHalfWithTheFewestBits() {
        Random random = new Random(7);
        for (int n = 0; n < 3000; n++) {
            char src = (char) random.nextInt(0x7C00);
            if (random.nextBoolean()) {
                src |= 0x8000;
            }
            float value = Half.toFloat((short) src);
            float tolerance = (float) (Math.abs(value) * Math.pow(10, -1 - 3 * random.nextDouble())) + (random.nextInt(8) == 0 ? 1e-3f : 0);
            assertEquals(Integer.toHexString(bruteForce(src, tolerance)), Integer.toHexString(ExrDwaBlocks.quantize(src, tolerance)),
                    Integer.toHexString(src) + " within " + tolerance);
        }
    }

    /** Every finite half, by how many bits it has set, in bit order. */
    private static final int[][] BY_BITS = new int[17][];

    static {
        for (int bits = 0; bits <= 16; bits++) {
            int k = bits;
            BY_BITS[bits] = java.util.stream.IntStream.range(0, 65536).filter(h -> Integer.bitCount(h) == k && (h & 0x7C00) != 0x7C00).toArray();
        }
    }

    private static char bruteForce(char src, float tolerance) {
        float value = Half.toFloat((short) src);
        for (int bits = 0; bits < Integer.bitCount(src); bits++) {
            int closest = -1;
            float closestDistance = Float.POSITIVE_INFINITY;
            for (int h : BY_BITS[bits]) {
                float distance = Math.abs(Half.toFloat((short) h) - value);
                if (distance < closestDistance) {
                    closest = h;
                    closestDistance = distance;
                }
            }
            if (closestDistance < tolerance) {
                return (char) closest;
            }
        }
        return src;
    }

    /** Entries of OpenEXR's perceptual tables (its dwaLookups.h): 1, 0.1, 4, 192, -0.5 and a denormal, both ways. */
    @Test
    void thePerceptualTablesAreOpenExrs() {
        int[][] entries = {{0x3C00, 0x3C00, 0x3C00}, {0x2E66, 0x1E75, 0x359E}, {0x4400, 0x61BE, 0x3E85}, {0x5A00, 0x7C00, 0x42C8},
                {0xB800, 0xB2F7, 0xB9D7}, {0x0200, 0x0000, 0x208A}};
        for (int[] e : entries) {
            assertEquals(e[1], ExrDwaBlocks.TO_LINEAR[e[0]], "to linear of " + Integer.toHexString(e[0]));
            assertEquals(e[2], ExrDwaBlocks.TO_NONLINEAR[e[0]], "to nonlinear of " + Integer.toHexString(e[0]));
        }
        assertEquals(0, ExrDwaBlocks.TO_NONLINEAR[0x7C00], "infinity becomes 0");
    }

    @Test
    void theTransformInvertsWithinFloatRounding() {
        Random random = new Random(5);
        float[] block = new float[64];
        for (int i = 0; i < 64; i++) {
            block[i] = random.nextFloat() * 2 - 0.5f;
        }
        float[] copy = block.clone();
        ExrDwaBlocks.forwardDct(copy);
        assertEquals(8 * mean(block), copy[0], 1e-5, "DC is 8 times the mean");
        ExrDwaBlocks.inverseDct(copy);
        for (int i = 0; i < 64; i++) {
            assertEquals(block[i], copy[i], 2e-5, "sample " + i);
        }
    }

    private static float mean(float[] v) {
        double s = 0;
        for (float f : v) {
            s += f;
        }
        return (float) (s / v.length);
    }

    // ---- damaged chunks

    private static byte[] dwaFile() {
        return OpenExrWriter.encode(new ExrImage(TestImages.picture(67, 20, 4), TestImages.alpha(67, 20, 4), ExrWindow.ofSize(67, 20),
                ExrWindow.ofSize(67, 20)), new OpenExrWriter.Options(ExrCompression.DWAA, ExrPixelType.HALF), List.of(), null);
    }

    /** Where the one chunk's data (its DWA counters) starts: after the offset table's one entry and the chunk's y and size. */
    private static int chunkData(byte[] file) {
        long lastTableEntry = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getLong(firstChunk(file) - 8);
        return (int) lastTableEntry + 8;
    }

    private static int firstChunk(byte[] file) {
        // The offset table's single entry points just past itself: find the 8 bytes that hold their own end.
        for (int i = 8; i + 8 <= file.length; i++) {
            if (ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getLong(i) == i + 8) {
                return i + 8;
            }
        }
        throw new AssertionError("no offset table");
    }

    private static RushesException damaged(Consumer<ByteBuffer> damage, String expected) {
        byte[] file = dwaFile();
        int at = chunkData(file);
        damage.accept(ByteBuffer.wrap(file, at, file.length - at).slice().order(ByteOrder.LITTLE_ENDIAN));
        RushesException e = assertThrows(RushesException.class, () -> OpenExrReader.read(new MemorySource("dwa.exr", file)));
        assertEquals(ErrorCode.CORRUPT, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.offset() >= at && e.offset() < file.length, "offset " + e.offset() + " outside the chunk at " + at);
        return e;
    }

    @Test
    void badCountersAreCorruptWithTheChunksOffset() {
        damaged(b -> b.putLong(64, 1L << 40), "AC count is 1099511627776, more than its");
        damaged(b -> b.putLong(64, b.getLong(64) + 6000), "AC coefficients where its 3 lossy channels of 27 blocks need 81 DC");
        damaged(b -> b.putLong(64, 100), "a DWA chunk's AC coefficients (Huffman coded as PIZ codes its wavelets) are damaged: ");
        damaged(b -> b.putLong(72, 1), "holds 1 DC and");
        damaged(b -> b.putLong(32, b.getLong(32) + 5000), "parts (");
        damaged(b -> b.putLong(56, b.getLong(56) - 1), "run-length part holds 2679 bytes (");
        damaged(b -> b.putLong(48, 1), "run-length data inflates to more than 1 bytes, 1 expected");
        damaged(b -> b.putShort(88, (short) 60000), "channel rules of 60000 bytes do not fit");
        damaged(b -> b.putLong(80, 5), "AC coder 5");
    }

    /** Before version 2 a chunk has no rules: R, G, B and A are classified by OpenEXR's legacy rules, to the same effect. */
    @Test
    void aVersion1ChunkWithoutRulesDecodesByTheLegacyRules() {
        byte[] file = dwaFile();
        int at = chunkData(file);
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int ruleSize = b.getShort(at + 88) & 0xFFFF;
        int size = b.getInt(at - 4);
        ByteBuffer v1 = ByteBuffer.allocate(file.length - ruleSize).order(ByteOrder.LITTLE_ENDIAN);
        v1.put(file, 0, at + 88).put(file, at + 88 + ruleSize, file.length - at - 88 - ruleSize);
        byte[] legacy = v1.array();
        ByteBuffer.wrap(legacy).order(ByteOrder.LITTLE_ENDIAN).putInt(at - 4, size - ruleSize).putLong(at, 1);
        ExrFile expected = OpenExrReader.read(new MemorySource("v2.exr", file));
        ExrFile read = OpenExrReader.read(new MemorySource("v1.exr", legacy));
        for (String channel : List.of("A", "B", "G", "R")) {
            assertArrayEquals(expected.planes().get(channel), read.planes().get(channel), channel);
        }
    }

    @Test
    void aNewerChunkVersionIsUnsupportedNotDamaged() {
        byte[] file = dwaFile();
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putLong(chunkData(file), 3);
        RushesException e = assertThrows(RushesException.class, () -> OpenExrReader.read(new MemorySource("v3.exr", file)));
        assertEquals(ErrorCode.UNSUPPORTED_FEATURE, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("a DWA chunk of version 3 (Rushes reads versions 0 to 2) is not supported"), e.getMessage());
    }

    /** Run-length data that decodes past its channels' bytes: CORRUPT at the run-length part, nothing written past. */
    @Test
    void runLengthDataOverrunningItsChannelsIsCorrupt() throws Exception {
        int width = 40;
        int lines = 32;
        ExrDwa.Layout layout = new ExrDwa.Layout(List.of(new ExrDwa.Channel("A", ExrPixelType.HALF, false)), ExrDwa.DEFAULT_LEVEL);
        ByteBuffer alpha = ByteBuffer.allocate(width * lines * 2).order(ByteOrder.LITTLE_ENDIAN);
        Random random = new Random(2);
        while (alpha.hasRemaining()) {
            alpha.putShort(Half.fromFloat(random.nextInt(8) == 0 ? random.nextFloat() : 1));
        }
        byte[] raw = alpha.array();
        byte[] packed = ExrDwa.compress(raw, width, lines, layout);
        assertTrue(packed.length < raw.length, "a DWA chunk, not the raw lines");
        ByteBuffer counters = ByteBuffer.wrap(packed).order(ByteOrder.LITTLE_ENDIAN);
        int rules = counters.getShort(88) & 0xFFFF;
        // Runs of 128 bytes, one more than the 2560 bytes of A hold.
        byte[] runs = new byte[2 * (raw.length / 128 + 1)];
        for (int i = 0; i < runs.length; i += 2) {
            runs[i] = 127;
            runs[i + 1] = 7;
        }
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(runs);
        deflater.finish();
        byte[] deflated = new byte[1024];
        int n = deflater.deflate(deflated);
        deflater.end();
        ByteBuffer damaged = ByteBuffer.allocate(88 + rules + n).order(ByteOrder.LITTLE_ENDIAN);
        damaged.put(packed, 0, 88 + rules).put(deflated, 0, n);
        damaged.putLong(40, n).putLong(48, runs.length);
        RushesException e = assertThrows(RushesException.class,
                () -> ExrDwa.decompress(damaged.array(), raw.length, width, lines, layout, "rle.exr", 1000));
        assertEquals(ErrorCode.CORRUPT, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("an RLE run of 128 bytes runs past its chunk"), e.getMessage());
        assertTrue(e.offset() >= 1000 + 88 + rules, "offset " + e.offset());
    }

    @Test
    void aDwaChunkShorterThanItsCountersIsCorrupt() {
        byte[] file = dwaFile();
        int at = chunkData(file);
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(at - 4, 40);
        RushesException e = assertThrows(RushesException.class, () -> OpenExrReader.read(new MemorySource("short.exr", file)));
        assertEquals(ErrorCode.CORRUPT, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("at byte " + at + ": a DWA chunk of 40 bytes is shorter than its 88-byte counters"), e.getMessage());
    }

    /** Seeded byte flips anywhere in a DWAA chunk: it reads, or is refused as CORRUPT (never another exception). */
    @Test
    void flippedBytesAreCorruptNeverAnotherFailure() {
        byte[] file = dwaFile();
        int at = chunkData(file);
        Random random = new Random(42);
        for (int run = 0; run < 1500; run++) {
            byte[] copy = file.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                int i = run < 700 ? at + random.nextInt(120) : at + random.nextInt(file.length - at);
                copy[i] ^= (byte) (1 << random.nextInt(8));
            }
            try {
                OpenExrReader.read(new MemorySource("f.exr", copy));
            } catch (RushesException e) {
                assertTrue(e.code() == ErrorCode.CORRUPT || e.code() == ErrorCode.UNSUPPORTED_FEATURE, e.getMessage());
            }
        }
    }
}
