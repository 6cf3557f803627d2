package io.rushes.engine.render;

import io.rushes.engine.image.Region;
import io.rushes.engine.color.ColorProcessor;
import io.rushes.engine.color.amf.AmfPipeline;
import io.rushes.engine.deliver.dpx.DpxEncoding;
import io.rushes.engine.deliver.dpx.DpxMetadata;
import io.rushes.engine.deliver.dpx.DpxWriter;
import io.rushes.engine.deliver.exr.ExrAttribute;
import io.rushes.engine.deliver.exr.ExrCompression;
import io.rushes.engine.deliver.exr.ExrImage;
import io.rushes.engine.deliver.exr.ExrPixelType;
import io.rushes.engine.deliver.exr.ExrStandardAttributes;
import io.rushes.engine.deliver.exr.OpenExrWriter;
import io.rushes.engine.deliver.thumbnail.Thumbnails;
import io.rushes.engine.deliver.tiff.TiffImages;
import io.rushes.engine.develop.DngColor;
import io.rushes.engine.develop.DngDevelop;
import io.rushes.engine.error.Errors;
import io.rushes.engine.fdl.CanvasTemplateApplication;
import io.rushes.engine.format.dng.DngFormat;
import io.rushes.engine.format.dng.DngHeader;
import io.rushes.engine.format.dng.DngRawDecoder;
import io.rushes.engine.format.tiff.TiffTags;
import io.rushes.engine.image.Demosaic;
import io.rushes.engine.image.Processor;
import io.rushes.engine.image.RawImage;
import io.rushes.engine.image.RgbImage;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.ByteSink;
import io.rushes.engine.io.ByteSource;
import io.rushes.engine.metadata.ClipField;
import io.rushes.engine.metadata.ClipMetadata;
import io.rushes.engine.metadata.Timecode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Renders one DNG frame to a TIFF at a pipeline stage: {@code raw} (the CFA values as stored, no
 * orientation, as {@code dcraw -D -4 -t 0 -T}), {@code rgb} (white-balanced camera RGB), {@code aces}
 * (ACES2065-1, ACEScg or ACEScct) or {@code display} (ACES2065-1 through a display pipeline: an AMF's, or
 * by default the ACES 2.0 Rec.709 output). Orientation is applied once, last, and named in the TIFF description.
 * The processor is compiled per frame (microseconds: a few 3×3 products), as each frame carries its own neutral.
 */
public final class FrameRenderer {
    public enum Stage { RAW, RGB, ACES, DISPLAY }

    /**
     * TIFF for every stage; OpenEXR (16-bit half) for developed stages, with the camera metadata and the ACES
     * chromaticities; DPX (10-bit or 16-bit) for ACEScct log pulls; JPEG and PNG (8-bit thumbnails and posters) for
     * display code values only.
     */
    public enum Format { TIFF16, TIFF32F, EXR, DPX10, DPX16, JPEG, PNG }

