package io.rushes.engine.color;

/**
 * ARRI LogC3 (ALEXA, SUP 3 and later) at any exposure index, derived as ARRI derives it for the ACES 1 input transforms
 * {@code IDT.ARRI.Alexa-v3-logC-EI…} (ARRI's v3 IDT maker, v0.09). The EI sets three things:
 * <ul>
 * <li>grey: the sensor signal that codes to 18 % scales with 400 / EI;</li>
 * <li>gain: the log gain falls by 11 % every three stops above EI 400 (a flatter curve at high EI), and the log offset
 * is solved (three fixed-point steps, as ARRI does) so that no light still codes at 95/1023;</li>
 * <li>clip: where the sensor's clip would code above 1.0 (EI 1600 and up), the codes above 0.8 are a cubic Hermite
 * segment from (0.8, slope 1) to (1.0, clip code) so the sensor's whole range still fits in the file.</li>
 * </ul>
 * Below the log's toe cut (sensor value 1/9) a tangent line replaces the log. The CTL samples the decoding in a
 * 65536-entry table read with linear interpolation, clamped at code values 0 and 1; this is the closed form the table
 * samples (its interpolation error is below 1e-10 relative), with the same clamp.
 */
public final class ArriLogC3 {
    private static final double NOMINAL_EI = 400;
    private static final double BLACK_SIGNAL = 16 / 4095.0;
    private static final double GREY_SIGNAL_AT_NOMINAL_EI = 0.01;
    private static final double NOMINAL_GAIN = 500 / 1023.0 * 0.525;
    private static final double NOMINAL_OFFSET = 400 / 1023.0;
    private static final double NO_LIGHT_CODE = 95 / 1023.0;
    private static final double TOE_CUT = 1 / 9.0;
    private static final double TOE_SLOPE = 1 / (TOE_CUT * Math.log(10));
    private static final double TOE_OFFSET = Math.log10(TOE_CUT) - TOE_SLOPE * TOE_CUT;
    private static final double KNEE = 0.8;

    private final int exposureIndex;
    private final double gain;
    private final double offset;
    private final double noLightSensor;
    private final double clipCode;
    private final double kneeEndSlope;

    private ArriLogC3(int exposureIndex) {
        this.exposureIndex = exposureIndex;
        double relativeEi = (double) exposureIndex / NOMINAL_EI;
        double greySignal = GREY_SIGNAL_AT_NOMINAL_EI / relativeEi;
        gain = (Math.log(relativeEi) / Math.log(2) * (0.89 - 1) / 3 + 1) * NOMINAL_GAIN;
        double off = NOMINAL_OFFSET;
        double nz = 0;
        for (int i = 0; i < 3; i++) { // ARRI's three steps, not iterated to convergence: the published curves use these
            nz = ((NO_LIGHT_CODE - off) / gain - TOE_OFFSET) / TOE_SLOPE;
            off = NOMINAL_OFFSET - Math.log10(1 + nz) * gain;
        }
        offset = off;
        noLightSensor = nz;
        clipCode = Math.log10((1 - BLACK_SIGNAL) / greySignal + nz) * gain + offset;
        double squeeze = (clipCode - KNEE) / (1 - KNEE);
        kneeEndSlope = squeeze * squeeze;
    }

    /** The curve at an exposure index (ISO); ALEXA offers 160 to 3200. */
    public static ArriLogC3 of(int exposureIndex) {
        if (exposureIndex < 50 || exposureIndex > 12800) {
            throw new IllegalArgumentException("LogC3 exposure index " + exposureIndex + " is outside 50–12800");
        }
        return new ArriLogC3(exposureIndex);
    }

    public int exposureIndex() {
        return exposureIndex;
    }

    /**
     * The closed-form parameters ARRI publishes for this EI: code = c·log10(a·x + b) + d above {@code cut}, e·x + f below
     * (before the highlight knee). Returned as {cut, a, b, c, d, e, f}.
     */
    public double[] parameters() {
        double a = 1 / 0.18;
        double e = gain * TOE_SLOPE * a;
        double f = gain * (TOE_SLOPE * noLightSensor + TOE_OFFSET) + offset;
        double cut = (TOE_CUT - noLightSensor) * 0.18;
        return new double[] {cut, a, noLightSensor, gain, offset, e, f};
    }

    /** The code value sensor clip would have without the knee (above 1.0 from EI 1600: then the knee applies). */
    public double clipCode() {
        return clipCode;
    }

    /** Normalised code value (clamped to [0, 1], as the IDT's table lookup) → scene-linear exposure (0.18 = grey). */
    public double decode(double code) {
        double v = Math.max(0, Math.min(1, code));
        if (clipCode > 1 && v > KNEE) {
            v = knee(v);
        }
        double log = (v - offset) / gain;
        double toe = (log - TOE_OFFSET) / TOE_SLOPE;
        double sensor = toe > TOE_CUT ? Math.pow(10, log) : toe;
        return (sensor - noLightSensor) * 0.18;
    }

    /**
     * Scene-linear exposure → normalised code value; the inverse of {@link #decode} over the codes 0–1. Beyond sensor
     * clip the knee continues with its end slope (decode clamps those codes back to clip).
     */
    public double encode(double x) {
        double sensor = x / 0.18 + noLightSensor;
        double log = sensor > TOE_CUT ? Math.log10(sensor) : TOE_SLOPE * sensor + TOE_OFFSET;
        double v = gain * log + offset;
        if (clipCode > 1 && v > KNEE) {
            v = v >= clipCode ? 1 + (v - clipCode) / kneeEndSlope : unknee(v);
        }
        return v;
    }

    /** The Hermite knee: code in (0.8, 1] → the log code in (0.8, clip code]. */
    private double knee(double code) {
        double s = (code - KNEE) / (1 - KNEE);
        double r = 1 - s;
        double width = 1 - KNEE;
        return (1 + 2 * s) * r * r * KNEE + (3 - 2 * s) * s * s * clipCode + width * s * r * r * 1.0 - width * s * s * r * kneeEndSlope;
    }

    /**
     * The knee's inverse by bisection: the knee rises monotonically from EI 1600 to 12800 (clip codes 1.005–1.126, end
     * slopes 1 and (clip − 0.8)² / 0.04), and only highlights in the inverse direction come here.
     */
    private double unknee(double v) {
        double lo = KNEE;
        double hi = 1;
        for (int i = 0; i < 60 && hi - lo > 1e-16; i++) {
            double mid = 0.5 * (lo + hi);
            if (knee(mid) < v) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
