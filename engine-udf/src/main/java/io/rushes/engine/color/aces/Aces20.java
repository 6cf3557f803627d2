package io.rushes.engine.color.aces;

import io.rushes.engine.color.Chromaticities;
import io.rushes.engine.color.Matrix3;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An ACES 2.0 output transform (aces-output "Version 2.0", April 2025): {@link Aces20Rendering} for the preset's peak
 * luminance and limiting primaries, the clamp to peak, white scaling when the creative white differs from the
 * display's, and the display encoding (Lib.Academy.DisplayEncoding). Immutable and thread-safe; renderings are built
 * once per (peak, limiting primaries) and shared.
 */
public final class Aces20 {
    /** The default output when no AMF says otherwise: what studio pipelines use for ACES 2.0 SDR review. */
    public static final String DEFAULT_OUTPUT = "Output.Academy.Rec709-D65_100nit_in_Rec709-D65_BT1886";

    /** The CTL's eotf_enum, in its order. */
    public enum Eotf { DISPLAY_LINEAR, ST2084, HLG, GAMMA_2_6, BT1886, GAMMA_2_2, SRGB }

    static final Chromaticities REC709_D65 = new Chromaticities(0.64, 0.33, 0.30, 0.60, 0.15, 0.06, 0.3127, 0.3290);
    static final Chromaticities REC709_D60 = new Chromaticities(0.64, 0.33, 0.30, 0.60, 0.15, 0.06, 0.32168, 0.33767);
    static final Chromaticities P3_D65 = new Chromaticities(0.68, 0.32, 0.265, 0.69, 0.15, 0.06, 0.3127, 0.3290);
    static final Chromaticities P3_D60 = new Chromaticities(0.68, 0.32, 0.265, 0.69, 0.15, 0.06, 0.32168, 0.33767);
    static final Chromaticities REC2100_D65 = new Chromaticities(0.708, 0.292, 0.170, 0.797, 0.131, 0.046, 0.3127, 0.3290);
    static final Chromaticities REC2100_D60 = new Chromaticities(0.708, 0.292, 0.170, 0.797, 0.131, 0.046, 0.32168, 0.33767);
    static final Chromaticities XYZ_E = new Chromaticities(1, 0, 0, 1, 0, 0, 1 / 3.0, 1 / 3.0);

    /**
     * One Output.Academy preset, as its CTL declares it: limiting primaries and white (the creative white), the peak
     * luminance the tone scale targets, whether to scale white, the encoding primaries, EOTF and linear scale factor.
     */
    public record Preset(String name, Chromaticities limiting, double peakLuminance, boolean scaleWhite, Chromaticities encoding, Eotf eotf,
            double linearScale) {
    }

    private static final double CINEMA = 48.0 / 52.37;

