package io.rushes.engine.render;

import io.rushes.engine.fdl.CanvasTemplateApplication;
import io.rushes.engine.format.FrameReader;
import io.rushes.engine.image.ImageLimits;
import io.rushes.engine.image.Lanczos;
import io.rushes.engine.image.Region;
import io.rushes.engine.image.RgbImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A frame framed by a canvas template application: develops only the source pixels the output's active area reads
 * (the Lanczos support around the mapped rectangle, plus the demosaic's margin inside the developer), then
 * crops, de-squeezes and scales them in linear light into the new canvas, padding outside its effective area.
 */
public final class FdlFraming {
    /** The framed image, the sensor region developed (null when the whole frame was), and warnings for the user. */
    public record Result(RgbImage image, Region developed, List<String> warnings) {
    }

    private FdlFraming() {
    }

    /**
     * @param reader the frame's reader (its size as stored and orientation)
     * @param develop develops a region of the frame as stored (null: all of it) in linear light, not oriented
     */
    public static Result render(FrameReader reader, String file, CanvasTemplateApplication a, Function<Region, RgbImage> develop) {
        // Before anything is developed: the canvas the template made is the image allocated below.
        ImageLimits.check("the framed image of template '" + a.template().id() + "'", a.canvas().width(), a.canvas().height(),
                "A deliverable never needs this much: give the template (" + a.template().path() + ") smaller target_dimensions or "
                        + "maximum_dimensions");
        List<String> warnings = new ArrayList<>();
        int orientation = reader.orientation();
        int[] active = {reader.width(), reader.height()};
        boolean transposed = orientation >= 5 && orientation <= 8;
        int mediaW = transposed ? active[1] : active[0];
        int mediaH = transposed ? active[0] : active[1];
        double canvasW = a.source().dimensions().width();
        double canvasH = a.source().dimensions().height();
        if (canvasW != mediaW || canvasH != mediaH) {
            warnings.add(String.format(Locale.ROOT, "FDL canvas '%s' is %.0fx%.0f but %s is %dx%d: the FDL may belong to other media "
                    + "(ASC FDL §5.3); framing maps canvas pixels onto the image as they are", a.source().id(), canvasW, canvasH, file, mediaW, mediaH));
        }
        int width = (int) a.canvas().width();
        int height = (int) a.canvas().height();
        CanvasTemplateApplication.Layer content = a.effective();
        Lanczos.Axis ax = new Lanczos.Axis(a.scaleX(), a.originX(), a.translationX());
        Lanczos.Axis ay = new Lanczos.Axis(a.scaleY(), a.originY(), a.translationY());
        int colStart = (int) Math.max(0, Math.ceil(content.x() - 0.5));
        int colEnd = (int) Math.min(width, Math.ceil(content.x() + content.width() - 0.5));
        int rowStart = (int) Math.max(0, Math.ceil(content.y() - 0.5));
        int rowEnd = (int) Math.min(height, Math.ceil(content.y() + content.height() - 0.5));
        RgbImage source;
        Region region = null;
        if (orientation <= 1 && colStart < colEnd && rowStart < rowEnd) {
            int[] cols = Lanczos.reach(ax, colStart, colEnd, mediaW);
            int[] rows = Lanczos.reach(ay, rowStart, rowEnd, mediaH);
            region = new Region(cols[0], rows[0], cols[1] - cols[0] + 1, rows[1] - rows[0] + 1);
            source = develop.apply(region);
            ax = new Lanczos.Axis(ax.scale(), ax.origin() - region.x(), ax.translation());
            ay = new Lanczos.Axis(ay.scale(), ay.origin() - region.y(), ay.translation());
        } else {
            // A rotated or mirrored frame: the canvas is the upright image, so develop it whole and orient it first.
            source = develop.apply(null).oriented(orientation);
        }
        RgbImage framed = Lanczos.resample(source, ax, ay, width, height, content.x(), content.y(),
                content.x() + content.width(), content.y() + content.height());
        return new Result(framed, region, warnings);
    }
}
