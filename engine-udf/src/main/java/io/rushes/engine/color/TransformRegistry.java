package io.rushes.engine.color;

import io.rushes.engine.color.aces.Aces13;
import io.rushes.engine.color.aces.Aces13Hdr;
import io.rushes.engine.color.aces.Aces20;
import io.rushes.engine.color.aces.GamutCompress;
import io.rushes.engine.error.Errors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ACES transforms by their transform identifier (Academy S-2014-002: {@code urn:ampas:aces:transformId:v1.5:…} for
 * ACES 1, {@code …:v2.0:…} for ACES 2). The version suffix (.a1.0.3, .a2.v1, …) names a revision of the same maths and
 * is not needed to choose it. An identifier this registry does not implement gives an error listing what it does.
 */
public final class TransformRegistry {
    private static final Pattern URN = Pattern.compile("urn:ampas:aces:transformId:v[0-9.]+:(.+?)(\\.a[0-9]+\\.v?[0-9]+(?:\\.[0-9]+)*)?");

    /** A log-encoded camera (or ACES working) space: its curve (null: linear) and its gamut with the CTL's adaptation. */
    private record Space(String name, String curveName, DoubleUnaryOperator decode, DoubleUnaryOperator encode, Matrix3 toAces) {
        Space(String name, CameraLog curve, Matrix3 toAces) {
            this(name, curve == null ? null : curve.name(), curve == null ? null : curve::decode, curve == null ? null : curve::encode, toAces);
        }

        List<ColorOp> toAcesOps() {
            List<ColorOp> ops = new ArrayList<>();
            if (decode != null) {
                ops.add(new ColorOp.CurveOp(curveName + " decode", curveName + " encode", decode));
            }
            ops.add(new ColorOp.MatrixOp(name + " to AP0", toAces));
            return List.copyOf(ops);
        }

        List<ColorOp> fromAcesOps() {
            List<ColorOp> ops = new ArrayList<>();
            ops.add(new ColorOp.MatrixOp("AP0 to " + name, toAces.inverse()));
            if (encode != null) {
                ops.add(new ColorOp.CurveOp(curveName + " encode", curveName + " decode", encode));
            }
            return List.copyOf(ops);
        }
    }

    /**
     * ACESproxy (S-2013-001): log2 steps on integer code values, 10-bit (50 steps per stop, mid at 425, legal 64–940) or
     * 12-bit (200, 1700, 256–3760). The CSC truncates the normalised input to an integer code, as the CTL's int does.
     */
    private static Space acesProxy(int bits) {
        double scale = bits == 10 ? 1023 : 4095;
        double steps = bits == 10 ? 50 : 200;
        double mid = bits == 10 ? 425 : 1700;
        double min = bits == 10 ? 64 : 256;
        double max = bits == 10 ? 940 : 3760;
        DoubleUnaryOperator decode = v -> Math.pow(2, ((int) (v * scale) - mid) / steps - 2.5);
        DoubleUnaryOperator encode = x -> (x <= Math.pow(2, -9.72) ? min
                : Math.max(min, Math.min(max, Math.rint((Math.log(x) / Math.log(2) + 2.5) * steps + mid)))) / scale;
        return new Space("AP1", "ACESproxy" + bits + "i", decode, encode, Gamut.AP1.toAces());
    }