    /** Every output transform of aces-output 2.0 (the d65 and d60 folders; names without the Output.Academy. prefix). */
    public static final List<Preset> PRESETS = List.of(
            p("P3-D60_300nit_in_XYZ-E_ST2084", P3_D60, 625, true, XYZ_E, Eotf.ST2084, 0.48),
            p("P3-D60_48nit_in_XYZ-E_Gamma2pt6", P3_D60, 100, false, XYZ_E, Eotf.GAMMA_2_6, CINEMA),
            p("P3-D60_1000nit_in_P3-D65_sRGB-Piecewise", P3_D60, 1000, true, P3_D65, Eotf.SRGB, 1),
            p("P3-D60_100nit_in_P3-D65_Gamma2pt2", P3_D60, 100, true, P3_D65, Eotf.GAMMA_2_2, 1),
            p("P3-D60_100nit_in_P3-D65_sRGB-Piecewise", P3_D60, 100, true, P3_D65, Eotf.SRGB, 1),
            p("Rec709-D60_100nit_in_P3-D65_sRGB-Piecewise", REC709_D60, 100, true, P3_D65, Eotf.SRGB, 1),
            p("P3-D60_1000nit_in_P3-D65_ST2084", P3_D60, 1000, true, P3_D65, Eotf.ST2084, 1),
            p("P3-D60_108nit_in_P3-D65_ST2084", P3_D60, 225, true, P3_D65, Eotf.ST2084, 0.48),
            p("P3-D60_2000nit_in_P3-D65_ST2084", P3_D60, 2000, true, P3_D65, Eotf.ST2084, 1),
            p("P3-D60_4000nit_in_P3-D65_ST2084", P3_D60, 4000, true, P3_D65, Eotf.ST2084, 1),
            p("P3-D60_48nit_in_P3-D65_Gamma2pt6", P3_D60, 100, true, P3_D65, Eotf.GAMMA_2_6, 1),
            p("P3-D60_500nit_in_P3-D65_ST2084", P3_D60, 500, true, P3_D65, Eotf.ST2084, 1),
            p("Rec709-D60_100nit_in_P3-D65_ST2084", REC709_D60, 100, true, P3_D65, Eotf.ST2084, 1),
            p("Rec709-D60_48nit_in_P3-D65_Gamma2pt6", REC709_D60, 100, true, P3_D65, Eotf.GAMMA_2_6, 1),
            p("P3-D60_1000nit_in_Rec2100-D65_HLG", P3_D60, 1000, true, REC2100_D65, Eotf.HLG, 1),
            p("P3-D60_1000nit_in_Rec2100-D65_ST2084", P3_D60, 1000, true, REC2100_D65, Eotf.ST2084, 1),
            p("P3-D60_2000nit_in_Rec2100-D65_ST2084", P3_D60, 2000, true, REC2100_D65, Eotf.ST2084, 1),
            p("P3-D60_4000nit_in_Rec2100-D65_ST2084", P3_D60, 4000, true, REC2100_D65, Eotf.ST2084, 1),
            p("P3-D60_500nit_in_Rec2100-D65_ST2084", P3_D60, 500, true, REC2100_D65, Eotf.ST2084, 1),
            p("Rec2100-D60_1000nit_in_Rec2100-D65_ST2084", REC2100_D60, 1000, true, REC2100_D65, Eotf.ST2084, 1),
            p("Rec2100-D60_2000nit_in_Rec2100-D65_ST2084", REC2100_D60, 2000, true, REC2100_D65, Eotf.ST2084, 1),
            p("Rec2100-D60_4000nit_in_Rec2100-D65_ST2084", REC2100_D60, 4000, true, REC2100_D65, Eotf.ST2084, 1),
            p("Rec2100-D60_500nit_in_Rec2100-D65_ST2084", REC2100_D60, 500, true, REC2100_D65, Eotf.ST2084, 1),
            p("Rec709-D60_100nit_in_Rec2100-D65_ST2084", REC709_D60, 100, true, REC2100_D65, Eotf.ST2084, 1),
            p("Rec709-D60_100nit_in_Rec709-D65_BT1886", REC709_D60, 100, true, REC709_D65, Eotf.BT1886, 1),
            p("Rec709-D60_100nit_in_Rec709-D65_Gamma2pt2", REC709_D60, 100, true, REC709_D65, Eotf.GAMMA_2_2, 1),
            p("Rec709-D60_100nit_in_Rec709-D65_sRGB-Piecewise", REC709_D60, 100, true, REC709_D65, Eotf.SRGB, 1),
            p("P3-D65_300nit_in_XYZ-E_ST2084", P3_D65, 625, false, XYZ_E, Eotf.ST2084, 0.48),
            p("P3-D65_48nit_in_XYZ-E_Gamma2pt6", P3_D65, 100, false, XYZ_E, Eotf.GAMMA_2_6, CINEMA),
            p("P3-D65_1000nit_in_P3-D65_sRGB-Piecewise", P3_D65, 1000, false, P3_D65, Eotf.SRGB, 1),
            p("P3-D65_100nit_in_P3-D65_Gamma2pt2", P3_D65, 100, false, P3_D65, Eotf.GAMMA_2_2, 1),
            p("P3-D65_100nit_in_P3-D65_sRGB-Piecewise", P3_D65, 100, false, P3_D65, Eotf.SRGB, 1),
            p("Rec709-D65_100nit_in_P3-D65_sRGB-Piecewise", REC709_D65, 100, false, P3_D65, Eotf.SRGB, 1),
            p("P3-D65_1000nit_in_P3-D65_ST2084", P3_D65, 1000, false, P3_D65, Eotf.ST2084, 1),
            p("P3-D65_108nit_in_P3-D65_ST2084", P3_D65, 225, false, P3_D65, Eotf.ST2084, 0.48),
            p("P3-D65_2000nit_in_P3-D65_ST2084", P3_D65, 2000, false, P3_D65, Eotf.ST2084, 1),
            p("P3-D65_4000nit_in_P3-D65_ST2084", P3_D65, 4000, false, P3_D65, Eotf.ST2084, 1),
            p("P3-D65_48nit_in_P3-D65_Gamma2pt6", P3_D65, 100, false, P3_D65, Eotf.GAMMA_2_6, 1),
            p("P3-D65_500nit_in_P3-D65_ST2084", P3_D65, 500, false, P3_D65, Eotf.ST2084, 1),
            p("Rec709-D65_100nit_in_P3-D65_ST2084", REC709_D65, 100, false, P3_D65, Eotf.ST2084, 1),
            p("Rec709-D65_48nit_in_P3-D65_Gamma2pt6", REC709_D65, 100, false, P3_D65, Eotf.GAMMA_2_6, 1),
            p("P3-D65_1000nit_in_Rec2100-D65_HLG", P3_D65, 1000, false, REC2100_D65, Eotf.HLG, 1),
            p("P3-D65_1000nit_in_Rec2100-D65_ST2084", P3_D65, 1000, false, REC2100_D65, Eotf.ST2084, 1),
            p("P3-D65_2000nit_in_Rec2100-D65_ST2084", P3_D65, 2000, false, REC2100_D65, Eotf.ST2084, 1),
            p("P3-D65_4000nit_in_Rec2100-D65_ST2084", P3_D65, 4000, false, REC2100_D65, Eotf.ST2084, 1),
            p("P3-D65_500nit_in_Rec2100-D65_ST2084", P3_D65, 500, false, REC2100_D65, Eotf.ST2084, 1),
            p("Rec2100-D65_1000nit_in_Rec2100-D65_ST2084", REC2100_D65, 1000, false, REC2100_D65, Eotf.ST2084, 1),
            p("Rec2100-D65_2000nit_in_Rec2100-D65_ST2084", REC2100_D65, 2000, false, REC2100_D65, Eotf.ST2084, 1),
            p("Rec2100-D65_4000nit_in_Rec2100-D65_ST2084", REC2100_D65, 4000, false, REC2100_D65, Eotf.ST2084, 1),
            p("Rec2100-D65_500nit_in_Rec2100-D65_ST2084", REC2100_D65, 500, false, REC2100_D65, Eotf.ST2084, 1),
            p("Rec709-D65_100nit_in_Rec2100-D65_ST2084", REC709_D65, 100, false, REC2100_D65, Eotf.ST2084, 1),
            p("Rec709-D65_100nit_in_Rec709-D65_BT1886", REC709_D65, 100, false, REC709_D65, Eotf.BT1886, 1),
            p("Rec709-D65_100nit_in_Rec709-D65_Gamma2pt2", REC709_D65, 100, false, REC709_D65, Eotf.GAMMA_2_2, 1),
            p("Rec709-D65_100nit_in_Rec709-D65_sRGB-Piecewise", REC709_D65, 100, false, REC709_D65, Eotf.SRGB, 1));

