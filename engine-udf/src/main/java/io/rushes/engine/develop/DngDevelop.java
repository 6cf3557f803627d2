package io.rushes.engine.develop;

import io.rushes.engine.color.ChromaticAdaptation;
import io.rushes.engine.color.Chromaticities;
import io.rushes.engine.color.Matrix3;
import io.rushes.engine.error.Errors;
import io.rushes.engine.image.Demosaic;
import io.rushes.engine.image.Pipeline;
import io.rushes.engine.image.RawImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The development chain of a DNG, declared as {@link Pipeline} steps: normalise to the file's black and
 * white levels, white balance by the camera neutral, clip at the white balanced clip point (so clipped
 * highlights stay neutral instead of turning magenta), demosaic, then the DNG colour model to XYZ D50,
 * Bradford to the ACES white, and the output encoding.
 */
public final class DngDevelop {
    public enum Output {
        /** White-balanced camera RGB (neutral = 1, 1, 1). */
        CAMERA_RGB,
        ACES2065_1,
        ACESCG,
        ACESCCT
    }

    private DngDevelop() {
    }

    /**
     * Refuses levels no value can be developed between: the WhiteLevel must lie above every BlackLevel (a WhiteLevel of
     * 0, or one at or under the black, scales every photosite to nonsense such as −41 to 5 instead of 0 to 1).
     */
    public static void checkLevels(RawImage raw, String file, long offset) {
        double black = Double.NEGATIVE_INFINITY;
        for (double b : raw.blackLevels()) {
            black = Double.isNaN(b) ? Double.NaN : Math.max(black, b);
        }
        if (!(raw.whiteLevel() > black) || Double.isInfinite(raw.whiteLevel())) {
            throw Errors.corrupt(file, offset, "its WhiteLevel (tag 50717) is " + level(raw.whiteLevel()) + " and its BlackLevel (tag 50714) "
                    + level(black) + ": these levels are impossible (white must lie above black), so no photosite can be developed");
        }
    }

    private static String level(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Camera RGB (white balanced) to ACES2065-1, exposure included. */
    public static Matrix3 whiteBalancedToAces(DngColor color) {
        double[] n = color.cameraNeutral();
        return Chromaticities.AP0.xyzToRgb()
                .times(ChromaticAdaptation.bradford(Chromaticities.D50_XY, Chromaticities.AP0.whiteXy()))
                .times(color.cameraToXyzD50())
                .times(Matrix3.diagonal(n[0], n[1], n[2]))
                .scaled(Math.pow(2, color.baselineExposure()));
    }

    public static Pipeline pipeline(DngColor color, Output output, Demosaic.Method method) {
        double[] n = color.cameraNeutral();
        List<Pipeline.Step> steps = new ArrayList<>();
        steps.add(new Pipeline.Normalize());
        steps.add(new Pipeline.Gains(1 / n[0], 1 / n[1], 1 / n[2]));
        steps.add(new Pipeline.ClipAt(1.0));
        steps.add(new Pipeline.DemosaicStep(method));
        if (output != Output.CAMERA_RGB) {
            // Declared as the specification reads; the compiler multiplies these into one matrix.
            steps.add(new Pipeline.MatrixStep(Matrix3.diagonal(n[0], n[1], n[2])));
            steps.add(new Pipeline.MatrixStep(color.cameraToXyzD50()));
            steps.add(new Pipeline.MatrixStep(ChromaticAdaptation.bradford(Chromaticities.D50_XY, Chromaticities.AP0.whiteXy())));
            steps.add(new Pipeline.MatrixStep(Chromaticities.AP0.xyzToRgb()));
            steps.add(new Pipeline.MatrixStep(Matrix3.IDENTITY.scaled(Math.pow(2, color.baselineExposure()))));
            if (output != Output.ACES2065_1) {
                steps.add(new Pipeline.MatrixStep(Chromaticities.AP1.xyzToRgb().times(Chromaticities.AP0.rgbToXyz())));
            }
            if (output == Output.ACESCCT) {
                steps.add(new Pipeline.Encode(Pipeline.Curve.ACESCCT));
            }
        }
        return new Pipeline(steps);
    }
}