    /**
     * @param region a rectangle of the active area in sensor (as stored) coordinates, or null for the whole frame
     * @param display with {@link Stage#DISPLAY}: the processor from ACES2065-1 to display code values, exact or baked
     *     (null: the default output, {@link AmfPipeline#defaultOutput()}, exact)
     * @param fit the longest side of the output in pixels, scaled down in linear light before any output transform
     *     (0: the frame's own size)
     * @param exrCompression with {@link Format#EXR}: the compression (null: ZIP, what VFX vendors take by default)
     * @param overlay with {@link Stage#DISPLAY}: burn-ins drawn on each display image after any fit (null: none)
     * @param framing an FDL canvas template applied to the frame: its framing decision cropped, de-squeezed and scaled
     *     into the template's canvas in linear light, before any fit and output transform (null: the whole frame)
     */
    public record Options(Stage stage, Format format, DngDevelop.Output output, Demosaic.Method method, Double kelvin,
                          Region region, ColorProcessor display, int fit, ExrCompression exrCompression,
                          FrameOverlay overlay, CanvasTemplateApplication framing) {
        /** Settings are checked here, where they enter the engine, so a bad one fails before any frame is read. */
        public Options {
            DngColor.checkKelvin(kelvin);
            if ((format == Format.JPEG || format == Format.PNG) && stage != Stage.DISPLAY) {
                throw Errors.invalidArgument(format.name().toLowerCase(java.util.Locale.ROOT) + " holds 8-bit display code values, not the "
                        + stage.name().toLowerCase(java.util.Locale.ROOT) + " stage", "Use --stage display (an output transform first), or a TIFF format");
            }
            if (format == Format.EXR && stage == Stage.RAW) {
                throw Errors.invalidArgument("OpenEXR plates are developed images, not the raw stage's CFA values",
                        "Use --stage aces (or rgb, display) with --format exr, or --format tiff16 for the raw stage");
            }
            if ((format == Format.DPX10 || format == Format.DPX16) && (stage != Stage.ACES || output != DngDevelop.Output.ACESCCT)) {
                throw Errors.invalidArgument("DPX holds integer code values from 0 to 1: a log pull, not scene-linear light",
                        "Use --stage aces --output acescct with a DPX format (or OpenEXR for linear plates)");
            }
            exrCompression = exrCompression == null ? ExrCompression.ZIP : exrCompression;
            if (fit < 0 || (fit > 0 && stage == Stage.RAW)) {
                throw Errors.invalidArgument("a fit of " + fit + " px" + (stage == Stage.RAW ? " on the raw stage (CFA values are never resampled)" : ""),
                        "Give the longest side in pixels (e.g. 512) on a developed stage, or leave --fit out");
            }
            if (region != null && (region.x() < 0 || region.y() < 0 || region.width() < 1 || region.height() < 1)) {
                throw Errors.invalidArgument("the region " + describe(region) + " is " + (region.width() < 1 || region.height() < 1 ? "empty" : "negative"),
                        "Give X,Y of at least 0 and W,H of at least 1, inside the frame's active area (sensor coordinates, as stored)");
            }
            if (framing != null && (stage == Stage.RAW || region != null)) {
                throw Errors.invalidArgument("FDL framing " + (stage == Stage.RAW ? "of the raw stage's CFA values (never resampled)"
                        : "and a --region together"), "Frame a developed stage, without --region (the framing decides what is developed)");
            }
            if (overlay != null && stage != Stage.DISPLAY) {
                throw Errors.invalidArgument("burn-ins on the " + stage.name().toLowerCase(java.util.Locale.ROOT) + " stage: they are drawn in "
                        + "display code values, after the output transform", "Burn in on the display stage only");
            }
        }

        public Options(Stage stage, Format format, DngDevelop.Output output, Demosaic.Method method, Double kelvin,
                Region region, ColorProcessor display, int fit, ExrCompression exrCompression, FrameOverlay overlay) {
            this(stage, format, output, method, kelvin, region, display, fit, exrCompression, overlay, null);
        }

        public Options(Stage stage, Format format, DngDevelop.Output output, Demosaic.Method method, Double kelvin,
                Region region, ColorProcessor display, int fit, ExrCompression exrCompression) {
            this(stage, format, output, method, kelvin, region, display, fit, exrCompression, null, null);
        }

        /** These options with the frame framed by {@code application}. */
        public Options withFraming(CanvasTemplateApplication application) {
            return new Options(stage, format, output, method, kelvin, region, display, fit, exrCompression, overlay, application);
        }

        public Options(Stage stage, Format format, DngDevelop.Output output, Demosaic.Method method, Double kelvin,
                Region region) {
            this(stage, format, output, method, kelvin, region, null, 0, null, null, null);
        }

        public Options(Stage stage, Format format, DngDevelop.Output output, Demosaic.Method method, Double kelvin) {
            this(stage, format, output, method, kelvin, null, null, 0, null, null, null);
        }
    }

    private final Options options;

    public FrameRenderer(Options options) {
        this.options = options;
    }