    private static final Map<String, Preset> BY_NAME = PRESETS.stream().collect(Collectors.toUnmodifiableMap(Preset::name, Function.identity()));

    private record RenderingKey(double peak, Chromaticities limiting) {
    }

    private static final Map<RenderingKey, Aces20Rendering> RENDERINGS = new ConcurrentHashMap<>();

    private final Preset preset;
    private final Aces20Rendering rendering;
    private final double peak;
    private final double[] limitToDisplay;
    private final double[] displayToLimit;
    private final double whiteScale;

    private Aces20(Preset preset) {
        this.preset = preset;
        this.rendering = RENDERINGS.computeIfAbsent(new RenderingKey(preset.peakLuminance(), preset.limiting()),
                k -> new Aces20Rendering(k.peak(), k.limiting()));
        this.peak = preset.peakLuminance() / JmhSpace.REFERENCE_LUMINANCE;
        Matrix3 toDisplay = preset.encoding().xyzToRgb().times(preset.limiting().rgbToXyz());
        this.limitToDisplay = toDisplay.m();
        this.displayToLimit = toDisplay.inverse().m();
        double[] white = toDisplay.apply(new double[] {1, 1, 1});
        this.whiteScale = 1 / Math.max(Math.max(white[0], white[1]), white[2]);
    }

