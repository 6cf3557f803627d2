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
        for (int y = 0; y < h; y++) {
            boolean interior = y > 0 && y < h - 1;
            for (int x = 0; x < w; x++) {
                int o = (y * w + x) * 3;
                int own = cfa[(y & 1) * 2 + (x & 1)];
                if (interior && x > 0 && x < w - 1) {
                    int i = y * w + x;
                    float orth = (m[i - 1] + m[i + 1] + m[i - w] + m[i + w]) * 0.25f;
                    float diag = (m[i - w - 1] + m[i - w + 1] + m[i + w - 1] + m[i + w + 1]) * 0.25f;
                    float horiz = (m[i - 1] + m[i + 1]) * 0.5f;
                    float vert = (m[i - w] + m[i + w]) * 0.5f;
                    int horizColour = cfa[(y & 1) * 2 + ((x + 1) & 1)];
                    out[o + own] = m[i];
                    if (own == 1) {
                        // A green site: red and blue sit left/right on one axis and above/below on the other.
                        out[o + horizColour] = horiz;
                        out[o + (2 - horizColour)] = vert;
                    } else {
                        out[o + 1] = orth;
                        out[o + (2 - own)] = diag;
                    }
                } else {
                    edge(m, w, h, cfa, x, y, out, o);
                }
            }
        }
        return new RgbImage(w, h, out);
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
