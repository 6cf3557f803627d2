package io.rushes.bench;

import io.rushes.engine.color.ColorOp;
import io.rushes.engine.color.ColorPipeline;
import io.rushes.engine.color.LutBake;
import io.rushes.engine.color.TransformRegistry;
import io.rushes.engine.color.clf.ClfNode;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rushes bench color}: a UHD frame through an on-set pipeline, exact and through a baked 3D LUT, one thread. */
@Command(name = "color", mixinStandardHelpOptions = true,
        description = {"Pipelines on a UHD frame, one thread: LogC3 → ACES → CDL in ACEScct → ACES 1.3 RRT + Rec.709 ODT, and",
                "ACES2065-1 → the ACES 2.0 Rec.709 output; each exact (compiled) and through 33³/65³ LUT bakes; megapixels per CPU-second.",
                "Then ACES2065-1 → ACES 1.3 Rec.709 exact beside its peer, OpenColorIO 2.1's built-in (scripts/bench/ocio-color-peer.py,",
                "when python3-pyopencolorio and python3-numpy are installed), on the same kind of frame."})
final class ColorBenchCommand implements Callable<Integer> {
    @Option(names = "--runs", defaultValue = "3")
    int runs;

    @Override
    public Integer call() {
        List<ColorOp> ops = new ArrayList<>(TransformRegistry.ops("urn:ampas:aces:transformId:v2.0:CSC.Arri.LogC3_to_ACES.a2.v1", false, "bench"));
        String cct = "urn:ampas:aces:transformId:v1.5:ACEScsc.Academy.ACEScct_to_ACES.a1.0.3";
        ops.addAll(TransformRegistry.ops(cct, true, "bench"));
        ClfNode.Cdl cdl = new ClfNode.Cdl("Fwd", new double[] {1.1, 1.0, 0.9}, new double[] {-0.01, 0.02, 0}, new double[] {1, 1, 1}, 0.9);
        ops.add(new ColorOp.StepOp("CDL", cdl::apply));
        ops.addAll(TransformRegistry.ops(cct, false, "bench"));
        ops.addAll(TransformRegistry.ops("urn:ampas:aces:transformId:v1.5:RRT.a1.0.3", false, "bench"));
        ops.addAll(TransformRegistry.ops("urn:ampas:aces:transformId:v1.5:ODT.Academy.Rec709_100nits_dim.a1.0.3", false, "bench"));
        int w = 3840;
        int h = 2160;
        Random random = new Random(3);
        float[] logFrame = new float[w * h * 3];
        for (int i = 0; i < logFrame.length; i++) {
            logFrame[i] = (float) (0.2 + 0.5 * random.nextDouble());
        }
        run("LogC3 → ACES → CDL in ACEScct → ACES 1.3 RRT + Rec.709 ODT", new ColorPipeline(ops), LutBake.Shaper.NONE, logFrame, w, h);

        // Scene-linear ACES2065-1: grey exposures over 10 stops, colours from neutral to AP1's edge.
        float[] acesFrame = new float[w * h * 3];
        for (int i = 0; i < acesFrame.length; i += 3) {
            double exposure = 0.18 * Math.pow(2, -6 + 10 * random.nextDouble());
            double saturation = random.nextDouble();
            for (int c = 0; c < 3; c++) {
                acesFrame[i + c] = (float) (exposure * (1 - saturation + saturation * 2 * random.nextDouble()));
            }
        }
        ColorPipeline aces20 = new ColorPipeline(TransformRegistry.ops("urn:ampas:aces:transformId:v2.0:"
                + io.rushes.engine.color.aces.Aces20.DEFAULT_OUTPUT + ".a2.v1", false, "bench"));
        run("ACES2065-1 → ACES 2.0 Rec.709 100 nit BT.1886 (the default output)", aces20, LutBake.Shaper.ACESCCT, acesFrame, w, h);

        List<ColorOp> aces13 = new ArrayList<>(TransformRegistry.ops("urn:ampas:aces:transformId:v1.5:RRT.a1.0.3", false, "bench"));
        aces13.addAll(TransformRegistry.ops("urn:ampas:aces:transformId:v1.5:ODT.Academy.Rec709_100nits_dim.a1.0.3", false, "bench"));
        ColorPipeline rec709 = new ColorPipeline(aces13);
        System.out.println("ACES2065-1 → ACES 1.3 RRT + Rec.709 ODT, exact, beside OpenColorIO 2.1 (float32) on the same kind of frame");
        double rushes = report("Rushes (double)", acesFrame, w * (double) h / 1e6, rec709::apply, ManagementFactory.getThreadMXBean());
        double ocio = ocioPeer();
        if (ocio < 0) {
            System.out.println("OpenColorIO peer skipped: needs /usr/bin/python3 with PyOpenColorIO and numpy, run from the repository root");
        } else {
            System.out.printf(Locale.ROOT, "%-20s %8.3f CPU-s %8.1f MP/CPU-s; Rushes / OCIO CPU time %.2f%n", "OpenColorIO 2.1", ocio,
                    w * (double) h / 1e6 / ocio, rushes / ocio);
        }
        return 0;
    }

