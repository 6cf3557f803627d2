package io.rushes.engine.deliver.spec;

import io.rushes.engine.api.RenderUnit;
import io.rushes.engine.color.ColorPipeline;
import io.rushes.engine.color.ColorProcessor;
import io.rushes.engine.color.LutBake;
import io.rushes.engine.color.TransformRegistry;
import io.rushes.engine.color.amf.AmfPipeline;
import io.rushes.engine.color.amf.AmfReader;
import io.rushes.engine.deliver.burnin.BurnIn;
import io.rushes.engine.deliver.burnin.BurnInTemplate;
import io.rushes.engine.deliver.burnin.BurnInTemplates;
import io.rushes.engine.deliver.exr.ExrCompression;
import io.rushes.engine.deliver.movie.MovieCodec;
import io.rushes.engine.deliver.movie.MovieContainer;
import io.rushes.engine.deliver.movie.MovieSettings;
import io.rushes.engine.deliver.movie.MovieWriter;
import io.rushes.engine.develop.DngDevelop;
import io.rushes.engine.error.Errors;
import io.rushes.engine.fdl.CanvasTemplateApplication;
import io.rushes.engine.image.Demosaic;
import io.rushes.engine.image.Region;
import io.rushes.engine.image.RgbImage;
import io.rushes.engine.io.ByteSink;
import io.rushes.engine.io.ByteSourceFactory;
import io.rushes.engine.metadata.ClipField;
import io.rushes.engine.metadata.ClipMetadata;
import io.rushes.engine.metadata.FrameRates;
import io.rushes.engine.metadata.Timecode;
import io.rushes.engine.render.FrameOverlay;
import io.rushes.engine.render.FrameRenderer;
import io.rushes.engine.render.OpenSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliverable made ready to render: its specification as the renderer's settings, and its naming template with the
 * values the user gave ({@code shot}, {@code plate}, {@code version}). Everything that can be refused is refused here,
 * before any frame is read: a scene-linear movie, a field the naming or burn-in template uses
 * without a value.
 */
public final class Deliverable {
    private final DeliverableSpec spec;
    private final FrameRenderer.Options options;
    private final Map<NameTemplate.Field, String> given;

    private Deliverable(DeliverableSpec spec, FrameRenderer.Options options, Map<NameTemplate.Field, String> given) {
        this.spec = spec;
        this.options = options;
        this.given = given;
    }

    /** What the user chooses beside the specification: how to develop, not what to deliver. */
    public record Development(Demosaic.Method method, Double kelvin, Region region, int lutSize, double lutBudget) {
    }

    /**
     * The deliverable of {@code spec} with the naming values {@code values} (keys shot, plate, version), developed as
     * {@code development} says. An AMF the spec names is read relative to {@code folder} (the spec file's; null for a
     * shipped spec, which names none).
     */
    public static Deliverable prepare(DeliverableSpec spec, Map<String, String> values, Path folder, Development development) {
        if (spec.format().movie() && !spec.colour().display()) {
            throw Errors.invalidDocument(spec.file(), "$.colour", "a review movie holds display code values, not scene-linear light",
                    "Give the movie a display colour ({\"stage\": \"display\"})");
        }
        if (!spec.colour().display() && development.lutSize() != 0) {
            throw Errors.invalidArgument("a LUT bakes a display pipeline, and " + spec.name() + " is scene-referred (no output transform)",
                    "Leave --lut out, or use a display deliverable");
        }
        Map<NameTemplate.Field, String> given = given(spec, values);
        BurnIn burnIn = burnIn(spec, values, folder, development);
        FrameRenderer.Options options = new FrameRenderer.Options(
                spec.colour().display() ? FrameRenderer.Stage.DISPLAY : FrameRenderer.Stage.ACES,
                spec.format().movie() ? null : renderFormat(spec.format()),
                output(spec.colour().space()),
                development.method(), development.kelvin(), development.region(),
                spec.colour().display() ? display(spec, folder, development) : null,
                spec.fit(),
                spec.compression() == null ? null : ExrCompression.valueOf(spec.compression().name()), burnIn);
        return new Deliverable(spec, options, given);
    }

