package io.rushes.engine.color.amf;

import io.rushes.engine.color.ColorOp;
import io.rushes.engine.color.ColorPipeline;
import io.rushes.engine.color.ColorProcessor;
import io.rushes.engine.color.LutBake;
import io.rushes.engine.color.TransformRegistry;
import io.rushes.engine.color.aces.Aces20;
import io.rushes.engine.color.clf.ClfReader;
import io.rushes.engine.color.clf.ProcessList;
import io.rushes.engine.error.Errors;
import io.rushes.engine.io.Documents;
import io.rushes.engine.xml.SecureXml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An AMF pipeline made runnable: every transform not yet applied, in order, each resolved by transform id (the
 * {@link TransformRegistry}), by CLF file (relative to the AMF, inside its folder), or as an inline CDL wrapped in its
 * working space (ACES → working space, CDL, working space → ACES; a missing "to" is the inverse of "from").
 *
 * @param lutShaper how a LUT bake of this pipeline samples its input: camera code values as they are (an input
 *     transform runs), or scene-linear ACES through an ACEScct shaper
 */
public record AmfPipeline(List<String> plan, ColorPipeline pipeline, LutBake.Shaper lutShaper) {

    /** The compiled pipeline on one triplet. */
    public void apply(double[] rgb) {
        pipeline.apply(rgb);
    }

    /**
     * The pipeline used when no AMF is given: ACES2065-1 → the ACES 2.0 Rec.709 output (100 cd/m², BT.1886), the
     * production default for review when nothing else is specified.
     */
    public static AmfPipeline defaultOutput() {
        String id = "urn:ampas:aces:transformId:v2.0:" + Aces20.DEFAULT_OUTPUT + ".a2.v1";
        return new AmfPipeline(List.of("OUTPUT (default, no AMF) " + Aces20.DEFAULT_OUTPUT),
                new ColorPipeline(TransformRegistry.ops(id, false, "default output")), LutBake.Shaper.ACESCCT);
    }

    /** Builds the AMF's current pipeline; {@code folder} is where its CLF references are looked up (null: refuse them). */
    public static AmfPipeline build(Amf amf, Path folder) {
        return build(amf, folder, false);
    }

    /**
     * The same, for images already in ACES2065-1 when {@code fromAces} (a raw frame Rushes developed): the input
     * transform is then skipped, as if applied.
     */
    public static AmfPipeline build(Amf amf, Path folder, boolean fromAces) {
        List<String> plan = new ArrayList<>();
        List<ColorOp> ops = new ArrayList<>();
        boolean cameraInput = false;
        for (Amf.Transform t : amf.pipeline().transforms()) {
            if (t.applied()) {
                plan.add(t.kind() + " already applied: skipped");
                continue;
            }
            if (fromAces && t.kind() == Amf.Kind.INPUT) {
                plan.add("INPUT taken when the frame is brought to ACES2065-1 (a raw frame developed instead)");
                continue;
            }
            ops.addAll(resolve(t.source(), t.inverse(), amf.file(), folder, t.path()));
            plan.add(t.kind() + (t.inverse() ? " (inverse) " : " ") + describe(t.source()));
            cameraInput |= t.kind() == Amf.Kind.INPUT;
        }
        return new AmfPipeline(List.copyOf(plan), new ColorPipeline(ops), cameraInput ? LutBake.Shaper.NONE : LutBake.Shaper.ACESCCT);
    }

    /**
     * The AMF's input transform, not yet applied, as the encoding of an RGB source (a movie, a TIFF, a lab's DPX): it
     * overrides what the file says. Null when the AMF has none (or it is applied already).
     */
    public static io.rushes.engine.color.PixelEncoding inputEncoding(Amf amf, Path folder) {
        for (Amf.Transform t : amf.pipeline().transforms()) {
            if (t.kind() == Amf.Kind.INPUT && !t.applied()) {
                String what = (t.inverse() ? "inverse " : "") + describe(t.source());
                return new io.rushes.engine.color.PixelEncoding(what, "the AMF's input transform (" + what + ")",
                        resolve(t.source(), t.inverse(), amf.file(), folder, t.path()));
            }
        }
        return null;
    }

