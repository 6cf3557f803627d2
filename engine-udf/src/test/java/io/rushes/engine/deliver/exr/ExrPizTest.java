package io.rushes.engine.deliver.exr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import org.junit.jupiter.api.Test;

/** Hand-made PIZ Huffman blocks that no encoder writes, and the encoder's runs and fallbacks round-tripped. */
class ExrPizTest {
    /**
     * Runs of 255, 256, 257 and 600 equal words (the run symbol carries up to 255 repeats), single words between them
     * and a noisy stretch: decoded back exactly, and smaller than raw; pure noise is stored raw.
     */
    @Test
    void runsAroundTheRepeatLimitAndNoiseRoundTrip() {
        int width = 1200;
        int lines = 4;
        int[] words = {1, 1, 1};
        byte[] raw = new byte[width * lines * 3 * 2];
        java.util.Random random = new java.util.Random(7);
        int[] runs = {255, 256, 257, 600, 1, 1, 2};
        int at = 0;
        for (int r = 0; at < raw.length / 2; r++) {
            int length = runs[r % runs.length];
            short value = (short) (r % 5 == 4 ? random.nextInt(1 << 16) : 0x3C00 + r % 3);
            for (int i = 0; i < length && at < raw.length / 2; i++, at++) {
                short word = r % 7 == 6 ? (short) random.nextInt(1 << 16) : value;
                raw[2 * at] = (byte) word;
                raw[2 * at + 1] = (byte) (word >> 8);
            }
        }
        byte[] packed = ExrCodec.compress(ExrCompression.PIZ, raw, width, lines, words);
        org.junit.jupiter.api.Assertions.assertTrue(packed.length < raw.length, packed.length + " bytes for " + raw.length);
        org.junit.jupiter.api.Assertions.assertArrayEquals(raw,
                ExrCodec.decompress(ExrCompression.PIZ, packed, raw.length, width, lines, words, "runs.exr", 0));

        byte[] noise = new byte[raw.length];
        random.nextBytes(noise);
        org.junit.jupiter.api.Assertions.assertSame(noise, ExrCodec.compress(ExrCompression.PIZ, noise, width, lines, words),
                "noise does not shrink: stored raw");
    }

    /** Three symbols of code length 1: a canonical code cannot hold them (the third code, 2, does not fit one bit). */
    @Test
    void anOverfullCodeTableIsCorruptNotACrash() {
        byte[] block = new byte[20 + 3 + 1];
        block[4] = 2; // im = 0, iM = 2 (little-endian)
        block[12] = 8; // 8 bits of data
        block[20] = 0x04; // lengths 1, 1, 1 as 6-bit fields: 000001 000001 000001
        block[21] = 0x10;
        block[22] = 0x40;
        RushesException e = assertThrows(RushesException.class, () -> ExrPiz.unhuffman(block, 0, block.length, new char[8], "bad.exr", 100));
        assertEquals(ErrorCode.CORRUPT, e.code());
        assertEquals("Cannot read bad.exr at byte 100: a PIZ Huffman table gives more codes than their lengths allow (symbol 2, length 1). "
                + "The file is damaged or not what its header claims: re-copy it from the original media", e.getMessage());
    }
}
