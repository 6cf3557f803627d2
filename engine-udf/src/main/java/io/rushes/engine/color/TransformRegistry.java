package io.rushes.engine.color;

import io.rushes.engine.error.Errors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
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
        to(logc3, "IDT.ARRI.Alexa-v3-logC-EI800");
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
        NAMES.put("LMT.Academy.ReferenceGamutCompress", Pair.of("ACES 1.3 gamut compression", io.rushes.engine.color.aces.GamutCompress::forward,
                io.rushes.engine.color.aces.GamutCompress::inverse));
        NAMES.put("InvLMT.Academy.ReferenceGamutCompress", Pair.of("ACES 1.3 inverse gamut compression",
                io.rushes.engine.color.aces.GamutCompress::inverse, io.rushes.engine.color.aces.GamutCompress::forward));
        NAMES.put("RRT", Pair.of("ACES 1.3 RRT", io.rushes.engine.color.aces.Aces13::rrt, io.rushes.engine.color.aces.Aces13::inverseRrt));
        NAMES.put("InvRRT", Pair.of("ACES 1.3 inverse RRT", io.rushes.engine.color.aces.Aces13::inverseRrt, io.rushes.engine.color.aces.Aces13::rrt));
        for (io.rushes.engine.color.aces.Aces13.Display d : io.rushes.engine.color.aces.Aces13.Display.values()) {
            String n = switch (d) {
                case REC709_100NITS_DIM -> "ODT.Academy.Rec709_100nits_dim";
                case SRGB_100NITS_DIM -> "ODT.Academy.sRGB_100nits_dim";
                case P3D65_48NITS -> "ODT.Academy.P3D65_48nits";
                case REC2020_100NITS_DIM -> "ODT.Academy.Rec2020_100nits_dim";
                case P3D60_48NITS -> "ODT.Academy.P3D60_48nits";
            };
            NAMES.put(n, Pair.of(n, c -> io.rushes.engine.color.aces.Aces13.odt(d, c), c -> io.rushes.engine.color.aces.Aces13.inverseOdt(d, c)));
            NAMES.put("Inv" + n, Pair.of("Inv" + n, c -> io.rushes.engine.color.aces.Aces13.inverseOdt(d, c), c -> io.rushes.engine.color.aces.Aces13.odt(d, c)));
        }
        for (io.rushes.engine.color.aces.Aces13Hdr.Output o : io.rushes.engine.color.aces.Aces13Hdr.Output.values()) {
            String n = o.name(); // e.g. REC2020_1000NITS_15NITS_ST2084 → RRTODT.Academy.Rec2020_1000nits_15nits_ST2084
            String display = n.startsWith("REC2020") ? "Rec2020" : "P3D65";
            String rest = n.substring(n.indexOf('_') + 1).replace("NITS", "nits").replace("7_2", "7.2");
            hdr("RRTODT.Academy." + display + "_" + rest, o);
        }
        io.rushes.engine.color.aces.Aces20.PRESETS.forEach(TransformRegistry::aces20);
    }

    private static void aces20(io.rushes.engine.color.aces.Aces20.Preset preset) {
        String name = preset.name();
        ColorStep forward = c -> io.rushes.engine.color.aces.Aces20.of(preset).forward(c);
        ColorStep inverse = c -> io.rushes.engine.color.aces.Aces20.of(preset).inverse(c);
        NAMES.put(name, Pair.of("ACES 2.0 " + name, forward, inverse));
        NAMES.put("Inv" + name, Pair.of("ACES 2.0 Inv" + name, inverse, forward));
    }

    private static void hdr(String name, io.rushes.engine.color.aces.Aces13Hdr.Output output) {
        NAMES.put(name, Pair.of(name, c -> io.rushes.engine.color.aces.Aces13Hdr.apply(output, c), null));
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
        String name = name(transformId);
        if (name == null) {
            throw Errors.invalidDocument(file, transformId, "not an ACES transform identifier (urn:ampas:aces:transformId:v1.5|v2.0:…)",
                    "Use an Academy transform id, or give the transform as a CLF file");
        }
        Pair e = NAMES.get(name);
        if (e == null) {
            throw Errors.unsupportedFeature(file, -1, "ACES transform " + name,
                    "Rushes implements: " + String.join(", ", supported()) + ". Give the look or transform as a CLF file instead");
        }
        List<ColorOp> ops = inverse ? e.inverse() : e.forward();
        if (ops == null) {
            throw Errors.unsupportedFeature(file, -1, "the inverse of ACES transform " + name, "Rushes implements its forward direction only");
        }
        return ops;
    }

    /** Every transform name this registry implements (ACES 1 and ACES 2 forms). */
    public static List<String> supported() {
        List<String> names = new ArrayList<>(NAMES.keySet());
        Collections.sort(names);
        return names;
    }
}