    /**
     * Sony S-Log (1) and S-Log2 on S-Gamut (CSC.Sony.SLog1/2_SGamut_*_to_ACES): the CTL's curve on integer-scaled code
     * values (10-bit: black 64, break 90, white 940; 12-bit: 256, 360, 3760), scene-linear scaled by 0.9, and the fixed
     * S-Gamut matrix (daylight or tungsten) the CTL gives in row-vector form.
     */
    private static Space sonySLog(int version, int bits, String name, double[][] rowMatrix) {
        double scale = bits == 10 ? 1023 : 4095;
        double b = bits == 10 ? 64 : 256;
        double ab = bits == 10 ? 90 : 360;
        double w = bits == 10 ? 940 : 3760;
        double gain = version == 1 ? 1 : 219.0 / 155.0; // S-Log2 stretches S-Log1's curve over the video range
        double toeSlope = version == 1 ? 5 : 3.53881278538813;
        double toeOffset = 0.030001222851889303;
        DoubleUnaryOperator decode = v -> {
            double code = v * scale;
            double norm = (code - b) / (w - b);
            return code >= ab ? gain * (Math.pow(10, (norm - 0.616596 - 0.03) / 0.432699) - 0.037584) * 0.9
                    : (norm - toeOffset) / toeSlope * 0.9;
        };
        double breakLinear = decode.applyAsDouble(ab / scale);
        DoubleUnaryOperator encode = x -> {
            double norm = x >= breakLinear ? Math.log10(x / 0.9 / gain + 0.037584) * 0.432699 + 0.616596 + 0.03
                    : x / 0.9 * toeSlope + toeOffset;
            return (norm * (w - b) + b) / scale;
        };
        Matrix3 toAces = Matrix3.of(rowMatrix[0][0], rowMatrix[1][0], rowMatrix[2][0], rowMatrix[0][1], rowMatrix[1][1], rowMatrix[2][1],
                rowMatrix[0][2], rowMatrix[1][2], rowMatrix[2][2]);
        return new Space(name, "S-Log" + version + " " + bits + "i", decode, encode, toAces);
    }

    /** The EIs ALEXA offers (1/3 stops), one ACES 1 input transform each. */
    private static final int[] ALEXA_EXPOSURE_INDICES = {160, 200, 250, 320, 400, 500, 640, 800, 1000, 1280, 1600, 2000, 2560, 3200};

    /** ALEXA Wide Gamut to ACES (CAT02 from D65) with the six decimals ARRI's IDTs carry. */
    private static final Matrix3 ALEXA_IDT_AWG3_TO_ACES = Matrix3.of(0.680206, 0.236137, 0.083658, 0.085415, 1.017471, -0.102886,
            0.002057, -0.062563, 1.060506);

    private static final double[][] S_GAMUT = {{0.754338638, 0.021198141, -0.009756991}, {0.133697046, 1.005410934, 0.004508563},
        {0.111968437, -0.026610548, 1.005253201}};
    private static final double[][] S_GAMUT_DAYLIGHT = {{0.8764457030, 0.0774075345, 0.0573564351}, {0.0145411681, 0.9529571767, -0.1151066335},
        {0.1090131290, -0.0303647111, 1.0577501984}};
    private static final double[][] S_GAMUT_TUNGSTEN = {{1.0110238740, 0.1011994504, 0.0600766530}, {-0.1362526051, 0.9562196265, -0.1010185315},
        {0.1252287310, -0.0574190769, 1.0409418785}};

    /**
     * ADX (Academy Density Exchange, film scans) to ACES, forward only as ACES defines it (CSC.Academy.ADX10/16_to_ACES):
     * code values to channel-dependent density, to channel-independent density (matrix), to log exposure (the CTL's
     * 11-point table below density 0.6, a straight line above it), to linear exposure and ACES (matrix). Grey (LAD,
     * ADX10 445 / ADX16 7120) lands on 0.18.
     */
    private static List<ColorOp> adx(int bits) {
        double scale = bits == 10 ? 1023 : 65535;
        double offset = bits == 10 ? 95 : 1520;
        double step = bits == 10 ? 500 : 8000;
        double refPoint = (7120.0 - 1520.0) / 8000.0 * (100.0 / 55.0) - Math.log10(0.18);
        double[][] lut = {{-0.19, -6.0}, {0.01, -2.721718645}, {0.028, -2.521718645}, {0.054, -2.321718645}, {0.095, -2.121718645},
            {0.145, -1.921718645}, {0.22, -1.721718645}, {0.3, -1.521718645}, {0.4, -1.321718645}, {0.5, -1.121718645},
            {0.6, -0.926545676714876}};
        DoubleUnaryOperator densityToExposure = cid -> Math.pow(10, cid > 0.6 ? (100.0 / 55.0) * cid - refPoint : interpolate(lut, cid));
        return List.of(
                new ColorOp.CurveOp("ADX" + bits + " to CDD", null, v -> (v * scale - offset) / step),
                new ColorOp.MatrixOp("CDD to CID", Matrix3.of(0.75573, 0.22197, 0.02230, 0.05901, 0.96928, -0.02829, 0.16134, 0.07406, 0.76460)),
                new ColorOp.CurveOp("ADX density to exposure", null, densityToExposure),
                new ColorOp.MatrixOp("exposure to AP0", Matrix3.of(0.72286, 0.12630, 0.15084, 0.11923, 0.76418, 0.11659, 0.01427, 0.08213, 0.90359)));
    }

