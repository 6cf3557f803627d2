package io.rushes.engine.deliver.exr;

import io.rushes.engine.io.FileByteSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Prints OpenEXR encode cost beside oiiotool's: CPU-seconds on one thread (best of 3, after a warm-up), wall seconds
 * with every core, and file sizes. oiiotool's cost is the user+sys time one run spends on a second output in that
 * compression, after the same read and NONE write. Run (after test-compile):
 * {@code java -cp engine-udf/target/classes:engine-udf/target/test-classes io.rushes.engine.deliver.exr.ExrWriteBenchmark in.exr /tmp/out}
 * with a half RGB source, e.g. {@code oiiotool HERO7_GOPR9231.dng --ch R,G,B -d half --compression none -o in.exr}.
 */
public final class ExrWriteBenchmark {
    private ExrWriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        Path outDir = Files.createDirectories(Path.of(args[1]));
        ExrImage image;
        try (FileByteSource source = new FileByteSource(input)) {
            ExrFile file = OpenExrReader.read(source);
            image = new ExrImage(file.rgb(), null, file.dataWindow(), file.displayWindow());
        }
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "%s: %dx%d half RGB, %d cores%n", input.getFileName(), image.rgb().width(), image.rgb().height(), cores);
        System.out.printf(Locale.ROOT, "%-6s %12s %12s %12s %14s %15s %14s %16s %8s%n", "codec", "cpu-s 1 thr", "wall-s all", "read cpu-s",
                "bytes", "oiiotool run-s", "oiiotool cpu-s", "oiiotool bytes", "size %");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        try {
            double oiioNone = oiiotool(input, outDir.resolve("oiio-none.exr"), "none");
            for (ExrCompression c : List.of(ExrCompression.NONE, ExrCompression.RLE, ExrCompression.ZIPS, ExrCompression.ZIP, ExrCompression.PIZ,
                    ExrCompression.DWAA, ExrCompression.DWAB)) {
                OpenExrWriter.Options options = new OpenExrWriter.Options(c, ExrPixelType.HALF);
                byte[] bytes = OpenExrWriter.encode(image, options, List.of(), null);
                double cpu = Double.MAX_VALUE;
                double wall = Double.MAX_VALUE;
                for (int run = 0; run < 3; run++) {
                    long t0 = threads.getCurrentThreadCpuTime();
                    OpenExrWriter.encode(image, options, List.of(), null);
                    cpu = Math.min(cpu, (threads.getCurrentThreadCpuTime() - t0) / 1e9);
                    long w0 = System.nanoTime();
                    OpenExrWriter.encode(image, options, List.of(), pool);
                    wall = Math.min(wall, (System.nanoTime() - w0) / 1e9);
                }
                double read = Double.MAX_VALUE;
                for (int run = 0; run < 3; run++) {
                    long t0 = threads.getCurrentThreadCpuTime();
                    OpenExrReader.read(new MemorySource(c + ".exr", bytes));
                    read = Math.min(read, (threads.getCurrentThreadCpuTime() - t0) / 1e9);
                }
                String name = c.name().toLowerCase(Locale.ROOT);
                Path theirs = outDir.resolve("oiio-" + name + ".exr");
                double oiio = c == ExrCompression.NONE ? oiioNone : oiiotool(input, theirs, name.equals("none") ? "none" : name);
                long theirBytes = Files.size(c == ExrCompression.NONE ? outDir.resolve("oiio-none.exr") : theirs);
                System.out.printf(Locale.ROOT, "%-6s %12.3f %12.3f %12.3f %14d %15.3f %14.3f %16d %+8.2f%n", c, cpu, wall, read, bytes.length, oiio,
                        oiio - oiioNone, theirBytes, 100.0 * (bytes.length - theirBytes) / theirBytes);
            }
        } finally {
            pool.shutdown();
        }
        System.out.println("oiiotool run-s: user+sys of 'oiiotool --threads 1 in -o none.exr [--compression C -o c.exr]' (best of 3);"
                + " cpu-s: that minus the run without the second output, i.e. the C write alone");
    }

    /**
     * Best-of-3 user+sys seconds of one oiiotool run on one thread that reads {@code in} and writes it NONE, then (unless
     * {@code compression} is none) also with {@code compression}: the difference between the two is that write alone.
     */
    private static double oiiotool(Path in, Path out, String compression) throws IOException, InterruptedException {
        double best = Double.MAX_VALUE;
        String second = compression.equals("none") ? "" : " --compression " + compression + " -o '" + out + "'";
        for (int run = 0; run < 3; run++) {
            String script = "TIMEFORMAT='%U %S'; time oiiotool --threads 1 '" + in + "' --compression none -o '"
                    + out.resolveSibling("oiio-none.exr") + "'" + second + " >/dev/null";
            Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0) {
                throw new IOException("oiiotool failed: " + text);
            }
            String[] lines = text.split("\n");
            String[] times = lines[lines.length - 1].trim().split("\\s+");
            best = Math.min(best, Double.parseDouble(times[0]) + Double.parseDouble(times[1]));
        }
        return best;
    }
}
