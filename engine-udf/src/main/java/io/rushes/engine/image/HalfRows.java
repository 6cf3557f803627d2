package io.rushes.engine.image;

/**
 * The row layout of the streaming demosaics: a row is stored as its even columns followed by its odd columns.
 * On a Bayer row the two halves are its two colours, so a kernel walks one half with unit stride and reaches the
 * photosite {@code d} columns away at a constant offset ({@link #at}): loops of plain array arithmetic that the JIT
 * can vectorise, where walking every other photosite of a natural row cannot be. Rows live in {@link Ring}s that
 * hold only the history the kernels look back over, so a frame streams through a few dozen rows of cache.
 */
final class HalfRows {
    final int width;
    /** Index of the first odd column: the length of the even half. */
    final int odd;
    final int length;

    HalfRows(int width) {
        this.width = width;
        this.odd = (width + 1) / 2;
        this.length = 2 * odd;
    }

    /** Offset, to be added to k, of the photosite {@code d} columns from column {@code 2k + parity}. */
    int at(int parity, int d) {
        int q = parity + d;
        return (q & 1) * odd + (q >> 1);
    }

    /** The first k whose column {@code 2k + parity} is at or after {@code from}. */
    static int first(int parity, int from) {
        return (from - parity + 1) >> 1;
    }

    /** One past the last k whose column {@code 2k + parity} is before {@code to}. */
    static int end(int parity, int to) {
        return (to - parity + 1) >> 1;
    }

    int index(int x) {
        return (x & 1) * odd + (x >> 1);
    }

    void split(float[] natural, float[] halves) {
        for (int k = 0, x = 0; x < width; k++, x += 2) {
            halves[k] = natural[x];
        }
        for (int k = odd, x = 1; x < width; k++, x += 2) {
            halves[k] = natural[x];
        }
    }

    /** Interleaves three planes' rows, each in halves, into natural-order RGB at {@code out[o]}. */
    static void interleave(float[] red, float[] green, float[] blue, int odd, int width, float[] out, int o) {
        for (int k = 0, i = o, end = o + 3 * width; i < end; k++, i += 6) {
            out[i] = red[k];
            out[i + 1] = green[k];
            out[i + 2] = blue[k];
        }
        for (int k = odd, i = o + 3, end = o + 3 * width; i < end; k++, i += 6) {
            out[i] = red[k];
            out[i + 1] = green[k];
            out[i + 2] = blue[k];
        }
    }

    /** The last {@code depth} rows of one quantity: row y lives until row y + depth takes its place. */
    final class Ring {
        private final float[][] rows;

        Ring(int depth) {
            rows = new float[depth][length];
        }

        float[] row(int y) {
            return rows[y % rows.length];
        }
    }
}