    /** The CTL's interpolate1D: piecewise linear through (x, y) rows, held at the ends. */
    private static double interpolate(double[][] table, double x) {
        if (x <= table[0][0]) {
            return table[0][1];
        }
        for (int i = 1; i < table.length; i++) {
            if (x <= table[i][0]) {
                double t = (x - table[i - 1][0]) / (table[i][0] - table[i - 1][0]);
                return table[i - 1][1] + t * (table[i][1] - table[i - 1][1]);
            }
        }
        return table[table.length - 1][1];
    }

    /** A transform and its inverse (null where ACES defines none or Rushes does not implement it). */
    private record Pair(List<ColorOp> forward, List<ColorOp> inverse) {
        static Pair of(String name, ColorStep forward, ColorStep inverse) {
            return new Pair(List.of(new ColorOp.StepOp(name, forward)), inverse == null ? null : List.of(new ColorOp.StepOp("inverse " + name, inverse)));
        }
    }

    /** Transform name (without version) → the transform and its inverse. */
    private static final Map<String, Pair> NAMES = new LinkedHashMap<>();

    static {
        Space acescc = new Space("AP1", CameraLog.ACESCC, Gamut.AP1.toAces());
        Space acescct = new Space("AP1", CameraLog.ACESCCT, Gamut.AP1.toAces());
        Space acescg = new Space("AP1", null, Gamut.AP1.toAces());
        Space logc3 = new Space("AWG3", CameraLog.ARRI_LOGC3, Gamut.ARRI_WIDE_GAMUT_3.toAces());
        Space logc4 = new Space("AWG4", CameraLog.ARRI_LOGC4, Gamut.ARRI_WIDE_GAMUT_4.toAces());
        Space slog3 = new Space("S-Gamut3", CameraLog.SONY_SLOG3, Gamut.SONY_S_GAMUT3.toAces());
        Space slog3Cine = new Space("S-Gamut3.Cine", CameraLog.SONY_SLOG3, Gamut.SONY_S_GAMUT3_CINE.toAces());
        Space veniceSlog3 = new Space("Venice S-Gamut3", CameraLog.SONY_SLOG3, Gamut.SONY_VENICE_S_GAMUT3.toAces());
        Space veniceSlog3Cine = new Space("Venice S-Gamut3.Cine", CameraLog.SONY_SLOG3, Gamut.SONY_VENICE_S_GAMUT3_CINE.toAces());
        Space dlog = new Space("D-Gamut", CameraLog.DJI_DLOG, Gamut.DJI_D_GAMUT.toAces());
        Space log3g10 = new Space("RWG", CameraLog.RED_LOG3G10, Gamut.RED_WIDE_GAMUT_RGB.toAces());
        Space clog2 = new Space("Cinema Gamut", CameraLog.CANON_LOG2, Gamut.CANON_CINEMA_GAMUT.toAces());
        Space clog3 = new Space("Cinema Gamut", CameraLog.CANON_LOG3, Gamut.CANON_CINEMA_GAMUT.toAces());
        Space clog2Bt2020 = new Space("Rec.2020", CameraLog.CANON_LOG2, Gamut.REC2020.toAces(ChromaticAdaptation.CAT02));
        Space clog3Bt2020 = new Space("Rec.2020", CameraLog.CANON_LOG3, Gamut.REC2020.toAces(ChromaticAdaptation.CAT02));
        Space vlog = new Space("V-Gamut", CameraLog.PANASONIC_VLOG, Gamut.PANASONIC_V_GAMUT.toAces());
        Space bmd = new Space("BMD WG Gen5", CameraLog.BLACKMAGIC_FILM_GEN5, Gamut.BLACKMAGIC_WIDE_GAMUT_GEN5.toAces());
        Space apple = new Space("Rec.2020", CameraLog.APPLE_LOG, Gamut.REC2020.toAces(ChromaticAdaptation.CAT02));
        Space unity = new Space("AP0", null, Matrix3.IDENTITY);
        both(acesProxy(10), "ACEScsc.Academy.%s", "CSC.Academy.%s", "ACESproxy10i");
        both(acesProxy(12), "ACEScsc.Academy.%s", "CSC.Academy.%s", "ACESproxy12i");
        both(acescc, "ACEScsc.Academy.%s", "CSC.Academy.%s", "ACEScc");
        both(acescct, "ACEScsc.Academy.%s", "CSC.Academy.%s", "ACEScct");
        both(acescg, "ACEScsc.Academy.%s", "CSC.Academy.%s", "ACEScg");
        both(logc3, "ACEScsc.Academy.%s", null, "LogC_EI800_AWG");
        both(logc3, "CSC.Arri.%s", null, "LogC3");
        for (int ei : ALEXA_EXPOSURE_INDICES) {
            ArriLogC3 curve = ArriLogC3.of(ei);
            to(new Space("AWG3", "LogC3 EI" + ei, curve::decode, curve::encode, ALEXA_IDT_AWG3_TO_ACES), "IDT.ARRI.Alexa-v3-logC-EI" + ei);
        }
        both(logc4, "CSC.Arri.%s", null, "LogC4");
        to(logc4, "IDT.ARRI.ARRI-LogC4");
        both(slog3, "ACEScsc.Academy.%s", "CSC.Sony.%s", "SLog3_SGamut3");
        both(slog3Cine, "ACEScsc.Academy.%s", "CSC.Sony.%s", "SLog3_SGamut3Cine");
        to(slog3, "IDT.Sony.SLog3_SGamut3");
        to(slog3Cine, "IDT.Sony.SLog3_SGamut3Cine");
        both(veniceSlog3, "ACEScsc.Academy.%s", null, "SLog3_Venice_SGamut3");
        both(veniceSlog3Cine, "ACEScsc.Academy.%s", null, "SLog3_Venice_SGamut3Cine");
        both(veniceSlog3, "CSC.Sony.%s", null, "Venice_SLog3_SGamut3");
        both(veniceSlog3Cine, "CSC.Sony.%s", null, "Venice_SLog3_SGamut3Cine");
        to(veniceSlog3, "IDT.Sony.Venice_SLog3_SGamut3");
        to(veniceSlog3Cine, "IDT.Sony.Venice_SLog3_SGamut3Cine");
        both(dlog, "CSC.DJI.%s", null, "DLog_DGamut");
        both(log3g10, "ACEScsc.Academy.%s", "CSC.Red.%s", "Log3G10_RWG");
        both(clog2, "ACEScsc.Academy.%s", "CSC.Canon.%s", "CLog2_CGamut");
        both(clog3, "ACEScsc.Academy.%s", "CSC.Canon.%s", "CLog3_CGamut");
        both(clog2Bt2020, "CSC.Canon.%s", null, "CLog2_BT2020");
        both(clog3Bt2020, "CSC.Canon.%s", null, "CLog3_BT2020");
        both(vlog, "ACEScsc.Academy.%s", "CSC.Panasonic.%s", "VLog_VGamut");
        both(bmd, "ACEScsc.Academy.%s", "CSC.Blackmagic.%s", "BMDFilm_WideGamut_Gen5");
        to(bmd, "IDT.BlackmagicDesign.BMDFilm_WideGamut_Gen5");
        both(apple, "CSC.Apple.%s", null, "AppleLog_BT2020");
        to(apple, "IDT.Apple.AppleLog_BT2020");
        to(unity, "CSC.Academy.Unity");
        // ACES 1 Canon IDTs (IDT.Canon.CanonLog2/3_*_D55|Tng.a1.v2): the same curves with Canon's fixed matrices for
        // daylight (D55) and tungsten white balance, printed in the CTL as ACES = M · linear.
        Map<String, Matrix3> canon = Map.of(
                "CinemaGamut_D55", Matrix3.of(0.763064455, 0.149021161, 0.087914384, 0.003657457, 1.106960380, -0.110617837,
                        -0.009407794, -0.218383305, 1.227791099),
                "CinemaGamut_Tng", Matrix3.of(0.817416293, 0.090755698, 0.091828009, -0.035361374, 1.065690585, -0.030329211,
                        0.010390366, -0.299271107, 1.288880741),
                "BT2020_D55", Matrix3.of(0.678891151, 0.158868422, 0.162240427, 0.045570831, 0.860712772, 0.093716397,
                        -0.000485710, 0.025060196, 0.975425515),
                "BT2020_Tng", Matrix3.of(0.724488568, 0.115140904, 0.160370529, 0.010659276, 0.839605344, 0.149735380,
                        0.014560161, -0.028562057, 1.014001897));
        canon.forEach((variant, m) -> {
            to(new Space(variant, CameraLog.CANON_LOG2, m), "IDT.Canon.CanonLog2_" + variant);
            to(new Space(variant, CameraLog.CANON_LOG3, m), "IDT.Canon.CanonLog3_" + variant);
        });
        for (int bits : new int[] {10, 16}) {
            for (String prefix : new String[] {"ACEScsc.Academy.", "CSC.Academy."}) {
                NAMES.put(prefix + "ADX" + bits + "_to_ACES", new Pair(adx(bits), null));
            }
        }
        for (int bits : new int[] {10, 12}) {
            String n1 = "SLog1_SGamut_" + bits + "i";
            Space slog1 = sonySLog(1, bits, "S-Gamut", S_GAMUT);
            to(slog1, "CSC.Sony." + n1 + "_to_ACES");
            to(slog1, "IDT.Sony." + n1);
            for (String white : new String[] {"Daylight", "Tungsten"}) {
                String n2 = "SLog2_SGamut_" + white + "_" + bits + "i";
                Space slog2 = sonySLog(2, bits, "S-Gamut " + white, white.equals("Daylight") ? S_GAMUT_DAYLIGHT : S_GAMUT_TUNGSTEN);
                to(slog2, "CSC.Sony." + n2 + "_to_ACES");
                to(slog2, "IDT.Sony." + n2);
            }
        }
        NAMES.put("LMT.Academy.ReferenceGamutCompress", Pair.of("ACES 1.3 gamut compression", GamutCompress::forward,
                GamutCompress::inverse));
        NAMES.put("InvLMT.Academy.ReferenceGamutCompress", Pair.of("ACES 1.3 inverse gamut compression",
                GamutCompress::inverse, GamutCompress::forward));
        Map<String, Aces13.Display> odtByStep = new java.util.HashMap<>();
        for (Aces13.Display d : Aces13.Display.values()) {
            odtByStep.put("ACES 1.3 ODT.Academy." + d.id(), d);
        }
        ColorOp.Fusion rrtWithOdt = next -> {
            Aces13.Display d = next instanceof ColorOp.StepOp s ? odtByStep.get(s.name()) : null;
            return d == null ? null : new ColorOp.StepOp("ACES 1.3 RRT + ODT.Academy." + d.id(), c -> Aces13.rrtOdt(d, c));
        };
        NAMES.put("RRT", new Pair(List.of(new ColorOp.StepOp("ACES 1.3 RRT", Aces13::rrt, rrtWithOdt)),
                List.of(new ColorOp.StepOp("inverse ACES 1.3 RRT", Aces13::inverseRrt))));
        NAMES.put("InvRRT", Pair.of("ACES 1.3 inverse RRT", Aces13::inverseRrt, Aces13::rrt));
        for (Aces13.Display d : Aces13.Display.values()) {
            String n = "ODT.Academy." + d.id();
            ColorStep odt = c -> Aces13.odt(d, c);
            ColorStep inverse = c -> Aces13.inverseOdt(d, c);
            NAMES.put(n, Pair.of("ACES 1.3 " + n, odt, inverse));
            if (d.academyInverse()) {
                NAMES.put("Inv" + n, Pair.of("ACES 1.3 Inv" + n, inverse, odt));
            }
        }
        for (Aces13Hdr.Output o : Aces13Hdr.Output.values()) {
            String n = "RRTODT.Academy." + o.id();
            ColorStep forward = c -> Aces13Hdr.apply(o, c);
            ColorStep inverse = c -> Aces13Hdr.inverse(o, c);
            NAMES.put(n, Pair.of("ACES 1.3 " + n, forward, inverse));
            NAMES.put("Inv" + n, Pair.of("ACES 1.3 Inv" + n, inverse, forward));
        }
        // The CTL file names where they differ from the transform ids inside them (some tools write the file name).
        Map.of("ODT.Academy.sRGB_100nits_dim", "ODT.Academy.RGBmonitor_100nits_dim",
                "ODT.Academy.sRGB_D60sim_100nits_dim", "ODT.Academy.RGBmonitor_D60sim_100nits_dim",
                "ODT.Academy.P3DCI_D60sim_48nits", "ODT.Academy.P3DCI_48nits",
                "ODT.Academy.DCDM_P3D60limited", "ODT.Academy.DCDM_P3D60",
                "RRTODT.Academy.P3D65_108nits_7.2nits_ST2084", "RRTODT.Academy.P3D65_108nits_7point2nits_ST2084").forEach((file, id) -> {
                    NAMES.put(file, NAMES.get(id));
                    if (NAMES.containsKey("Inv" + id)) {
                        NAMES.put("Inv" + file, NAMES.get("Inv" + id));
                    }
                });
        Aces20.PRESETS.forEach(TransformRegistry::aces20);
    }

