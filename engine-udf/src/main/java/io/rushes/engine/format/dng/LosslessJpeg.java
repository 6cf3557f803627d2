package io.rushes.engine.format.dng;

import io.rushes.engine.error.Errors;

/**
 * Lossless JPEG (ITU-T T.81 process 14, "LJ92") as DNG uses it: SOF3, Huffman-coded differences from
 * one of the seven predictors, one to four interleaved components, 2–16 bit precision. Written here
 * because no maintained Java library decodes it; every length, count and table comes from the stream and
 * is checked before use, and the decoder stops with an error at the first inconsistent byte.
 */
final class LosslessJpeg {
    private static final int MAX_COMPONENTS = 4;

    /** One decoded image: width counts samples per row (columns × components), values row-major. */
    record Decoded(int width, int height, int precision, int components, char[] samples) {
    }

    private final byte[] data;
    private final String file;
    private final long fileOffset;
    private int pos;

    private LosslessJpeg(byte[] data, String file, long fileOffset) {
        this.data = data;
        this.file = file;
        this.fileOffset = fileOffset;
    }

    static Decoded decode(byte[] data, String file, long fileOffset, long maxSamples) {
        return new LosslessJpeg(data, file, fileOffset).run(maxSamples);
    }

    private RuntimeException corrupt(String why) {
        return Errors.corrupt(file, fileOffset + pos, "lossless JPEG: " + why);
    }

    private int u8() {
        if (pos >= data.length) {
            throw Errors.truncated(file, fileOffset + pos, "the end of the lossless JPEG data");
        }
        return data[pos++] & 0xFF;
    }

    private int u16() {
        return (u8() << 8) | u8();
    }

    private Decoded run(long maxSamples) {
        if (u8() != 0xFF || u8() != 0xD8) {
            throw corrupt("no SOI marker");
        }
        int precision = 0;
        int columns = 0;
        int rows = 0;
        int components = 0;
        int[] componentTable = new int[MAX_COMPONENTS];
        int[] componentIds = new int[MAX_COMPONENTS];
        Huffman[] tables = new Huffman[4];
        while (true) {
            int marker = nextMarker();
            int length = u16();
            int end = pos + length - 2;
            if (length < 2 || end > data.length) {
                throw corrupt("marker 0xFF" + Integer.toHexString(marker) + " segment length " + length + " runs past the data");
            }
            switch (marker) {
                case 0xC3 -> {
                    precision = u8();
                    rows = u16();
                    columns = u16();
                    components = u8();
                    if (precision < 2 || precision > 16 || components < 1 || components > MAX_COMPONENTS || rows < 1 || columns < 1) {
                        throw corrupt("SOF3 declares precision " + precision + ", " + components + " components, " + columns + "x" + rows);
                    }
                    if ((long) rows * columns * components > maxSamples) {
                        throw Errors.limitExceeded(file, fileOffset + pos, "the lossless JPEG size (samples)",
                                (long) rows * columns * components, maxSamples);
                    }
                    for (int c = 0; c < components; c++) {
                        componentIds[c] = u8();
                        u8(); // sampling factors: always 1x1 in DNG
                        u8(); // quantisation table: unused in lossless mode
                    }
                }
                case 0xC4 -> {
                    while (pos < end) {
                        int id = u8() & 0x0F;
                        if (id > 3) {
                            throw corrupt("Huffman table id " + id);
                        }
                        tables[id] = Huffman.read(this);
                    }
                }
                case 0xDA -> {
                    if (components == 0) {
                        throw corrupt("scan before frame header");
                    }
                    int scanComponents = u8();
                    if (scanComponents != components) {
                        throw corrupt("scan has " + scanComponents + " components, frame " + components);
                    }
                    for (int c = 0; c < scanComponents; c++) {
                        int id = u8();
                        int table = u8() >> 4;
                        if (id != componentIds[c] || table > 3 || tables[table] == null) {
                            throw corrupt("scan component " + id + " refers to a missing Huffman table " + table);
                        }
                        componentTable[c] = table;
                    }
                    int predictor = u8();
                    u8(); // end of spectral selection: unused
                    int pointTransform = u8() & 0x0F;
                    if (predictor < 1 || predictor > 7) {
                        throw corrupt("predictor " + predictor + " is not 1–7");
                    }
                    pos = end;
                    Huffman[] perComponent = new Huffman[components];
                    for (int c = 0; c < components; c++) {
                        perComponent[c] = tables[componentTable[c]];
                    }
                    char[] out = new char[rows * columns * components];
                    scan(out, columns, rows, components, precision, predictor, pointTransform, perComponent);
                    return new Decoded(columns * components, rows, precision, components, out);
                }
                default -> pos = end; // APPn, DQT, DRI and comments carry nothing a DNG needs
            }
            pos = Math.max(pos, end);
        }
    }

