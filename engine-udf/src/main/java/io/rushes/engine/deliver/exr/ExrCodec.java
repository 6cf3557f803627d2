package io.rushes.engine.deliver.exr;

import io.rushes.engine.error.Errors;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The chunk codecs of RLE, ZIPS and ZIP (OpenEXR's internal_rle.c and internal_zip.c), and PIZ ({@link ExrPiz}). Both first split the bytes
 * into even and odd halves (the low and high bytes of most samples) and replace each byte by its difference from the
 * one before plus 128, which turns smooth images into runs of small numbers; RLE then codes runs, ZIP deflates with
 * zlib. A chunk that would not shrink is stored as it is, and a reader knows it by its size.
 */
final class ExrCodec {
    /** OpenEXR's default zlib level (EXR_DEFAULT_ZLIB_COMPRESS_LEVEL). */
    static final int ZIP_LEVEL = 4;
    private static final int MIN_RUN = 3;
    private static final int MAX_RUN = 127;

    private ExrCodec() {
    }

    /**
     * The stored bytes of one chunk of {@code lines} lines of {@code width} pixels whose channels have {@code words[c]}
     * 16-bit words per sample: compressed, or {@code raw} itself when compressing would not make it smaller.
     */
    static byte[] compress(ExrCompression compression, byte[] raw, int width, int lines, int[] words) {
        byte[] packed = switch (compression) {
            case NONE -> raw;
            case RLE -> rle(predict(raw));
            case ZIPS, ZIP -> deflate(predict(raw));
            case PIZ -> ExrPiz.compress(raw, width, lines, words);
            default -> throw new IllegalArgumentException("no encoder for " + compression);
        };
        return packed.length < raw.length ? packed : raw;
    }

    /**
     * As {@link #compress(ExrCompression, byte[], int, int, int[])} for every compression, DWAA and DWAB included
     * (which code each channel by its name and type, given by {@code layout}).
     */
    static byte[] compress(ExrCompression compression, byte[] raw, int width, int lines, ExrDwa.Layout layout) {
        if (compression.dwa()) {
            byte[] packed = ExrDwa.compress(raw, width, lines, layout);
            return packed.length < raw.length ? packed : raw;
        }
        return compress(compression, raw, width, lines, layout.words());
    }

    /** As {@link #decompress(ExrCompression, byte[], int, int, int, int[], String, long)}, DWAA and DWAB included. */
    static byte[] decompress(ExrCompression compression, byte[] packed, int rawSize, int width, int lines, ExrDwa.Layout layout,
            String file, long offset) {
        if (compression.dwa() && packed.length != rawSize) {
            return ExrDwa.decompress(packed, rawSize, width, lines, layout, file, offset);
        }
        return decompress(compression, packed, rawSize, width, lines, layout.words(), file, offset);
    }

    /**
     * The {@code rawSize} bytes of one stored chunk of {@code packed.length} bytes at {@code offset} in {@code file};
     * a chunk of exactly {@code rawSize} bytes was stored uncompressed.
     */
    static byte[] decompress(ExrCompression compression, byte[] packed, int rawSize, int width, int lines, int[] words, String file,
            long offset) {
        if (packed.length == rawSize) {
            return packed;
        }
        if (compression == ExrCompression.PIZ) {
            return ExrPiz.decompress(packed, rawSize, width, lines, words, file, offset);
        }
        byte[] predicted = switch (compression) {
            case RLE -> unrle(packed, rawSize, file, offset);
            case ZIPS, ZIP -> inflate(packed, 0, packed.length, rawSize, "a ZIP chunk", file, offset);
            default -> throw Errors.corrupt(file, offset, "a " + compression + " chunk holds " + packed.length + " bytes where "
                    + rawSize + " are expected");
        };
        return unpredict(predicted);
    }

    /** The split into even and odd bytes and the differences, in one pass: each byte's predecessor is the one before it in the split order. */
    static byte[] predict(byte[] raw) {
        int n = raw.length;
        byte[] out = new byte[n];
        if (n == 0) {
            return out;
        }
        int half = (n + 1) / 2;
        int previous = raw[0];
        out[0] = raw[0];
        for (int j = 1, i = 2; j < half; j++, i += 2) {
            int current = raw[i];
            out[j] = (byte) (current - previous + 128);
            previous = current;
        }
        for (int j = half, i = 1; j < n; j++, i += 2) {
            int current = raw[i];
            out[j] = (byte) (current - previous + 128);
            previous = current;
        }
        return out;
    }

    static byte[] unpredict(byte[] predicted) {
        int n = predicted.length;
        for (int i = 1; i < n; i++) {
            predicted[i] = (byte) (predicted[i - 1] + predicted[i] - 128);
        }
        byte[] out = new byte[n];
        int half = (n + 1) / 2;
        for (int i = 0, even = 0, odd = half; i < n; i += 2) {
            out[i] = predicted[even++];
            if (i + 1 < n) {
                out[i + 1] = predicted[odd++];
            }
        }
        return out;
    }

    /** Runs of 3 to 128 equal bytes as (count - 1, byte); anything else as (-length, bytes…) of up to 127. */
    static byte[] rle(byte[] in) {
        int n = in.length;
        byte[] out = new byte[n + 2 * MAX_RUN + 2];
        int o = 0;
        int start = 0;
        int end = 1;
        while (start < n) {
            while (end < n && in[start] == in[end] && end - start - 1 < MAX_RUN) {
                end++;
            }
            if (end - start >= MIN_RUN) {
                out[o++] = (byte) (end - start - 1);
                out[o++] = in[start];
                start = end;
            } else {
                while (end < n && (end + 1 >= n || in[end] != in[end + 1] || end + 2 >= n || in[end + 1] != in[end + 2])
                        && end - start < MAX_RUN) {
                    end++;
                }
                out[o++] = (byte) (start - end);
                System.arraycopy(in, start, out, o, end - start);
                o += end - start;
                start = end;
            }
            end++;
            if (o >= n) {
                return in; // would not shrink: the caller stores the chunk raw
            }
        }
        return java.util.Arrays.copyOf(out, o);
    }

    static byte[] unrle(byte[] in, int rawSize, String file, long offset) {
        byte[] out = new byte[rawSize];
        int i = 0;
        int o = 0;
        while (i < in.length) {
            int count = in[i++];
            if (count < 0) {
                int literal = -count;
                if (literal > in.length - i || literal > rawSize - o) {
                    throw Errors.corrupt(file, offset + i, "an RLE literal of " + literal + " bytes runs past its chunk");
                }
                System.arraycopy(in, i, out, o, literal);
                i += literal;
                o += literal;
            } else {
                int run = count + 1;
                if (i >= in.length || run > rawSize - o) {
                    throw Errors.corrupt(file, offset + i, "an RLE run of " + run + " bytes runs past its chunk");
                }
                java.util.Arrays.fill(out, o, o + run, in[i++]);
                o += run;
            }
        }
        if (o != rawSize) {
            throw Errors.corrupt(file, offset, "an RLE chunk decodes to " + o + " bytes, " + rawSize + " expected");
        }
        return out;
    }

    private static byte[] deflate(byte[] in) {
        Deflater deflater = new Deflater(ZIP_LEVEL);
        try {
            deflater.setInput(in);
            deflater.finish();
            byte[] out = new byte[in.length];
            int o = 0;
            while (!deflater.finished()) {
                if (o == out.length) {
                    return in; // would not shrink
                }
                o += deflater.deflate(out, o, out.length - o);
            }
            return java.util.Arrays.copyOf(out, o);
        } finally {
            deflater.end();
        }
    }

    /**
     * {@code size} zlib bytes of {@code in} at {@code at}, inflated to exactly {@code rawSize}: anything else is
     * {@code what} (e.g. "a ZIP chunk") damaged at {@code offset}.
     */
    static byte[] inflate(byte[] in, int at, int size, int rawSize, String what, String file, long offset) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(in, at, size);
            byte[] out = new byte[rawSize];
            int o = 0;
            while (o < rawSize && !inflater.finished()) {
                int n = inflater.inflate(out, o, rawSize - o);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                o += n;
            }
            if (o != rawSize || !inflater.finished()) {
                throw Errors.corrupt(file, offset, what + " inflates to " + (o == rawSize ? "more than " : "") + o + " bytes, " + rawSize
                        + " expected");
            }
            return out;
        } catch (DataFormatException e) {
            throw Errors.corrupt(file, offset, what + " is not valid zlib data (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
    }
}
