package io.rushes.engine.develop;

import io.rushes.engine.color.ChromaticAdaptation;
import io.rushes.engine.color.Chromaticities;
import io.rushes.engine.color.ColorTemperature;
import io.rushes.engine.color.Matrix3;
import io.rushes.engine.error.Errors;
import io.rushes.engine.format.dng.DngHeader;
import io.rushes.engine.format.tiff.TiffIfd;
import io.rushes.engine.format.tiff.TiffTags;

/**
 * The DNG colour model of one file (DNG 1.6 §6, "Mapping Camera Color Space to CIE XYZ Space"): the
 * camera neutral of the chosen white, and the matrix from camera RGB (linear, black-subtracted, scaled to
 * 0–1) to CIE XYZ relative to D50. ColorMatrix, CameraCalibration and ForwardMatrix pairs are interpolated
 * by inverse correlated colour temperature between the two calibration illuminants; the white's xy is
 * found by iterating from the neutral as the specification describes.
 *
 * @param cameraNeutral camera response to the white, largest component 1
 * @param cameraToXyzD50 camera RGB to XYZ (D50 white, Y = 1 for the neutral)
 * @param whiteXy chromaticity of the white
 * @param baselineExposure stops to add (BaselineExposure)
 */
public record DngColor(double[] cameraNeutral, Matrix3 cameraToXyzD50, double[] whiteXy, double baselineExposure) {
    private static final int MAX_ITERATIONS = 50;
    /** Robertson's isotemperature lines end at 600 mired (1667 K): below it the white would be extrapolated, not measured. */
    public static final double MIN_KELVIN = 1667;
    /** 20 mired: bluer than any sky a white balance is set for (raw developers stop at 50000 K too). */
    public static final double MAX_KELVIN = 50000;

    /** Chromaticity-independent part: the calibration matrices and illuminants read from the tags. */
    private record Calibration(Matrix3 cm1, Matrix3 cm2, Matrix3 cc1, Matrix3 cc2, Matrix3 fm1, Matrix3 fm2, Matrix3 analogBalance,
                               double t1, double t2) {
        double weight1(double kelvin) {
            if (cm2 == null || t1 == t2) {
                return 1;
            }
            double lo = Math.min(t1, t2);
            double hi = Math.max(t1, t2);
            double k = Math.max(lo, Math.min(hi, kelvin));
            double w = (1 / k - 1 / hi) / (1 / lo - 1 / hi); // weight of the lower-temperature matrix
            return t1 <= t2 ? w : 1 - w;
        }

        Matrix3 pick(Matrix3 a, Matrix3 b, double w1) {
            return b == null ? a : a == null ? b : b.lerp(a, w1);
        }

        Matrix3 xyzToCamera(double kelvin) {
            double w = weight1(kelvin);
            Matrix3 cc = pick(cc1, cc2, w);
            return analogBalance.times(cc == null ? Matrix3.IDENTITY : cc).times(pick(cm1, cm2, w));
        }
    }

    /**
     * @param kelvin a white balance to use instead of the as-shot one (null: AsShotNeutral, else AsShotWhiteXY, else D50)
     */
    public static DngColor of(DngHeader h, Double kelvin) {
        checkKelvin(kelvin);
        TiffIfd ifd0 = h.tiff().ifd0();
        String name = h.tiff().reader().name();
        Calibration cal = new Calibration(matrix(ifd0, TiffTags.COLOR_MATRIX_1), matrix(ifd0, TiffTags.COLOR_MATRIX_2),
                matrix(ifd0, TiffTags.CAMERA_CALIBRATION_1), matrix(ifd0, TiffTags.CAMERA_CALIBRATION_2),
                matrix(ifd0, TiffTags.FORWARD_MATRIX_1), matrix(ifd0, TiffTags.FORWARD_MATRIX_2), analogBalance(ifd0),
                illuminantKelvin(ifd0.number(TiffTags.CALIBRATION_ILLUMINANT_1)), illuminantKelvin(ifd0.number(TiffTags.CALIBRATION_ILLUMINANT_2)));
        if (cal.cm1() == null) {
            throw Errors.corrupt(name, ifd0.offset(), "the DNG has no ColorMatrix1: its colours cannot be mapped");
        }
        double[] xy;
        double[] neutral;
        double[] asShot = ifd0.numbers(TiffTags.AS_SHOT_NEUTRAL);
        double[] asShotXy = ifd0.numbers(TiffTags.AS_SHOT_WHITE_XY);
        if (kelvin != null) {
            xy = ColorTemperature.xy(kelvin);
            neutral = neutralOf(cal, xy);
        } else if (asShot != null && asShot.length == 3 && asShot[0] > 0 && asShot[1] > 0 && asShot[2] > 0) {
            neutral = asShot.clone();
            xy = whiteOf(cal, neutral);
        } else if (asShotXy != null && asShotXy.length == 2) {
            xy = asShotXy.clone();
            neutral = neutralOf(cal, xy);
        } else {
            xy = Chromaticities.D50_XY.clone();
            neutral = neutralOf(cal, xy);
        }
        double max = Math.max(neutral[0], Math.max(neutral[1], neutral[2]));
        neutral = new double[] {neutral[0] / max, neutral[1] / max, neutral[2] / max};

        double k = ColorTemperature.kelvin(xy[0], xy[1]);
        double w1 = cal.weight1(Double.isNaN(k) ? 5000 : k);
        Matrix3 fm = cal.pick(cal.fm1(), cal.fm2(), w1);
        Matrix3 cc = cal.pick(cal.cc1(), cal.cc2(), w1);
        Matrix3 abcc = cal.analogBalance().times(cc == null ? Matrix3.IDENTITY : cc);
        Matrix3 toXyz;
        if (fm != null) {
            // ForwardMatrix maps camera (1, 1, 1) to the D50 white by definition; the file's rationals only
            // approximately do, so each row is rescaled to make it exact (as the DNG SDK normalises it).
            double[] one = fm.apply(new double[] {1, 1, 1});
            double[] d50 = Chromaticities.xyToXyz(Chromaticities.D50_XY[0], Chromaticities.D50_XY[1]);
            fm = Matrix3.diagonal(d50[0] / one[0], d50[1] / one[1], d50[2] / one[2]).times(fm);
            double[] reference = abcc.inverse().apply(neutral);
            toXyz = fm.times(Matrix3.diagonal(1 / reference[0], 1 / reference[1], 1 / reference[2])).times(abcc.inverse());
        } else {
            Matrix3 cameraToXyz = cal.xyzToCamera(Double.isNaN(k) ? 5000 : k).inverse();
            // Adapt from the white this very matrix gives the neutral, so the neutral lands on D50 exactly
            // even where the white search stopped a hair short of its fixed point.
            double[] white = Chromaticities.xyzToXy(cameraToXyz.apply(neutral));
            toXyz = ChromaticAdaptation.bradford(white, Chromaticities.D50_XY).times(cameraToXyz);
        }
        // Scale so the neutral lands on Y = 1 (a white at the clip point is diffuse white).
        double y = toXyz.apply(neutral)[1];
        toXyz = toXyz.scaled(1 / y);
        Double baseline = ifd0.number(TiffTags.BASELINE_EXPOSURE);
        return new DngColor(neutral, toXyz, xy, baseline == null ? 0 : baseline);
    }