    /** CPU-seconds of OpenColorIO's ACES 1.3 Rec.709 output on a UHD frame (best of three, by the peer script), or -1. */
    private static double ocioPeer() {
        java.nio.file.Path script = java.nio.file.Path.of("scripts/bench/ocio-color-peer.py");
        if (!java.nio.file.Files.isRegularFile(script) || !java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/python3"))) {
            return -1;
        }
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", script.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (p.waitFor() != 0 || !out.contains("ocio_cpu_seconds ")) {
                return -1;
            }
            return Double.parseDouble(out.substring(out.indexOf("ocio_cpu_seconds ") + 17).strip());
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void run(String title, ColorPipeline exact, LutBake.Shaper shaper, float[] frame, int w, int h) {
        var bean = ManagementFactory.getThreadMXBean();
        double mp = w * (double) h / 1e6;
        System.out.printf(Locale.ROOT, "%s%nUHD frame (%.1f MP), best of %d, one thread; %d declared operations, %d after compiling%n", title, mp, runs,
                exact.declared().size(), exact.compiled().size());
        long t0 = bean.getCurrentThreadCpuTime();
        LutBake lut33 = LutBake.bake(exact, 33, shaper);
        long t1 = bean.getCurrentThreadCpuTime();
        LutBake lut65 = LutBake.bake(exact, 65, shaper);
        long t2 = bean.getCurrentThreadCpuTime();
        System.out.printf(Locale.ROOT, "bake 33³ %.3f CPU-s, 65³ %.3f CPU-s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        report("exact (compiled)", frame, mp, px -> exact.apply(px), bean);
        report("baked 33³ LUT", frame, mp, lut33::apply, bean);
        report("baked 65³ LUT", frame, mp, lut65::apply, bean);
        LutBake.Error e33 = lut33.error(exact, 50_000, 1);
        LutBake.Error e65 = lut65.error(exact, 50_000, 1);
        System.out.printf(Locale.ROOT, "LUT error vs exact (code values): 33³ mean %.1e p99 %.1e max %.2g; 65³ mean %.1e p99 %.1e max %.2g%n%n",
                e33.mean(), e33.p99(), e33.max(), e65.mean(), e65.p99(), e65.max());
    }

    /** Best CPU-seconds of the runs after a warm-up one, printed with megapixels per CPU-second. */
    private double report(String name, float[] source, double mp, java.util.function.Consumer<double[]> f, java.lang.management.ThreadMXBean bean) {
        double best = Double.MAX_VALUE;
        double[] px = new double[3];
        for (int r = 0; r < runs + 1; r++) {
            float[] img = source.clone();
            long c0 = bean.getCurrentThreadCpuTime();
            for (int i = 0; i < img.length; i += 3) {
                px[0] = img[i];
                px[1] = img[i + 1];
                px[2] = img[i + 2];
                f.accept(px);
                img[i] = (float) px[0];
                img[i + 1] = (float) px[1];
                img[i + 2] = (float) px[2];
            }
            double cpu = (bean.getCurrentThreadCpuTime() - c0) / 1e9;
            if (r > 0) {
                best = Math.min(best, cpu);
            }
        }
        System.out.printf(Locale.ROOT, "%-20s %8.3f CPU-s %8.1f MP/CPU-s%n", name, best, mp / best);
        return best;
    }
}
