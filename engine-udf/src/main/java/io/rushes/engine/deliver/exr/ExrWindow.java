package io.rushes.engine.deliver.exr;

/**
 * An OpenEXR box2i: inclusive pixel bounds. The data window holds the pixels stored; the display window is the frame
 * they are shown in. A data window larger than the display window is overscan (an FDL canvas around its framing).
 */
public record ExrWindow(int xMin, int yMin, int xMax, int yMax) {
    public ExrWindow {
        if (xMax < xMin || yMax < yMin) {
            throw new IllegalArgumentException("window (" + xMin + " " + yMin + ") - (" + xMax + " " + yMax + ") is empty");
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
