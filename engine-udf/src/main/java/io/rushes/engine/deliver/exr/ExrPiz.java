package io.rushes.engine.deliver.exr;

import io.rushes.engine.error.Errors;

/**
 * PIZ, OpenEXR's wavelet + Huffman codec (internal_piz.c, internal_huf.c): a chunk's 16-bit words are regrouped per
 * channel, mapped through a table of the values that occur (a bitmap of them is stored), transformed by a 2D Haar
 * wavelet per channel, then Huffman coded with a run-length symbol. Words of FLOAT samples go through as two
 * interleaved 16-bit planes, as OpenEXR does.
 */
final class ExrPiz {
    private static final int USHORT_RANGE = 1 << 16;
    private static final int BITMAP_SIZE = USHORT_RANGE >> 3;
    private static final int ENC_SIZE = USHORT_RANGE + 1;
    private static final int MAX_CODE_LENGTH = 58;
    private static final int TABLE_BITS = 12;
    private static final int SHORT_ZEROCODE_RUN = 59;
    private static final int LONG_ZEROCODE_RUN = 63;
    private static final int SHORTEST_LONG_RUN = 2 + LONG_ZEROCODE_RUN - SHORT_ZEROCODE_RUN;
    private static final int LONGEST_LONG_RUN = 255 + SHORTEST_LONG_RUN;
    /** Bits of a leaf's index below its frequency in one sortable long (at most 65537 symbols). */
    private static final int LEAF_INDEX_BITS = 17;
    private static final long LEAF_INDEX_MASK = (1L << LEAF_INDEX_BITS) - 1;

    private ExrPiz() {
    }

    /** The words of one chunk, each channel's lines together; {@code words[c]} is 1 for HALF, 2 for FLOAT/UINT. */
    private static char[] planar(byte[] raw, int width, int lines, int[] words) {
        char[] out = new char[raw.length / 2];
        int lineWords = 0;
        for (int w : words) {
            lineWords += w * width;
        }
        int channelStart = 0;
        int inLine = 0;
        for (int w : words) {
            int bpl = w * width;
            for (int y = 0; y < lines; y++) {
                int from = (y * lineWords + inLine) * 2;
                int to = channelStart + y * bpl;
                for (int i = 0; i < bpl; i++) {
                    out[to + i] = (char) ((raw[from + 2 * i] & 0xFF) | (raw[from + 2 * i + 1] & 0xFF) << 8);
                }
            }
            channelStart += bpl * lines;
            inLine += bpl;
        }
        return out;
    }

    private static byte[] interleaved(char[] data, int width, int lines, int[] words) {
        byte[] raw = new byte[data.length * 2];
        int lineWords = 0;
        for (int w : words) {
            lineWords += w * width;
        }
        int channelStart = 0;
        int inLine = 0;
        for (int w : words) {
            int bpl = w * width;
            for (int y = 0; y < lines; y++) {
                int to = (y * lineWords + inLine) * 2;
                int from = channelStart + y * bpl;
                for (int i = 0; i < bpl; i++) {
                    raw[to + 2 * i] = (byte) data[from + i];
                    raw[to + 2 * i + 1] = (byte) (data[from + i] >> 8);
                }
            }
            channelStart += bpl * lines;
            inLine += bpl;
        }
        return raw;
    }

    static byte[] compress(byte[] raw, int width, int lines, int[] words) {
        byte[] packed = compressPlanar(planar(raw, width, lines, words), width, lines, words);
        return packed != null ? packed : raw;
    }

