package io.rushes.engine.color;

import io.rushes.engine.color.clf.ClfNode;
import io.rushes.engine.error.Errors;
import io.rushes.engine.error.RushesException;
import java.util.Locale;
import java.util.Random;

/**
 * A pipeline baked into a 3D LUT for monitors and fast previews: sampled on an n³ lattice over [0, 1]³ of the input,
 * optionally through a shaper (ACEScct, for scene-linear ACES2065-1 input, whose range a linear lattice would waste),
 * looked up tetrahedrally. {@link #error} measures the bake against the exact pipeline, the error budget to report.
 */
public final class LutBake implements ColorProcessor {
    public enum Shaper {
        /** The input is already in [0, 1] (camera log, ACEScct, display code values). */
        NONE,
        /**
         * The input is scene-linear ACES2065-1, converted to ACEScct (AP1 primaries, then its log curve) for the lattice:
         * the log spreads the scene range over [0, 1], and in AP1 the lattice's faces lie on the gamut edges where the
         * ACES output transforms clip (AP0 lattice cells cut across them: twice the error at the 99th percentile).
         */
        ACESCCT
    }

    private final int size;
    private final Shaper shaper;
    private final ClfNode.Lut3d lut;
    private final String source;

    private LutBake(int size, Shaper shaper, float[] table, String source) {
        this.size = size;
        this.shaper = shaper;
        this.lut = new ClfNode.Lut3d(size, table, true);
        this.source = source;
    }

    /** Fewest and most lattice points per axis: CLF's largest LUT3D, and what monitors and graders load (33, 65). */
    public static final int MIN_SIZE = 2;
    public static final int MAX_SIZE = 129;

    /** Whether a bake of {@code size}³ points can be made. */
    public static boolean isLatticeSize(int size) {
        return size >= MIN_SIZE && size <= MAX_SIZE;
    }

    /** The error for a size outside {@link #isLatticeSize}; {@code alternatives} says what else the caller accepts. */
    public static RushesException badSize(int size, String alternatives) {
        return Errors.invalidArgument("the LUT size " + size + " is outside " + MIN_SIZE + " to " + MAX_SIZE + " points per axis" + alternatives,
                "Use 33 for monitors or 65 for grading");
    }

    /** Samples {@code pipeline} on a size³ lattice (CLF order: blue fastest). */
    public static LutBake bake(ColorPipeline pipeline, int size, Shaper shaper) {
        if (!isLatticeSize(size)) {
            throw badSize(size, "");
        }
        float[] table = new float[size * size * size * 3];
        double[] rgb = new double[3];
        for (int r = 0, o = 0; r < size; r++) {
            for (int g = 0; g < size; g++) {
                for (int b = 0; b < size; b++, o += 3) {
                    rgb[0] = r / (size - 1.0);
                    rgb[1] = g / (size - 1.0);
                    rgb[2] = b / (size - 1.0);
                    unshape(shaper, rgb);
                    pipeline.apply(rgb);
                    table[o] = (float) rgb[0];
                    table[o + 1] = (float) rgb[1];
                    table[o + 2] = (float) rgb[2];
                }
            }
        }
        return new LutBake(size, shaper, table, pipeline.describe());
    }

    private static final Matrix3 AP0_TO_AP1 = Gamut.AP1.primaries().xyzToRgb().times(Gamut.AP0.primaries().rgbToXyz());
    private static final Matrix3 AP1_TO_AP0 = AP0_TO_AP1.inverse();

    /** A lattice coordinate (in place) back to the pipeline's input. */
    private static void unshape(Shaper shaper, double[] rgb) {
        if (shaper == Shaper.ACESCCT) {
            for (int i = 0; i < 3; i++) {
                rgb[i] = CameraLog.ACESCCT.decode(rgb[i]);
            }
            AP1_TO_AP0.applyInPlace(rgb);
        }
    }

    /** The baked LUT on one triplet. */
    @Override
    public void apply(double[] rgb) {
        if (shaper == Shaper.ACESCCT) {
            AP0_TO_AP1.applyInPlace(rgb);
            for (int i = 0; i < 3; i++) {
                rgb[i] = CameraLog.ACESCCT.encode(rgb[i]);
            }
        }
        lut.apply(rgb);
    }

    @Override
    public String describe() {
        return size + "³ LUT" + (shaper == Shaper.ACESCCT ? " (ACEScct shaper)" : "") + " of " + source;
    }

    /** How far a bake is from the exact pipeline: the largest, 99th-percentile and mean absolute difference per channel. */
    public record Error(double max, double p99, double mean) {
    }

