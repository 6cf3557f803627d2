package io.rushes.jobs.cli;

import io.rushes.engine.color.amf.Amf;
import io.rushes.engine.color.amf.AmfPipeline;
import io.rushes.engine.color.amf.AmfReader;
import io.rushes.engine.error.RushesException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rushes amf …}: ACES Metadata Files. */
@Command(name = "amf", mixinStandardHelpOptions = true, description = "ACES Metadata Files.",
        subcommands = {AmfCommand.Validate.class, AmfCommand.Apply.class})
public final class AmfCommand {

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Parse AMF v1.0/v2.0 files and build each one's pipeline (transforms not yet applied, CLF references",
                    "resolved next to the AMF); print the plan, or what cannot be built and why. Exit 1 if any fails."})
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", arity = "1..*")
        List<Path> files;

        @Override
        public Integer call() {
            int failed = 0;
            for (Path f : files) {
                try {
                    Amf amf = AmfReader.read(f);
                    AmfPipeline p = AmfPipeline.build(amf, f.toAbsolutePath().getParent());
                    System.out.printf("%s: valid (AMF %s%s), pipeline of %d steps%n", f, amf.version(),
                            amf.clipId() == null || amf.clipId().clipName() == null ? "" : ", clip " + amf.clipId().clipName(), p.plan().size());
                    p.plan().forEach(s -> System.out.println("  " + s));
                } catch (RushesException e) {
                    String verdict = e.code() == io.rushes.engine.error.ErrorCode.IO ? "UNREADABLE" : e.code().isUserError() ? "CANNOT BUILD" : "ERROR";
                    System.out.printf("%s: %s%n  %s%n", f, verdict, e.getMessage());
                    failed++;
                }
            }
            return failed == 0 ? 0 : 1;
        }
    }

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = {"Run an AMF's pipeline on one frame of any source render reads and write a TIFF. An RGB source (TIFF, EXR, DPX, movie) goes",
                    "to ACES2065-1 through the AMF's input transform, else the one its file names; a raw frame is developed (RCD).",
                    "A TIFF naming no encoding is taken as ACES2065-1 (with a warning). Without --amf: the default ACES 2.0 Rec.709 output."})
    static final class Apply implements Callable<Integer> {
        enum Format { tiff16, tiff32f }

        @picocli.CommandLine.Option(names = "--amf", description = "The AMF (default: no AMF, the ACES 2.0 Rec.709 output).")
        Path amf;

        @picocli.CommandLine.Option(names = "--input", required = true)
        Path input;

        @picocli.CommandLine.Option(names = "--out", required = true)
        Path out;

        @picocli.CommandLine.Option(names = "--format", defaultValue = "tiff16", description = "tiff16 or tiff32f (default: ${DEFAULT-VALUE}).")
        Format format;

        @picocli.CommandLine.Mixin
        LutOptions lut;

        @Override
        public Integer call() throws IOException {
            CliValues.outputFile(out, "--out");
            Amf doc = amf == null ? null : AmfReader.read(amf);
            io.rushes.engine.image.RgbImage image;
            java.nio.file.Path folder = amf == null ? null : amf.toAbsolutePath().getParent();
            io.rushes.engine.color.PixelEncoding amfInput = doc == null ? null : AmfPipeline.inputEncoding(doc, folder);
            io.rushes.engine.render.FrameRenderer developer = new io.rushes.engine.render.FrameRenderer(
                    new io.rushes.engine.render.FrameRenderer.Options(io.rushes.engine.render.FrameRenderer.Stage.ACES,
                            io.rushes.engine.render.FrameRenderer.Format.TIFF32F, io.rushes.engine.develop.DngDevelop.Output.ACES2065_1,
                            io.rushes.engine.image.Demosaic.Method.RCD, null).withInput(amfInput));
            try (io.rushes.engine.io.FileByteSource src = new io.rushes.engine.io.FileByteSource(input);
                 io.rushes.engine.render.FrameRenderer.Input in = io.rushes.engine.render.FrameRenderer.Input.open(src)) {
                if (in.reader().read(0, null) instanceof io.rushes.engine.format.SourceFrame.Rgb rgb && !developer.encoding(in, rgb).known()) {
                    // Kept from before frame decoders: an RGB TIFF that names no encoding is taken as ACES2065-1, and said so.
                    System.err.println("warning: " + input.getFileName() + " does not name its encoding (" + rgb.encoding().description()
                            + "): taken as ACES2065-1; give an AMF with an inputTransform to say what it is");
                    developer = new io.rushes.engine.render.FrameRenderer(developer.options().withInput(io.rushes.engine.color.PixelEncoding.ACES2065_1));
                }
                image = developer.develop(in, 0);
            } catch (RushesException e) {
                throw e.during("apply the colour pipeline to");
            }
            // Every source arrives in ACES2065-1: a mosaic developed, an RGB frame through its (or the AMF's) input transform.
            AmfPipeline pipeline = doc == null ? AmfPipeline.defaultOutput() : AmfPipeline.build(doc, folder, true);
            io.rushes.engine.color.ColorProcessor processor = pipeline.processor(lut.size, lut.budget);
            processor.applyImage(image.data());
            String description = "rushes: " + input.getFileName() + " through " + (amf == null ? "the default output" : amf.getFileName()) + " ("
                    + String.join("; ", pipeline.plan()) + (lut.size == 0 ? "" : "; as " + processor.describe()) + ")";
            if (format == Format.tiff16) {
                io.rushes.engine.deliver.tiff.TiffImages.Clipping clipped = io.rushes.engine.deliver.tiff.TiffImages.writeRgb16(image, new io.rushes.engine.io.FileByteSink(out), description);
                if (clipped.pixels() > 0) {
                    System.err.println("warning: " + out.getFileName() + ": " + clipped.warning());
                }
            } else {
                io.rushes.engine.deliver.tiff.TiffImages.writeRgbFloat(image, new io.rushes.engine.io.FileByteSink(out), description);
            }
            System.out.printf("%s: %dx%d, %s%s%n", out, image.width(), image.height(), String.join("; ", pipeline.plan()),
                    lut.size == 0 ? "" : "; as " + processor.describe());
            return 0;
        }
    }
}
