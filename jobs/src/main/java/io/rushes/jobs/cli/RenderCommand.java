package io.rushes.jobs.cli;

import io.rushes.engine.api.RenderPlan;
import io.rushes.engine.api.RenderUnit;
import io.rushes.engine.api.Renderer;
import io.rushes.engine.deliver.spec.Deliverable;
import io.rushes.engine.deliver.spec.Deliverables;
import io.rushes.engine.develop.DngDevelop;
import io.rushes.engine.discovery.Clip;
import io.rushes.engine.discovery.ClipDiscovery;
import io.rushes.engine.image.Demosaic;
import io.rushes.engine.image.Region;
import io.rushes.engine.io.FileByteSource;
import io.rushes.engine.io.OutputFolder;
import io.rushes.engine.render.FrameRenderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code rushes render}: develop DNG frames to TIFF at a stage of the pipeline. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Develop one DNG frame or a frame range of a sequence to TIFF.",
                "Stages: raw (CFA values as stored, like dcraw -D -4 -t 0 -T), rgb (white-balanced camera RGB), aces,",
                "display (ACES through --amf's pipeline, or by default the ACES 2.0 Rec.709 100-nit BT.1886 output).",
                "Or --deliverable NAME|FILE: the format, colour, size and file names of a deliverable specification."})
public final class RenderCommand implements Callable<Integer> {
    enum Stage { raw, rgb, aces, display }

    enum Format { tiff16, tiff32f, exr, dpx10, dpx16, jpeg, png }

    enum Compression { none, rle, zips, zip, piz, dwaa, dwab }

    enum Output { aces, acescg, acescct }

    enum Debayer { fast, hq }

    @Option(names = "--input", required = true, description = "A camera file (DNG, a movie, OpenEXR, DPX…) or a folder holding "
            + "sequences or clips; read by content.")
    Path input;

    @Option(names = "--frames", converter = CliValues.FrameRangeConverter.class,
            description = "Frames A-B: a sequence's frame numbers, a movie's frames counted from 0, or a movie's timecodes "
                    + "HH:MM:SS:FF-HH:MM:SS:FF; default all.")
    CliValues.FrameRange frames;

    @Option(names = "--input-transform", paramLabel = "ID", description = "What an RGB source's values are, over what its file says: "
            + "an ACES transform id, e.g. urn:ampas:aces:transformId:v1.5:IDT.ARRI.Alexa-v3-logC-EI800.a1.v2.")
    String inputTransform;

    @Option(names = "--out", required = true, description = "Output folder (created if needed).")
    Path out;

    @Option(names = "--stage", defaultValue = "aces", description = "raw, rgb, aces or display (default: ${DEFAULT-VALUE}).")
    Stage stage;

    @Option(names = "--amf", description = "With --stage display: the AMF whose looks and output transform to apply (its input "
            + "transform is skipped: the frame is developed to ACES2065-1). Default: the ACES 2.0 Rec.709 output.")
    Path amf;

    @Option(names = "--format", defaultValue = "tiff32f", description = "tiff16, tiff32f, exr (16-bit half OpenEXR with the camera "
            + "metadata and ACES chromaticities), dpx10 or dpx16 (with --output acescct: log pulls), or with --stage display jpeg or png "
            + "(8-bit thumbnails and posters) "
            + "(default: ${DEFAULT-VALUE}; raw is always 16-bit TIFF).")
    Format format;

    @Option(names = "--compression", defaultValue = "zip", description = "With --format exr: none, rle, zips, zip, piz, or the lossy dwaa or dwab (level 45) "
            + "(default: ${DEFAULT-VALUE}).")
    Compression compression;

    @Option(names = "--fit", defaultValue = "0", description = "Scale down so the longest side is at most N pixels (in linear light, "
            + "before the output transform), e.g. 512 for thumbnails; 0 keeps the frame's size.")
    int fit;

