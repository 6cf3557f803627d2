package io.rushes.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.TestInspect;
import io.rushes.engine.deliver.tiff.TiffWriter;
import io.rushes.engine.metadata.ClipField;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken files named after their defect. Each must come back as a clip with status error, a message
 * naming the file, and (where it applies) the byte offset, in bounded time.
 */
class HostileInputTest {
    @TempDir
    Path dir;

    private ClipResult inspect(String name, byte[] content) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, content);
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> TestInspect.one(f));
    }

    private static void assertFailed(ClipResult r, String code, String messagePart) {
        assertEquals(1, r.errors().size(), r.errors().toString());
        ClipError e = r.errors().get(0);
        assertTrue(!"ok".equals(r.metadata().string(ClipField.STATUS)), "status " + r.metadata().string(ClipField.STATUS));
        assertEquals(code, e.code(), e.message());
        assertTrue(e.message().contains(messagePart), e.message());
        assertTrue(e.message().contains(Path.of(e.file()).getFileName().toString()), "names the file: " + e.message());
    }

    private static byte[] validDng() {
        TiffWriter w = new TiffWriter().longs(false, 256, 64).longs(false, 257, 32).shorts(false, 258, 16)
                .shorts(false, 262, 32803).shorts(false, 259, 1)
                .bytes(false, 50706, 1, (byte) 1, (byte) 4, (byte) 0, (byte) 0).ascii(false, 271, "Rushes");
        byte[] header = w.header(64 * 32 * 2);
        return TiffWriter.concat(header, new byte[64 * 32 * 2]);
    }

    @Test
    void zeroLengthFile() throws Exception {
        assertFailed(inspect("empty.dng", new byte[0]), "CORRUPT", "empty");
    }

    @Test
    void wrongMagic() throws Exception {
        byte[] b = new byte[4096];
        Arrays.fill(b, (byte) 'x');
        ClipResult r = inspect("text_named.dng", b);
        assertFailed(r, "UNSUPPORTED_FORMAT", "first bytes: 787878");
        assertEquals("unsupported", r.metadata().string(ClipField.STATUS));
    }

    @Test
    void truncatedHeader() throws Exception {
        byte[] dng = validDng();
        assertFailed(inspect("truncated.dng", Arrays.copyOf(dng, 40)), "TRUNCATED", "at byte");
    }

    @Test
    void ifdLoop() throws Exception {
        byte[] dng = validDng();
        ByteBuffer b = ByteBuffer.wrap(dng).order(ByteOrder.LITTLE_ENDIAN);
        int count = b.getShort(8);
        b.putInt(8 + 2 + 12 * count, 8); // the next-IFD pointer of IFD0 points back at IFD0
        assertFailed(inspect("ifd-loop.dng", dng), "CORRUPT", "loop");
    }

    @Test
    void hugeEntryCount() throws Exception {
        byte[] dng = validDng();
        ByteBuffer.wrap(dng).order(ByteOrder.LITTLE_ENDIAN).putShort(8, (short) 60000);
        ClipResult r = inspect("huge-entry-count.dng", dng);
        assertEquals("error", r.metadata().string(ClipField.STATUS));
        assertTrue(r.errors().get(0).message().contains("60000"), r.errors().get(0).message());
    }

    @Test
    void hugeDimensionsAreReportedNotAllocated() throws Exception {
        TiffWriter w = new TiffWriter().longs(false, 256, 0xFFFFFFF0L).longs(false, 257, 0xFFFFFFF0L).shorts(false, 258, 16)
                .shorts(false, 262, 32803).bytes(false, 50706, 1, (byte) 1, (byte) 4, (byte) 0, (byte) 0);
        ClipResult r = inspect("huge-dimension.dng", TiffWriter.concat(w.header(16), new byte[16]));
        // a header read allocates nothing per pixel, and a size past the engine's limit is refused where it is read
        assertFailed(r, "LIMIT_EXCEEDED", "the image width of IFD0 (4294967280x4294967280) in pixels is 4294967280, above the limit of 200000000");
    }

    @Test
    void valueBeyondEndOfFile() throws Exception {
        byte[] dng = validDng();
        ByteBuffer b = ByteBuffer.wrap(dng).order(ByteOrder.LITTLE_ENDIAN);
        int count = b.getShort(8);
        for (int i = 0; i < count; i++) {
            int e = 10 + 12 * i;
            if (b.getShort(e) == 271) {
                b.putInt(e + 4, 1 << 30); // Make claims a gigabyte of text
            }
        }
        ClipResult r = inspect("value-beyond-eof.dng", dng);
        assertEquals("ok", r.metadata().string(ClipField.STATUS), "the unusable entry is skipped, the rest read");
        assertEquals(null, r.metadata().get(ClipField.CAMERA_MAKE));
    }

    @Test
    void randomBytesNeverCrashOrHang() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] b = new byte[random.nextInt(2048) + 1];
            random.nextBytes(b);
            // half of them start like a TIFF or a QuickTime movie, to get past sniffing
            if (i % 4 == 1) {
                b[0] = 'I';
                b[1] = 'I';
                b[2] = 42;
                b[3] = 0;
            } else if (i % 4 == 2 && b.length > 12) {
                System.arraycopy("\0\0\0\u0014ftypqt  ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, b, 0, 12);
            }
            ClipResult r = inspect("random-" + i + ".dat", b);
            for (ClipError e : r.errors()) {
                assertTrue(e.userError(), "random bytes must give a user error, not a bug: " + e.message());
            }
        }
    }

    @Test
    void oneBrokenFrameDoesNotHideTheOthers() throws Exception {
        byte[] dng = validDng();
        for (int i = 1; i <= 4; i++) {
            Files.write(dir.resolve(String.format("seq.%04d.dng", i)), i == 3 ? Arrays.copyOf(dng, 30) : dng);
        }
        ClipResult r = TestInspect.inspect(dir).get(0);
        assertEquals("partial", r.metadata().string(ClipField.STATUS));
        assertEquals(1, r.errors().size());
        assertTrue(r.errors().get(0).file().endsWith("seq.0003.dng"));
        assertEquals(4L, r.metadata().get(ClipField.FRAME_COUNT));
    }
}
