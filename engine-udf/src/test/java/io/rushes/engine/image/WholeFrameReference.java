package io.rushes.engine.image;

/**
 * The demosaics written the plain way, one whole-frame pass per step over interleaved RGB, as the oracle
 * the streaming implementations in {@link Demosaic} and {@link RcdDemosaic} must equal bit for bit.
 */
final class WholeFrameReference {
    private static final float EPS = 1e-5f;
    private static final float EPSSQ = 1e-10f;
    private static final int BORDER = 4;

    private WholeFrameReference() {
    }

    static RgbImage rcd(float[] mosaic, int w, int h, byte[] cfa) {
        if (w < 2 * BORDER + 2 || h < 2 * BORDER + 2) {
            return bilinear(mosaic, w, h, cfa);
        }
        RgbImage base = new RgbImage(w, h, new float[w * h * 3]);
        float[] rgb = base.data();
        bilinearBorder(mosaic, w, h, cfa, BORDER, rgb);
        float[] c = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0, i = y * w; x < w; x++, i++) {
                float v = mosaic[i];
                c[i] = Math.max(0f, v);
                rgb[i * 3 + cfa[(y & 1) * 2 + (x & 1)]] = v; // recorded photosites carry their own (unclamped) values
            }
        }
        float[] vh = discrimination(c, w, h, w, 1, false, cfa);
        float[] lpf = lowPass(c, w, h);
        green(c, lpf, vh, rgb, w, h, cfa);
        float[] pq = discrimination(c, w, h, w + 1, w - 1, true, cfa);
        redBlueAtRedBlue(rgb, pq, w, h, cfa);
        redBlueAtGreen(rgb, vh, w, h, cfa);
        return base;
    }

    /**
     * Direction weight in [0, 1] along two axes given as index steps ({@code a}: vertical or NW–SE,
     * {@code b}: horizontal or NE–SW): the share of the first axis in the local high-frequency energy
     * (squared high-pass responses summed over three taps along each axis), refined by the mean of the
     * four diagonal neighbours where that is more decided. Energies are kept for three rows at a time, and
     * the refinement runs in place with one saved row, so the pass touches two image-sized arrays, not five.
     */
    private static float[] discrimination(float[] c, int w, int h, int a, int b, boolean redBlueOnly, byte[] cfa) {
        float[] dir = new float[w * h];
        int stepX = redBlueOnly ? 2 : 1;
        // Each axis step is (rows, columns) = (1, 0) vertical, (0, 1) horizontal, (1, ±1) diagonal; energies
        // are kept for rows y-1, y, y+1, indexed by column.
        int rowsA = Math.round((float) a / w);
        int colsA = a - rowsA * w;
        int rowsB = Math.round((float) b / w);
        int colsB = b - rowsB * w;
        float[][] ea = {new float[w], new float[w], new float[w]};
        float[][] eb = {new float[w], new float[w], new float[w]};
        highPassRow(c, w, BORDER - 1, a, ea[0], redBlueOnly, cfa);
        highPassRow(c, w, BORDER, a, ea[1], redBlueOnly, cfa);
        highPassRow(c, w, BORDER - 1, b, eb[0], redBlueOnly, cfa);
        highPassRow(c, w, BORDER, b, eb[1], redBlueOnly, cfa);
        for (int y = BORDER; y < h - BORDER; y++) {
            highPassRow(c, w, y + 1, a, ea[2], redBlueOnly, cfa);
            highPassRow(c, w, y + 1, b, eb[2], redBlueOnly, cfa);
            float[] aBefore = ea[1 - rowsA];
            float[] aAfter = ea[1 + rowsA];
            float[] bBefore = eb[1 - rowsB];
            float[] bAfter = eb[1 + rowsB];
            int start = redBlueOnly ? BORDER + (cfa[(y & 1) * 2 + (BORDER & 1)] == 1 ? 1 : 0) : BORDER;
            for (int x = start; x < w - BORDER; x += stepX) {
                float sa = Math.max(EPSSQ, aBefore[x - colsA] + ea[1][x] + aAfter[x + colsA]);
                float sb = Math.max(EPSSQ, bBefore[x - colsB] + eb[1][x] + bAfter[x + colsB]);
                dir[y * w + x] = sa / (sa + sb);
            }
            float[] oldest = ea[0];
            ea[0] = ea[1];
            ea[1] = ea[2];
            ea[2] = oldest;
            oldest = eb[0];
            eb[0] = eb[1];
            eb[1] = eb[2];
            eb[2] = oldest;
        }
        float[] previous = new float[w];
        float[] current = new float[w];
        System.arraycopy(dir, BORDER * w, previous, 0, w);
        for (int y = BORDER + 1; y < h - BORDER - 1; y++) {
            System.arraycopy(dir, y * w, current, 0, w);
            int start = redBlueOnly ? BORDER + 1 + (cfa[(y & 1) * 2 + ((BORDER + 1) & 1)] == 1 ? 1 : 0) : BORDER + 1;
            int below = (y + 1) * w;
            for (int x = start; x < w - BORDER - 1; x += stepX) {
                float central = current[x];
                float neighbours = 0.25f * (previous[x - 1] + previous[x + 1] + dir[below + x - 1] + dir[below + x + 1]);
                dir[y * w + x] = Math.abs(0.5f - central) < Math.abs(0.5f - neighbours) ? neighbours : central;
            }
            float[] t = previous;
            previous = current;
            current = t;
        }
        return dir;
    }

    /**
     * Squared 6th-order high-pass response along {@code step} for the photosites of row {@code y} (only red/blue
     * sites when asked), where its ±3 taps are inside the image; the row buffer is indexed by column.
     */
    private static void highPassRow(float[] c, int w, int y, int step, float[] out, boolean redBlueOnly, byte[] cfa) {
        int s2 = 2 * step;
        int s3 = 3 * step;
        int stepX = redBlueOnly ? 2 : 1;
        int start = redBlueOnly ? 3 + (cfa[(y & 1) * 2 + 1] == 1 ? 1 : 0) : 3;
        int base = y * w;
        for (int x = start; x < w - 3; x += stepX) {
            int i = base + x;
            float v = (c[i - s3] - c[i - step] - c[i + step] + c[i + s3]) - 3 * (c[i - s2] + c[i + s2]) + 6 * c[i];
            out[x] = v * v;
        }
    }

    private static float[] lowPass(float[] c, int w, int h) {
        float[] lpf = new float[w * h];
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                lpf[i] = c[i] + 0.5f * (c[i - w] + c[i + w] + c[i - 1] + c[i + 1])
                        + 0.25f * (c[i - w - 1] + c[i - w + 1] + c[i + w - 1] + c[i + w + 1]);
            }
        }
        return lpf;
    }

    private static void green(float[] c, float[] lpf, float[] vh, float[] rgb, int w, int h, byte[] cfa) {
        int w2 = 2 * w;
        int w3 = 3 * w;
        int w4 = 4 * w;
        for (int y = BORDER; y < h - BORDER; y++) {
            int start = BORDER + (cfa[(y & 1) * 2 + (BORDER & 1)] == 1 ? 1 : 0);
            for (int x = start; x < w - BORDER; x += 2) {
                int i = y * w + x;
                float nGrad = EPS + Math.abs(c[i - w] - c[i + w]) + Math.abs(c[i] - c[i - w2]) + Math.abs(c[i - w] - c[i - w3]) + Math.abs(c[i - w2] - c[i - w4]);
                float sGrad = EPS + Math.abs(c[i + w] - c[i - w]) + Math.abs(c[i] - c[i + w2]) + Math.abs(c[i + w] - c[i + w3]) + Math.abs(c[i + w2] - c[i + w4]);
                float wGrad = EPS + Math.abs(c[i - 1] - c[i + 1]) + Math.abs(c[i] - c[i - 2]) + Math.abs(c[i - 1] - c[i - 3]) + Math.abs(c[i - 2] - c[i - 4]);
                float eGrad = EPS + Math.abs(c[i + 1] - c[i - 1]) + Math.abs(c[i] - c[i + 2]) + Math.abs(c[i + 1] - c[i + 3]) + Math.abs(c[i + 2] - c[i + 4]);
                float l = lpf[i];
                // Each neighbour's green, corrected by the ratio of the low-pass image here and beyond it.
                float nEst = c[i - w] * 2 * l / (EPS + l + lpf[i - w2]);
                float sEst = c[i + w] * 2 * l / (EPS + l + lpf[i + w2]);
                float wEst = c[i - 1] * 2 * l / (EPS + l + lpf[i - 2]);
                float eEst = c[i + 1] * 2 * l / (EPS + l + lpf[i + 2]);
                float vEst = (sGrad * nEst + nGrad * sEst) / (nGrad + sGrad);
                float hEst = (wGrad * eEst + eGrad * wEst) / (eGrad + wGrad);
                rgb[i * 3 + 1] = vh[i] * hEst + (1 - vh[i]) * vEst;
            }
        }
    }

    private static void redBlueAtRedBlue(float[] rgb, float[] pq, int w, int h, byte[] cfa) {
        int w1 = w * 3;
        for (int y = BORDER; y < h - BORDER; y++) {
            int start = BORDER + (cfa[(y & 1) * 2 + (BORDER & 1)] == 1 ? 1 : 0);
            for (int x = start; x < w - BORDER; x += 2) {
                int i = y * w + x;
                int c = 2 - cfa[(y & 1) * 2 + (x & 1)];
                int p = i * 3;
                float g = rgb[p + 1];
                int nw = p - w1 - 3;
                int ne = p - w1 + 3;
                int sw = p + w1 - 3;
                int se = p + w1 + 3;
                float nwGrad = EPS + Math.abs(rgb[nw + c] - rgb[se + c]) + Math.abs(rgb[nw + c] - rgb[p - 3 * w1 - 9 + c]) + Math.abs(g - rgb[p - 2 * w1 - 6 + 1]);
                float neGrad = EPS + Math.abs(rgb[ne + c] - rgb[sw + c]) + Math.abs(rgb[ne + c] - rgb[p - 3 * w1 + 9 + c]) + Math.abs(g - rgb[p - 2 * w1 + 6 + 1]);
                float swGrad = EPS + Math.abs(rgb[sw + c] - rgb[ne + c]) + Math.abs(rgb[sw + c] - rgb[p + 3 * w1 - 9 + c]) + Math.abs(g - rgb[p + 2 * w1 - 6 + 1]);
                float seGrad = EPS + Math.abs(rgb[se + c] - rgb[nw + c]) + Math.abs(rgb[se + c] - rgb[p + 3 * w1 + 9 + c]) + Math.abs(g - rgb[p + 2 * w1 + 6 + 1]);
                float nwEst = rgb[nw + c] - rgb[nw + 1];
                float neEst = rgb[ne + c] - rgb[ne + 1];
                float swEst = rgb[sw + c] - rgb[sw + 1];
                float seEst = rgb[se + c] - rgb[se + 1];
                float pEst = (nwGrad * seEst + seGrad * nwEst) / (nwGrad + seGrad);
                float qEst = (neGrad * swEst + swGrad * neEst) / (neGrad + swGrad);
                rgb[p + c] = g + (1 - pq[i]) * pEst + pq[i] * qEst;
            }
        }
    }

    private static void redBlueAtGreen(float[] rgb, float[] vh, int w, int h, byte[] cfa) {
        int w1 = w * 3;
        for (int y = BORDER; y < h - BORDER; y++) {
            int start = BORDER + (cfa[(y & 1) * 2 + (BORDER & 1)] == 1 ? 0 : 1);
            for (int x = start; x < w - BORDER; x += 2) {
                int i = y * w + x;
                int p = i * 3;
                float g = rgb[p + 1];
                for (int c = 0; c <= 2; c += 2) {
                    float nGrad = EPS + Math.abs(g - rgb[p - 2 * w1 + 1]) + Math.abs(rgb[p - w1 + c] - rgb[p + w1 + c]) + Math.abs(rgb[p - w1 + c] - rgb[p - 3 * w1 + c]);
                    float sGrad = EPS + Math.abs(g - rgb[p + 2 * w1 + 1]) + Math.abs(rgb[p + w1 + c] - rgb[p - w1 + c]) + Math.abs(rgb[p + w1 + c] - rgb[p + 3 * w1 + c]);
                    float wGrad = EPS + Math.abs(g - rgb[p - 6 + 1]) + Math.abs(rgb[p - 3 + c] - rgb[p + 3 + c]) + Math.abs(rgb[p - 3 + c] - rgb[p - 9 + c]);
                    float eGrad = EPS + Math.abs(g - rgb[p + 6 + 1]) + Math.abs(rgb[p + 3 + c] - rgb[p - 3 + c]) + Math.abs(rgb[p + 3 + c] - rgb[p + 9 + c]);
                    float nEst = rgb[p - w1 + c] - rgb[p - w1 + 1];
                    float sEst = rgb[p + w1 + c] - rgb[p + w1 + 1];
                    float wEst = rgb[p - 3 + c] - rgb[p - 3 + 1];
                    float eEst = rgb[p + 3 + c] - rgb[p + 3 + 1];
                    float vEst = (nGrad * sEst + sGrad * nEst) / (nGrad + sGrad);
                    float hEst = (eGrad * wEst + wGrad * eEst) / (eGrad + wGrad);
                    rgb[p + c] = g + (1 - vh[i]) * vEst + vh[i] * hEst;
                }
            }
        }
    }

    static RgbImage bilinear(float[] m, int w, int h, byte[] cfa) {
        float[] out = new float[w * h * 3];
        if (w >= 4 && h >= 3) {
            for (int y = 1; y < h - 1; y++) {
                int own0 = cfa[(y & 1) * 2 + 1]; // colour at odd columns of this row, starting from x = 1
                int own1 = cfa[(y & 1) * 2];     // colour at even columns
                int x = 1;
                // Pairs of photosites (x, x+1): one green, one red or blue; each kind has its own branch-free body.
                for (; x + 1 < w - 1; x += 2) {
                    site(m, w, out, y * w + x, own0, own1);
                    site(m, w, out, y * w + x + 1, own1, own0);
                }
                if (x < w - 1) {
                    site(m, w, out, y * w + x, own0, own1);
                }
            }
        }
        bilinearBorder(m, w, h, cfa, 1, out);
        return new RgbImage(w, h, out);
    }

    /** One interior photosite of colour {@code own}, whose left/right neighbours are {@code side}. */
    private static void site(float[] m, int w, float[] out, int i, int own, int side) {
        int o = i * 3;
        out[o + own] = m[i];
        if (own == 1) {
            // Green: the colour beside it left/right, the other one above/below.
            out[o + side] = (m[i - 1] + m[i + 1]) * 0.5f;
            out[o + 2 - side] = (m[i - w] + m[i + w]) * 0.5f;
        } else {
            out[o + 1] = (m[i - 1] + m[i + 1] + m[i - w] + m[i + w]) * 0.25f;
            out[o + 2 - own] = (m[i - w - 1] + m[i - w + 1] + m[i + w - 1] + m[i + w + 1]) * 0.25f;
        }
    }

    /** Bilinear values for the {@code border}-pixel frame of the image only (what a wider kernel cannot reach). */
    static void bilinearBorder(float[] m, int w, int h, byte[] cfa, int border, float[] out) {
        for (int y = 0; y < h; y++) {
            boolean band = y < border || y >= h - border;
            for (int x = 0; x < w; x++) {
                if (band || x < border || x >= w - border) {
                    edge(m, w, h, cfa, x, y, out, (y * w + x) * 3);
                }
            }
        }
    }

    /** Border photosites: the mean of whichever same-colour neighbours exist. */
    private static void edge(float[] m, int w, int h, byte[] cfa, int x, int y, float[] out, int o) {
        float[] sum = new float[3];
        int[] n = new int[3];
        int own = cfa[(y & 1) * 2 + (x & 1)];
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int xx = x + dx;
                int yy = y + dy;
                if (xx < 0 || yy < 0 || xx >= w || yy >= h) {
                    continue;
                }
                int c = cfa[(yy & 1) * 2 + (xx & 1)];
                sum[c] += m[yy * w + xx];
                n[c]++;
            }
        }
        for (int c = 0; c < 3; c++) {
            out[o + c] = c == own ? m[y * w + x] : n[c] == 0 ? 0 : sum[c] / n[c];
        }
    }
}
