package io.rushes.engine.format;

import io.rushes.engine.color.PixelEncoding;
import io.rushes.engine.develop.RawColor;
import io.rushes.engine.image.RawImage;
import io.rushes.engine.image.RgbImage;

/**
 * One decoded frame and what its values are: the render path takes a mosaic through raw development and an RGB
 * frame through the input transform its encoding names, both to ACES2065-1.
 */
public sealed interface SourceFrame permits SourceFrame.Mosaic, SourceFrame.Rgb {
    /** Photosites of a colour filter array as stored, with the camera's colour model (for a white balance in kelvin too). */
    record Mosaic(RawImage raw, RawColor color) implements SourceFrame {
    }

    /** Demosaicked or video RGB values, interleaved, in {@code encoding}. */
    record Rgb(RgbImage image, PixelEncoding encoding) implements SourceFrame {
    }
}