    private static Preset p(String name, Chromaticities limiting, double peak, boolean scaleWhite, Chromaticities encoding, Eotf eotf,
            double linearScale) {
        return new Preset("Output.Academy." + name, limiting, peak, scaleWhite, encoding, eotf, linearScale);
    }

    /** The preset called {@code name} (Output.Academy.…, without the version suffix), or null. */
    public static Preset preset(String name) {
        return BY_NAME.get(name);
    }

    private static final Map<Preset, Aces20> INSTANCES = new ConcurrentHashMap<>();

    /** The output transform for a preset, built on first use and shared. */
    public static Aces20 of(Preset preset) {
        return INSTANCES.computeIfAbsent(preset, Aces20::new);
    }

    public Preset preset() {
        return preset;
    }

    /** ACES2065-1 → display code values (full range), in place. */
    public void forward(double[] rgb) {
        rendering.forward(rgb, new double[3]);
        for (int i = 0; i < 3; i++) {
            rgb[i] = Math.max(0, Math.min(peak, rgb[i]));
            if (preset.scaleWhite()) {
                rgb[i] *= whiteScale;
            }
        }
        double[] m = limitToDisplay;
        double r = rgb[0];
        double g = rgb[1];
        double b = rgb[2];
        double s = preset.linearScale();
        rgb[0] = s * (m[0] * r + m[1] * g + m[2] * b);
        rgb[1] = s * (m[3] * r + m[4] * g + m[5] * b);
        rgb[2] = s * (m[6] * r + m[7] * g + m[8] * b);
        encode(preset.eotf(), rgb);
    }

    /** Display code values → ACES2065-1, in place (InvOutput.Academy.…). */
    public void inverse(double[] cv) {
        decode(preset.eotf(), cv);
        double s = 1 / preset.linearScale();
        double[] m = displayToLimit;
        double r = cv[0] * s;
        double g = cv[1] * s;
        double b = cv[2] * s;
        cv[0] = m[0] * r + m[1] * g + m[2] * b;
        cv[1] = m[3] * r + m[4] * g + m[5] * b;
        cv[2] = m[6] * r + m[7] * g + m[8] * b;
        for (int i = 0; i < 3; i++) {
            if (preset.scaleWhite()) {
                // As the CTL's apply_white_scale(invert): clamped to [0, 1], which for the HDR D60 presets also caps
                // the inverse at 100 cd/m².
                cv[i] = Math.max(0, Math.min(1, cv[i] / whiteScale));
            }
            cv[i] = Math.max(0, Math.min(peak, cv[i]));
        }
        rendering.inverse(cv, new double[3]);
    }

    // ---------------------------------------------------------------------------------------------- display encoding

    /** Inverse EOTF on display-linear light (1.0 = 100 cd/m²), negatives clamped first. */
    static void encode(Eotf eotf, double[] rgb) {
        for (int i = 0; i < 3; i++) {
            rgb[i] = Math.max(0, rgb[i]);
        }
        switch (eotf) {
            case DISPLAY_LINEAR -> {
            }
            case ST2084 -> {
                for (int i = 0; i < 3; i++) {
                    rgb[i] = yToSt2084(rgb[i] * JmhSpace.REFERENCE_LUMINANCE);
                }
            }
            case HLG -> {
                for (int i = 0; i < 3; i++) {
                    rgb[i] = yToSt2084(rgb[i] * JmhSpace.REFERENCE_LUMINANCE);
                }
                st2084ToHlg1000(rgb);
            }
            case GAMMA_2_6 -> power(rgb, 1 / 2.6);
            case BT1886 -> power(rgb, 1 / 2.4); // BT.1886 with L_w 1, L_b 0: a = 1, b = 0
            case GAMMA_2_2 -> power(rgb, 1 / 2.2);
            case SRGB -> {
                for (int i = 0; i < 3; i++) {
                    rgb[i] = srgbInverseEotf(rgb[i]);
                }
            }
        }
    }

    /** EOTF: code values → display-linear light (1.0 = 100 cd/m²). */
    static void decode(Eotf eotf, double[] cv) {
        switch (eotf) {
            case DISPLAY_LINEAR -> {
            }
            case ST2084 -> {
                for (int i = 0; i < 3; i++) {
                    cv[i] = st2084ToY(cv[i]) / JmhSpace.REFERENCE_LUMINANCE;
                }
            }
            case HLG -> {
                hlgToSt2084Y1000(cv);
                for (int i = 0; i < 3; i++) {
                    cv[i] = cv[i] / JmhSpace.REFERENCE_LUMINANCE;
                }
            }
            case GAMMA_2_6 -> power(cv, 2.6);
            case BT1886 -> {
                for (int i = 0; i < 3; i++) {
                    cv[i] = Math.pow(Math.max(cv[i], 0), 2.4);
                }
            }
            case GAMMA_2_2 -> power(cv, 2.2);
            case SRGB -> {
                for (int i = 0; i < 3; i++) {
                    cv[i] = srgbEotf(cv[i]);
                }
            }
        }
    }

