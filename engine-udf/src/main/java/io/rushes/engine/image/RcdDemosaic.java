package io.rushes.engine.image;

/**
 * Ratio Corrected Demosaicing (Luis Sanz Rodríguez, v2.3 formulation), the high-quality mode. Chosen over
 * AMaZE because it matches it on real sensor data while being a fraction of the code and the arithmetic,
 * with no lookup tables or iterative refinement: every output pixel is a fixed, branch-light function of
 * its 9×9 neighbourhood, which is what keeps it fast on one core and lets a region of interest be decoded
 * with a 4-pixel margin. Steps: (1) vertical/horizontal discrimination from squared 6th-order high-pass
 * responses; (2) a low-pass image at red/blue sites; (3) green at red/blue by gradient-weighted,
 * ratio-corrected cardinal estimates; (4) red/blue at blue/red by diagonal colour differences with their own
 * discrimination, then red/blue at green by cardinal colour differences. The 4-pixel border is bilinear.
 * Inputs are clamped at 0 inside the estimator (the ratios need non-negative data); recorded photosites
 * keep their own values.
 */
final class RcdDemosaic {
    private static final float EPS = 1e-5f;
    private static final float EPSSQ = 1e-10f;
    private static final int BORDER = 4;

    private RcdDemosaic() {
    }

    static RgbImage run(float[] mosaic, int w, int h, byte[] cfa) {
        if (w < 2 * BORDER + 2 || h < 2 * BORDER + 2) {
            return Demosaic.bilinear(mosaic, w, h, cfa);
        }
        RgbImage base = new RgbImage(w, h, new float[w * h * 3]);
        float[] rgb = base.data();
        Demosaic.bilinearBorder(mosaic, w, h, cfa, BORDER, rgb);
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
     * {@code b}: horizontal or NE–SW): the share of the first axis in the local high-frequency energy,
     * refined by the mean of the four diagonal neighbours where that is more decided.
     */
    private static float[] discrimination(float[] c, int w, int h, int a, int b, boolean redBlueOnly, byte[] cfa) {
        float[] ea = new float[w * h];
        float[] eb = new float[w * h];
        highPassSquared(c, w, h, a, b, ea, eb, redBlueOnly, cfa);
        float[] dir = new float[w * h];
        // Diagonal discrimination is only used at red/blue sites, whose diagonal neighbours are red/blue too.
        int stepX = redBlueOnly ? 2 : 1;
        for (int y = BORDER; y < h - BORDER; y++) {
            int start = redBlueOnly ? BORDER + (cfa[(y & 1) * 2 + (BORDER & 1)] == 1 ? 1 : 0) : BORDER;
            for (int x = start; x < w - BORDER; x += stepX) {
                int i = y * w + x;
                float sa = Math.max(EPSSQ, ea[i - a] + ea[i] + ea[i + a]);
                float sb = Math.max(EPSSQ, eb[i - b] + eb[i] + eb[i + b]);
                dir[i] = sa / (sa + sb);
            }
        }
        float[] refined = ea; // reused: the energies are no longer needed
        System.arraycopy(dir, 0, refined, 0, dir.length);
        for (int y = BORDER + 1; y < h - BORDER - 1; y++) {
            int start = redBlueOnly ? BORDER + 1 + (cfa[(y & 1) * 2 + ((BORDER + 1) & 1)] == 1 ? 1 : 0) : BORDER + 1;
            for (int x = start; x < w - BORDER - 1; x += stepX) {
                int i = y * w + x;
                float central = dir[i];
                float neighbours = 0.25f * (dir[i - w - 1] + dir[i - w + 1] + dir[i + w - 1] + dir[i + w + 1]);
                refined[i] = Math.abs(0.5f - central) < Math.abs(0.5f - neighbours) ? neighbours : central;
            }
        }
        return refined;
    }

    /** Squares of the 6th-order high-pass responses along two steps, where their ±3 taps are inside the image. */
    private static void highPassSquared(float[] c, int w, int h, int a, int b, float[] ea, float[] eb, boolean redBlueOnly, byte[] cfa) {
        int a2 = 2 * a;
        int a3 = 3 * a;
        int b2 = 2 * b;
        int b3 = 3 * b;
        int stepX = redBlueOnly ? 2 : 1;
        for (int y = 3; y < h - 3; y++) {
            int start = redBlueOnly ? 3 + (cfa[(y & 1) * 2 + 1] == 1 ? 1 : 0) : 3;
            for (int x = start, i = y * w + start; x < w - 3; x += stepX, i += stepX) {
                float ci = 6 * c[i];
                float va = (c[i - a3] - c[i - a] - c[i + a] + c[i + a3]) - 3 * (c[i - a2] + c[i + a2]) + ci;
                float vb = (c[i - b3] - c[i - b] - c[i + b] + c[i + b3]) - 3 * (c[i - b2] + c[i + b2]) + ci;
                ea[i] = va * va;
                eb[i] = vb * vb;
            }
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
}
