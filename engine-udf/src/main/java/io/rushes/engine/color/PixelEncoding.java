package io.rushes.engine.color;

import io.rushes.engine.color.aces.Aces20;
import java.util.List;

/**
 * What an RGB frame's values are, and the input transform that takes them to ACES2065-1: named by the file (an EXR's
 * chromaticities, a DPX's transfer code, a movie's colour tags and camera metadata), or by the user. An encoding the
 * file does not tell is {@link #unknown}: the render refuses it with the choices, and never guesses.
 *
 * @param id the ACES transform id of the input transform (or a name when the file's own primaries make it), recorded
 *     in every output
 * @param description what the values are, for messages and file descriptions
 * @param toAces the operations to ACES2065-1 (empty: already ACES2065-1; null: unknown)
 */
public record PixelEncoding(String id, String description, List<ColorOp> toAces) {
    private static final String V15 = "urn:ampas:aces:transformId:v1.5:";

    public static final PixelEncoding ACES2065_1 = new PixelEncoding("ACES2065-1", "ACES2065-1 (linear AP0)", List.of());
    public static final PixelEncoding ACESCG = transform(V15 + "ACEScsc.Academy.ACEScg_to_ACES.a1.0.3", "ACEScg (linear AP1)");
    public static final PixelEncoding ACESCCT = transform(V15 + "ACEScsc.Academy.ACEScct_to_ACES.a1.0.3", "ACEScct (log AP1)");
    /**
     * Display-referred Rec.709 video (BT.1886 on Rec.709 primaries) back to the scene through the inverse of the ACES 2.0
     * Rec.709 output transform, the one Rushes renders review media with: a clip rendered out again looks as it did.
     */
    public static final PixelEncoding REC709_VIDEO = transform("urn:ampas:aces:transformId:v2.0:Inv" + Aces20.DEFAULT_OUTPUT + ".a2.v1",
            "Rec.709 video (display-referred, BT.1886)");

    /**
     * Display-referred video on other primaries with the BT.1886 curve (SD: BT.601 625-line or SMPTE 170M): shown on its
     * display (power 2.4), converted to Rec.709 primaries in display light (the same D65 white; what lies outside
     * Rec.709 clipped, as a Rec.709 display would), re-encoded, then as {@link #REC709_VIDEO}.
     */
    public static PixelEncoding videoOn(Chromaticities primaries, String name) {
        Matrix3 toRec709 = Gamut.REC709.primaries().xyzToRgb().times(primaries.rgbToXyz());
        List<ColorOp> ops = new java.util.ArrayList<>();
        ops.add(new ColorOp.CurveOp("BT.1886 display (2.4)", null, v -> Math.signum(v) * Math.pow(Math.abs(v), 2.4)));
        ops.add(new ColorOp.MatrixOp(name + " to Rec.709 display light", toRec709));
        ops.add(new ColorOp.CurveOp("Rec.709 display gamut", null, v -> Math.max(0, Math.min(1, v))));
        ops.add(new ColorOp.CurveOp("BT.1886 encoding (1/2.4)", null, v -> Math.pow(v, 1 / 2.4)));
        ops.addAll(REC709_VIDEO.toAces());
        return new PixelEncoding(REC709_VIDEO.id() + " from " + name, name + " video (display-referred, BT.1886), to Rec.709 then "
                + REC709_VIDEO.description(), ops);
    }

    public PixelEncoding {
        toAces = toAces == null ? null : List.copyOf(toAces);
    }

    /** The values an ACES input transform (or colour space conversion) reads, by its transform id. */
    public static PixelEncoding transform(String transformId, String description) {
        return new PixelEncoding(transformId, description, TransformRegistry.ops(transformId, false, "input transform " + transformId));
    }

    /** An input transform given by the user (--input-transform, an AMF's input transform). */
    public static PixelEncoding chosen(String transformId) {
        String name = TransformRegistry.name(transformId);
        return transform(transformId, name == null ? transformId : name);
    }

    /** Scene-linear values on {@code primaries} (an EXR's chromaticities), adapted to the ACES white by Bradford. */
    public static PixelEncoding linear(Chromaticities primaries, String name) {
        double[] white = primaries.whiteXy();
        double[] aces = Chromaticities.AP0.whiteXy();
        Matrix3 adapt = white[0] == aces[0] && white[1] == aces[1] ? Matrix3.IDENTITY : ChromaticAdaptation.bradford(white, aces);
        Matrix3 toAces = Chromaticities.AP0.xyzToRgb().times(adapt).times(primaries.rgbToXyz());
        return new PixelEncoding("linear " + name, "scene-linear " + name, List.of(new ColorOp.MatrixOp(name + " to AP0", toAces)));
    }

    /** Values the file does not say the encoding of; {@code why} says what it does say. */
    public static PixelEncoding unknown(String why) {
        return new PixelEncoding("unknown", why, null);
    }

    public boolean known() {
        return toAces != null;
    }

    @Override
    public String toString() {
        return toAces == null || toAces.isEmpty() ? description : description + " through " + id;
    }
}