    private static void power(double[] v, double e) {
        for (int i = 0; i < 3; i++) {
            v[i] = Math.pow(v[i], e);
        }
    }

    /** moncurve_inv with gamma 2.4, offset 0.055 (IEC 61966-2-1). */
    static double srgbInverseEotf(double y) {
        double gamma = 2.4;
        double offs = 0.055;
        double yb = Math.pow(offs * gamma / ((gamma - 1) * (1 + offs)), gamma);
        double rs = Math.pow((gamma - 1) / offs, gamma - 1) * Math.pow((1 + offs) / gamma, gamma);
        return y >= yb ? (1 + offs) * Math.pow(y, 1 / gamma) - offs : y * rs;
    }

    /** moncurve_fwd with gamma 2.4, offset 0.055. */
    static double srgbEotf(double x) {
        double gamma = 2.4;
        double offs = 0.055;
        double fs = ((gamma - 1) / offs) * Math.pow(offs * gamma / ((gamma - 1) * (1 + offs)), gamma);
        double xb = offs / (gamma - 1);
        return x >= xb ? Math.pow((x + offs) / (1 + offs), gamma) : x * fs;
    }

    private static final double PQ_M1 = 0.1593017578125;
    private static final double PQ_M2 = 78.84375;
    private static final double PQ_C1 = 0.8359375;
    private static final double PQ_C2 = 18.8515625;
    private static final double PQ_C3 = 18.6875;

    /** Luminance (cd/m²) → ST 2084 code value (full range). */
    static double yToSt2084(double y) {
        double lm = Math.pow(y / 10000, PQ_M1);
        return Math.pow((PQ_C1 + PQ_C2 * lm) / (1 + PQ_C3 * lm), PQ_M2);
    }

    /** ST 2084 code value → luminance (cd/m²). */
    static double st2084ToY(double n) {
        double np = Math.pow(n, 1 / PQ_M2);
        double l = Math.max(np - PQ_C1, 0);
        l = l / (PQ_C2 - PQ_C3 * np);
        return Math.pow(l, 1 / PQ_M1) * 10000;
    }

    private static final double HLG_A = 0.17883277;
    private static final double HLG_B = 0.28466892;
    private static final double HLG_C = 0.55991073;

    /** PQ → HLG for a 1000 cd/m² display (ITU-R BT.2390 §7), in place. */
    static void st2084ToHlg1000(double[] pq) {
        double[] display = new double[3];
        for (int i = 0; i < 3; i++) {
            display[i] = st2084ToY(pq[i]);
        }
        double yd = 0.2627 * display[0] + 0.6780 * display[1] + 0.0593 * display[2];
        double alpha = 1000;
        double gamma = 1.2;
        for (int i = 0; i < 3; i++) {
            double scene = yd == 0 ? 0 : Math.pow(yd / alpha, (1 - gamma) / gamma) * (display[i] / alpha);
            pq[i] = scene <= 1.0 / 12 ? Math.sqrt(3 * scene) : HLG_A * Math.log(12 * scene - HLG_B) + HLG_C;
        }
    }

    /** HLG → display luminance (cd/m²) for a 1000 cd/m² display, through PQ as the CTL does, in place. */
    static void hlgToSt2084Y1000(double[] hlg) {
        double[] scene = new double[3];
        for (int i = 0; i < 3; i++) {
            scene[i] = hlg[i] >= 0 && hlg[i] <= 0.5 ? hlg[i] * hlg[i] / 3 : (Math.exp((hlg[i] - HLG_C) / HLG_A) + HLG_B) / 12;
        }
        double ys = 0.2627 * scene[0] + 0.6780 * scene[1] + 0.0593 * scene[2];
        for (int i = 0; i < 3; i++) {
            hlg[i] = 1000 * Math.pow(ys, 0.2) * scene[i];
        }
    }
}
