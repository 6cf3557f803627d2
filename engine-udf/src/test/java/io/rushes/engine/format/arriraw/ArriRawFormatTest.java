package io.rushes.engine.format.arriraw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.error.RushesException;
import io.rushes.engine.io.FileByteSource;
import io.rushes.engine.metadata.ClipField;
import io.rushes.engine.metadata.ClipMetadata;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No ARRIRAW frame may be redistributed, so these frames are built here at the offsets dcraw/LibRaw read
 * (dcraw -i -v on such a frame reports the same make, model and size; checked by hand).
 */
class ArriRawFormatTest {
    @TempDir
    Path dir;

    private Path frame(int width, int height, String model, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("ARRI".getBytes(StandardCharsets.US_ASCII)).putInt(4, 0x12345678).putInt(20, width).putInt(24, height);
        b.position(668);
        b.put(model.getBytes(StandardCharsets.US_ASCII));
        b.position(760);
        b.put("SUP 7.0".getBytes(StandardCharsets.US_ASCII));
        Path f = dir.resolve("A001C001_000001.ari");
        Files.write(f, b.array());
        return f;
    }

    private static ClipMetadata read(Path f) throws IOException {
        try (FileByteSource s = new FileByteSource(f)) {
            return new ArriRawFormat().read(s);
        }
    }

    @Test
    void readsThePublicHeader() throws IOException {
        ClipMetadata md = read(frame(2880, 1620, "ALEXA Mini", 4096 + 2880 * 1620 * 3 / 2));
        assertEquals("ARRI", md.get(ClipField.CAMERA_MAKE));
        assertEquals("ALEXA Mini", md.get(ClipField.CAMERA_MODEL));
        assertEquals("SUP 7.0", md.get(ClipField.FIRMWARE));
        assertEquals(2880, md.get(ClipField.WIDTH));
        assertEquals(1620, md.get(ClipField.HEIGHT));
        assertEquals(12, md.get(ClipField.BIT_DEPTH));
        assertEquals("GRBG", md.get(ClipField.CFA_PATTERN));
    }

    @Test
    void theLfAnd65SensorsReportGbrgAsLibRawReadsThem() throws IOException {
        assertEquals("GBRG", read(frame(4448, 3096, "ALEXA LF", 4096)).get(ClipField.CFA_PATTERN));
        assertEquals("GBRG", read(frame(6560, 3100, "ALEXA65", 4096)).get(ClipField.CFA_PATTERN));
        assertEquals("GRBG", read(frame(3424, 2202, "ALEXA", 4096)).get(ClipField.CFA_PATTERN));
    }

    @Test
    void rejectsImpossibleSizesAndShortHeaders() throws IOException {
        for (int width : new int[] {0, 1 << 20}) {
            RushesException e = assertThrows(RushesException.class, () -> read(frame(width, 1620, "ALEXA", 4096)));
            assertEquals(io.rushes.engine.error.ErrorCode.CORRUPT, e.code());
            assertTrue(e.getMessage().contains("at byte 20: image size " + width + "x1620 is not a camera's"), e.getMessage());
        }
        RushesException shortHeader = assertThrows(RushesException.class, () -> read(frame(2880, 1620, "ALEXA", 1000)));
        assertEquals(io.rushes.engine.error.ErrorCode.TRUNCATED, shortHeader.code(), shortHeader.getMessage());
    }
}
