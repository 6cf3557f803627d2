package io.rushes.engine.deliver.exr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import org.junit.jupiter.api.Test;

/** Hand-made PIZ Huffman blocks that no encoder writes. */
class ExrPizTest {
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
