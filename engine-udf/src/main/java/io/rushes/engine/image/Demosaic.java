package io.rushes.engine.image;

/**
 * Bayer demosaicking of a per-photosite float mosaic (already black-subtracted, scaled and white
 * balanced). {@link Method#BILINEAR}: each missing colour is the mean of the same-colour photosites in the
 * 3×3 neighbourhood (2 or 4 of them on a Bayer grid), for proxies and as the reference for quality.
 */
public final class Demosaic {
    public enum Method {
        /** Fast: bilinear, for proxies and thumbnails. */
        BILINEAR,
        /** High quality: Ratio Corrected Demosaicing ({@link RcdDemosaic}). */
        RCD
    }

    private Demosaic() {
    }

    public static RgbImage run(Method method, float[] mosaic, int width, int height, byte[] cfa, int cfaWidth, int cfaHeight) {
        if (cfaWidth != 2 || cfaHeight != 2) {
            throw new IllegalArgumentException("Bayer demosaicking needs a 2x2 CFA, not " + cfaWidth + "x" + cfaHeight);
        }
        return method == Method.RCD ? RcdDemosaic.run(mosaic, width, height, cfa) : bilinear(mosaic, width, height, cfa);
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
