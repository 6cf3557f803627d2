package io.rushes.engine.image;

import io.rushes.engine.color.Matrix3;
import java.util.List;

/**
 * A compiled {@link Pipeline}: a single scale and offset per CFA position and a clip, the demosaic, then one
 * fused 3×3 matrix and the transfer curve, run as one streamed pass over the frame (each row goes through
 * every stage while it is in cache). Stateless and thread-safe: build it once per executor and use it for
 * every frame.
 */
public final class Processor {
    private final boolean normalize;
    private final double[] gains;
    private final double clip;
    private final Demosaic.Method method;
    /** The fused 3×3 matrix, row-major, or null when it is the identity. */
    private final float[] matrix;
    private final Pipeline.Curve curve;
    private final List<String> plan;

    Processor(boolean normalize, double[] gains, double clip, Demosaic.Method method, Matrix3 matrix, Pipeline.Curve curve, List<String> plan) {
        this.normalize = normalize;
        this.gains = gains.clone();
        this.clip = clip;
        this.method = method;
        if (matrix == null) {
            this.matrix = null;
        } else {
            this.matrix = new float[9];
            for (int i = 0; i < 9; i++) {
                this.matrix[i] = (float) matrix.m()[i];
            }
        }
        this.curve = curve;
        this.plan = plan;
    }

    /** What the compiler kept, one line per pass (for logs and tests). */
    public List<String> plan() {
        return plan;
    }

    /**
     * Develops one frame in a single streamed pass: each row is folded from the stored values, demosaicked
     * and put through the matrix and curve while it is in cache, and lands in the returned image.
     */
    public RgbImage run(RawImage raw) {
        return run(raw, null);
    }

    /**
     * As {@link #run(RawImage)}, into {@code into} when it has the frame's size (3 floats per pixel): a task
     * developing a sequence reuses one buffer instead of faulting in a fresh 150 MB array per 12 MP frame.
     */
    public RgbImage run(RawImage raw, float[] into) {
        int w = raw.width();
        int h = raw.height();
        Demosaic.checkBayer(raw.cfaWidth(), raw.cfaHeight());
        float[] out = into != null && into.length == w * h * 3 ? into : new float[w * h * 3];
        Demosaic.stream(method, w, h, raw.cfa(), sites(raw), (y, r, g, b, odd) -> {
            emit(r, g, b, 0, (w + 1) / 2, out, y * w * 3);
            emit(r, g, b, odd, w / 2, out, y * w * 3 + 3);
        });
        return new RgbImage(w, h, out);
    }

    /** The per-photosite fold, v → min(v · scale + offset, clip), with one scale and offset per CFA position. */
    private Demosaic.MosaicRows sites(RawImage raw) {
        int w = raw.width();
        float[] scale = new float[4];
        float[] offset = new float[4];
        boolean blackPerPosition = 2 % raw.blackRepeatWidth() == 0 && 2 % raw.blackRepeatHeight() == 0;
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 2; x++) {
                double black = normalize ? raw.black(x, y) : 0;
                double s = (normalize ? 1 / (raw.whiteLevel() - black) : 1) * gains[raw.colour(x, y)];
                scale[y * 2 + x] = (float) s;
                offset[y * 2 + x] = (float) (-black * s);
            }
        }
        float clipLevel = (float) clip;
        char[] data = raw.data();
        SiteCorrection stage2 = normalize ? raw.correction() : null;
        if (stage2 != null) {
            // Normalised values first, corrected by position (a lens shading map), then white balanced and clipped.
            float[] balance = new float[4];
            for (int p = 0; p < 4; p++) {
                balance[p] = (float) gains[raw.colour(p % 2, p / 2)];
            }
            return (y, row) -> {
                int base = y * w;
                for (int x = 0; x < w; x++) {
                    double black = blackPerPosition ? raw.black(x & 1, y & 1) : raw.black(x, y);
                    row[x] = (float) ((data[base + x] - black) / (raw.whiteLevel() - black));
                }
                stage2.apply(y, row, w);
                int p = (y & 1) * 2;
                for (int x = 0; x < w; x++) {
                    row[x] = Math.min(row[x] * balance[p + (x & 1)], clipLevel);
                }
            };
        }
        return (y, row) -> {
            int base = y * w;
            if (blackPerPosition) {
                float s0 = scale[(y & 1) * 2];
                float o0 = offset[(y & 1) * 2];
                float s1 = scale[(y & 1) * 2 + 1];
                float o1 = offset[(y & 1) * 2 + 1];
                for (int x = 0; x < w; x += 2) {
                    row[x] = Math.min(data[base + x] * s0 + o0, clipLevel);
                }
                for (int x = 1; x < w; x += 2) {
                    row[x] = Math.min(data[base + x] * s1 + o1, clipLevel);
                }
            } else {
                // Black repeats over a pattern the CFA does not divide: take it per photosite.
                for (int x = 0; x < w; x++) {
                    double black = normalize ? raw.black(x, y) : 0;
                    double s = (normalize ? 1 / (raw.whiteLevel() - black) : 1) * gains[raw.colour(x, y)];
                    row[x] = Math.min((float) ((data[base + x] - black) * s), clipLevel);
                }
            }
        };
    }

    /**
     * The fused matrix and curve on {@code n} pixels of one demosaicked row (its even or its odd columns, from
     * {@code from} in the planes), interleaved into every other pixel of the output from {@code o}.
     */
    private void emit(float[] red, float[] green, float[] blue, int from, int n, float[] out, int o) {
        float[] m = matrix;
        for (int k = from, end = from + n; k < end; k++, o += 6) {
            float r = red[k];
            float g = green[k];
            float b = blue[k];
            if (m != null) {
                float nr = m[0] * r + m[1] * g + m[2] * b;
                float ng = m[3] * r + m[4] * g + m[5] * b;
                float nb = m[6] * r + m[7] * g + m[8] * b;
                r = nr;
                g = ng;
                b = nb;
            }
            out[o] = curve.apply(r);
            out[o + 1] = curve.apply(g);
            out[o + 2] = curve.apply(b);
        }
    }
}