    /**
     * The spec's burn-in template compiled with the values given (null: none). Its framing decision maps onto the whole
     * developed frame, so it is refused with a region of it.
     */
    private static BurnIn burnIn(DeliverableSpec spec, Map<String, String> values, Path folder, Development development) {
        if (spec.burnIn() == null) {
            BURN_IN_VALUES.stream().filter(values::containsKey).findFirst().ifPresent(key -> {
                throw Errors.invalidArgument("--set " + key + "=…: " + spec.name() + " has no burn-in template to draw framing with",
                        "Leave it out, or use a deliverable with burn_in (e.g. prores-4444-review-burnin)");
            });
            return null;
        }
        BurnInTemplate template = BurnInTemplates.resolve(spec.burnIn(), folder, spec.file());
        if (template.framing() != null && development.region() != null) {
            throw Errors.invalidArgument("framing lines with --region: the FDL's canvas is the whole frame, and a region renders part of it",
                    "Leave --region out, or use a burn-in template without framing");
        }
        return BurnIn.compile(template, values, spec.name());
    }

    public DeliverableSpec spec() {
        return spec;
    }

    /**
     * This deliverable with every frame framed by {@code application}: the source's framing decision through the
     * specification's FDL canvas template ({@code resolution.canvas_template}), which the shot's FDL holds.
     */
    public Deliverable framedBy(CanvasTemplateApplication application) {
        return new Deliverable(spec, options.withFraming(application), given);
    }

    /** This deliverable with RGB sources read as {@code encoding} over what their files say. */
    public Deliverable readingAs(io.rushes.engine.color.PixelEncoding encoding) {
        return new Deliverable(spec, options.withInput(encoding), given);
    }

    public boolean movie() {
        return spec.format().movie();
    }

    /**
     * Writes {@code frames} (one clip, in order) as this deliverable's movie through {@code sink}: each developed and
     * taken through the display processor, at the first frame's size, rate, start timecode and reel. The frames of one
     * file (a movie source's) are decoded forward from one open reader. Returns the frames written.
     */
    public long writeMovie(List<RenderUnit.Frame> frames, ByteSourceFactory sources, ByteSink sink, Path scratchFolder) throws IOException {
        FrameRenderer renderer = new FrameRenderer(options);
        MovieWriter writer = null;
        MovieSettings settings = null;
        Long firstNumber = null;
        try (OpenSource open = new OpenSource(sources)) {
            for (int i = 0; i < frames.size(); i++) {
                RenderUnit.Frame frame = frames.get(i);
                FrameRenderer.Input input = open.input(frame.location());
                if (settings == null) {
                    settings = movieSettings(input, frame.index());
                    firstNumber = input.reader().numbersFramesByIndex() ? frame.frame() : BurnIn.frameNumber(input.source().name());
                }
                // Burnt in as the movie counts them (its tmcd track), from its first frame.
                RgbImage image = renderer.image(input, frame.index(), new FrameOverlay.MoviePosition(
                        settings.startTimecode() == null ? null : settings.startTimecode().plusFrames(i).toString(),
                        firstNumber == null ? null : firstNumber + i));
                if (writer == null) {
                    writer = MovieWriter.open(sink, scratchFolder, image.width(), image.height(), settings);
                }
                writer.write(image);
            }
            if (writer == null) {
                throw Errors.invalidArgument("a movie needs at least one frame", "Give the clip's frames");
            }
            writer.finish();
            return writer.frames();
        } finally {
            if (writer != null) {
                writer.close();
            }
        }
    }