    /**
     * The PIZ chunk of {@code data}, a chunk's 16-bit words each channel's lines together (as {@link #planar} makes them
     * from the stored bytes; changed in place), or null when it would not be smaller than the uncompressed chunk. The
     * writer hands the words over directly, so they never go through bytes.
     */
    static byte[] compressPlanar(char[] data, int width, int lines, int[] words) {
        int rawLength = data.length * 2;
        // Plain stores, then the bits: or-ing into the bitmap word by word makes neighbouring words (which share a byte)
        // wait on each other's read-modify-write.
        boolean[] seen = new boolean[USHORT_RANGE];
        for (char v : data) {
            seen[v] = true;
        }
        byte[] bitmap = new byte[BITMAP_SIZE];
        for (int i = 0; i < USHORT_RANGE; i++) {
            if (seen[i]) {
                bitmap[i >> 3] |= (byte) (1 << (i & 7));
            }
        }
        bitmap[0] &= ~1; // zero is always assumed present
        int minNonZero = BITMAP_SIZE - 1;
        int maxNonZero = 0;
        for (int i = 0; i < BITMAP_SIZE; i++) {
            if (bitmap[i] != 0) {
                minNonZero = Math.min(minNonZero, i);
                maxNonZero = Math.max(maxNonZero, i);
            }
        }
        char[] lut = new char[USHORT_RANGE];
        int k = 0;
        for (int i = 0, end = (maxNonZero + 1) * 8; i < end; i++) { // no word lies above the bitmap's last byte
            if (i == 0 || (bitmap[i >> 3] & (1 << (i & 7))) != 0) {
                lut[i] = (char) k++;
            }
        }
        int maxValue = k - 1;
        for (int i = 0; i < data.length; i++) {
            data[i] = lut[data[i]];
        }
        Bits out = new Bits(rawLength + Bits.SYMBOLS_SLACK); // room for the Huffman coder to run past the raw size once
        out.u16(minNonZero).u16(maxNonZero);
        if (minNonZero <= maxNonZero) {
            out.bytes(bitmap, minNonZero, maxNonZero - minNonZero + 1);
        }
        wavelets(data, width, lines, words, maxValue, true);
        int lengthAt = out.size();
        out.u32(0);
        int start = out.size();
        if (!huffman(data, out, rawLength)) {
            return null;
        }
        out.patch32(lengthAt, out.size() - start);
        return out.size() < rawLength ? out.toByteArray() : null;
    }

    static byte[] decompress(byte[] packed, int rawSize, int width, int lines, int[] words, String file, long offset) {
        if (packed.length < 4) {
            throw Errors.corrupt(file, offset, "a PIZ chunk of " + packed.length + " bytes has no bitmap range");
        }
        int minNonZero = u16(packed, 0);
        int maxNonZero = u16(packed, 2);
        int at = 4;
        byte[] bitmap = new byte[BITMAP_SIZE];
        if (maxNonZero >= BITMAP_SIZE) {
            throw Errors.corrupt(file, offset, "a PIZ bitmap ends at byte " + maxNonZero + ", past its " + BITMAP_SIZE + " bytes");
        }
        if (minNonZero <= maxNonZero) {
            int n = maxNonZero - minNonZero + 1;
            if (at + n > packed.length) {
                throw Errors.corrupt(file, offset, "a PIZ bitmap of " + n + " bytes runs past its chunk");
            }
            System.arraycopy(packed, at, bitmap, minNonZero, n);
            at += n;
        }
        char[] lut = new char[USHORT_RANGE];
        int k = 0;
        for (int i = 0; i < USHORT_RANGE; i++) {
            if (i == 0 || (bitmap[i >> 3] & (1 << (i & 7))) != 0) {
                lut[k++] = (char) i;
            }
        }
        int maxValue = k - 1;
        if (at + 4 > packed.length) {
            throw Errors.corrupt(file, offset, "a PIZ chunk ends before its Huffman length");
        }
        long hufBytes = u32(packed, at);
        at += 4;
        if (hufBytes > packed.length - at) {
            throw Errors.corrupt(file, offset, "a PIZ chunk's Huffman data of " + hufBytes + " bytes runs past its chunk");
        }
        char[] data = new char[rawSize / 2];
        unhuffman(packed, at, (int) hufBytes, data, file, offset);
        wavelets(data, width, lines, words, maxValue, false);
        for (int i = 0; i < data.length; i++) {
            data[i] = lut[data[i]];
        }
        return interleaved(data, width, lines, words);
    }

