package io.rushes.engine.deliver.exr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.io.ByteSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Headers no writer makes, patched into a valid file: each one is CORRUPT at its offset, never a misread or a crash. */
class OpenExrHeaderDamageTest {
    private static byte[] file() {
        return OpenExrWriter.encode(ExrImage.of(TestImages.picture(8, 4, 1)), new OpenExrWriter.Options(ExrCompression.NONE, ExrPixelType.HALF),
                List.of(ExrAttribute.string("aaaaa", "x"), ExrAttribute.string("aaaab", "y")), null);
    }

    private static int indexOf(byte[] data, String text) {
        byte[] needle = text.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(text + " not in the file");
    }

    private static RushesException read(byte[] bytes) {
        ByteSource source = new ByteSource() {
            public String name() {
                return "patched.exr";
            }

            public long size() {
                return bytes.length;
            }

            public int read(long position, byte[] dst, int off, int len) {
                if (position >= bytes.length) {
                    return -1;
                }
                int n = (int) Math.min(len, bytes.length - position);
                System.arraycopy(bytes, (int) position, dst, off, n);
                return n;
            }

            public InputStream openStream() {
                return new ByteArrayInputStream(bytes);
            }

            public long lastModifiedMillis() {
                return -1;
            }

            public void close() {
            }
        };
        OpenExrReader.read(source); // the unpatched file reads: only the patch is wrong
        return null;
    }

    private static RushesException refused(byte[] bytes) {
        return assertThrows(RushesException.class, () -> read(bytes));
    }

    @Test
    void theUnpatchedFileReads() {
        assertEquals(null, read(file()));
    }

    @Test
    void aRepeatedChannelIsCorrupt() {
        byte[] f = file();
        int chlist = indexOf(f, "chlist");
        int g = indexOf(java.util.Arrays.copyOfRange(f, chlist, f.length), "G\0") + chlist;
        f[g] = 'B'; // B, B, R: every sample after the first B would be read into the wrong channel
        RushesException e = refused(f);
        assertEquals(ErrorCode.CORRUPT, e.code());
        assertTrue(e.getMessage().contains("channel B is out of order or repeated in the channel list"), e.getMessage());
    }

    @Test
    void aRepeatedAttributeIsCorrupt() {
        byte[] f = file();
        f[indexOf(f, "aaaab") + 4] = 'a';
        RushesException e = refused(f);
        assertEquals(ErrorCode.CORRUPT, e.code());
        assertTrue(e.getMessage().contains("the header holds attribute aaaaa twice"), e.getMessage());
    }

    /** A byte that is not UTF-8 used to shift the parse by two bytes (its replacement character is three). */
    @Test
    void aNameThatIsNotTextIsCorruptAtItsOffset() {
        byte[] f = file();
        int at = indexOf(f, "aaaab");
        f[at + 1] = (byte) 0x80;
        RushesException e = refused(f);
        assertEquals(ErrorCode.CORRUPT, e.code());
        assertEquals(at, e.offset(), e.getMessage());
        assertTrue(e.getMessage().contains("an attribute name is not text"), e.getMessage());
    }
}