    /**
     * The bake against {@code exact} over {@code samples} random inputs spread evenly over the LUT's (shaped) domain.
     * The maximum sits where the pipeline clips (gamut and range limits of the display), which no lattice follows; the
     * 99th percentile is the budget for ordinary images.
     */
    public Error error(ColorPipeline exact, int samples, long seed) {
        Random random = new Random(seed);
        double[] diffs = new double[samples * 3];
        double[] a = new double[3];
        double[] b = new double[3];
        double sum = 0;
        for (int n = 0; n < samples; n++) {
            for (int i = 0; i < 3; i++) {
                a[i] = random.nextDouble();
            }
            unshape(shaper, a);
            System.arraycopy(a, 0, b, 0, 3);
            exact.apply(a);
            apply(b);
            for (int i = 0; i < 3; i++) {
                diffs[n * 3 + i] = Math.abs(a[i] - b[i]);
                sum += diffs[n * 3 + i];
            }
        }
        java.util.Arrays.sort(diffs);
        return new Error(diffs[diffs.length - 1], diffs[(int) (diffs.length * 0.99)], sum / diffs.length);
    }

    /** The LUT as a .cube file (Resolve/Adobe): red fastest, LUT_3D_SIZE; a shaper cannot be expressed in plain .cube. */
    public String toCube(String title) {
        if (shaper != Shaper.NONE) {
            throw new IllegalStateException("a .cube carries no shaper: bake with Shaper.NONE (log or display-referred input), or write CLF");
        }
        StringBuilder s = new StringBuilder();
        s.append("TITLE \"").append(title.replace('"', '\'')).append("\"\n");
        s.append("LUT_3D_SIZE ").append(size).append('\n');
        s.append("DOMAIN_MIN 0.0 0.0 0.0\nDOMAIN_MAX 1.0 1.0 1.0\n");
        float[] t = lut.table();
        for (int b = 0; b < size; b++) {
            for (int g = 0; g < size; g++) {
                for (int r = 0; r < size; r++) {
                    int o = ((r * size + g) * size + b) * 3;
                    s.append(String.format(Locale.ROOT, "%.7f %.7f %.7f%n", t[o], t[o + 1], t[o + 2]));
                }
            }
        }
        return s.toString();
    }

    /**
     * The LUT as an Academy/ASC Common LUT Format v3 file: the shaper as a Matrix (AP0 → AP1) and a Log node (ACEScct's
     * parameters), then a LUT3D.
     */
    public String toClf(String id, String description) {
        StringBuilder s = new StringBuilder();
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append("<ProcessList id=\"").append(xml(id)).append("\" compCLFversion=\"3.0\" xmlns=\"urn:AMPAS:CLF:v3.0\">\n");
        s.append("  <Description>").append(xml(description)).append("</Description>\n");
        if (shaper == Shaper.ACESCCT) {
            s.append("  <Matrix inBitDepth=\"32f\" outBitDepth=\"32f\">\n    <Description>ACES2065-1 to ACEScg (AP0 to AP1)</Description>\n");
            double[] m = AP0_TO_AP1.m();
            s.append("    <Array dim=\"3 3\">\n");
            for (int row = 0; row < 3; row++) {
                s.append(String.format(Locale.ROOT, "      %.12f %.12f %.12f%n", m[3 * row], m[3 * row + 1], m[3 * row + 2]));
            }
            s.append("    </Array>\n  </Matrix>\n");
            s.append("  <Log inBitDepth=\"32f\" outBitDepth=\"32f\" style=\"cameraLinToLog\">\n");
            s.append("    <Description>ACEScct shaper</Description>\n");
            s.append("    <LogParams base=\"2\" logSideSlope=\"").append(1 / 17.52).append("\" logSideOffset=\"").append(9.72 / 17.52)
                    .append("\" linSideSlope=\"1\" linSideOffset=\"0\" linSideBreak=\"0.0078125\"/>\n");
            s.append("  </Log>\n");
        }
        s.append("  <LUT3D inBitDepth=\"32f\" outBitDepth=\"32f\" interpolation=\"tetrahedral\">\n");
        s.append("    <Array dim=\"").append(size).append(' ').append(size).append(' ').append(size).append(" 3\">\n");
        float[] t = lut.table();
        for (int i = 0; i < t.length; i += 3) {
            s.append(String.format(Locale.ROOT, "      %.7f %.7f %.7f%n", t[i], t[i + 1], t[i + 2]));
        }
        s.append("    </Array>\n  </LUT3D>\n</ProcessList>\n");
        return s.toString();
    }

    private static String xml(String v) {
        return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