    private static void aces20(Aces20.Preset preset) {
        String name = preset.name();
        ColorStep forward = builtOnFirstUse(() -> Aces20.of(preset)::forward);
        ColorStep inverse = builtOnFirstUse(() -> Aces20.of(preset)::inverse);
        NAMES.put(name, Pair.of("ACES 2.0 " + name, forward, inverse));
        NAMES.put("Inv" + name, Pair.of("ACES 2.0 Inv" + name, inverse, forward));
    }

    /**
     * A step whose tables are built when a pipeline first runs it (an ACES 2.0 preset's take milliseconds, and the
     * registry holds 108 of them), then called directly: no per-pixel lookup.
     */
    private static ColorStep builtOnFirstUse(Supplier<ColorStep> build) {
        return new ColorStep() {
            private volatile ColorStep built;

            @Override
            public void apply(double[] rgb) {
                ColorStep step = built;
                if (step == null) {
                    step = build.get();
                    built = step;
                }
                step.apply(rgb);
            }
        };
    }

    private static void both(Space s, String pattern1, String pattern2, String name) {
        for (String p : pattern2 == null ? new String[] {pattern1} : new String[] {pattern1, pattern2}) {
            NAMES.put(p.formatted(name + "_to_ACES"), new Pair(s.toAcesOps(), s.fromAcesOps()));
            NAMES.put(p.formatted("ACES_to_" + name), new Pair(s.fromAcesOps(), s.toAcesOps()));
        }
    }