    private int nextMarker() {
        while (true) {
            int b = u8();
            if (b != 0xFF) {
                throw corrupt("expected a marker, found 0x" + Integer.toHexString(b));
            }
            int m = u8();
            while (m == 0xFF) {
                m = u8();
            }
            if (m == 0xD9) {
                throw corrupt("end of image before any scan");
            }
            if (m != 0) {
                return m;
            }
        }
    }

    // Bit reader over the entropy-coded segment, with 0xFF00 unstuffing; past a marker it feeds zeros.
    private long bitBuffer;
    private int bitCount;
    private boolean hitMarker;

    private void fill() {
        while (bitCount <= 56) {
            int b = 0;
            if (!hitMarker && pos < data.length) {
                b = data[pos] & 0xFF;
                if (b == 0xFF) {
                    int next = pos + 1 < data.length ? data[pos + 1] & 0xFF : 0xD9;
                    if (next == 0x00) {
                        pos += 2;
                    } else {
                        hitMarker = true;
                        b = 0;
                    }
                } else {
                    pos++;
                }
            }
            bitBuffer |= (long) b << (56 - bitCount);
            bitCount += 8;
        }
    }

    int peek16() {
        if (bitCount < 16) {
            fill();
        }
        return (int) (bitBuffer >>> 48);
    }

    void skip(int n) {
        bitBuffer <<= n;
        bitCount -= n;
    }

    int bits(int n) {
        if (n == 0) {
            return 0;
        }
        if (bitCount < n) {
            fill();
        }
        int v = (int) (bitBuffer >>> (64 - n));
        skip(n);
        return v;
    }

    /** The difference coded by a magnitude category (T.81 F.2.2.1); category 16 is 32768 with no extra bits. */
    private int difference(Huffman h) {
        int category = h.decode(this);
        if (category == 0) {
            return 0;
        }
        if (category == 16) {
            return 32768;
        }
        if (category > 16) {
            throw corrupt("difference category " + category);
        }
        int v = bits(category);
        return v < (1 << (category - 1)) ? v - (1 << category) + 1 : v;
    }

    private void scan(char[] out, int columns, int rows, int components, int precision, int predictor, int pointTransform,
                      Huffman[] tables) {
        int mask = (1 << precision) - 1;
        int initial = 1 << (precision - pointTransform - 1);
        int stride = columns * components;
        for (int y = 0; y < rows; y++) {
            int row = y * stride;
            for (int x = 0; x < columns; x++) {
                for (int c = 0; c < components; c++) {
                    int i = row + x * components + c;
                    int prediction;
                    if (y == 0 && x == 0) {
                        prediction = initial;
                    } else if (y == 0) {
                        prediction = out[i - components];
                    } else if (x == 0) {
                        prediction = out[i - stride];
                    } else {
                        int a = out[i - components];
                        int b = out[i - stride];
                        int cc = out[i - stride - components];
                        prediction = switch (predictor) {
                            case 1 -> a;
                            case 2 -> b;
                            case 3 -> cc;
                            case 4 -> a + b - cc;
                            case 5 -> a + ((b - cc) >> 1);
                            case 6 -> b + ((a - cc) >> 1);
                            default -> (a + b) >> 1;
                        };
                    }
                    out[i] = (char) ((prediction + difference(tables[c])) & mask);
                }
            }
        }
    }

    /** A canonical Huffman table (T.81 annex C) with a 16-bit lookup: every code is at most 16 bits. */
    static final class Huffman {
        private final short[] lookup = new short[1 << 16]; // (length << 8) | symbol; 0 = no code

        static Huffman read(LosslessJpeg j) {
            int[] counts = new int[17];
            int total = 0;
            for (int len = 1; len <= 16; len++) {
                counts[len] = j.u8();
                total += counts[len];
            }
            if (total > 256) {
                throw j.corrupt("Huffman table with " + total + " codes");
            }
            Huffman h = new Huffman();
            int code = 0;
            for (int len = 1; len <= 16; len++) {
                for (int k = 0; k < counts[len]; k++) {
                    int symbol = j.u8();
                    if (code >= 1 << len) {
                        throw j.corrupt("Huffman code lengths over-subscribe the code space");
                    }
                    int first = code << (16 - len);
                    int span = 1 << (16 - len);
                    for (int s = 0; s < span; s++) {
                        h.lookup[first + s] = (short) ((len << 8) | symbol);
                    }
                    code++;
                }
                code <<= 1;
            }
            return h;
        }

        int decode(LosslessJpeg j) {
            int entry = lookup[j.peek16()] & 0xFFFF;
            if (entry == 0) {
                throw j.corrupt("bits match no Huffman code");
            }
            j.skip(entry >> 8);
            return entry & 0xFF;
        }
    }
}