    private static void wavelets(char[] data, int width, int lines, int[] words, int maxValue, boolean encode) {
        int start = 0;
        for (int w : words) {
            for (int j = 0; j < w; j++) {
                if (encode) {
                    encode2d(data, start + j, width, w, lines, w * width, maxValue);
                } else {
                    decode2d(data, start + j, width, w, lines, w * width, maxValue);
                }
            }
            start += width * lines * w;
        }
    }

    // ---- 2D Haar wavelet (ImfWav): 14-bit exact basis when every value fits in 14 bits, else modulo 2^16

    private static void encode2d(char[] in, int base, int nx, int ox, int ny, int oy, int mx) {
        boolean w14 = mx < (1 << 14);
        int n = Math.min(nx, ny);
        int p = 1;
        int p2 = 2;
        char[] pair = new char[2];
        while (p2 <= n) {
            int py = base;
            int ey = base + oy * (ny - p2);
            int oy1 = oy * p;
            int oy2 = oy * p2;
            int ox1 = ox * p;
            int ox2 = ox * p2;
            for (; py <= ey; py += oy2) {
                int px = py;
                int ex = py + ox * (nx - p2);
                for (; px <= ex; px += ox2) {
                    int p01 = px + ox1;
                    int p10 = px + oy1;
                    int p11 = p10 + ox1;
                    enc(w14, in[px], in[p01], pair);
                    char i00 = pair[0];
                    char i01 = pair[1];
                    enc(w14, in[p10], in[p11], pair);
                    char i10 = pair[0];
                    char i11 = pair[1];
                    enc(w14, i00, i10, pair);
                    in[px] = pair[0];
                    in[p10] = pair[1];
                    enc(w14, i01, i11, pair);
                    in[p01] = pair[0];
                    in[p11] = pair[1];
                }
                if ((nx & p) != 0) {
                    int p10 = px + oy1;
                    enc(w14, in[px], in[p10], pair);
                    in[px] = pair[0];
                    in[p10] = pair[1];
                }
            }
            if ((ny & p) != 0) {
                int px = py;
                int ex = py + ox * (nx - p2);
                for (; px <= ex; px += ox2) {
                    int p01 = px + ox1;
                    enc(w14, in[px], in[p01], pair);
                    in[px] = pair[0];
                    in[p01] = pair[1];
                }
            }
            p = p2;
            p2 <<= 1;
        }
    }

    private static void decode2d(char[] in, int base, int nx, int ox, int ny, int oy, int mx) {
        boolean w14 = mx < (1 << 14);
        int n = Math.min(nx, ny);
        int p = 1;
        while (p <= n) {
            p <<= 1;
        }
        p >>= 1;
        int p2 = p;
        p >>= 1;
        char[] pair = new char[2];
        while (p >= 1) {
            int py = base;
            int ey = base + oy * (ny - p2);
            int oy1 = oy * p;
            int oy2 = oy * p2;
            int ox1 = ox * p;
            int ox2 = ox * p2;
            for (; py <= ey; py += oy2) {
                int px = py;
                int ex = py + ox * (nx - p2);
                for (; px <= ex; px += ox2) {
                    int p01 = px + ox1;
                    int p10 = px + oy1;
                    int p11 = p10 + ox1;
                    dec(w14, in[px], in[p10], pair);
                    char i00 = pair[0];
                    char i10 = pair[1];
                    dec(w14, in[p01], in[p11], pair);
                    char i01 = pair[0];
                    char i11 = pair[1];
                    dec(w14, i00, i01, pair);
                    in[px] = pair[0];
                    in[p01] = pair[1];
                    dec(w14, i10, i11, pair);
                    in[p10] = pair[0];
                    in[p11] = pair[1];
                }
                if ((nx & p) != 0) {
                    int p10 = px + oy1;
                    dec(w14, in[px], in[p10], pair);
                    in[px] = pair[0];
                    in[p10] = pair[1];
                }
            }
            if ((ny & p) != 0) {
                int px = py;
                int ex = py + ox * (nx - p2);
                for (; px <= ex; px += ox2) {
                    int p01 = px + ox1;
                    dec(w14, in[px], in[p01], pair);
                    in[px] = pair[0];
                    in[p01] = pair[1];
                }
            }
            p2 = p;
            p >>= 1;
        }
    }

