package io.rushes.engine.render;

import io.rushes.engine.error.Errors;
import io.rushes.engine.format.dng.DngColor;
import io.rushes.engine.format.dng.DngDevelop;
import io.rushes.engine.format.dng.DngHeader;
import io.rushes.engine.format.dng.DngRawDecoder;
import io.rushes.engine.format.tiff.TiffTags;
import io.rushes.engine.image.Demosaic;
import io.rushes.engine.image.Processor;
import io.rushes.engine.image.RawImage;
import io.rushes.engine.image.RgbImage;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.ByteSource;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Renders one DNG frame to a TIFF at a pipeline stage: {@code raw} (the CFA values as stored, no
 * orientation, as {@code dcraw -D -4 -t 0 -T}), {@code rgb} (white-balanced camera RGB) or {@code aces}
 * (ACES2065-1, ACEScg or ACEScct). Orientation is applied once, last, and named in the TIFF description.
 * The processor is compiled per frame (microseconds: a few 3×3 products), as each frame carries its own neutral.
 */
public final class FrameRenderer {
    public enum Stage { RAW, RGB, ACES }

    public enum Format { TIFF16, TIFF32F }

    public record Options(Stage stage, Format format, DngDevelop.Output output, Demosaic.Method method, Double kelvin) {
    }

    private final Options options;

    public FrameRenderer(Options options) {
        this.options = options;
    }

    /** Renders and writes; returns the written image's size as "WxH". */
    public String render(ByteSource source, Path out) throws IOException {
        DngHeader header = DngHeader.read(BinaryReader.open(source));
        RawImage raw = DngRawDecoder.decode(header);
        if (options.stage() == Stage.RAW) {
            TiffImages.writeRaw(raw, out, "rushes raw CFA values as stored, active area " + raw.width() + "x" + raw.height());
            return raw.width() + "x" + raw.height();
        }
        DngColor color = DngColor.of(header, options.kelvin());
        DngDevelop.Output output = options.stage() == Stage.RGB ? DngDevelop.Output.CAMERA_RGB : options.output();
        Processor processor = DngDevelop.pipeline(color, output, options.method()).compile();
        Long orientation = header.tiff().ifd0().unsigned(TiffTags.ORIENTATION);
        int o = orientation == null ? 1 : orientation.intValue();
        RgbImage image = processor.run(raw).oriented(o);
        String description = "rushes " + output + " from " + source.name() + "; orientation " + o + " applied; white "
                + String.format(java.util.Locale.ROOT, "%.5f,%.5f", color.whiteXy()[0], color.whiteXy()[1]);
        switch (options.format()) {
            case TIFF16 -> TiffImages.writeRgb16(image, out, description);
            case TIFF32F -> TiffImages.writeRgbFloat(image, out, description);
            default -> throw Errors.invalidArgument("format " + options.format(), "Use tiff16 or tiff32f");
        }
        return image.width() + "x" + image.height();
    }
}
