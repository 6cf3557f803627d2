package io.rushes.jobs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rushes.engine.deliver.tiff.TiffImages;
import io.rushes.engine.develop.DngDevelop;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.fdl.CanvasTemplateApplication;
import io.rushes.engine.fdl.Fdl;
import io.rushes.engine.fdl.FdlLinks;
import io.rushes.engine.fdl.FdlReader;
import io.rushes.engine.image.Demosaic;
import io.rushes.engine.io.Documents;
import io.rushes.engine.io.FileByteSource;
import io.rushes.engine.render.FdlFraming;
import io.rushes.engine.render.FrameRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rushes fdl …}: ASC Framing Decision Lists. */
@Command(name = "fdl", mixinStandardHelpOptions = true, description = "ASC Framing Decision Lists.",
        subcommands = {FdlCommand.Validate.class, FdlCommand.Apply.class, FdlCommand.Frame.class})
public final class FdlCommand {

    /** An FDL to apply or frame by: naming faults are printed as warnings and gone on past, every other problem refused. */
    static Fdl usable(Path file) {
        FdlReader.Usable u = FdlReader.loadForUse(Documents.read(file, FdlReader.MAX_BYTES, "FDL"), file.toString());
        u.warnings().forEach(w -> System.err.println("warning: " + file + " at " + w.path() + ": " + w.message()));
        return u.fdl();
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check FDLs against the ASC schema of their version and the rules of the specification (ids, framing inside",
                    "protection inside effective area inside canvas, sizes); print every problem with its JSON path; exit 1 if any is invalid."})
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", arity = "1..*")
        List<Path> files;