    private static void to(Space s, String name) {
        NAMES.put(name, new Pair(s.toAcesOps(), s.fromAcesOps()));
    }

    private TransformRegistry() {
    }

    /** The name an identifier stands for, without its urn prefix and revision suffix (null when it is no ACES transform id). */
    public static String name(String transformId) {
        Matcher m = URN.matcher(transformId.strip());
        return m.matches() ? m.group(1) : null;
    }

    public static boolean supports(String transformId) {
        String name = name(transformId);
        return name != null && NAMES.containsKey(name);
    }

    /** The transform, or its inverse, as one step. */
    public static ColorStep resolve(String transformId, boolean inverse, String file) {
        ColorPipeline p = new ColorPipeline(ops(transformId, inverse, file));
        return p::apply;
    }

    /** The transform, or its inverse, as declared operations (for a {@link ColorPipeline}). */
    public static List<ColorOp> ops(String transformId, boolean inverse, String file) {
        Matcher id = URN.matcher(transformId.strip());
        if (!id.matches()) {
            throw Errors.invalidDocument(file, transformId, "not an ACES transform identifier (urn:ampas:aces:transformId:v1.5|v2.0:…)",
                    "Use an Academy transform id, or give the transform as a CLF file");
        }
        String name = id.group(1);
        Pair e = NAMES.get(name);
        if (e == null) {
            // Each suggestion as the full id, in the version and revision the file wrote (neither changes the maths).
            List<String> ids = closest(name, SUGGESTIONS).stream()
                    .map(n -> id.group().substring(0, id.start(1)) + n + id.group().substring(id.end(1))).toList();
            throw Errors.unsupportedFeature(file, -1, "ACES transform " + name,
                    "Closest: " + String.join(", ", ids) + ". Give the look or transform as a CLF file instead");
        }
        List<ColorOp> ops = inverse ? e.inverse() : e.forward();
        if (ops == null) {
            throw Errors.unsupportedFeature(file, -1, "the inverse of ACES transform " + name, "Rushes implements its forward direction only");
        }
        return ops;
    }

