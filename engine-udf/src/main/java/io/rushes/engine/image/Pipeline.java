package io.rushes.engine.image;

import io.rushes.engine.color.Matrix3;
import java.util.ArrayList;
import java.util.List;

/**
 * A raw development chain, declared as a list of steps and compiled once into a {@link Processor}:
 * the per-photosite steps (black/white normalisation, per-colour gains) fold into one scale and offset per
 * CFA position, adjacent matrices multiply into one, identities are dropped. {@link #runReference} applies
 * the steps one by one in double precision, as the specification of what the compiled form must equal.
 */
public final class Pipeline {
    /** One step. */
    public sealed interface Step permits Normalize, Gains, ClipAt, DemosaicStep, MatrixStep, Encode {
    }

    /** (value − black) / (white − black), with the raw image's own levels. */
    public record Normalize() implements Step {
    }

    /** Multiplies each photosite by the gain of its CFA colour (white balance, analogue balance). */
    public record Gains(double red, double green, double blue) implements Step {
    }

    /** Clips every photosite at a level (after white balance: no magenta highlights). */
    public record ClipAt(double level) implements Step {
    }

    public record DemosaicStep(Demosaic.Method method) implements Step {
    }

    public record MatrixStep(Matrix3 matrix) implements Step {
    }

    /** A transfer curve applied last. */
    public record Encode(Curve curve) implements Step {
    }

    public enum Curve {
        LINEAR,
        /** ACEScct (S-2016-001): linear toe below 0.0078125, log2 above. */
        ACESCCT;

        float apply(float v) {
            if (this == LINEAR) {
                return v;
            }
            return (float) io.rushes.engine.color.CameraLog.ACESCCT.encode(v);
        }
    }

    private final List<Step> steps;

    public Pipeline(List<Step> steps) {
        this.steps = List.copyOf(steps);
        long demosaics = steps.stream().filter(s -> s instanceof DemosaicStep).count();
        if (demosaics != 1) {
            throw new IllegalArgumentException("a pipeline demosaics exactly once, not " + demosaics + " times");
        }
    }

    public List<Step> steps() {
        return steps;
    }

    /** The reference: every step on its own, in double precision. */
    public RgbImage runReference(RawImage raw) {
        int w = raw.width();
        int h = raw.height();
        double[] mosaic = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                mosaic[y * w + x] = raw.get(x, y);
            }
        }
        RgbImage rgb = null;
        for (Step s : steps) {
            if (rgb == null) {
                if (s instanceof Normalize) {
                    forEachSite(raw, mosaic, (x, y, v) -> (v - raw.black(x, y)) / (raw.whiteLevel() - raw.black(x, y)));
                } else if (s instanceof Gains g) {
                    forEachSite(raw, mosaic, (x, y, v) -> v * gain(g, raw.colour(x, y)));
                } else if (s instanceof ClipAt c) {
                    forEachSite(raw, mosaic, (x, y, v) -> Math.min(v, c.level()));
                } else if (s instanceof DemosaicStep d) {
                    float[] f = new float[mosaic.length];
                    for (int i = 0; i < f.length; i++) {
                        f[i] = (float) mosaic[i];
                    }
                    rgb = Demosaic.run(d.method(), f, w, h, raw.cfa(), raw.cfaWidth(), raw.cfaHeight());
                } else {
                    throw new IllegalStateException(s + " needs RGB: put it after the demosaic step");
                }
            } else {
                float[] d = rgb.data();
                if (s instanceof MatrixStep m) {
                    double[] px = new double[3];
                    for (int i = 0; i < d.length; i += 3) {
                        px[0] = d[i];
                        px[1] = d[i + 1];
                        px[2] = d[i + 2];
                        double[] r = m.matrix().apply(px);
                        d[i] = (float) r[0];
                        d[i + 1] = (float) r[1];
                        d[i + 2] = (float) r[2];
                    }
                } else if (s instanceof Encode e) {
                    for (int i = 0; i < d.length; i++) {
                        d[i] = e.curve().apply(d[i]);
                    }
                } else {
                    throw new IllegalStateException(s + " works on photosites: put it before the demosaic step");
                }
            }
        }
        return rgb;
    }

    private interface SiteFunction {
        double apply(int x, int y, double v);
    }

    private static void forEachSite(RawImage raw, double[] mosaic, SiteFunction f) {
        for (int y = 0; y < raw.height(); y++) {
            for (int x = 0; x < raw.width(); x++) {
                int i = y * raw.width() + x;
                mosaic[i] = f.apply(x, y, mosaic[i]);
            }
        }
    }

    static double gain(Gains g, int colour) {
        return colour == 0 ? g.red() : colour == 1 ? g.green() : g.blue();
    }

    /** Folds the steps into a {@link Processor}; built once, reused for every frame with the same raw layout. */
    public Processor compile() {
        // Per-photosite part: v → min((v − black) · scale[colour], clip), kept symbolic until a frame gives the levels.
        boolean normalize = false;
        double[] gains = {1, 1, 1};
        double clip = Double.POSITIVE_INFINITY;
        Demosaic.Method method = null;
        Matrix3 matrix = Matrix3.IDENTITY;
        Curve curve = Curve.LINEAR;
        List<String> plan = new ArrayList<>();
        for (Step s : steps) {
            if (s instanceof Normalize) {
                if (gains[0] != 1 || gains[1] != 1 || gains[2] != 1 || clip != Double.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException("normalise first: the levels are the raw file's");
                }
                normalize = true;
            } else if (s instanceof Gains g) {
                if (clip != Double.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException("gains after a clip cannot be folded: clip last");
                }
                for (int c = 0; c < 3; c++) {
                    gains[c] *= gain(g, c);
                }
            } else if (s instanceof ClipAt c) {
                clip = Math.min(clip, c.level());
            } else if (s instanceof DemosaicStep d) {
                method = d.method();
            } else if (s instanceof MatrixStep m) {
                matrix = m.matrix().times(matrix);
            } else if (s instanceof Encode e) {
                curve = e.curve();
            }
        }
        plan.add("sites: " + (normalize ? "normalise, " : "") + "gains " + java.util.Arrays.toString(gains)
                + (clip == Double.POSITIVE_INFINITY ? "" : ", clip " + clip));
        plan.add("demosaic " + method);
        boolean identity = matrix.isIdentity(1e-12);
        if (!identity) {
            plan.add("matrix " + matrix);
        }
        if (curve != Curve.LINEAR) {
            plan.add("encode " + curve);
        }
        return new Processor(normalize, gains, clip, method, identity ? null : matrix, curve, List.copyOf(plan));
    }
}