    /** The region grown by a margin on every side, within the active area. */
    private static Region expand(Region r, int m, DngHeader header) {
        int[] active = activeSize(header);
        int x0 = Math.max(0, r.x() - m);
        int y0 = Math.max(0, r.y() - m);
        int x1 = (int) Math.min(active[0], (long) r.x() + r.width() + m);
        int y1 = (int) Math.min(active[1], (long) r.y() + r.height() + m);
        return new Region(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
    }

    /** What rendering one frame gave: the image's size ("WxH") and warnings for the user (values clipped by the format…). */
    public record Rendered(String size, List<String> warnings) {
    }

    private static String describe(Region r) {
        return r.x() + "," + r.y() + "," + r.width() + "," + r.height();
    }

    /** Refuses a region that is not inside the frame's active area, giving the area's size. */
    private static void checkRegion(Region r, DngHeader header) {
        int[] active = activeSize(header);
        if ((long) r.x() + r.width() > active[0] || (long) r.y() + r.height() > active[1]) {
            throw Errors.invalidArgument("the region " + describe(r) + " reaches past the active area, which is " + active[0] + "x" + active[1],
                    "Give a region inside 0,0," + active[0] + "," + active[1] + " (sensor coordinates, as stored, before orientation)")
                    .inFile(header.tiff().reader().name());
        }
    }

    /**
     * The DNG header of a frame, once its content shows it is a DNG: any other format (a movie, MXF, OpenEXR, DPX, a
     * plain TIFF) is refused as unsupported, never as damaged.
     */
    public static DngHeader readHeader(ByteSource source) {
        FrameInputs.identify(source, Set.of(FrameInputs.Kind.DNG), "rendered");
        return DngHeader.read(BinaryReader.open(source));
    }

    /** Width and height of the active area (sensor coordinates, as stored), from the header alone. */
    public static int[] activeSize(DngHeader header) {
        Long w = header.raw().unsigned(io.rushes.engine.format.tiff.TiffTags.IMAGE_WIDTH);
        Long h = header.raw().unsigned(io.rushes.engine.format.tiff.TiffTags.IMAGE_LENGTH);
        double[] area = header.raw().numbers(io.rushes.engine.format.tiff.TiffTags.ACTIVE_AREA);
        long activeW = area != null && area.length == 4 ? (long) (area[3] - area[1]) : w == null ? 0 : w;
        long activeH = area != null && area.length == 4 ? (long) (area[2] - area[0]) : h == null ? 0 : h;
        return new int[] {(int) Math.max(0, Math.min(activeW, Integer.MAX_VALUE)), (int) Math.max(0, Math.min(activeH, Integer.MAX_VALUE))};
    }

    private static RgbImage crop(RgbImage img, int x, int y, int w, int h) {
        float[] out = new float[w * h * 3];
        for (int row = 0; row < h; row++) {
            System.arraycopy(img.data(), ((y + row) * img.width() + x) * 3, out, row * w * 3, w * 3);
        }
        return new RgbImage(w, h, out);
    }

    /** The TIFF Orientation of the frame (1 when absent). */
    public static int orientation(DngHeader header) {
        Long orientation = header.tiff().ifd0().unsigned(TiffTags.ORIENTATION);
        return orientation == null ? 1 : orientation.intValue();
    }

    /**
     * Develops a region of the active area (sensor coordinates, as stored; null for all of it), decoding only it and
     * the demosaic's margin. Not oriented.
     */
    public RgbImage develop(DngHeader header, Region region) {
        if (region != null) {
            checkRegion(region, header);
        }
        Region decoded = region == null ? null : expand(region, Demosaic.margin(options.method()), header);
        RawImage raw = DngRawDecoder.decode(header, decoded);
        DngColor color = DngColor.of(header, options.kelvin());
        return develop(header, raw, color, options.stage() == Stage.RGB ? DngDevelop.Output.CAMERA_RGB : options.output(), region, decoded);
    }

    private RgbImage develop(DngHeader header, RawImage raw, DngColor color, DngDevelop.Output output, Region want,
                             Region decoded) {
        DngDevelop.checkLevels(raw, header.tiff().reader().name(), header.raw().offset());
        Processor processor = DngDevelop.pipeline(color, output, options.method()).compile();
        RgbImage developed = processor.run(raw);
        if (want != null) {
            developed = crop(developed, want.x() - decoded.x(), want.y() - decoded.y(), want.width(), want.height());
        }
        return developed;
    }

    /** The frame's camera metadata, the primaries of what was rendered and where it came from, as OpenEXR attributes. */
    private static List<ExrAttribute> exrAttributes(ByteSource source, DngDevelop.Output output, String description) {
        List<ExrAttribute> attributes = new ArrayList<>(ExrStandardAttributes.fromClip(new DngFormat().read(source)));
        double[] primaries = switch (output) {
            case ACES2065_1 -> ExrStandardAttributes.AP0;
            case ACESCG, ACESCCT -> ExrStandardAttributes.AP1;
            case CAMERA_RGB -> null;
        };
        if (primaries != null) {
            attributes.add(ExrStandardAttributes.chromaticities(primaries));
            attributes.add(ExrStandardAttributes.adoptedNeutral(primaries[6], primaries[7]));
        }
        attributes.add(ExrStandardAttributes.comments(description));
        return attributes;
    }

    /** An ACEScct log frame's DPX header: its own timecode and rate, reel, and the file it came from. */
    private static DpxMetadata dpxMetadata(ByteSource source, ByteSink out) {
        ClipMetadata md = new DngFormat().read(source);
        Double fps = md.number(ClipField.PROJECT_FPS);
        String tc = md.string(ClipField.START_TIMECODE);
        DpxMetadata dpx = DpxMetadata.of(DpxEncoding.ACESCCT).withNames(out.name().substring(out.name().lastIndexOf('/') + 1), "Rushes",
                null, null, md.string(ClipField.REEL));
        if (fps != null && fps > 0) {
            dpx = dpx.withTimecode(tc == null ? null : Timecode.parse(tc, Timecode.countingRate(fps)), fps);
        }
        return dpx;
    }

    /**
     * A frame developed to the options' stage (and through the display processor and any overlay for the display
     * stage), not yet written.
     */
    private record Developed(RgbImage image, DngDevelop.Output output, String description, List<String> warnings) {
    }

    private Developed developed(ByteSource source, FrameOverlay.MoviePosition position) {
        DngHeader header = readHeader(source);
        DngColor color = DngColor.of(header, options.kelvin());
        DngDevelop.Output output = switch (options.stage()) {
            case RGB -> DngDevelop.Output.CAMERA_RGB;
            case DISPLAY -> DngDevelop.Output.ACES2065_1;
            default -> options.output();
        };
        int o = orientation(header);
        RgbImage image;
        List<String> framingWarnings = List.of();
        if (options.framing() != null) {
            FdlFraming.Result framed = FdlFraming.render(header, source.name(), options.framing(), linearDeveloper(output));
            image = framed.image();
            framingWarnings = framed.warnings();
            if (output == DngDevelop.Output.ACESCCT) {
                encodeAcesCct(image); // framed as ACEScg, in linear light: log values are never resampled
            }
        } else {
            Region want = options.region();
            Region decoded = want;
            if (want != null) {
                checkRegion(want, header);
                decoded = expand(want, Demosaic.margin(options.method()), header);
            }
            RawImage raw = DngRawDecoder.decode(header, decoded);
            image = develop(header, raw, color, output, want, decoded).oriented(o);
        }
        int developedWidth = image.width();
        int developedHeight = image.height();
        if (options.fit() > 0) {
            image = Thumbnails.fitWithin(image, options.fit()); // before the output transform: fewer pixels through it
        }
        String rendered = output.toString();
        if (options.stage() == Stage.DISPLAY) {
            ColorProcessor display = options.display() != null ? options.display() : AmfPipeline.defaultOutput().pipeline();
            display.applyImage(image.data());
            rendered = "display code values (" + display.describe() + ")";
        }
        List<String> warnings = new ArrayList<>(framingWarnings);
        if (options.overlay() != null) {
            warnings.addAll(options.overlay().draw(image, new FrameOverlay.Frame(source, developedWidth, developedHeight, position)));
        }
        String framedBy = options.framing() == null ? "" : "; framed by canvas template " + options.framing().template().id()
                + " (decision " + options.framing().decision().id() + ")";
        String description = "rushes " + rendered + " from " + source.name() + framedBy + "; orientation " + o + " applied; white "
                + String.format(java.util.Locale.ROOT, "%.5f,%.5f", color.whiteXy()[0], color.whiteXy()[1]);
        return new Developed(image, output, description, warnings);
    }

    /** The developer FDL framing resamples from: the options' encoding, in linear light (ACEScg for ACEScct). */
    private FrameRenderer linearDeveloper(DngDevelop.Output output) {
        DngDevelop.Output linear = output == DngDevelop.Output.ACESCCT ? DngDevelop.Output.ACESCG : output;
        Stage stage = linear == DngDevelop.Output.CAMERA_RGB ? Stage.RGB : Stage.ACES;
        return new FrameRenderer(new Options(stage, Format.TIFF32F, linear, options.method(), options.kelvin()));
    }

    private static void encodeAcesCct(RgbImage image) {
        float[] d = image.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) io.rushes.engine.color.CameraLog.ACESCCT.encode(d[i]);
        }
    }

    /** One frame as an image at the options' stage, for writers that take frames one by one (movies). */
    public RgbImage image(ByteSource source) {
        return image(source, null);
    }

    /** One frame of a movie at {@code position} there (its burnt-in timecode and number), as an image at the options' stage. */
    public RgbImage image(ByteSource source, FrameOverlay.MoviePosition position) {
        if (options.stage() == Stage.RAW) {
            throw Errors.invalidArgument("the raw stage's CFA values are not an image to put in a movie", "Use a developed stage");
        }
        return developed(source, position).image();
    }

    /** Renders and writes one frame; returns its size ("WxH") and the warnings to show the user. */
    public Rendered render(ByteSource source, ByteSink out) throws IOException {
        if (options.format() == null) {
            throw new IllegalStateException("no still format in these options: frames of a movie are taken with image()");
        }
        if (options.stage() == Stage.RAW) {
            DngHeader header = readHeader(source);
            if (options.region() != null) {
                checkRegion(options.region(), header);
            }
            RawImage raw = DngRawDecoder.decode(header, options.region());
            TiffImages.writeRaw(raw, out, "rushes raw CFA values as stored, active area " + raw.width() + "x" + raw.height());
            return new Rendered(raw.width() + "x" + raw.height(), List.of());
        }
        Developed developed = developed(source, null);
        RgbImage image = developed.image();
        DngDevelop.Output output = developed.output();
        String description = developed.description();
        List<String> warnings = new ArrayList<>(developed.warnings());
        switch (options.format()) {
            case TIFF16 -> {
                TiffImages.Clipping clipped = TiffImages.writeRgb16(image, out, description);
                if (clipped.pixels() > 0) {
                    warnings.add(out.name().substring(out.name().lastIndexOf('/') + 1) + ": " + clipped.warning());
                }
            }
            case TIFF32F -> TiffImages.writeRgbFloat(image, out, description);
            case EXR -> OpenExrWriter.write(ExrImage.of(image), new OpenExrWriter.Options(options.exrCompression(), ExrPixelType.HALF),
                    exrAttributes(source, output, description), null, out);
            case DPX10, DPX16 -> {
                DpxWriter.Clipping clipped = DpxWriter.write(image, options.format() == Format.DPX10 ? DpxWriter.Depth.TEN : DpxWriter.Depth.SIXTEEN,
                        dpxMetadata(source, out), out);
                // Below 0 in ACEScct is sensor noise under black, which every log pull clamps; above 1 is lost highlight.
                if (clipped.above() > 0) {
                    warnings.add(out.name().substring(out.name().lastIndexOf('/') + 1) + ": " + clipped.warning());
                }
            }
            case JPEG -> Thumbnails.write(image, Thumbnails.Format.JPEG, out);
            case PNG -> Thumbnails.write(image, Thumbnails.Format.PNG, out);
        }
        return new Rendered(image.width() + "x" + image.height(), warnings);
    }
}
