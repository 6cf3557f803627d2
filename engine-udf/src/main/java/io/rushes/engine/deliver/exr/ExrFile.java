package io.rushes.engine.deliver.exr;

import io.rushes.engine.error.Errors;
import io.rushes.engine.image.RgbImage;
import java.util.List;
import java.util.Map;

/**
 * An OpenEXR scanline image as {@link OpenExrReader} read it: the header's attributes (all of them, by name), its
 * compression, windows and channels, and each channel's samples as a row-major float plane over the data window
 * (HALF and FLOAT exactly; UINT exactly up to 2^24).
 */
public record ExrFile(String name, ExrCompression compression, ExrWindow dataWindow, ExrWindow displayWindow,
        List<Channel> channels, Map<String, ExrAttribute> attributes, Map<String, float[]> planes) {

    /** One channel of the channel list. */
    public record Channel(String name, ExrPixelType type) {
    }

    public ExrAttribute attribute(String attributeName) {
        return attributes.get(attributeName);
    }

    /**
     * The R, G and B planes interleaved; a luminance-only image (one Y channel, no chroma) as a grey, Y in each, as
     * OpenEXR's RGBA interface reads it. Refused when the file has neither.
     */
    public RgbImage rgb() {
        float[] y = planes.get("Y");
        boolean grey = y != null && !planes.containsKey("R") && !planes.containsKey("RY") && !planes.containsKey("BY");
        float[] r = grey ? y : planes.get("R");
        float[] g = grey ? y : planes.get("G");
        float[] b = grey ? y : planes.get("B");
        if (r == null || g == null || b == null) {
            throw Errors.unsupportedFeature(name, -1, "an OpenEXR image without R, G and B channels (it has "
                    + channels.stream().map(Channel::name).toList() + ")", "Give an RGB or RGBA OpenEXR image");
        }
        int width = (int) dataWindow.width();
        int height = (int) dataWindow.height();
        float[] out = new float[r.length * 3];
        for (int i = 0, o = 0; i < r.length; i++) {
            out[o++] = r[i];
            out[o++] = g[i];
            out[o++] = b[i];
        }
        return new RgbImage(width, height, out);
    }

    /** The A plane, or null. */
    public float[] alpha() {
        return planes.get("A");
    }
}
