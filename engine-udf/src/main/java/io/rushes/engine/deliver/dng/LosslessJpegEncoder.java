package io.rushes.engine.deliver.dng;

/** The lossless JPEG (ITU T.81 process 14, "LJ92") encoder of DNG tiles and strips; the decoder reads them in format/dng. */
public final class LosslessJpegEncoder {
    private LosslessJpegEncoder() {
    }

    /**
     * Encodes {@code precision}-bit samples with predictor 1 (left; above in the first column) and a Huffman table
     * shaped by the difference statistics, the {@code width} samples of each row split into {@code components}
     * interleaved components of {@code width / components} columns, as DNG writers commonly lay out Bayer rows (two
     * components: the two colours of a row). Used by the sample-card writer, so Rushes can make compressed DNGs that
     * independent decoders (dcraw, LibRaw) check.
     */
    public static byte[] encode(int[] samples, int width, int height, int components, int precision) {
        if (width % components != 0) {
            throw new IllegalArgumentException(width + " samples per row do not split into " + components + " components");
        }
        int columns = width / components;
        int[] categories = new int[samples.length];
        int[] frequency = new int[17];
        int[] diffs = new int[samples.length];
        int initial = 1 << (precision - 1);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                boolean firstColumn = x < components;
                int prediction = firstColumn && y == 0 ? initial : firstColumn ? samples[i - width] : samples[i - components];
                int d = samples[i] - prediction;
                diffs[i] = d;
                categories[i] = d == 0 ? 0 : 32 - Integer.numberOfLeadingZeros(Math.abs(d));
                frequency[categories[i]]++;
            }
        }
        // Code lengths by frequency rank: 4 of 3 bits, 4 of 4, 4 of 5, 5 of 6 (Kraft sum 61/64, so no
        // code is all ones, as T.81 requires).
        Integer[] bySymbol = new Integer[17];
        for (int k = 0; k < 17; k++) {
            bySymbol[k] = k;
        }
        java.util.Arrays.sort(bySymbol, (a, b) -> frequency[b] != frequency[a] ? frequency[b] - frequency[a] : a - b);
        int[] lengthOfRank = {3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6, 6, 6};
        int[] codeLength = new int[17];
        int[] code = new int[17];
        int[] counts = new int[17];
        int next = 0;
        int previousLength = 0;
        for (int r = 0; r < 17; r++) {
            int len = lengthOfRank[r];
            next <<= len - previousLength;
            previousLength = len;
            codeLength[bySymbol[r]] = len;
            code[bySymbol[r]] = next++;
            counts[len]++;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(samples.length * precision / 8 + 256);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC3, 0, (byte) (8 + 3 * components), (byte) precision, (byte) (height >> 8),
                (byte) height, (byte) (columns >> 8), (byte) columns, (byte) components});
        for (int k = 0; k < components; k++) {
            out.writeBytes(new byte[] {(byte) (k + 1), 0x11, 0});
        }
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC4, 0, (byte) (2 + 1 + 16 + 17), 0});
        for (int len = 1; len <= 16; len++) {
            out.write(counts[len]);
        }
        for (int r = 0; r < 17; r++) {
            out.write(bySymbol[r]);
        }
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDA, 0, (byte) (6 + 2 * components), (byte) components});
        for (int k = 0; k < components; k++) {
            out.writeBytes(new byte[] {(byte) (k + 1), 0});
        }
        out.writeBytes(new byte[] {1, 0, 0}); // predictor 1, end of selection, point transform 0
        long acc = 0;
        int bits = 0;
        for (int i = 0; i < samples.length; i++) {
            int c = categories[i];
            acc = (acc << codeLength[c]) | code[c];
            bits += codeLength[c];
            if (c > 0) {
                int d = diffs[i];
                int v = d > 0 ? d : d - 1 + (1 << c); // negative differences are sent as their ones' complement
                acc = (acc << c) | (v & ((1 << c) - 1));
                bits += c;
            }
            while (bits >= 8) {
                int b = (int) (acc >>> (bits - 8)) & 0xFF;
                out.write(b);
                if (b == 0xFF) {
                    out.write(0);
                }
                bits -= 8;
            }
        }
        if (bits > 0) {
            int b = (int) ((acc << (8 - bits)) | ((1 << (8 - bits)) - 1)) & 0xFF;
            out.write(b);
            if (b == 0xFF) {
                out.write(0);
            }
        }
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
        return out.toByteArray();
    }
}
