package io.rushes.engine.deliver.exr;

import io.rushes.engine.error.Errors;
import io.rushes.engine.image.RgbImage;

/**
 * What {@link OpenExrWriter} writes: RGB pixels (and an optional alpha plane, row-major), placed at the data window
 * inside the display window. A data window larger than the display window carries overscan.
 */
public record ExrImage(RgbImage rgb, float[] alpha, ExrWindow dataWindow, ExrWindow displayWindow) {
    public ExrImage {
        if (dataWindow.width() != rgb.width() || dataWindow.height() != rgb.height()) {
            throw Errors.invalidArgument("the data window is " + dataWindow.width() + "x" + dataWindow.height() + " but the image is "
                    + rgb.width() + "x" + rgb.height(), "Give a data window of the image's size");
        }
        if (alpha != null && alpha.length != rgb.width() * rgb.height()) {
            throw Errors.invalidArgument("the alpha plane holds " + alpha.length + " values for " + rgb.width() + "x" + rgb.height()
                    + " pixels", "Give one alpha value per pixel");
        }
    }

    /** An image with no overscan: data and display window both at the origin. */
    public static ExrImage of(RgbImage rgb) {
        ExrWindow w = ExrWindow.ofSize(rgb.width(), rgb.height());
        return new ExrImage(rgb, null, w, w);
    }
}
