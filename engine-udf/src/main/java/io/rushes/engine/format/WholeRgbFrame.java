package io.rushes.engine.format;

import io.rushes.engine.image.Region;
import io.rushes.engine.image.RgbImage;

/**
 * The one RGB frame of a file read whole (a TIFF, an OpenEXR or DPX image): read on first use, so opening the file to
 * name it or to check it decodes costs nothing, then kept for the regions asked of it.
 */
public abstract class WholeRgbFrame extends StillFrame {
    private SourceFrame.Rgb loaded;

    protected WholeRgbFrame(String file) {
        super(file);
    }

    /** Reads the whole image and what its values are; called once. */
    protected abstract SourceFrame.Rgb load();

    protected final SourceFrame.Rgb loaded() {
        if (loaded == null) {
            loaded = load();
        }
        return loaded;
    }

    @Override
    public int width() {
        return loaded().image().width();
    }

    @Override
    public int height() {
        return loaded().image().height();
    }

    /** A copy of the image or of its region: the kept image is never handed out (the caller may change what it gets). */
    @Override
    protected final SourceFrame decode(Region region) {
        SourceFrame.Rgb all = loaded();
        RgbImage image = all.image();
        return new SourceFrame.Rgb(region == null ? new RgbImage(image.width(), image.height(), image.data().clone()) : image.crop(region),
                all.encoding());
    }
}
