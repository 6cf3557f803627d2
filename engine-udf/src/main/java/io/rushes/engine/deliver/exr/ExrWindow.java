package io.rushes.engine.deliver.exr;

import io.rushes.engine.error.Errors;

/**
 * An OpenEXR box2i: inclusive pixel bounds. The data window holds the pixels stored; the display window is the frame
 * they are shown in. A data window larger than the display window is overscan (an FDL canvas around its framing).
 */
public record ExrWindow(int xMin, int yMin, int xMax, int yMax) {
    public ExrWindow {
        if (xMax < xMin || yMax < yMin) {
            throw Errors.invalidArgument("the OpenEXR window (" + xMin + " " + yMin + ") - (" + xMax + " " + yMax + ") holds no pixel",
                    "Give a window whose maximum is at or past its minimum on both axes");
        }
    }

    /** The window of a {@code width x height} image at the origin. */
    public static ExrWindow ofSize(int width, int height) {
        return new ExrWindow(0, 0, width - 1, height - 1);
    }

    public long width() {
        return (long) xMax - xMin + 1;
    }

    public long height() {
        return (long) yMax - yMin + 1;
    }
}