    private static void enc(boolean w14, char a, char b, char[] lh) {
        if (w14) {
            short as = (short) a;
            short bs = (short) b;
            lh[0] = (char) ((as + bs) >> 1);
            lh[1] = (char) (as - bs);
        } else {
            int ao = (a + 0x8000) & 0xFFFF;
            int m = (ao + b) >> 1;
            int d = ao - b;
            if (d < 0) {
                m = (m + 0x8000) & 0xFFFF;
            }
            lh[0] = (char) m;
            lh[1] = (char) (d & 0xFFFF);
        }
    }

    private static void dec(boolean w14, char l, char h, char[] ab) {
        if (w14) {
            int hi = (short) h;
            int ai = (short) l + (hi & 1) + (hi >> 1);
            ab[0] = (char) ai;
            ab[1] = (char) (ai - hi);
        } else {
            int bb = (l - (h >> 1)) & 0xFFFF;
            ab[0] = (char) ((h + bb - 0x8000) & 0xFFFF);
            ab[1] = (char) bb;
        }
    }

    // ---- Huffman (ImfHuf): canonical codes up to 58 bits, code lengths packed with zero runs, symbol iM = run of the last value

    /** The Huffman block of {@code data} on its own (DWAA/DWAB code their AC coefficients so), or null past {@code limit} bytes. */
    static byte[] huffmanBlock(char[] data, int limit) {
        Bits out = new Bits(Math.min(limit, data.length * 2) + 64);
        return huffman(data, out, limit) ? out.toByteArray() : null;
    }

    /** Appends the Huffman block (20-byte header, packed code lengths, bits); false when it would outgrow {@code limit}. */
    private static boolean huffman(char[] data, Bits out, int limit) {
        if (data.length == 0) {
            return true;
        }
        int[] freq = new int[ENC_SIZE]; // a chunk holds fewer than 2^31 words
        for (char v : data) {
            freq[v]++;
        }
        int im = 0;
        while (freq[im] == 0) {
            im++;
        }
        int iM = im;
        for (int i = im; i < USHORT_RANGE; i++) {
            if (freq[i] != 0) {
                iM = i;
            }
        }
        iM++;
        freq[iM] = 1; // the run-length pseudo-symbol
        int[] length = codeLengths(freq, im, iM);
        long[] code = canonical(length);
        int header = out.size();
        out.u32(im).u32(iM).u32(0).u32(0).u32(0);
        int tableStart = out.size();
        for (int i = im; i <= iM; i++) {
            int l = length[i];
            if (l == 0) {
                int run = 1;
                while (i < iM && run < LONGEST_LONG_RUN && length[i + 1] == 0) {
                    i++;
                    run++;
                }
                if (run >= 2) {
                    if (run >= SHORTEST_LONG_RUN) {
                        out.bits(6, LONG_ZEROCODE_RUN);
                        out.bits(8, run - SHORTEST_LONG_RUN);
                    } else {
                        out.bits(6, SHORT_ZEROCODE_RUN + run - 2);
                    }
                    continue;
                }
            }
            out.bits(6, l);
        }
        out.flushBits();
        int tableLength = out.size() - tableStart;
        long bitsStart = (long) out.size() * 8;
        long[] codes = new long[ENC_SIZE]; // code << 6 | length, one load a symbol
        for (int i = im; i <= iM; i++) {
            codes[i] = code[i] << 6 | length[i];
        }
        if (!out.symbols(data, codes, iM, limit)) {
            return false;
        }
        long nBits = out.bitPosition() - bitsStart;
        out.flushBits();
        out.patch32(header + 8, tableLength);
        out.patch32(header + 12, (int) nBits);
        return nBits <= 0xFFFFFFFFL;
    }

