package io.rushes.engine.format.openexr;

import io.rushes.engine.color.Chromaticities;
import io.rushes.engine.color.Gamut;
import io.rushes.engine.color.PixelEncoding;
import io.rushes.engine.deliver.exr.ExrAttribute;
import io.rushes.engine.deliver.exr.ExrFile;
import io.rushes.engine.deliver.exr.ExrStandardAttributes;
import io.rushes.engine.deliver.exr.OpenExrReader;
import io.rushes.engine.error.Errors;
import io.rushes.engine.format.FrameDecoder;
import io.rushes.engine.format.FrameReader;
import io.rushes.engine.format.SourceFrame;
import io.rushes.engine.format.WholeRgbFrame;
import io.rushes.engine.io.ByteSource;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * The pixels of an OpenEXR frame (a lab's plates, a vendor's renders): its data window's R, G and B, scene-linear in
 * the primaries of its {@code chromaticities} attribute. AP0 is ACES2065-1 and AP1 ACEScg as written; any other
 * primaries are converted with Bradford to the ACES white; without the attribute OpenEXR defines the primaries as
 * Rec.709 with a D65 white (ImfStandardAttributes.h), and that is what the encoding then says.
 */
public final class OpenExrFrames implements FrameDecoder {
    private static final float TOLERANCE = 1e-4f;

    @Override
    public Set<String> formats() {
        return Set.of("openexr");
    }

    /** The pixels are read on first use: opening a file to name it or check it decodes costs nothing. */
    @Override
    public FrameReader open(ByteSource source) {
        return new WholeRgbFrame(source.name()) {
            @Override
            protected SourceFrame.Rgb load() {
                ExrFile file = OpenExrReader.read(source);
                return new SourceFrame.Rgb(file.rgb(), encoding(file.attribute("chromaticities"), source.name()));
            }
        };
    }

    /** The encoding its chromaticities name (ACES2065-1, ACEScg, other linear primaries, or OpenEXR's Rec.709 default). */
    static PixelEncoding encoding(ExrAttribute chromaticities, String file) {
        if (chromaticities == null) {
            return PixelEncoding.linear(Gamut.REC709.primaries(), "Rec.709 (no chromaticities attribute: the OpenEXR default)");
        }
        float[] c = chromaticities.asFloats();
        if (c == null || c.length != 8 || !finite(c)) {
            throw Errors.corrupt(file, -1, "its chromaticities attribute (" + chromaticities.type() + ") does not hold 8 finite numbers: "
                    + "the primaries of its pixels are unknown");
        }
        if (close(c, ExrStandardAttributes.AP0)) {
            return PixelEncoding.ACES2065_1;
        }
        if (close(c, ExrStandardAttributes.AP1)) {
            return PixelEncoding.ACESCG;
        }
        return PixelEncoding.linear(new Chromaticities(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]),
                "primaries " + String.format(Locale.ROOT, "%s", Arrays.toString(c)));
    }

    private static boolean finite(float[] c) {
        for (float v : c) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static boolean close(float[] c, double[] want) {
        for (int i = 0; i < 8; i++) {
            if (Math.abs(c[i] - want[i]) > TOLERANCE) {
                return false;
            }
        }
        return true;
    }
}