    @Option(names = "--output", defaultValue = "aces", description = "With --stage aces: aces (ACES2065-1), acescg or acescct.")
    Output output;

    @Option(names = "--debayer", defaultValue = "hq", description = "fast (bilinear) or hq (RCD) (default: ${DEFAULT-VALUE}).")
    Debayer debayer;

    @Option(names = "--kelvin", description = "White balance in kelvin instead of the as-shot one.")
    Double kelvin;

    @Option(names = "--region", converter = CliValues.RegionConverter.class, description = "Only X,Y,W,H of the active area "
            + "(sensor coordinates, before orientation); decodes just what it covers plus the demosaic's margin.")
    io.rushes.engine.image.Region region;

    @picocli.CommandLine.Mixin
    LutOptions lut;

    @Option(names = "--deliverable", paramLabel = "NAME|FILE", description = "A shipped deliverable (--list-deliverables) or a "
            + "deliverable specification (.json): it sets the stage, format, output, compression, fit and file names, so those options "
            + "go without it.")
    String deliverable;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "With --deliverable: a value of its naming template: shot, "
            + "plate or version (e.g. --set shot=SH010 --set plate=BG01 --set version=3).")
    Map<String, String> values = new LinkedHashMap<>();

    @Option(names = "--fdl", description = "With a --deliverable sized by an FDL canvas template (resolution.canvas_template): the FDL "
            + "holding that template and the frames' framing decision; each frame is cropped, de-squeezed and scaled into its canvas.")
    Path fdl;

    @Option(names = "--framing-decision", paramLabel = "ID", description = "With --fdl: the framing decision to frame by (default: the "
            + "FDL's default intent on its first canvas).")
    String framingDecision;

    // help = true: listing needs neither --input nor --out.
    @Option(names = "--list-deliverables", help = true, description = "Print the shipped deliverables with what each is, and exit.")
    boolean listDeliverables;

    @Spec
    CommandSpec spec;

    /** The options a deliverable specification sets, refused beside --deliverable rather than silently overridden. */
    private static final List<String> SET_BY_DELIVERABLE = List.of("--stage", "--format", "--compression", "--fit", "--output", "--amf");

    /** The deliverable of --deliverable, or null when the render is set by the options alone. */
    private Deliverable deliverable() {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        if (deliverable == null) {
            if (fdl != null || framingDecision != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--fdl and --framing-decision frame a --deliverable sized by an FDL"
                        + " canvas template");
            }
            if (!values.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--set gives values to a --deliverable's naming template");
            }
            return null;
        }
        for (String option : SET_BY_DELIVERABLE) {
            if (parsed.hasMatchedOption(option)) {
                throw new CommandLine.ParameterException(spec.commandLine(), option + " conflicts with --deliverable, which sets it: give one"
                        + " or the other");
            }
        }
        Deliverable d = Deliverables.prepare(deliverable, values, new Deliverable.Development(
                debayer == Debayer.hq ? Demosaic.Method.RCD : Demosaic.Method.BILINEAR, kelvin, region, lut.size, lut.budget));
        if (fdl != null) {
            if (d.spec().canvasTemplate() == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--fdl frames a deliverable sized by an FDL canvas template, and "
                        + d.spec().name() + " names none (resolution.canvas_template)");
            }
            var framing = io.rushes.engine.fdl.FdlReader.loadForUse(io.rushes.engine.io.Documents.read(fdl,
                    io.rushes.engine.fdl.FdlReader.MAX_BYTES, "FDL"), fdl.toString());
            framing.warnings().forEach(w -> System.err.println("rushes render: warning: " + fdl + ": " + w.message()));
            try {
                d = d.framedBy(io.rushes.engine.fdl.CanvasTemplateApplication.forDecision(framing.fdl(), framingDecision,
                        d.spec().canvasTemplate(), d.spec().canvasTemplate()));
            } catch (io.rushes.engine.error.RushesException e) {
                throw e.file() == null ? e.inFile(fdl.toString()) : e;
            }
        }
        System.out.println("deliverable " + d.spec().name() + (d.options().display() == null ? "" : "; display: " + d.options().display().describe()));
        return d;
    }

    private static void listDeliverables() {
        for (String name : Deliverables.SHIPPED) {
            System.out.printf(Locale.ROOT, "%-20s %s%n", name, Deliverables.shipped(name).description());
        }
    }

    /** The display processor, built once for all frames (null: the stage is not display). */
    private io.rushes.engine.color.ColorProcessor display() throws java.io.IOException {
        if (stage != Stage.display) {
            if (amf != null || lut.size != 0) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--amf and --lut go with --stage display");
            }
            return null;
        }
        io.rushes.engine.color.amf.AmfPipeline pipeline = amf == null ? io.rushes.engine.color.amf.AmfPipeline.defaultOutput()
                : io.rushes.engine.color.amf.AmfPipeline.build(io.rushes.engine.color.amf.AmfReader.read(amf),
                        amf.toAbsolutePath().getParent(), true);
        io.rushes.engine.color.ColorProcessor processor = pipeline.processor(lut.size, lut.budget);
        System.out.println("display: " + processor.describe());
        return processor;
    }

    @Override
    public Integer call() throws Exception {
        if (listDeliverables) {
            listDeliverables();
            return 0;
        }
        Deliverable chosen = deliverable();
        List<Clip> clips = ClipDiscovery.group(ClipDiscovery.listLocal(List.of(input))).clips();
        if (clips.isEmpty()) {
            throw io.rushes.engine.error.Errors.notFound(input.toString(), "it holds no camera frames", "Give a DNG file or the folder of a DNG sequence");
        }
        CliValues.outputFolder(out, "--out");
        RenderPlan plan = chosen != null ? RenderPlan.of(chosen) : RenderPlan.stills(new FrameRenderer.Options(
                FrameRenderer.Stage.valueOf(stage.name().toUpperCase(Locale.ROOT)),
                FrameRenderer.Format.valueOf(format.name().toUpperCase(Locale.ROOT)),
                switch (output) {
                    case aces -> DngDevelop.Output.ACES2065_1;
                    case acescg -> DngDevelop.Output.ACESCG;
                    case acescct -> DngDevelop.Output.ACESCCT;
                }, debayer == Debayer.hq ? Demosaic.Method.RCD : Demosaic.Method.BILINEAR, kelvin, region, display(), fit,
                io.rushes.engine.deliver.exr.ExrCompression.valueOf(compression.name().toUpperCase(Locale.ROOT))),
                (source, clip, frame) -> clip + (frame == null ? "" : String.format(Locale.ROOT, ".%07d", frame)) + "." + stage + "." + extension());
        if (inputTransform != null) {
            plan = plan.withInput(io.rushes.engine.color.PixelEncoding.chosen(inputTransform));
        }
        List<RenderUnit> units = new ArrayList<>();
        for (Clip clip : clips) {
            List<RenderUnit.Frame> selected = new ArrayList<>();
            long[] movieFrames = clip.files().size() == 1 && clip.frames().isEmpty() ? movieFrames(clip.files().get(0).location()) : null;
            if (movieFrames != null) {
                for (long index : movieFrames) {
                    selected.add(new RenderUnit.Frame(clip.files().get(0).location(), index, index));
                }
            }
            if (movieFrames == null && frames != null && frames.timecodes() != null) {
                throw io.rushes.engine.error.Errors.invalidArgument("--frames " + frames + " by timecode of " + clip.name() + ", a sequence of "
                        + clip.files().size() + " files: timecodes select a movie's frames", "Give the sequence's frame numbers (" + frameSpan(List.of(clip))
                        + ")");
            }
            for (int i = 0; movieFrames == null && i < clip.files().size(); i++) {
                Long frame = clip.frames().isEmpty() ? null : clip.frames().get(i);
                if (frame == null || frames == null || frames.contains(frame)) {
                    selected.add(new RenderUnit.Frame(clip.files().get(i).location(), frame));
                }
            }
            if (!selected.isEmpty()) {
                units.add(new RenderUnit(clip.name(), selected));
            }
        }
        if (units.isEmpty()) {
            throw io.rushes.engine.error.Errors.invalidArgument("no frame of " + input + " is in --frames " + frames,
                    "The frames there are " + String.join(", ", movieSpans.isEmpty() ? List.of(frameSpan(clips))
                            : java.util.stream.Stream.concat(java.util.stream.Stream.of(frameSpan(clips)).filter(f -> !f.isEmpty()),
                                    movieSpans.stream()).toList()) + "; give a range that overlaps them");
        }
        long total = plan.isMovie() ? units.size() : units.stream().mapToLong(u -> u.frames().size()).sum();
        Renderer renderer = new Renderer(location -> new FileByteSource(Path.of(location)));
        OutputFolder folder = OutputFolder.local(out);
        int[] written = {0};
        int[] failed = {0};
        boolean[] onlyUserErrors = {true};
        try (RenderProgress progress = RenderProgress.onConsole(total, plan.isMovie() ? "movies" : "frames")) {
            renderer.render(plan, units, folder, file -> {
                progress.clear();
                if (file.ok()) {
                    written[0]++;
                    System.out.printf(Locale.ROOT, "%s  %s  %.0f ms%n", file.output(),
                            file.size() != null ? file.size() : file.frames() + " frames", file.nanos() / 1e6);
                    file.warnings().forEach(w -> System.err.println("rushes render: warning: " + w));
                } else {
                    failed[0]++;
                    onlyUserErrors[0] &= file.error().isUserError();
                    System.err.println("rushes render: " + file.error().during("render").getMessage());
                }
                progress.done(1);
            });
        }
        if (!plan.isMovie()) {
            System.out.printf(Locale.ROOT, "%d frames written, %d failed%n", written[0], failed[0]);
        }
        // Exit as the worst file did: 0 only when every one was written.
        return failed[0] == 0 ? 0 : onlyUserErrors[0] ? 2 : 1;
    }

    /**
     * A movie's frames that --frames selects (all of them without it), or null when the file is a still (or a frame of a
     * sequence) or cannot be opened (its render then reports why).
     */
    /** Each movie's frames ("0-23 (10:04:00:01-10:04:00:24)"), for the message when --frames selects none. */
    private final List<String> movieSpans = new ArrayList<>();

    private long[] movieFrames(String location) {
        try (FileByteSource source = new FileByteSource(Path.of(location)); FrameRenderer.Input in = FrameRenderer.Input.open(source)) {
            long count = in.reader().frameCount();
            if (!in.reader().numbersFramesByIndex()) {
                return null;
            }
            io.rushes.engine.metadata.Timecode start = in.reader().startTimecode();
            movieSpans.add("0-" + (count - 1) + (start == null ? "" : " (" + start + "-" + start.plusFrames(count - 1) + ")"));
            return frames == null ? java.util.stream.LongStream.range(0, count).toArray()
                    : frames.indices(count, in.reader().startTimecode(), location);
        } catch (io.rushes.engine.error.RushesException e) {
            if (e.code() == io.rushes.engine.error.ErrorCode.INVALID_ARGUMENT) {
                throw e; // a --frames the movie cannot place
            }
            return null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private String extension() {
        return switch (format) {
            case tiff16, tiff32f -> "tif";
            case exr -> "exr";
            case dpx10, dpx16 -> "dpx";
            case jpeg -> "jpg";
            case png -> "png";
        };
    }

    private static String frameSpan(List<Clip> clips) {
        return clips.stream().filter(c -> c.firstFrame() != null).map(c -> c.firstFrame() + "-" + c.lastFrame())
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