        @Override
        public Integer call() {
            int invalid = 0;
            for (Path f : files) {
                FdlReader.Result r;
                try {
                    r = FdlReader.read(Documents.read(f, FdlReader.MAX_BYTES, "FDL"), f.toString());
                } catch (io.rushes.engine.error.RushesException e) {
                    System.out.printf("%s: %s%n  %s%n", f, e.code() == io.rushes.engine.error.ErrorCode.IO ? "UNREADABLE" : "INVALID", e.getMessage());
                    invalid++;
                    continue;
                }
                if (r.valid()) {
                    Fdl fdl = r.fdl();
                    System.out.printf("%s: valid (FDL %d.%d, %d framing intents, %d contexts, %d canvases, %d framing decisions, %d canvas templates)%n",
                            f, fdl.major(), fdl.minor(), fdl.framingIntents().size(), fdl.contexts().size(), fdl.canvases().size(),
                            fdl.canvases().stream().mapToInt(c -> c.framingDecisions().size()).sum(), fdl.canvasTemplates().size());
                } else {
                    System.out.printf("%s: INVALID%n", f);
                    invalid++;
                }
                r.problems().forEach(p -> System.out.println("  " + p));
            }
            return invalid == 0 ? 0 : 1;
        }
    }

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = {"Apply a canvas template (ASC FDL 2.0.1 §7.4) to a canvas and framing decision of an FDL; write the resulting FDL",
                    "(source canvas and new canvas in one context) and print the new geometry."})
    static final class Apply implements Callable<Integer> {
        private static final ObjectMapper JSON = new ObjectMapper();

        @Option(names = "--fdl", required = true, description = "The source FDL.")
        Path fdl;

        @Option(names = "--template", required = true,
                description = "A canvas template id in the source FDL, or an FDL file holding canvas templates (the first, or --template-id).")
        String template;

        @Option(names = "--template-id", description = "Which template of the --template file.")
        String templateId;

        @Option(names = "--canvas", description = "Source canvas id (default: the first canvas).")
        String canvas;

        @Option(names = "--intent", description = "Framing intent id (default: the FDL's default intent, else the canvas's first decision).")
        String intent;

        @Option(names = "--new-canvas-id", description = "Id of the new canvas (default: the template id).")
        String newCanvasId;

        @Option(names = "--out", required = true, description = "Where to write the resulting FDL (written aside, then renamed).")
        Path out;

        @Override
        public Integer call() throws IOException {
            CliValues.outputFile(out, "--out");
            Fdl source = usable(fdl);
            String id = template;
            Path templateFile = Path.of(template);
            if (Files.isRegularFile(templateFile)) {
                Fdl templates = usable(templateFile);
                Fdl.CanvasTemplate t = CanvasTemplateApplication.template(templates.canvasTemplates(), templateId, templateFile.toString());
                ObjectNode tree = source.tree().deepCopy();
                ArrayNode list = tree.has("canvas_templates") ? (ArrayNode) tree.get("canvas_templates") : tree.putArray("canvas_templates");
                list.removeAll();
                list.add(t.node().deepCopy());
                source = FdlReader.loadForUse(JSON.writeValueAsBytes(tree), fdl + " with " + templateFile.getFileName()).fdl();
                id = t.id();
            }
            String newId = newCanvasId != null ? newCanvasId : id;
            if (source.canvases().stream().anyMatch(c -> c.id().equals(newId))) {
                throw io.rushes.engine.error.Errors.invalidArgument("canvas id '" + newId
                        + "' is taken in the source FDL", "Give the new canvas another id with --new-canvas-id");
            }
            CanvasTemplateApplication a;
            try {
                a = CanvasTemplateApplication.apply(source, canvas, intent, id, newId);
            } catch (RushesException e) {
                throw (e.file() == null ? e.inFile(fdl.toString()) : e).during("apply the template to");
            }
            byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(a.result());
            new io.rushes.engine.io.FileByteSink(out).write(o -> o.write(json));
            System.out.printf(Locale.ROOT, "canvas %s -> %s: %.0fx%.0f (squeeze %s), scale %.6f x %.6f%n", a.source().id(), newId,
                    a.canvas().width(), a.canvas().height(), a.outputSqueeze(), a.scaleX(), a.scaleY());
            System.out.printf(Locale.ROOT, "  effective  %.4fx%.4f at (%.4f, %.4f)%n", a.effective().width(), a.effective().height(),
                    a.effective().x(), a.effective().y());
            if (a.protection() != null) {
                System.out.printf(Locale.ROOT, "  protection %.4fx%.4f at (%.4f, %.4f)%n", a.protection().width(), a.protection().height(),
                        a.protection().x(), a.protection().y());
            }
            System.out.printf(Locale.ROOT, "  framing    %.4fx%.4f at (%.4f, %.4f)%n", a.framing().width(), a.framing().height(),
                    a.framing().x(), a.framing().y());
            System.out.println("wrote " + out);
            return 0;
        }
    }

    @Command(name = "frame", mixinStandardHelpOptions = true,
            description = {"Frame one DNG by an FDL: crop the framing decision (or its protection, or the effective area), de-squeeze,",
                    "scale (Lanczos-3, linear light) and pad as a canvas template says, developing only the pixels it needs; write a TIFF."})
    static final class Frame implements Callable<Integer> {
        enum Layer { framing, protection, effective, canvas }

        enum Format { tiff16, tiff32f }

        @Option(names = "--fdl", required = true, description = "The FDL of the source media.")
        Path fdl;

        @Option(names = "--template", description = "Canvas template id in the FDL; without it the chosen --layer is cropped and de-squeezed, unscaled.")
        String template;

        @Option(names = "--layer", defaultValue = "framing", description = "Without --template: framing, protection, effective or canvas (default: ${DEFAULT-VALUE}).")
        Layer layer;

        @Option(names = "--canvas", description = "Source canvas id (default: the first canvas).")
        String canvas;

        @Option(names = "--intent", description = "Framing intent id (default: the FDL's default).")
        String intent;

        @Option(names = "--input", required = true, description = "The DNG frame.")
        Path input;

        @Option(names = "--out", required = true, description = "The TIFF to write.")
        Path out;

        @Option(names = "--format", defaultValue = "tiff32f", description = "tiff16 or tiff32f (default: ${DEFAULT-VALUE}).")
        Format format;

        @Option(names = "--debayer", defaultValue = "hq", description = "fast (bilinear) or hq (RCD) (default: ${DEFAULT-VALUE}).")
        RenderCommand.Debayer debayer;

        @Override
        public Integer call() throws IOException {
            CliValues.outputFile(out, "--out");
            Fdl source = usable(fdl);
            if (canvas == null) {
                canvas = canvasForClip(source);
            }
            CanvasTemplateApplication a;
            try {
                String templateId = template;
                if (templateId == null) {
                    source = withCropTemplate(source);
                    templateId = CROP_TEMPLATE;
                }
                a = CanvasTemplateApplication.apply(source, canvas, intent, templateId, "FRAMED");
            } catch (RushesException e) {
                throw (e.file() == null ? e.inFile(fdl.toString()) : e).during("frame " + input.getFileName() + " by");
            }
            FrameRenderer developer = new FrameRenderer(new FrameRenderer.Options(FrameRenderer.Stage.ACES, FrameRenderer.Format.TIFF32F,
                    DngDevelop.Output.ACES2065_1, debayer == RenderCommand.Debayer.hq ? Demosaic.Method.RCD : Demosaic.Method.BILINEAR, null));
            FdlFraming.Result r;
            try (FileByteSource src = new FileByteSource(input); FrameRenderer.Input in = FrameRenderer.Input.open(src)) {
                r = FdlFraming.render(in.reader(), input.toString(), a, region -> developer.develop(in, 0, region, DngDevelop.Output.ACES2065_1));
            } catch (RushesException e) {
                throw (e.file() == null ? e.inFile(input.toString()) : e).during("frame");
            }
            r.warnings().forEach(w -> System.err.println("warning: " + w));
            String description = String.format(Locale.ROOT, "rushes ACES2065-1 framed by %s (canvas %s, decision %s, template %s)",
                    fdl.getFileName(), a.source().id(), a.decision().id(), a.template().id());
            if (format == Format.tiff16) {
                TiffImages.Clipping clipped = TiffImages.writeRgb16(r.image(), new io.rushes.engine.io.FileByteSink(out), description);
                if (clipped.pixels() > 0) {
                    System.err.println("warning: " + out.getFileName() + ": " + clipped.warning());
                }
            } else {
                TiffImages.writeRgbFloat(r.image(), new io.rushes.engine.io.FileByteSink(out), description);
            }
            System.out.printf(Locale.ROOT, "%s: %dx%d from %s of %s%s%n", out, r.image().width(), r.image().height(), a.decision().id(),
                    input.getFileName(), r.developed() == null ? " (whole frame developed)"
                            : " (developed " + r.developed().width() + "x" + r.developed().height() + " at " + r.developed().x() + "," + r.developed().y() + ")");
            return 0;
        }

        private static final String CROP_TEMPLATE = "RUSHES_CROP";

        /**
         * The canvas of the context whose clip_id names the input (clip name = its folder or file stem, or the file
         * itself, or a sequence covering it); null to take the first canvas. Warns when the FDL names clips, none this one.
         */
        private String canvasForClip(Fdl source) {
            if (source.contexts().stream().noneMatch(c -> c.clipId() != null)) {
                return null;
            }
            String file = input.getFileName().toString();
            String stem = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
            String folder = input.toAbsolutePath().getParent() == null ? null : input.toAbsolutePath().getParent().getFileName().toString();
            List<FdlLinks.ClipMatch> matches = FdlLinks.forClip(List.of(source), stem, file);
            if (matches.isEmpty() && folder != null) {
                matches = FdlLinks.forClip(List.of(source), folder, file);
            }
            if (matches.isEmpty() || matches.get(0).context().canvases().isEmpty()) {
                System.err.println("warning: " + fdl + " names clips in clip_id, but not " + file + ": using its first canvas");
                return null;
            }
            return matches.get(0).context().canvases().get(0).id();
        }

        /** A template that crops the chosen layer, de-squeezes it and keeps its size: what "frame" means without one. */
        private Fdl withCropTemplate(Fdl source) throws IOException {
            Fdl.Canvas c = CanvasTemplateApplication.canvas(source, canvas);
            Fdl.FramingDecision d = CanvasTemplateApplication.decision(source, c, intent);
            String path = switch (layer) {
                case framing -> "framing_decision.dimensions";
                case protection -> "framing_decision.protection_dimensions";
                case effective -> "canvas.effective_dimensions";
                case canvas -> "canvas.dimensions";
            };
            double w = switch (layer) {
                case framing -> d.dimensions().width();
                case protection -> d.protectionDimensions() == null ? d.dimensions().width() : d.protectionDimensions().width();
                case effective -> c.effectiveRect().width();
                case canvas -> c.dimensions().width();
            };
            ObjectNode tree = source.tree().deepCopy();
            ArrayNode list = tree.has("canvas_templates") ? (ArrayNode) tree.get("canvas_templates") : tree.putArray("canvas_templates");
            ObjectNode t = list.addObject();
            t.put("id", CROP_TEMPLATE);
            t.putObject("target_dimensions").put("width", Math.max(1, Math.round(w * c.anamorphicSqueeze()))).put("height", 1);
            t.put("target_anamorphic_squeeze", 1.0);
            t.put("fit_source", path);
            t.put("fit_method", "width");
            t.put("preserve_from_source_canvas", path);
            t.putObject("round").put("even", "whole").put("mode", "round");
            return FdlReader.loadForUse(JSON_WRITER.writeValueAsBytes(tree), fdl + " (crop " + layer + ")").fdl();
        }

        private static final ObjectMapper JSON_WRITER = new ObjectMapper();
    }
}
