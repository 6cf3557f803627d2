package io.rushes.engine.deliver.dpx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.rushes.engine.Samples;
import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.io.FileByteSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged, lying and unsupported DPX files: each is one RushesException with its code and reason, never another exception. */
class DpxHostileInputTest {
    @TempDir
    Path dir;

    private byte[] valid(DpxWriter.Depth depth) throws IOException {
        Path file = dir.resolve("valid.dpx");
        DpxWriter.write(DpxRoundTripTest.random(7, 5, 9), depth, DpxMetadata.of(DpxEncoding.LINEAR), new FileByteSink(file));
        return Files.readAllBytes(file);
    }

    private RushesException refused(byte[] bytes) throws IOException {
        Path file = dir.resolve("hostile.dpx");
        Files.write(file, bytes);
        return assertThrows(RushesException.class, () -> DpxRoundTripTest.read(file));
    }

    private static byte[] withInt(byte[] bytes, int offset, int value) {
        byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.BIG_ENDIAN).putInt(offset, value);
        return copy;
    }

    private static void assertRefused(RushesException e, ErrorCode code, String reason) {
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void truncatedPixels() throws IOException {
        byte[] bytes = Arrays.copyOf(valid(DpxWriter.Depth.TEN), 2048 + 100);
        assertRefused(refused(bytes), ErrorCode.TRUNCATED, "at byte 2048: the file ends before the 7x5 10-bit image, 140 bytes from byte 2048 (the file has 2148)");
    }

    @Test
    void truncatedHeader() throws IOException {
        assertRefused(refused(Arrays.copyOf(valid(DpxWriter.Depth.SIXTEEN), 1000)), ErrorCode.TRUNCATED,
                "the file ends before the 2048-byte DPX header");
    }

    @Test
    void anImageSizePastTheFile() throws IOException {
        byte[] bytes = withInt(withInt(valid(DpxWriter.Depth.TEN), 772, 4000), 776, 3000);
        assertRefused(refused(bytes), ErrorCode.TRUNCATED, "the 4000x3000 10-bit image, 48000000 bytes from byte 2048 (the file has 2188)");
    }

    @Test
    void anImageSizePastTheLimits() throws IOException {
        assertRefused(refused(withInt(valid(DpxWriter.Depth.TEN), 772, 0xFFFFFFFF)), ErrorCode.LIMIT_EXCEEDED,
                "a side of the image (4294967295x5) is 4294967295, above the limit of 32768");
        byte[] bytes = withInt(withInt(valid(DpxWriter.Depth.TEN), 772, 30000), 776, 30000);
        assertRefused(refused(bytes), ErrorCode.LIMIT_EXCEEDED, "the image (30000x30000) in pixels is 900000000, above the limit of 134217728");
        assertRefused(refused(withInt(valid(DpxWriter.Depth.TEN), 776, 0)), ErrorCode.CORRUPT, "the image is 7x0 pixels");
    }

    @Test
    void offsetsPastTheEnd() throws IOException {
        assertRefused(refused(withInt(valid(DpxWriter.Depth.TEN), 808, 0x7FFFFFF0)), ErrorCode.TRUNCATED,
                "at byte 2147483632: the file ends before the 7x5 10-bit image");
        // An undefined element offset falls back to the file's image offset, which is checked the same way.
        byte[] bytes = withInt(withInt(valid(DpxWriter.Depth.SIXTEEN), 808, 0xFFFFFFFF), 4, 0xFFFFFF00);
        assertRefused(refused(bytes), ErrorCode.TRUNCATED, "at byte 4294967040: the file ends before the 7x5 16-bit image");
        assertRefused(refused(withInt(valid(DpxWriter.Depth.TEN), 812, 0x10000000)), ErrorCode.TRUNCATED,
                "the file ends before the 7x5 10-bit image, 1073741964 bytes");
        assertRefused(refused(withInt(valid(DpxWriter.Depth.TEN), 808, 100)), ErrorCode.CORRUPT,
                "at byte 808: the image data would start at byte 100, inside the 2048-byte header");
    }

    @Test
    void notADpx() throws IOException {
        assertRefused(refused(new byte[4096]), ErrorCode.UNSUPPORTED_FORMAT, "it is not a DPX image (no SDPX or XPDS magic at byte 0)");
    }

    @Test
    void otherLayoutsAreUnsupportedNotDamaged() throws IOException {
        byte[] v = valid(DpxWriter.Depth.TEN);
        byte[] packed = v.clone();
        packed[805] = 0;
        assertRefused(refused(packed), ErrorCode.UNSUPPORTED_FEATURE, "descriptor 50 (RGB), 10-bit samples, packing 0 (packed), encoding 0 (none)");
        byte[] methodB = v.clone();
        methodB[805] = 2;
        assertRefused(refused(methodB), ErrorCode.UNSUPPORTED_FEATURE, "packing 2 (filled, method B)");
        byte[] ycbcr = v.clone();
        ycbcr[800] = 102;
        assertRefused(refused(ycbcr), ErrorCode.UNSUPPORTED_FEATURE, "descriptor 102 (CbYCr)");
        byte[] twelve = v.clone();
        twelve[803] = 12;
        twelve[805] = 0;
        assertRefused(refused(twelve), ErrorCode.UNSUPPORTED_FEATURE, "12-bit samples, packing 0 (packed)");
        byte[] rle = v.clone();
        rle[807] = 1;
        assertRefused(refused(rle), ErrorCode.UNSUPPORTED_FEATURE, "encoding 1 (run-length)");
        RushesException e = refused(rle);
        assertTrue(e.getMessage().contains("is not supported. Rushes reads uncompressed unsigned RGB or RGBA DPX"), e.getMessage());
    }

    @Test
    void exiftoolsSampleIsAHeaderWithoutItsPixels() throws IOException {
        // ExifTool ships the first 2080 bytes of a 2048x1556 telecine scan: the header is whole; its pixels (after 63 KB of
        // user data) are not there.
        byte[] bytes = Files.readAllBytes(Samples.dir().resolve(Path.of("exr_dpx", "exiftool_DPX.dpx")));
        assertRefused(refused(bytes), ErrorCode.TRUNCATED, "the 2048x1556 10-bit image, 12746752 bytes from byte 65536 (the file has 2080)");
    }

    @Test
    void randomHeaderDamageIsAlwaysARushesException() throws IOException {
        for (DpxWriter.Depth depth : DpxWriter.Depth.values()) {
            byte[] v = valid(depth);
            Random rnd = new Random(depth.bits());
            for (int round = 0; round < 400; round++) {
                byte[] bytes = v.clone();
                int changes = 1 + rnd.nextInt(6);
                for (int i = 0; i < changes; i++) {
                    int at = rnd.nextInt(830); // the file and image headers and the first element: magic, sizes, offsets, layout
                    bytes[at] = (byte) rnd.nextInt(256);
                }
                Path file = dir.resolve("fuzz.dpx");
                Files.write(file, bytes);
                try {
                    DpxRoundTripTest.read(file);
                } catch (RushesException expected) {
                    assertTrue(expected.code().isUserError(), expected.getMessage());
                } catch (RuntimeException other) {
                    fail("round " + round + " threw " + other, other);
                }
            }
        }
    }
}
