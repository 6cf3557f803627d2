package io.rushes.engine.deliver.exr;

import io.rushes.engine.error.Errors;
import io.rushes.engine.fdl.Fdl;
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

    /**
     * A frame rendered at a whole FDL canvas, delivered with its overscan: the canvas is the data window and the framing
     * decision the display window, which sits at the origin (the decision's anchor and size rounded to whole pixels), so
     * the canvas outside the framing has negative coordinates or lies past the display window's far edges.
     */
    public static ExrImage framed(RgbImage canvas, Fdl.FramingDecision decision) {
        Fdl.Rect framing = decision.rect();
        long x = Math.round(framing.x());
        long y = Math.round(framing.y());
        long width = Math.round(framing.width());
        long height = Math.round(framing.height());
        if (width < 1 || height < 1 || x < 0 || y < 0 || x + width > canvas.width() || y + height > canvas.height()) {
            throw Errors.invalidArgument("framing decision " + decision.id() + " (" + width + "x" + height + " at " + x + "," + y
                    + ") does not lie within the " + canvas.width() + "x" + canvas.height() + " canvas image",
                    "Render the frame at the canvas the framing decision belongs to");
        }
        ExrWindow data = new ExrWindow((int) -x, (int) -y, (int) (canvas.width() - 1 - x), (int) (canvas.height() - 1 - y));
        return new ExrImage(canvas, null, data, ExrWindow.ofSize((int) width, (int) height));
    }

    /** An image with no overscan: data and display window both at the origin. */
    public static ExrImage of(RgbImage rgb) {
        ExrWindow w = ExrWindow.ofSize(rgb.width(), rgb.height());
        return new ExrImage(rgb, null, w, w);
    }
}
