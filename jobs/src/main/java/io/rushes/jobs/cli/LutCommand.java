package io.rushes.jobs.cli;

import io.rushes.engine.color.LutBake;
import io.rushes.engine.color.amf.Amf;
import io.rushes.engine.color.amf.AmfPipeline;
import io.rushes.engine.color.amf.AmfReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rushes lut bake}: an AMF's pipeline as a 3D LUT for on-set monitors. */
@Command(name = "lut", mixinStandardHelpOptions = true, description = "3D LUTs.", subcommands = {LutCommand.Bake.class})
public final class LutCommand {

    @Command(name = "bake", mixinStandardHelpOptions = true,
            description = {"Bake an AMF's pipeline (the transforms not yet applied) into a 3D LUT: .cube or CLF. With an input transform",
                    "the LUT takes the camera's code values; without one it takes ACES2065-1 through an ACEScct shaper (CLF only).",
                    "Prints the measured error budget against the exact pipeline."})
    static final class Bake implements Callable<Integer> {
        enum Format { cube, clf }

        @Option(names = "--amf", required = true)
        Path amf;

        @Option(names = "--size", defaultValue = "33", converter = Size.class,
                description = "Lattice points per axis, 2 to 129 (default: ${DEFAULT-VALUE}; 65 for grading).")
        int size;

        static final class Size implements picocli.CommandLine.ITypeConverter<Integer> {
            @Override
            public Integer convert(String value) {
                return LutOptions.latticeSize(value, "");
            }
        }

        @Option(names = "--format", defaultValue = "cube", description = "cube or clf (default: ${DEFAULT-VALUE}).")
        Format format;

        @Option(names = "--out", required = true)
        Path out;

        @Override
        public Integer call() throws Exception {
            CliValues.outputFile(out, "--out");
            Amf doc = AmfReader.read(amf);
            AmfPipeline pipeline = AmfPipeline.build(doc, amf.toAbsolutePath().getParent());
            LutBake.Shaper shaper = pipeline.lutShaper();
            if (shaper != LutBake.Shaper.NONE && format == Format.cube) {
                throw io.rushes.engine.error.Errors.invalidArgument("this AMF's pipeline takes scene-linear ACES: a .cube cannot carry "
                        + "the shaper it needs", "Use --format clf");
            }
            LutBake lut = LutBake.bake(pipeline.pipeline(), size, shaper);
            String title = amf.getFileName().toString();
            String text = format == Format.cube ? lut.toCube(title) : lut.toClf(title.replaceAll("[^A-Za-z0-9_.-]", "_"), "Baked by Rushes from " + title);
            new io.rushes.engine.io.FileByteSink(out).write(o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
            LutBake.Error e = lut.error(pipeline.pipeline(), 50_000, 1);
            System.out.printf(Locale.ROOT, "%s: %d³ %s%s; error vs the exact pipeline over the input cube: mean %.2e, 99th percentile %.2e, max %.2e%n",
                    out, size, format, shaper == LutBake.Shaper.NONE ? "" : " with an ACEScct shaper", e.mean(), e.p99(), e.max());
            return 0;
        }
    }
}
