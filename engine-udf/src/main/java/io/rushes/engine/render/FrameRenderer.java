package io.rushes.engine.render;

import io.rushes.engine.color.Chromaticities;
import io.rushes.engine.color.ColorOp;
import io.rushes.engine.color.ColorPipeline;
import io.rushes.engine.color.ColorProcessor;
import io.rushes.engine.color.InputTransforms;
import io.rushes.engine.color.PixelEncoding;
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
import io.rushes.engine.format.CameraFormat;
import io.rushes.engine.format.FrameDecoders;
import io.rushes.engine.format.FrameReader;
import io.rushes.engine.format.SourceFrame;
import io.rushes.engine.image.Demosaic;
import io.rushes.engine.image.RawImage;
import io.rushes.engine.image.Region;
import io.rushes.engine.image.RgbImage;
import io.rushes.engine.io.ByteSink;
import io.rushes.engine.io.ByteSource;
import io.rushes.engine.metadata.ClipField;
import io.rushes.engine.metadata.ClipMetadata;
import io.rushes.engine.metadata.Timecode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders one frame of any source a {@link io.rushes.engine.format.FrameDecoder} reads, at a pipeline stage: {@code raw}
 * (a mosaic's CFA values as stored, no orientation, as {@code dcraw -D -4 -t 0 -T}), {@code rgb} (white-balanced camera
 * RGB of a mosaic, or an RGB source's values as decoded), {@code aces} (ACES2065-1, ACEScg or ACEScct: a mosaic by raw
 * development, an RGB frame through the input transform its encoding names) or {@code display} (ACES2065-1 through a
 * display pipeline: an AMF's, or by default the ACES 2.0 Rec.709 output). Orientation is applied once, last, and named
 * in the file's description with what the frame was developed from (its white, or its input transform). A mosaic's
 * processor is compiled per frame (microseconds: a few 3×3 products), as each frame carries its own neutral; an RGB
 * encoding's once per renderer.
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
     * @param input what an RGB source's values are, overriding what its file says (--input-transform, an AMF's input
     *     transform); null: from the file (its camera metadata first, then its own tags). A mosaic is developed from its
     *     raw values and never takes one.
     */
    public record Options(Stage stage, Format format, DngDevelop.Output output, Demosaic.Method method, Double kelvin,
                          Region region, ColorProcessor display, int fit, ExrCompression exrCompression,
                          FrameOverlay overlay, CanvasTemplateApplication framing, PixelEncoding input) {
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
            if (input != null && !input.known()) {
                throw new IllegalArgumentException("an input override must be a known encoding: " + input);
            }
            if (overlay != null && stage != Stage.DISPLAY) {
                throw Errors.invalidArgument("burn-ins on the " + stage.name().toLowerCase(java.util.Locale.ROOT) + " stage: they are drawn in "
                        + "display code values, after the output transform", "Burn in on the display stage only");
            }
        }

        public Options(Stage stage, Format format, DngDevelop.Output output, Demosaic.Method method, Double kelvin,
                Region region, ColorProcessor display, int fit, ExrCompression exrCompression, FrameOverlay overlay,
                CanvasTemplateApplication framing) {
            this(stage, format, output, method, kelvin, region, display, fit, exrCompression, overlay, framing, null);
        }

        public Options(Stage stage, Format format, DngDevelop.Output output, Demosaic.Method method, Double kelvin,
                Region region, ColorProcessor display, int fit, ExrCompression exrCompression, FrameOverlay overlay) {
            this(stage, format, output, method, kelvin, region, display, fit, exrCompression, overlay, null, null);
        }

        public Options(Stage stage, Format format, DngDevelop.Output output, Demosaic.Method method, Double kelvin,
                Region region, ColorProcessor display, int fit, ExrCompression exrCompression) {
            this(stage, format, output, method, kelvin, region, display, fit, exrCompression, null, null, null);
        }

        /** These options with the frame framed by {@code application}. */
        public Options withFraming(CanvasTemplateApplication application) {
            return new Options(stage, format, output, method, kelvin, region, display, fit, exrCompression, overlay, application, input);
        }

        /** These options with RGB sources read as {@code encoding} (null: as their files say). */
        public Options withInput(PixelEncoding encoding) {
            return new Options(stage, format, output, method, kelvin, region, display, fit, exrCompression, overlay, framing, encoding);
        }

        public Options(Stage stage, Format format, DngDevelop.Output output, Demosaic.Method method, Double kelvin,
                Region region) {
            this(stage, format, output, method, kelvin, region, null, 0, null, null, null, null);
        }

        public Options(Stage stage, Format format, DngDevelop.Output output, Demosaic.Method method, Double kelvin) {
            this(stage, format, output, method, kelvin, null, null, 0, null, null, null, null);
        }
    }

    private static final FrameDecoders DECODERS = FrameDecoders.loadDefault();

    private final Options options;
    /** The compiled processors from each RGB encoding met to the options' output, built once per encoding. */
    private final Map<String, ColorProcessor> inputProcessors = new ConcurrentHashMap<>();

    public FrameRenderer(Options options) {
        this.options = options;
    }

    public Options options() {
        return options;
    }

    /**
     * One source opened for rendering: its format (told by content), its frame reader, and its camera metadata, read
     * once for all the frames taken from it (a movie's hundreds, a still's one).
     */
    public static final class Input implements AutoCloseable {
        private final ByteSource source;
        private final CameraFormat format;
        private final FrameReader reader;
        private ClipMetadata metadata;
        private PixelEncoding metadataEncoding;
        private boolean metadataEncodingFound;

        private Input(ByteSource source, CameraFormat format, FrameReader reader) {
            this.source = source;
            this.format = format;
            this.reader = reader;
        }

        /**
         * Opens {@code source} (which stays the caller's to close): a format nothing decodes is refused with what it is
         * and what would decode it, never as damaged.
         */
        public static Input open(ByteSource source) {
            CameraFormat format = DECODERS.format(source);
            return new Input(source, format, DECODERS.open(source, format, "rendered"));
        }

        public ByteSource source() {
            return source;
        }

        public FrameReader reader() {
            return reader;
        }

        /** The input transform the source's camera metadata names (null: none), found once for all its frames. */
        PixelEncoding metadataEncoding() {
            if (!metadataEncodingFound) {
                metadataEncoding = InputTransforms.of(metadata());
                metadataEncodingFound = true;
            }
            return metadataEncoding;
        }

        /** The source's camera metadata, as inspection reads it. */
        public ClipMetadata metadata() {
            if (metadata == null) {
                metadata = format.read(source);
            }
            return metadata;
        }

        @Override
        public void close() {
            reader.close();
        }
    }

    /** The region grown by a margin on every side, within the frame. */
    private static Region expand(Region r, int m, FrameReader reader) {
        int x0 = Math.max(0, r.x() - m);
        int y0 = Math.max(0, r.y() - m);
        int x1 = (int) Math.min(reader.width(), (long) r.x() + r.width() + m);
        int y1 = (int) Math.min(reader.height(), (long) r.y() + r.height() + m);
        return new Region(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
    }

    /** What rendering one frame gave: the image's size ("WxH") and warnings for the user (values clipped by the format…). */
    public record Rendered(String size, List<String> warnings) {
    }

    private static String describe(Region r) {
        return r.x() + "," + r.y() + "," + r.width() + "," + r.height();
    }

    /** Refuses a region that is not inside the frame (a mosaic's active area), giving the frame's size. */
    private static void checkRegion(Region r, FrameReader reader, String file) {
        if ((long) r.x() + r.width() > reader.width() || (long) r.y() + r.height() > reader.height()) {
            throw Errors.invalidArgument("the region " + describe(r) + " reaches past the active area, which is " + reader.width() + "x"
                    + reader.height(), "Give a region inside 0,0," + reader.width() + "," + reader.height() + " (coordinates as stored, before "
                    + "orientation)").inFile(file);
        }
    }

    /**
     * Develops frame {@code index} of {@code in}, only {@code region} of it (coordinates as stored; null for all of it),
     * decoding only it and the demosaic's margin, to {@code output} in linear light or its encoding. Not oriented.
     */
    public RgbImage develop(Input in, long index, Region region, DngDevelop.Output output) {
        return developFrame(in, index, region, output).image();
    }

    /** A developed frame and what it was developed from (its white, or its RGB encoding), for file descriptions. */
    private record Frame(RgbImage image, String from) {
    }

    private Frame developFrame(Input in, long index, Region region, DngDevelop.Output output) {
        String file = in.source().name();
        if (region != null) {
            checkRegion(region, in.reader(), file);
        }
        Region decoded = region == null ? null : expand(region, Demosaic.margin(options.method()), in.reader());
        SourceFrame frame = in.reader().read(index, decoded);
        RgbImage developed;
        String from;
        if (frame instanceof SourceFrame.Mosaic mosaic) {
            DngColor color = mosaic.color().at(options.kelvin());
            developed = DngDevelop.pipeline(color, output, options.method()).compile().run(mosaic.raw());
            from = "white " + String.format(java.util.Locale.ROOT, "%.5f,%.5f", color.whiteXy()[0], color.whiteXy()[1])
                    + (mosaic.raw().correction() == null ? "" : "; " + mosaic.raw().correction().describe() + " applied");
        } else {
            SourceFrame.Rgb rgb = (SourceFrame.Rgb) frame;
            PixelEncoding encoding = encoding(in, rgb);
            developed = convert(rgb, in, encoding, output);
            from = output == DngDevelop.Output.CAMERA_RGB ? "source RGB values as decoded" : "input " + encoding;
        }
        if (region != null) {
            developed = developed.crop(new Region(region.x() - decoded.x(), region.y() - decoded.y(), region.width(), region.height()));
        }
        return new Frame(developed, from);
    }

    /** Develops a whole frame to the options' output (camera RGB for the rgb stage), oriented upright. */
    public RgbImage develop(Input in, long index) {
        DngDevelop.Output output = options.stage() == Stage.RGB ? DngDevelop.Output.CAMERA_RGB : options.output();
        return develop(in, index, null, output).oriented(in.reader().orientation());
    }

    /**
     * What an RGB frame's values are: the options' override, else the input transform its camera metadata names (an
     * ALEXA's LogC3 at its EI, a VENICE's S-Log3…), else what its own tags say.
     */
    public PixelEncoding encoding(Input in, SourceFrame.Rgb frame) {
        if (options.input() != null) {
            return options.input();
        }
        PixelEncoding fromMetadata = in.metadataEncoding();
        return fromMetadata != null ? fromMetadata : frame.encoding();
    }

    /** An RGB frame to {@code output}: its values as decoded for camera RGB, else through its input transform to ACES. */
    private RgbImage convert(SourceFrame.Rgb frame, Input in, PixelEncoding encoding, DngDevelop.Output output) {
        RgbImage image = frame.image(); // the caller's (FrameReader.read): converted in place
        if (output == DngDevelop.Output.CAMERA_RGB) {
            return image;
        }
        if (!encoding.known()) {
            throw Errors.encodingUnknown(in.source().name(), encoding.description(), InputTransforms.CHOICES);
        }
        inputProcessors.computeIfAbsent(encoding.id() + " to " + output, k -> {
            List<ColorOp> ops = new ArrayList<>(encoding.toAces());
            if (output != DngDevelop.Output.ACES2065_1) {
                ops.add(new ColorOp.MatrixOp("AP0 to AP1", Chromaticities.AP1.xyzToRgb().times(Chromaticities.AP0.rgbToXyz())));
            }
            if (output == DngDevelop.Output.ACESCCT) {
                ops.add(new ColorOp.CurveOp("ACEScct", null, io.rushes.engine.color.CameraLog.ACESCCT::encode));
            }
            return new ColorPipeline(ops);
        }).applyImage(image.data());
        return image;
    }

    /** The frame's camera metadata, the primaries of what was rendered and where it came from, as OpenEXR attributes. */
    private static List<ExrAttribute> exrAttributes(Input in, DngDevelop.Output output, String description) {
        List<ExrAttribute> attributes = new ArrayList<>(ExrStandardAttributes.fromClip(in.metadata()));
        double[] primaries = switch (output) {
            case ACES2065_1 -> ExrStandardAttributes.AP0;
            case ACESCG, ACESCCT -> ExrStandardAttributes.AP1;
            case CAMERA_RGB -> null;
        };
        if (primaries != null) {
            attributes.removeIf(a -> a.name().equals("chromaticities") || a.name().equals("adoptedNeutral"));
            attributes.add(ExrStandardAttributes.chromaticities(primaries));
            attributes.add(ExrStandardAttributes.adoptedNeutral(primaries[6], primaries[7]));
        }
        attributes.removeIf(a -> a.name().equals("comments"));
        attributes.add(ExrStandardAttributes.comments(description));
        return attributes;
    }

    /** An ACEScct log frame's DPX header: its own timecode (the file's first frame's, counted on to this one) and rate. */
    private static DpxMetadata dpxMetadata(Input in, long index, ByteSink out) {
        ClipMetadata md = in.metadata();
        Double fps = md.number(ClipField.PROJECT_FPS);
        String tc = md.string(ClipField.START_TIMECODE);
        DpxMetadata dpx = DpxMetadata.of(DpxEncoding.ACESCCT).withNames(out.name().substring(out.name().lastIndexOf('/') + 1), "Rushes",
                null, null, md.string(ClipField.REEL));
        if (fps != null && fps > 0) {
            dpx = dpx.withTimecode(tc == null ? null : Timecode.parse(tc, Timecode.countingRate(fps)).plusFrames(index), fps);
        }
        return dpx;
    }

    /**
     * A frame developed to the options' stage (and through the display processor and any overlay for the display
     * stage), not yet written.
     */
    private record Developed(RgbImage image, DngDevelop.Output output, String description, List<String> warnings) {
    }

    private Developed developed(Input in, long index, FrameOverlay.MoviePosition position) {
        ByteSource source = in.source();
        DngDevelop.Output output = switch (options.stage()) {
            case RGB -> DngDevelop.Output.CAMERA_RGB;
            case DISPLAY -> DngDevelop.Output.ACES2065_1;
            default -> options.output();
        };
        int o = in.reader().orientation();
        RgbImage image;
        String from;
        List<String> framingWarnings = List.of();
        if (options.framing() != null) {
            // Framed in linear light (ACEScg for ACEScct): log values are never resampled.
            DngDevelop.Output linear = output == DngDevelop.Output.ACESCCT ? DngDevelop.Output.ACESCG : output;
            String[] developedFrom = new String[1];
            FdlFraming.Result framed = FdlFraming.render(in.reader(), source.name(), options.framing(), region -> {
                Frame f = developFrame(in, index, region, linear);
                developedFrom[0] = f.from();
                return f.image();
            });
            from = developedFrom[0];
            image = framed.image();
            framingWarnings = framed.warnings();
            if (output == DngDevelop.Output.ACESCCT) {
                encodeAcesCct(image);
            }
        } else {
            Frame f = developFrame(in, index, options.region(), output);
            image = f.image().oriented(o);
            from = f.from();
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
            warnings.addAll(options.overlay().draw(image, new FrameOverlay.Frame(source, in::metadata, developedWidth, developedHeight, position)));
        }
        String framedBy = options.framing() == null ? "" : "; framed by canvas template " + options.framing().template().id()
                + " (decision " + options.framing().decision().id() + ")";
        String description = "rushes " + rendered + " from " + source.name() + (in.reader().frameCount() > 1 ? " frame " + index : "")
                + framedBy + "; orientation " + o + " applied; " + from;
        return new Developed(image, output, description, warnings);
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
        try (Input in = Input.open(source)) {
            return image(in, 0, position);
        }
    }

    /** Frame {@code index} of an open source, as an image at the options' stage. */
    public RgbImage image(Input in, long index, FrameOverlay.MoviePosition position) {
        if (options.stage() == Stage.RAW) {
            throw Errors.invalidArgument("the raw stage's CFA values are not an image to put in a movie", "Use a developed stage");
        }
        return developed(in, index, position).image();
    }

    /** Renders and writes one frame; returns its size ("WxH") and the warnings to show the user. */
    public Rendered render(ByteSource source, ByteSink out) throws IOException {
        try (Input in = Input.open(source)) {
            return render(in, 0, out);
        }
    }

    /** Renders and writes frame {@code index} of an open source. */
    public Rendered render(Input in, long index, ByteSink out) throws IOException {
        if (options.format() == null) {
            throw new IllegalStateException("no still format in these options: frames of a movie are taken with image()");
        }
        if (options.stage() == Stage.RAW) {
            if (options.region() != null) {
                checkRegion(options.region(), in.reader(), in.source().name());
            }
            if (!(in.reader().read(index, options.region()) instanceof SourceFrame.Mosaic mosaic)) {
                throw Errors.invalidArgument("the raw stage of " + in.format.description() + ": it holds RGB values, not a colour "
                        + "filter array's photosites", "Render it at --stage rgb (its values as decoded) or aces").inFile(in.source().name());
            }
            RawImage raw = mosaic.raw();
            TiffImages.writeRaw(raw, out, "rushes raw CFA values as stored, active area " + raw.width() + "x" + raw.height());
            return new Rendered(raw.width() + "x" + raw.height(), List.of());
        }
        Developed developed = developed(in, index, null);
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
                    exrAttributes(in, output, description), null, out);
            case DPX10, DPX16 -> {
                DpxWriter.Clipping clipped = DpxWriter.write(image, options.format() == Format.DPX10 ? DpxWriter.Depth.TEN : DpxWriter.Depth.SIXTEEN,
                        dpxMetadata(in, index, out), out);
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