    /**
     * The movie's rate, start timecode and reel, from its first frame's metadata (24 fps when it records none); a movie
     * source's frame {@code index} starts that many frames after the file's own start timecode.
     */
    private MovieSettings movieSettings(FrameRenderer.Input first, long index) {
        ClipMetadata md = first.metadata();
        Double fps = md.number(ClipField.PROJECT_FPS);
        int[] rate = fps == null || !(fps > 0 && fps <= 1000) ? new int[] {24, 1} : FrameRates.rational(fps);
        MovieSettings settings = MovieSettings.of(codec(spec.format()), rate[0], rate[1])
                .in(spec.naming().extension().equals("mxf") ? MovieContainer.MXF : MovieContainer.MOV); // the name's extension wraps it
        String tc = md.string(ClipField.START_TIMECODE);
        String reel = md.string(ClipField.REEL);
        Timecode start = tc == null ? null : Timecode.parse(tc, Timecode.countingRate((double) rate[0] / rate[1])).plusFrames(index);
        return start == null && reel == null ? settings : settings.withTimecode(start, reel);
    }

    private static MovieCodec codec(DeliverableSpec.Format format) {
        return switch (format) {
            case PRORES_422HQ -> MovieCodec.PRORES_422_HQ;
            case PRORES_4444 -> MovieCodec.PRORES_4444;
            case PRORES_4444XQ -> MovieCodec.PRORES_4444_XQ;
            case DNXHR_HQX -> MovieCodec.DNXHR_HQX;
            case DNXHR_444 -> MovieCodec.DNXHR_444;
            case H264 -> MovieCodec.H264_HIGH;
            case TIFF16, TIFF32F, EXR, DPX10, DPX16, JPEG, PNG -> throw new IllegalStateException("still " + format + " is not a movie");
        };
    }

    /** The renderer's settings for every frame of this deliverable. */
    public FrameRenderer.Options options() {
        return options;
    }

    /** A single file's name ending in its frame number, as a sequence's frames are named: CLIP.0086400, CLIP_0012. */
    private static final Pattern NUMBERED = Pattern.compile("(.+?)[._-]([0-9]{1,9})");

    /**
     * The file name of one frame of clip {@code clip} (frame number {@code frame}; null for a clip of one file, whose
     * name then gives the number when it ends in one, as a sequence's would), its reel read from the frame's metadata
     * only when the template uses it. {@code frame} is open already: a file nothing decodes was refused as such, not for
     * its name.
     */
    public String fileName(FrameRenderer.Input first, String clip, Long frame) {
        Map<NameTemplate.Field, String> values = new EnumMap<>(given);
        Matcher numbered = NUMBERED.matcher(clip);
        if (frame == null && numbered.matches()) {
            clip = numbered.group(1);
            frame = Long.parseLong(numbered.group(2));
        }
        values.put(NameTemplate.Field.CLIP, clip);
        if (frame != null) {
            values.put(NameTemplate.Field.FRAME, Long.toString(frame));
        }
        if (spec.naming().fields().contains(NameTemplate.Field.REEL)) {
            String reel = first.metadata().string(ClipField.REEL);
            if (reel != null) {
                values.put(NameTemplate.Field.REEL, reel);
            }
        }
        try {
            return spec.naming().expand(values);
        } catch (NameTemplate.Invalid e) {
            throw Errors.invalidDocument(first.source().name(), null, "no file name for it from " + spec.name() + ": " + e.getMessage(),
                    frame == null ? "Render its sequence's folder, or name the file CLIP.FRAME (e.g. " + clip + ".0001) so it has a frame number"
                            : "Use a naming template whose fields give only [A-Za-z0-9._-] for this clip");
        }
    }

    /** Values given for a burn-in template's framing lines rather than for the naming template. */
    private static final List<String> BURN_IN_VALUES = List.of(BurnIn.FDL_VALUE, BurnIn.DECISION_VALUE);