    /** Refuses a white balance the colour model cannot place on the Planckian locus (NaN, infinite, ≤ 0, out of range); null passes. */
    public static void checkKelvin(Double kelvin) {
        if (kelvin != null && !(kelvin >= MIN_KELVIN && kelvin <= MAX_KELVIN)) {
            throw Errors.invalidArgument("a white balance of " + kelvin + " K is outside " + (long) MIN_KELVIN + "–" + (long) MAX_KELVIN
                    + " K, where correlated colour temperature is defined (Robertson's method)",
                    "Give the kelvin of the light, e.g. 3200 (tungsten) or 5600 (daylight), or leave it out for the as-shot white");
        }
    }

    /** Camera neutral of a white xy: XYZtoCamera(CCT(xy)) · XYZ(xy). */
    private static double[] neutralOf(Calibration cal, double[] xy) {
        double k = ColorTemperature.kelvin(xy[0], xy[1]);
        return cal.xyzToCamera(Double.isNaN(k) ? 5000 : k).apply(Chromaticities.xyToXyz(xy[0], xy[1]));
    }

    /** The white xy whose camera neutral is {@code neutral}, by fixed-point iteration from D50 (DNG §6.2). */
    private static double[] whiteOf(Calibration cal, double[] neutral) {
        double[] xy = Chromaticities.D50_XY.clone();
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double k = ColorTemperature.kelvin(xy[0], xy[1]);
            double[] xyz = cal.xyzToCamera(Double.isNaN(k) ? 5000 : k).inverse().apply(neutral);
            double[] next = Chromaticities.xyzToXy(xyz);
            boolean done = Math.abs(next[0] - xy[0]) + Math.abs(next[1] - xy[1]) < 1e-9;
            xy = next;
            if (done) {
                break;
            }
        }
        return xy;
    }

    private static Matrix3 matrix(TiffIfd ifd, int tag) {
        double[] v = ifd.numbers(tag);
        return v != null && v.length == 9 ? Matrix3.of(v) : null;
    }

    private static Matrix3 analogBalance(TiffIfd ifd) {
        double[] v = ifd.numbers(TiffTags.ANALOG_BALANCE);
        return v != null && v.length == 3 && v[0] > 0 && v[1] > 0 && v[2] > 0 ? Matrix3.diagonal(v[0], v[1], v[2]) : Matrix3.IDENTITY;
    }

    /** EXIF LightSource codes to kelvin, as the DNG SDK maps them. */
    static double illuminantKelvin(Double code) {
        if (code == null) {
            return 5000;
        }
        return switch (code.intValue()) {
            case 1, 4, 9 -> 5500; // daylight, flash, fine weather
            case 2, 14 -> 4150; // fluorescent, cool white fluorescent
            case 3 -> 2850; // tungsten
            case 10 -> 6500; // cloudy
            case 11 -> 7500; // shade
            case 12 -> 6430; // daylight fluorescent
            case 13 -> 5000; // day white fluorescent
            case 15 -> 3450; // white fluorescent
            case 16 -> 2940; // warm white fluorescent
            case 17 -> 2856; // standard light A
            case 18 -> 4874; // standard light B
            case 19 -> 6774; // standard light C
            case 20 -> 5503; // D55
            case 21 -> 6504; // D65
            case 22 -> 7504; // D75
            case 23 -> 5003; // D50
            case 24 -> 3200; // ISO studio tungsten
            default -> 5000;
        };
    }
}