    /** Huffman code lengths of the symbols with a frequency; ties broken by symbol so the output is deterministic. */
    private static int[] codeLengths(int[] freq, int im, int iM) {
        int symbols = 0;
        for (int i = im; i <= iM; i++) {
            if (freq[i] != 0) {
                symbols++;
            }
        }
        // Two queues instead of a heap: the leaves sorted by (frequency, index), and the merged nodes, which are made in
        // order of weight and index; taking the lesser head each time merges exactly what a heap on (weight, index) would.
        int nodes = 2 * symbols - 1;
        long[] weight = new long[nodes];
        int[] parent = new int[nodes];
        int[] symbolOf = new int[symbols];
        long[] leaves = new long[symbols];
        int n = 0;
        for (int i = im; i <= iM; i++) {
            if (freq[i] != 0) {
                symbolOf[n] = i;
                weight[n] = freq[i];
                leaves[n] = (long) freq[i] << LEAF_INDEX_BITS | n;
                n++;
            }
        }
        java.util.Arrays.sort(leaves);
        int nextLeaf = 0;
        int nextMerged = symbols;
        while (n < nodes) {
            int a = nextLeaf < symbols && (nextMerged == n || (leaves[nextLeaf] >>> LEAF_INDEX_BITS) <= weight[nextMerged])
                    ? (int) (leaves[nextLeaf++] & LEAF_INDEX_MASK) : nextMerged++;
            int b = nextLeaf < symbols && (nextMerged == n || (leaves[nextLeaf] >>> LEAF_INDEX_BITS) <= weight[nextMerged])
                    ? (int) (leaves[nextLeaf++] & LEAF_INDEX_MASK) : nextMerged++;
            weight[n] = weight[a] + weight[b];
            parent[a] = n;
            parent[b] = n;
            n++;
        }
        int[] depth = new int[nodes];
        for (int i = nodes - 2; i >= 0; i--) {
            depth[i] = depth[parent[i]] + 1;
        }
        int[] length = new int[ENC_SIZE];
        for (int i = 0; i < symbols; i++) {
            if (depth[i] > MAX_CODE_LENGTH) {
                throw new IllegalStateException("Huffman code of " + depth[i] + " bits for a chunk of at most 2^32 samples");
            }
            length[symbolOf[i]] = depth[i];
        }
        return length;
    }

    /** Canonical codes: for each length the lowest code, counting from the longest (shorter codes are numerically higher). */
    private static long[] canonical(int[] length) {
        long[] first = firstCodes(length);
        long[] code = new long[ENC_SIZE];
        for (int i = 0; i < ENC_SIZE; i++) {
            if (length[i] > 0) {
                code[i] = first[length[i]]++;
            }
        }
        return code;
    }

    private static long[] firstCodes(int[] length) {
        long[] count = new long[MAX_CODE_LENGTH + 1];
        for (int l : length) {
            count[l]++;
        }
        long c = 0;
        long[] first = new long[MAX_CODE_LENGTH + 1];
        for (int l = MAX_CODE_LENGTH; l > 0; l--) {
            first[l] = c;
            c = (c + count[l]) >> 1;
        }
        return first;
    }

