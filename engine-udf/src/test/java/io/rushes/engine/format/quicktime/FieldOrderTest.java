package io.rushes.engine.format.quicktime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.rushes.engine.Samples;
import io.rushes.engine.TestInspect;
import io.rushes.engine.metadata.ClipField;
import io.rushes.engine.metadata.ClipMetadata;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The QuickTime 'fiel' atom gives the scan: one field a frame, or two and the order they are shown in (Apple TN2162). */
class FieldOrderTest {
    @TempDir
    Path dir;

    @Test
    void fielFieldsAndDetailGiveTheScan() {
        assertEquals("progressive", QuickTimeHeader.fieldOrder(1, 0));
        assertEquals("interlaced tff", QuickTimeHeader.fieldOrder(2, 1));
        assertEquals("interlaced tff", QuickTimeHeader.fieldOrder(2, 14));
        assertEquals("interlaced bff", QuickTimeHeader.fieldOrder(2, 6));
        assertEquals("interlaced bff", QuickTimeHeader.fieldOrder(2, 9));
        assertEquals("interlaced", QuickTimeHeader.fieldOrder(2, 0));
        assertNull(QuickTimeHeader.fieldOrder(3, 0));
    }

    /** ExifTool reads this sample's 'fiel' as VideoFieldOrder "1 0": one field a frame. */
    @Test
    void theHevcSampleIsProgressiveByItsFielAtom() {
        ClipMetadata md = TestInspect.one(Samples.dir().resolve("video/exiv2_small_video.mp4")).metadata();
        assertEquals("progressive", md.get(ClipField.SCAN_TYPE));
    }

    /** The exiv2 sample's video entry, with a 'fiel' atom (2 fields, bottom first) written over its avcC box. */
    @Test
    void aMovieWithAFielAtomReportsItsScan() throws IOException {
        byte[] b = Files.readAllBytes(Samples.dir().resolve("video/exiv2_sample_640x360.mov"));
        ClipMetadata before = TestInspect.one(Files.write(dir.resolve("plain.mov"), b)).metadata();
        assertNull(before.get(ClipField.SCAN_TYPE));
        int avcC = indexOf(b, "avcC") - 4; // an extension box after the entry's fixed fields
        ByteBuffer.wrap(b).putInt(avcC + 4, fourcc("fiel")).putShort(avcC + 8, (short) 0x0206);
        ClipMetadata md = TestInspect.one(Files.write(dir.resolve("fiel.mov"), b)).metadata();
        assertEquals("interlaced bff", md.get(ClipField.SCAN_TYPE));
    }

    private static int fourcc(String s) {
        return s.charAt(0) << 24 | s.charAt(1) << 16 | s.charAt(2) << 8 | s.charAt(3);
    }

    private static int indexOf(byte[] b, String type) {
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int i = 0; i + 4 <= b.length; i++) {
            if (Arrays.equals(b, i, i + 4, t, 0, 4)) {
                return i;
            }
        }
        throw new AssertionError("no " + type + " in the sample");
    }
}