    /**
     * What to run on the pixels: the exact pipeline ({@code lutSize} 0), or its {@code lutSize}³ bake when the bake's
     * measured error (99th percentile of output values over the input cube, against the exact pipeline) is at most
     * {@code maxError}. A bake over budget is refused, not used: the message gives the measured error and the fixes. A
     * size other than 0 or 2 to 129, or a budget that is not a finite number >= 0, is refused before anything is baked.
     */
    public ColorProcessor processor(int lutSize, double maxError) {
        if (!(maxError >= 0 && maxError < Double.POSITIVE_INFINITY)) {
            throw Errors.invalidArgument("the LUT error budget " + maxError + " is not a finite number >= 0",
                    "Give the largest 99th-percentile error to accept in output values, such as 0.02");
        }
        if (lutSize == 0) {
            return pipeline;
        }
        if (!LutBake.isLatticeSize(lutSize)) {
            throw LutBake.badSize(lutSize, " (0: run the exact pipeline)");
        }
        LutBake lut = LutBake.bake(pipeline, lutSize, lutShaper);
        LutBake.Error error = lut.error(pipeline, 50_000, 1);
        if (!(error.p99() <= maxError)) {
            throw Errors.invalidArgument(String.format(java.util.Locale.ROOT,
                    "a %d³ LUT of this pipeline is off by %.2e at the 99th percentile (max %.2e), over the budget of %.2e",
                    lutSize, error.p99(), error.max(), maxError), "Use a larger LUT (65), raise the budget, or run the exact pipeline");
        }
        return new Measured(lut, error);
    }

    /** A bake with its measured error, which its description carries into logs and output files. */
    private record Measured(LutBake lut, LutBake.Error error) implements ColorProcessor {
        @Override
        public void apply(double[] rgb) {
            lut.apply(rgb);
        }

        @Override
        public void applyImage(float[] rgb) {
            lut.applyImage(rgb);
        }

        @Override
        public String describe() {
            return String.format(java.util.Locale.ROOT, "%s; error vs exact p99 %.1e, max %.1e", lut.describe(), error.p99(), error.max());
        }
    }

    private static List<ColorOp> resolve(Amf.Source source, boolean inverse, String file, Path folder, String path) {
        if (source instanceof Amf.TransformId id) {
            return TransformRegistry.ops(id.id(), inverse, file);
        }
        if (source instanceof Amf.FileRef ref) {
            if (inverse) {
                throw Errors.unsupportedFeature(file, -1, "the inverse of a CLF file (" + ref.path() + ")", "Give the inverse as its own CLF");
            }
            ProcessList list = clf(ref.path(), file, folder, path);
            return List.of(new ColorOp.StepOp("CLF " + ref.path(), list::apply));
        }
        if (source instanceof Amf.Combined pair) {
            List<ColorOp> both = new ArrayList<>(resolve(pair.first(), inverse, file, folder, path));
            both.addAll(resolve(pair.second(), inverse, file, folder, path));
            return both;
        }
        Amf.Cdl cdl = (Amf.Cdl) source;
        List<ColorOp> ops = new ArrayList<>(cdl.to() != null ? resolve(cdl.to(), false, file, folder, path)
                : resolve(cdl.from(), true, file, folder, path));
        ops.add(new ColorOp.StepOp("ASC CDL", cdl.cdl()::apply));
        ops.addAll(resolve(cdl.from(), false, file, folder, path));
        return ops;
    }

    private static ProcessList clf(String ref, String file, Path folder, String path) {
        if (folder == null) {
            throw Errors.invalidDocument(file, path, "refers to the file " + ref + ", but the AMF was not read from a folder",
                    "Read the AMF from its folder, next to the CLF files it names");
        }
        Path base = folder.toAbsolutePath().normalize();
        Path target = base.resolve(ref.replace("file://", "")).normalize();
        if (!target.startsWith(base)) {
            throw Errors.invalidDocument(file, path, "the file " + ref + " is outside the AMF's folder",
                    "Keep referenced CLF files in the AMF's folder or below it (a path that climbs out is refused)");
        }
        if (!Files.isRegularFile(target)) {
            throw Errors.invalidDocument(file, path, "refers to " + ref + ", which is not in " + base,
                    "Put the CLF the AMF names next to it, or fix the <file> reference");
        }
        // The lexical check above sees names only: a link (to the file or to a folder on its way) can still lead out.
        Path realBase;
        Path real;
        try {
            realBase = base.toRealPath();
            real = target.toRealPath();
        } catch (IOException e) {
            throw Errors.io(target.toString(), e);
        }
        if (!real.startsWith(realBase)) {
            throw Errors.invalidDocument(file, path, "the file " + ref + " is a link to " + real + ", outside the AMF's folder " + realBase,
                    "Copy the CLF into the AMF's folder (or below it) instead of linking to it");
        }
        return ClfReader.read(Documents.read(real, SecureXml.MAX_BYTES, "CLF"), target.toString());
    }

    private static String describe(Amf.Source s) {
        if (s instanceof Amf.TransformId id) {
            return TransformRegistry.name(id.id()) == null ? id.id() : TransformRegistry.name(id.id());
        }
        if (s instanceof Amf.FileRef ref) {
            return "CLF " + ref.path();
        }
        if (s instanceof Amf.Combined c) {
            return describe(c.first()) + " + " + describe(c.second());
        }
        Amf.Cdl cdl = (Amf.Cdl) s;
        return "ASC CDL in " + describe(cdl.from()).replace("_to_ACES", "");
    }
}
