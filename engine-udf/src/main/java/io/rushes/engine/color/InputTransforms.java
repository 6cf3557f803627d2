package io.rushes.engine.color;

import io.rushes.engine.metadata.ClipField;
import io.rushes.engine.metadata.ClipMetadata;
import java.util.Locale;

/**
 * The ACES input transform a clip's camera metadata names: its log curve ({@link ClipField#TRANSFER}), its gamut
 * ({@link ClipField#COLOUR_PRIMARIES}), the exposure index a LogC3 curve depends on ({@link ClipField#ISO}) and the
 * camera (a VENICE's S-Gamut3 differs from other Sony cameras'). One mapping for every format, used by inspection (the
 * catalog's {@code aces_input_transform_id}) and by the render path. Video transfer tags (Rec.709, BT.1886) are left to
 * the frame decoder; a log curve named without what it needs (LogC3 without an EI, S-Log3 without a gamut) names no
 * transform, so the frame is refused with the choices rather than guessed.
 */
public final class InputTransforms {
    /** What the user can do about a frame of unknown encoding. */
    public static final String CHOICES = "Name its encoding with --input-transform ID (or an AMF's inputTransform), e.g. "
            + "urn:ampas:aces:transformId:v1.5:IDT.ARRI.Alexa-v3-logC-EI800.a1.v2, …:IDT.ARRI.ARRI-LogC4.a1.v1, "
            + "…:IDT.Sony.SLog3_SGamut3Cine.a1.v1, …:ACEScsc.Academy.ACEScct_to_ACES.a1.0.3, or …:v2.0:InvOutput.Academy."
            + "Rec709-D65_100nit_in_Rec709-D65_BT1886.a2.v1 for display-referred video";

    private static final String V15 = "urn:ampas:aces:transformId:v1.5:";

    private InputTransforms() {
    }

    /** The input transform the metadata names, or null when it names none (video, raw, or not enough to choose). */
    public static PixelEncoding of(ClipMetadata md) {
        String id = id(md);
        if (id == null) {
            return null;
        }
        return PixelEncoding.transform(id, describe(md));
    }

    /** The ACES transform id the metadata names (as {@link #of}), or null. */
    public static String id(ClipMetadata md) {
        String given = md.string(ClipField.ACES_INPUT_TRANSFORM);
        if (given != null && TransformRegistry.supports(given)) {
            return given;
        }
        String transfer = normalise(md.string(ClipField.TRANSFER));
        String gamut = normalise(md.string(ClipField.COLOUR_PRIMARIES));
        String model = normalise(md.string(ClipField.CAMERA_MODEL));
        if (transfer.isEmpty()) {
            return null;
        }
        String name;
        if (transfer.contains("logc4")) {
            name = "IDT.ARRI.ARRI-LogC4.a1.v1";
        } else if (transfer.contains("logc")) {
            Integer ei = exposureIndex(md);
            name = ei == null || !TransformRegistry.supports(V15 + "IDT.ARRI.Alexa-v3-logC-EI" + ei) ? null
                    : "IDT.ARRI.Alexa-v3-logC-EI" + ei + ".a1.v2";
        } else if (transfer.contains("slog3")) {
            String venice = model.contains("venice") ? "Venice_" : "";
            name = gamut.contains("sgamut3cine") ? "IDT.Sony." + venice + "SLog3_SGamut3Cine.a1.v1"
                    : gamut.contains("sgamut3") ? "IDT.Sony." + venice + "SLog3_SGamut3.a1.v1" : null;
        } else if (transfer.contains("log3g10")) {
            name = "ACEScsc.Academy.Log3G10_RWG_to_ACES.a1.1.0";
        } else if (transfer.contains("vlog")) {
            name = "ACEScsc.Academy.VLog_VGamut_to_ACES.a1.1.0";
        } else if (transfer.contains("canonlog2") || transfer.contains("clog2")) {
            name = gamut.contains("2020") ? "CSC.Canon.CLog2_BT2020_to_ACES.a1.v1" : gamut.contains("cinemagamut")
                    ? "ACEScsc.Academy.CLog2_CGamut_to_ACES.a1.1.0" : null;
        } else if (transfer.contains("canonlog3") || transfer.contains("clog3")) {
            name = gamut.contains("2020") ? "CSC.Canon.CLog3_BT2020_to_ACES.a1.v1" : gamut.contains("cinemagamut")
                    ? "ACEScsc.Academy.CLog3_CGamut_to_ACES.a1.1.0" : null;
        } else if (transfer.contains("applelog")) {
            name = "IDT.Apple.AppleLog_BT2020.a1.v1";
        } else if (transfer.contains("bmdfilm") && transfer.contains("gen5")) {
            name = "IDT.BlackmagicDesign.BMDFilm_WideGamut_Gen5.a1.v1";
        } else if (transfer.contains("dlog")) {
            name = "CSC.DJI.DLog_DGamut_to_ACES.a1.v1";
        } else {
            return null;
        }
        return name == null ? null : V15 + name;
    }

    private static String describe(ClipMetadata md) {
        String transfer = md.string(ClipField.TRANSFER);
        String gamut = md.string(ClipField.COLOUR_PRIMARIES);
        Integer ei = exposureIndex(md);
        return (transfer == null ? "" : transfer) + (gamut == null ? "" : " / " + gamut)
                + (ei == null || transfer == null || !normalise(transfer).contains("logc") ? "" : " EI " + ei) + " (camera metadata)";
    }

    private static Integer exposureIndex(ClipMetadata md) {
        Double iso = md.number(ClipField.ISO);
        return iso == null || !Double.isFinite(iso) ? null : (int) Math.round(iso);
    }

    /** Lower case without spaces, dots, dashes or underscores: "S-Log3", "SLog3" and "s_log3" match alike. */
    private static String normalise(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[\\s._-]", "");
    }
}
