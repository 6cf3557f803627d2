package io.rushes.engine.image;

import io.rushes.engine.color.Matrix3;
import java.util.List;

/**
 * A compiled {@link Pipeline}: one pass over the photosites with a single scale and offset per CFA position
 * and a clip, the demosaic, then one fused 3×3 matrix and the transfer curve in one pass over the pixels.
 * Stateless and thread-safe: build it once per executor and use it for every frame.
 */
public final class Processor {
    private final boolean normalize;
    private final double[] gains;
    private final double clip;
    private final Demosaic.Method method;
    private final Matrix3 matrix;
    private final Pipeline.Curve curve;
    private final List<String> plan;

    Processor(boolean normalize, double[] gains, double clip, Demosaic.Method method, Matrix3 matrix, Pipeline.Curve curve, List<String> plan) {
        this.normalize = normalize;
        this.gains = gains.clone();
        this.clip = clip;
        this.method = method;
        this.matrix = matrix;
        this.curve = curve;
        this.plan = plan;
    }

    /** What the compiler kept, one line per pass (for logs and tests). */
    public List<String> plan() {
        return plan;
    }

    public RgbImage run(RawImage raw) {
        int w = raw.width();
        int h = raw.height();
        int cw = raw.cfaWidth();
        int ch = raw.cfaHeight();
        // Scale and offset per CFA position (black may vary over its own repeat; take it per position when it
        // divides the CFA repeat, else per photosite below).
        boolean blackPerPosition = cw % raw.blackRepeatWidth() == 0 && ch % raw.blackRepeatHeight() == 0;
        float[] scale = new float[cw * ch];
        float[] offset = new float[cw * ch];
        for (int y = 0; y < ch; y++) {
            for (int x = 0; x < cw; x++) {
                double black = normalize ? raw.black(x, y) : 0;
                double s = (normalize ? 1 / (raw.whiteLevel() - black) : 1) * gains[raw.colour(x, y)];
                scale[y * cw + x] = (float) s;
                offset[y * cw + x] = (float) (-black * s);
            }
        }
        float clipLevel = (float) clip;
        char[] data = raw.data();
        float[] mosaic = new float[w * h];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int p = (y % ch) * cw;
            for (int x = 0; x < w; x++) {
                int k = p + x % cw;
                float v;
                if (blackPerPosition) {
                    v = data[row + x] * scale[k] + offset[k];
                } else {
                    double black = normalize ? raw.black(x, y) : 0;
                    double s = (normalize ? 1 / (raw.whiteLevel() - black) : 1) * gains[raw.colour(x, y)];
                    v = (float) ((data[row + x] - black) * s);
                }
                mosaic[row + x] = Math.min(v, clipLevel);
            }
        }
        RgbImage rgb = Demosaic.run(method, mosaic, w, h, raw.cfa(), cw, ch);
        if (matrix != null || curve != Pipeline.Curve.LINEAR) {
            float[] d = rgb.data();
            double[] mm = matrix == null ? null : matrix.m();
            float m0 = 0, m1 = 0, m2 = 0, m3 = 0, m4 = 0, m5 = 0, m6 = 0, m7 = 0, m8 = 0;
            if (mm != null) {
                m0 = (float) mm[0]; m1 = (float) mm[1]; m2 = (float) mm[2];
                m3 = (float) mm[3]; m4 = (float) mm[4]; m5 = (float) mm[5];
                m6 = (float) mm[6]; m7 = (float) mm[7]; m8 = (float) mm[8];
            }
            for (int i = 0; i < d.length; i += 3) {
                float r = d[i];
                float g = d[i + 1];
                float b = d[i + 2];
                if (mm != null) {
                    float nr = m0 * r + m1 * g + m2 * b;
                    float ng = m3 * r + m4 * g + m5 * b;
                    float nb = m6 * r + m7 * g + m8 * b;
                    r = nr;
                    g = ng;
                    b = nb;
                }
                d[i] = curve.apply(r);
                d[i + 1] = curve.apply(g);
                d[i + 2] = curve.apply(b);
            }
        }
        return rgb;
    }
}