    static void unhuffman(byte[] in, int at, int size, char[] out, String file, long offset) {
        if (size < 20) {
            if (out.length != 0) {
                throw Errors.corrupt(file, offset, "a PIZ chunk's Huffman block of " + size + " bytes has no header");
            }
            return;
        }
        long im = u32(in, at);
        long iM = u32(in, at + 4);
        long nBits = u32(in, at + 12);
        if (im >= ENC_SIZE || iM >= ENC_SIZE || im > iM) {
            throw Errors.corrupt(file, offset, "a PIZ Huffman table covers symbols " + im + " to " + iM);
        }
        BitReader bits = new BitReader(in, at + 20, at + size);
        int[] length = new int[ENC_SIZE];
        for (int i = (int) im; i <= iM; i++) {
            int l = (int) bits.read(6, file, offset);
            if (l == LONG_ZEROCODE_RUN) {
                int run = (int) bits.read(8, file, offset) + SHORTEST_LONG_RUN;
                if (i + run > iM + 1) {
                    throw Errors.corrupt(file, offset, "a PIZ Huffman table's zero run passes its last symbol");
                }
                i += run - 1;
            } else if (l >= SHORT_ZEROCODE_RUN) {
                int run = l - SHORT_ZEROCODE_RUN + 2;
                if (i + run > iM + 1) {
                    throw Errors.corrupt(file, offset, "a PIZ Huffman table's zero run passes its last symbol");
                }
                i += run - 1;
            } else {
                length[i] = l;
            }
        }
        bits.alignToByte();
        if (nBits > 8L * (at + size - bits.position())) {
            throw Errors.corrupt(file, offset, "a PIZ chunk claims " + nBits + " Huffman bits, more than it holds");
        }
        // Codes of up to TABLE_BITS bits decode by one lookup; longer ones by canonical ranges (each length's lowest code).
        long[] code = canonical(length);
        long[] first = firstCodes(length);
        int[] countOf = new int[MAX_CODE_LENGTH + 1];
        for (int l : length) {
            countOf[l]++;
        }
        int[][] byLength = new int[MAX_CODE_LENGTH + 1][];
        for (int l = 1; l <= MAX_CODE_LENGTH; l++) {
            byLength[l] = new int[countOf[l]];
        }
        int[] fill = new int[MAX_CODE_LENGTH + 1];
        int[] table = new int[1 << TABLE_BITS];
        for (int i = 0; i < ENC_SIZE; i++) {
            int l = length[i];
            if (l > 0 && code[i] >>> l != 0) {
                // More codes of a length than the length can hold (OpenEXR's hufBuildDecTable refuses these too).
                throw Errors.corrupt(file, offset, "a PIZ Huffman table gives more codes than their lengths allow (symbol " + i
                        + ", length " + l + ")");
            }
            if (l > 0) {
                byLength[l][fill[l]++] = i;
                if (l <= TABLE_BITS) {
                    int from = (int) (code[i] << (TABLE_BITS - l));
                    java.util.Arrays.fill(table, from, from + (1 << (TABLE_BITS - l)), i << 8 | l);
                }
            }
        }
        int rlc = (int) iM;
        bits.start(nBits);
        int o = 0;
        while (bits.remaining() > 0) {
            long peek = bits.peek(TABLE_BITS);
            int entry = table[(int) peek];
            int symbol;
            int l;
            if (entry != 0) {
                symbol = entry >>> 8;
                l = entry & 0xFF;
            } else {
                symbol = -1;
                for (l = TABLE_BITS + 1; l <= MAX_CODE_LENGTH; l++) {
                    long v = bits.peek(l);
                    if (countOf[l] > 0 && v >= first[l] && v - first[l] < countOf[l]) {
                        symbol = byLength[l][(int) (v - first[l])];
                        break;
                    }
                }
                if (symbol < 0) {
                    throw Errors.corrupt(file, offset, "a PIZ chunk holds a bit pattern that is no Huffman code");
                }
            }
            if (l > bits.remaining()) {
                throw Errors.corrupt(file, offset, "a PIZ chunk's last Huffman code runs past its " + nBits + " bits");
            }
            bits.skip(l);
            if (symbol == rlc) {
                if (bits.remaining() < 8) {
                    throw Errors.corrupt(file, offset, "a PIZ run ends before its length");
                }
                int run = (int) bits.peek(8);
                bits.skip(8);
                if (o == 0 || o + run > out.length) {
                    throw Errors.corrupt(file, offset, "a PIZ run of " + run + " words has no value before it or passes its chunk");
                }
                java.util.Arrays.fill(out, o, o + run, out[o - 1]);
                o += run;
            } else {
                if (o == out.length) {
                    throw Errors.corrupt(file, offset, "a PIZ chunk decodes to more than its " + out.length + " words");
                }
                out[o++] = (char) symbol;
            }
        }
        if (o != out.length) {
            throw Errors.corrupt(file, offset, "a PIZ chunk decodes to " + o + " words, " + out.length + " expected");
        }
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        return ((b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (long) (b[at + 3] & 0xFF) << 24);
    }

    /** A growing little-endian byte buffer with an MSB-first bit writer. */
    private static final class Bits {
        private static final int SYMBOLS_SLACK = 256 * 58 / 8 + 64;
        private byte[] buf;
        private int size;
        private long acc;
        private int pending;

        Bits(int capacity) {
            buf = new byte[Math.max(64, capacity)];
        }

        private void put(int b) {
            if (size == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            buf[size++] = (byte) b;
        }

        Bits u16(int v) {
            put(v);
            put(v >> 8);
            return this;
        }

        Bits u32(int v) {
            put(v);
            put(v >> 8);
            put(v >> 16);
            put(v >> 24);
            return this;
        }

        Bits bytes(byte[] b, int from, int n) {
            for (int i = 0; i < n; i++) {
                put(b[from + i]);
            }
            return this;
        }

        void patch32(int at, int v) {
            buf[at] = (byte) v;
            buf[at + 1] = (byte) (v >> 8);
            buf[at + 2] = (byte) (v >> 16);
            buf[at + 3] = (byte) (v >> 24);
        }

        /** Appends the low {@code n} bits of {@code value} (at most 58), most significant first. */
        void bits(int n, long value) {
            if (n > 32) {
                bits(n - 32, value >>> 32);
                bits(32, value & 0xFFFFFFFFL);
                return;
            }
            acc = (acc << n) | (value & ((1L << n) - 1));
            pending += n;
            if (pending >= 32) {
                if (size + 4 > buf.length) {
                    buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                }
                pending -= 32;
                int word = (int) (acc >>> pending);
                buf[size] = (byte) (word >>> 24);
                buf[size + 1] = (byte) (word >>> 16);
                buf[size + 2] = (byte) (word >>> 8);
                buf[size + 3] = (byte) word;
                size += 4;
            }
        }

        /**
         * Codes {@code data} with {@code codes} (code << 6 | length): each run of up to 256 equal words as the word
         * repeated, or as the word, the run symbol {@code rlc} and the repeat count when that is shorter. False once the
         * output passes {@code limit} bytes. The bit buffer lives in locals here: this loop is most of PIZ's time.
         */
        boolean symbols(char[] data, long[] codes, int rlc, int limit) {
            if (buf.length < limit + SYMBOLS_SLACK) {
                buf = java.util.Arrays.copyOf(buf, limit + SYMBOLS_SLACK); // one run writes at most 256 x 58 bits
            }
            byte[] b = buf;
            int at = size;
            long bits = acc;
            int filled = pending;
            long run = codes[rlc];
            int runLength = (int) (run & 63);
            int s = data[0];
            int count = 0;
            for (int i = 1; i <= data.length; i++) {
                int next = i < data.length ? data[i] : -1;
                if (s == next && count < 255) {
                    count++;
                    continue;
                }
                long code = codes[s];
                int length = (int) (code & 63);
                if (count == 0 && length <= 32) { // most words: one code of at most 32 bits
                    bits = (bits << length) | (code >>> 6);
                    filled += length;
                    // Without a branch (whether 32 bits are due is a coin toss): the word is always stored, and kept
                    // (at moves on) only when it is whole; otherwise the next store overwrites it.
                    int whole = filled >>> 5;
                    filled -= whole << 5;
                    word(b, at, (int) (bits >>> filled));
                    at += whole << 2;
                    if (at > limit) {
                        return false;
                    }
                    s = next;
                    continue;
                }
                boolean asRun = length + runLength + 8 < length * count; // the word, the run symbol and the count
                int emits = asRun ? 3 : count + 1;
                for (int k = 0; k < emits; k++) {
                    long v;
                    int n;
                    if (!asRun || k == 0) {
                        v = code >>> 6;
                        n = length;
                    } else if (k == 1) {
                        v = run >>> 6;
                        n = runLength;
                    } else {
                        v = count;
                        n = 8;
                    }
                    if (n > 32) {
                        bits = (bits << (n - 32)) | (v >>> 32);
                        filled += n - 32;
                        if (filled >= 32) {
                            filled -= 32;
                            at = word(b, at, (int) (bits >>> filled));
                        }
                        v &= 0xFFFFFFFFL;
                        n = 32;
                    }
                    bits = (bits << n) | v;
                    filled += n;
                    if (filled >= 32) {
                        filled -= 32;
                        at = word(b, at, (int) (bits >>> filled));
                    }
                }
                if (at > limit) {
                    return false;
                }
                s = next;
                count = 0;
            }
            size = at;
            acc = bits;
            pending = filled;
            return true;
        }

        private static int word(byte[] b, int at, int word) {
            b[at] = (byte) (word >>> 24);
            b[at + 1] = (byte) (word >>> 16);
            b[at + 2] = (byte) (word >>> 8);
            b[at + 3] = (byte) word;
            return at + 4;
        }

        long bitPosition() {
            return (long) size * 8 + pending;
        }

        void flushBits() {
            while (pending >= 8) {
                pending -= 8;
                put((int) (acc >>> pending));
            }
            if (pending > 0) {
                put((int) (acc << (8 - pending)));
                pending = 0;
            }
            acc = 0;
        }

        int size() {
            return size;
        }

        byte[] toByteArray() {
            return java.util.Arrays.copyOf(buf, size);
        }
    }

    /**
     * MSB-first bits of {@code in[from, to)}: single reads for the code table, then a 64-bit window for the codes,
     * limited to the {@code nBits} the chunk declares (bits past them read as zero and are never consumed).
     */
    private static final class BitReader {
        private final byte[] in;
        private final int to;
        private long bit;
        private int next;
        private long window;
        private int windowBits;
        private long remaining;

        BitReader(byte[] in, int from, int to) {
            this.in = in;
            this.to = to;
            this.bit = (long) from * 8;
        }

        long read(int n, String file, long offset) {
            if (bit + n > (long) to * 8) {
                throw Errors.corrupt(file, offset, "a PIZ chunk's Huffman data ends early");
            }
            long v = 0;
            for (int i = 0; i < n; i++, bit++) {
                v = (v << 1) | ((in[(int) (bit >>> 3)] >> (7 - (bit & 7))) & 1);
            }
            return v;
        }

        void alignToByte() {
            bit = (bit + 7) & ~7L;
        }

        int position() {
            return (int) (bit >>> 3);
        }

        /** Switches to windowed reading of the next {@code nBits} bits (from a byte boundary). */
        void start(long nBits) {
            next = position();
            remaining = nBits;
        }

        long remaining() {
            return remaining;
        }

        /** The next {@code n} bits (at most 58), zero-padded past the data. */
        long peek(int n) {
            while (windowBits <= 56 && next < to) {
                window = (window << 8) | (in[next++] & 0xFF);
                windowBits += 8;
            }
            long v = windowBits >= n ? window >>> (windowBits - n) : window << (n - windowBits);
            return v & ((1L << n) - 1);
        }

        void skip(int n) {
            windowBits -= n;
            remaining -= n;
        }
    }
}