    /** The values given for the naming template, each checked, and every field the template uses without one refused. */
    private static Map<NameTemplate.Field, String> given(DeliverableSpec spec, Map<String, String> values) {
        Map<NameTemplate.Field, String> given = new EnumMap<>(NameTemplate.Field.class);
        List<String> keys = NameTemplate.Field.GIVEN.stream().map(NameTemplate.Field::key).toList();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (BURN_IN_VALUES.contains(e.getKey())) {
                continue; // the burn-in's framing decision, checked where it is read
            }
            NameTemplate.Field field = NameTemplate.Field.GIVEN.stream().filter(f -> f.key().equals(e.getKey())).findFirst().orElse(null);
            if (field == null) {
                throw Errors.invalidArgument("--set " + e.getKey() + "=…: " + e.getKey() + " is not a value to set",
                        "Set " + String.join(", ", keys) + " (clip, reel and frame come from each frame), or " + String.join(", ", BURN_IN_VALUES)
                                + " for a burn-in's framing lines");
            }
            String v = e.getValue();
            if (field.numeric() ? !v.matches("[0-9]{1,18}") : !NameTemplate.NAME_CHARACTERS.matcher(v).matches() || v.contains("..")) {
                throw Errors.invalidArgument("--set " + e.getKey() + "='" + v + "' is not " + (field.numeric() ? "a whole number"
                        : "a name part of [A-Za-z0-9._-]"), "Give " + e.getKey() + (field.numeric() ? " as digits, e.g. 3" : " as e.g. SH010"));
            }
            given.put(field, v);
        }
        for (NameTemplate.Field f : spec.naming().fields()) {
            if (NameTemplate.Field.GIVEN.contains(f) && !given.containsKey(f)) {
                throw Errors.invalidArgument("the naming template " + spec.naming() + " of " + spec.name() + " uses {" + f.key()
                        + "}, which has no value", "Give it: --set " + f.key() + "=" + (f.numeric() ? "1" : f == NameTemplate.Field.SHOT ? "SH010" : "BG01"));
            }
        }
        return given;
    }

    private static FrameRenderer.Format renderFormat(DeliverableSpec.Format format) {
        return switch (format) {
            case TIFF16 -> FrameRenderer.Format.TIFF16;
            case TIFF32F -> FrameRenderer.Format.TIFF32F;
            case EXR -> FrameRenderer.Format.EXR;
            case DPX10 -> FrameRenderer.Format.DPX10;
            case DPX16 -> FrameRenderer.Format.DPX16;
            case JPEG -> FrameRenderer.Format.JPEG;
            case PNG -> FrameRenderer.Format.PNG;
            case PRORES_422HQ, PRORES_4444, PRORES_4444XQ, DNXHR_HQX, DNXHR_444, H264 ->
                    throw new IllegalStateException("movie " + format + " reached the still formats");
        };
    }

    /** The scene encoding (ACES2065-1 for display: the output transform starts from it). */
    private static DngDevelop.Output output(DeliverableSpec.Space space) {
        if (space == null) {
            return DngDevelop.Output.ACES2065_1;
        }
        return switch (space) {
            case ACES2065_1 -> DngDevelop.Output.ACES2065_1;
            case ACESCG -> DngDevelop.Output.ACESCG;
            case ACESCCT -> DngDevelop.Output.ACESCCT;
        };
    }

    /** The display processor: the AMF's looks and output, the named output transform, or the ACES 2.0 Rec.709 default. */
    private static ColorProcessor display(DeliverableSpec spec, Path folder, Development development) {
        DeliverableSpec.Colour c = spec.colour();
        AmfPipeline pipeline;
        if (c.amf() != null) {
            if (folder == null) {
                throw Errors.invalidDocument(spec.file(), "$.colour.amf", "a shipped deliverable names no AMF", "Give the AMF in a specification file");
            }
            Path amf = folder.resolve(c.amf());
            pipeline = AmfPipeline.build(AmfReader.read(amf), amf.toAbsolutePath().getParent(), true);
        } else if (c.outputTransform() != null) {
            pipeline = new AmfPipeline(List.of("OUTPUT " + TransformRegistry.name(c.outputTransform())),
                    new ColorPipeline(TransformRegistry.ops(c.outputTransform(), false, spec.file())), LutBake.Shaper.ACESCCT);
        } else {
            pipeline = AmfPipeline.defaultOutput();
        }
        return pipeline.processor(development.lutSize(), development.lutBudget());
    }
}