    /** How many implemented names an unknown one is answered with (the registry holds hundreds). */
    private static final int SUGGESTIONS = 5;

    /** Longest part of an unknown name compared: real names are under 80 characters, a hostile one could be megabytes. */
    private static final int MAX_COMPARED = 256;

    /**
     * The {@code count} implemented names nearest to {@code name}, ignoring case: most words in common first (the parts
     * between dots, underscores and hyphens: a vendor's look still finds the looks), then the smallest edit distance
     * (a typo finds its word), then alphabetical.
     */
    static List<String> closest(String name, int count) {
        String wanted = name.substring(0, Math.min(name.length(), MAX_COMPARED)).toLowerCase(Locale.ROOT);
        Set<String> words = words(wanted);
        record Candidate(String name, int sharedWords, int distance) {
        }
        return supported().stream().map(n -> {
            String lower = n.toLowerCase(Locale.ROOT);
            Set<String> shared = words(lower);
            shared.retainAll(words);
            return new Candidate(n, shared.size(), editDistance(wanted, lower));
        }).sorted(Comparator.comparingInt((Candidate c) -> -c.sharedWords()).thenComparingInt(Candidate::distance))
                .limit(count).map(Candidate::name).toList();
    }

    private static Set<String> words(String name) {
        return new HashSet<>(List.of(name.split("[._-]+")));
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one character. */
    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** Every transform name this registry implements (ACES 1 and ACES 2 forms). */
    public static List<String> supported() {
        List<String> names = new ArrayList<>(NAMES.keySet());
        Collections.sort(names);
        return names;
    }
}
