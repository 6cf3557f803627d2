package io.rushes.bench;

import io.rushes.engine.api.ClipResult;
import io.rushes.engine.api.InspectOptions;
import io.rushes.engine.api.Inspector;
import io.rushes.engine.card.SampleCard;
import io.rushes.engine.deliver.dng.DngFrameSpec;
import io.rushes.engine.deliver.dng.DngWriter;
import io.rushes.engine.develop.DngColor;
import io.rushes.engine.develop.DngDevelop;
import io.rushes.engine.discovery.Clip;
import io.rushes.engine.discovery.ClipDiscovery;
import io.rushes.engine.format.FormatRegistry;
import io.rushes.engine.format.dng.DngHeader;
import io.rushes.engine.format.dng.DngRawDecoder;
import io.rushes.engine.image.Demosaic;
import io.rushes.engine.image.Processor;
import io.rushes.engine.image.RawImage;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.CountingByteSource;
import io.rushes.engine.io.FileByteSource;
import io.rushes.engine.metadata.ClipField;
import io.rushes.engine.metadata.Timecode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rushes bench headers}: how many bytes and how much CPU a header-only inspection costs per frame. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print numbers.",
        subcommands = {BenchCommand.Headers.class, BenchCommand.Ingest.class, BenchCommand.Develop.class, DemosaicBenchCommand.class, ColorBenchCommand.class,
                PlatesBenchCommand.class, ArriRawBenchCommand.class, MovieBenchCommand.class})
public final class BenchCommand {

    @Command(name = "headers", mixinStandardHelpOptions = true,
            description = "Make a long CinemaDNG sequence, delete two frames, inspect it headers-only; print bytes read and CPU time per frame.")
    static final class Headers implements Callable<Integer> {
        @Option(names = "--frames", defaultValue = "1000")
        int frames;

        @Option(names = "--size", defaultValue = "1920x1080")
        String size;

        @Option(names = "--dir", description = "Where to write the sequence (default: a temporary folder).")
        Path dir;

        @Override
        public Integer call() throws Exception {
            String[] wh = size.split("x");
            Path root = dir != null ? dir : Files.createTempDirectory("rushes-bench");
            SampleCard.write(root, new SampleCard.Options(1, frames, List.of("A"), Integer.parseInt(wh[0]), Integer.parseInt(wh[1]), 1));
            Clip clip = ClipDiscovery.group(ClipDiscovery.listLocal(List.of(root))).clips().stream()
                    .filter(c -> c.kind() == Clip.Kind.SEQUENCE).findFirst().orElseThrow();
            Files.delete(Path.of(clip.files().get(frames / 3).location()));
            Files.delete(Path.of(clip.files().get(frames / 3 + 1).location()));
            clip = ClipDiscovery.group(ClipDiscovery.listLocal(List.of(root))).clips().stream()
                    .filter(c -> c.kind() == Clip.Kind.SEQUENCE).findFirst().orElseThrow();
            LongAdder bytes = new LongAdder();
            Inspector inspector = new Inspector(FormatRegistry.loadDefault(),
                    loc -> new CountingByteSource(new FileByteSource(Path.of(loc)), bytes));
            inspector.inspect(clip, InspectOptions.HEADERS_ONLY); // warm-up
            bytes.reset();
            var bean = ManagementFactory.getThreadMXBean();
            long cpu0 = bean.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            ClipResult r = inspector.inspect(clip, InspectOptions.HEADERS_ONLY);
            long cpu = bean.getCurrentThreadCpuTime() - cpu0;
            long wall = System.nanoTime() - wall0;
            int n = clip.files().size();
            long frameBytes = Files.size(Path.of(clip.files().get(0).location()));
            System.out.printf(Locale.ROOT, "frames inspected      %d (of %d written; 2 deleted)%n", n, frames);
            System.out.printf(Locale.ROOT, "frame file size       %d bytes%n", frameBytes);
            System.out.printf(Locale.ROOT, "bytes read per frame  %.0f (limit 65536; %.3f%% of the file)%n",
                    bytes.doubleValue() / n, 100.0 * bytes.doubleValue() / n / frameBytes);
            System.out.printf(Locale.ROOT, "CPU per frame         %.1f µs (wall %.1f µs)%n", cpu / 1e3 / n, wall / 1e3 / n);
            System.out.printf(Locale.ROOT, "start / end timecode  %s / %s%n", r.metadata().string(ClipField.START_TIMECODE),
                    r.metadata().string(ClipField.END_TIMECODE));
            System.out.printf(Locale.ROOT, "frame count / missing %s / %s%n", r.metadata().get(ClipField.FRAME_COUNT),
                    r.metadata().get(ClipField.MISSING_FRAMES));
            return 0;
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = {"Ingest N small clips with Spark local[2] and compare with the engine called directly in one JVM:",
                    "clips/s, CPU-seconds, and Spark's overhead per task."})
    static final class Ingest implements Callable<Integer> {
        @Option(names = "--clips", defaultValue = "200")
        int clips;

        @Option(names = "--frames", defaultValue = "2")
        int frames;

        @Option(names = "--master", defaultValue = "local[2]")
        String master;

        @Override
        public Integer call() throws Exception {
            Path root = Files.createTempDirectory("rushes-bench-ingest");
            Path card = root.resolve("card");
            SampleCard.write(card, new SampleCard.Options(clips - 1, frames, List.of("A"), 64, 32, 5));
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

            // 1. The engine alone: discovery and one inspect call per clip, one thread.
            List<Clip> all = ClipDiscovery.group(ClipDiscovery.listLocal(List.of(card))).clips();
            Inspector inspector = new Inspector(FormatRegistry.loadDefault(), loc -> new FileByteSource(Path.of(loc)));
            all.forEach(c -> inspector.inspect(c, InspectOptions.HEADERS_ONLY)); // warm-up
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            for (Clip c : ClipDiscovery.group(ClipDiscovery.listLocal(List.of(card))).clips()) {
                inspector.inspect(c, InspectOptions.HEADERS_ONLY);
            }
            double directWall = (System.nanoTime() - wall0) / 1e9;
            double directCpu = (os.getProcessCpuTime() - cpu0) / 1e9;

            // 2. The same clips as Spark tasks (inspection stage only), after one warm-up job.
            var spark = io.rushes.jobs.spark.RushesSpark.session(master, java.util.Map.of());
            var options = new io.rushes.jobs.ingest.IngestOptions(card.toString(), root.resolve("catalog").toString(),
                    java.util.Set.of(), 1000, 4);
            var job = new io.rushes.jobs.ingest.InspectJob(spark, options, null);
            job.inspectOnly();
            cpu0 = os.getProcessCpuTime();
            wall0 = System.nanoTime();
            long inspected = job.inspectOnly();
            double sparkWall = (System.nanoTime() - wall0) / 1e9;
            double sparkCpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            int tasks = Math.min(clips, spark.sparkContext().defaultParallelism() * options.tasksPerCore());

            // 3. The whole ingest: listing, inspection, and the Delta MERGEs into a new catalog.
            cpu0 = os.getProcessCpuTime();
            wall0 = System.nanoTime();
            var summary = job.run();
            double ingestWall = (System.nanoTime() - wall0) / 1e9;
            double ingestCpu = (os.getProcessCpuTime() - cpu0) / 1e9;

            System.out.printf(Locale.ROOT, "%d clips (%d frames each, 64x32 CinemaDNG + 1 movie), Spark master %s, %d tasks%n",
                    inspected, frames, master, tasks);
            System.out.printf(Locale.ROOT, "%-44s %8s %8s %10s%n", "path", "wall s", "CPU s", "clips/s");
            System.out.printf(Locale.ROOT, "%-44s %8.2f %8.2f %10.0f%n", "engine direct (1 JVM, 1 thread)", directWall, directCpu, clips / directWall);
            System.out.printf(Locale.ROOT, "%-44s %8.2f %8.2f %10.0f%n", "Spark inspection stage", sparkWall, sparkCpu, clips / sparkWall);
            System.out.printf(Locale.ROOT, "%-44s %8.2f %8.2f %10.1f%n", "Spark full ingest (list + inspect + MERGE)", ingestWall, ingestCpu,
                    summary.clips() / ingestWall);
            System.out.printf(Locale.ROOT, "Spark stage / direct: %.2fx the wall time, %.2fx the CPU-seconds; overhead %.1f ms CPU per task%n",
                    sparkWall / directWall, sparkCpu / directCpu, (sparkCpu - directCpu) * 1000 / tasks);
            return 0;
        }
    }

    @Command(name = "develop", mixinStandardHelpOptions = true,
            description = {"Decode and develop one DNG (default: the 12 MP GoPro sample) repeatedly; print CPU-seconds per stage,",
                    "and the same file through dcraw and dcraw_emu (when installed) in the same run, with ratios."})
    static final class Develop implements Callable<Integer> {
        @Option(names = "--dng", description = "The DNG (default: ../shared/samples/raw/gopro/HERO7_GOPR9231.dng).")
        Path dng;

        @Option(names = "--runs", defaultValue = "5")
        int runs;

        @Override
        public Integer call() throws Exception {
            Path file = dng != null ? dng : Path.of(System.getenv().getOrDefault("RUSHES_SAMPLES", "../shared/samples"),
                    "raw/gopro/HERO7_GOPR9231.dng");
            var bean = ManagementFactory.getThreadMXBean();
            DngHeader header;
            RawImage raw;
            Processor bilinear;
            Processor rcd;
            try (FileByteSource src = new FileByteSource(file)) {
                header = DngHeader.read(new BinaryReader(src));
                raw = DngRawDecoder.decode(header);
                bilinear = DngDevelop.pipeline(DngColor.of(header, null), DngDevelop.Output.ACES2065_1, Demosaic.Method.BILINEAR).compile();
                rcd = DngDevelop.pipeline(DngColor.of(header, null), DngDevelop.Output.ACES2065_1, Demosaic.Method.RCD).compile();
            }
            Path lj92 = losslessJpegCopy(raw);
            long lj92Bytes = Files.size(lj92);
            int w = raw.width();
            float[] mosaic = new float[raw.data().length];
            for (int i = 0; i < mosaic.length; i++) {
                mosaic[i] = (raw.data()[i] - (float) raw.blackLevels()[0]) / (float) (raw.whiteLevel() - raw.blackLevels()[0]);
            }
            float[] frame = new float[mosaic.length * 3]; // one output buffer per task, as a sequence render reuses it
            double[] sink = new double[1];
            Map<String, Double> best = new LinkedHashMap<>();
            Map<String, CheckedRun> steps = new LinkedHashMap<>();
            steps.put("decode (uncompressed DNG, raw values)", () -> {
                try (FileByteSource src = new FileByteSource(file)) {
                    DngRawDecoder.decode(DngHeader.read(new BinaryReader(src)));
                }
            });
            steps.put("decode (lossless JPEG DNG, raw values)", () -> {
                try (FileByteSource src = new FileByteSource(lj92)) {
                    DngRawDecoder.decode(DngHeader.read(new BinaryReader(src)));
                }
            });
            for (Demosaic.Method m : Demosaic.Method.values()) {
                steps.put("demosaic kernel, " + m.name().toLowerCase(Locale.ROOT), () -> Demosaic.stream(m, w, raw.height(), raw.cfa(),
                        (y, row) -> System.arraycopy(mosaic, y * w, row, 0, w), (y, r, g, b, odd) -> sink[0] += g[odd]));
            }
            steps.put("develop to ACES2065-1 float, bilinear", () -> bilinear.run(raw, frame));
            steps.put("develop to ACES2065-1 float, RCD", () -> rcd.run(raw, frame));
            for (int r = 0; r < runs + 1; r++) { // the first run warms the JIT; the best of the rest is reported
                for (var step : steps.entrySet()) {
                    long c0 = bean.getCurrentThreadCpuTime();
                    step.getValue().run();
                    double cpu = (bean.getCurrentThreadCpuTime() - c0) / 1e9;
                    if (r > 0) {
                        best.merge(step.getKey(), cpu, Math::min);
                    }
                }
            }
            Files.delete(lj92);
            double mp = (double) w * raw.height() / 1e6;
            double ours = best.get("decode (uncompressed DNG, raw values)") + best.get("develop to ACES2065-1 float, RCD");
            best.put("DNG -> ACES2065-1 in memory, bilinear", best.get("decode (uncompressed DNG, raw values)") + best.get("develop to ACES2065-1 float, bilinear"));
            best.put("DNG -> ACES2065-1 in memory, RCD", ours);
            System.out.printf(Locale.ROOT, "%s: %.1f MP, best of %d runs, one thread (sink %.1f)%n", file.getFileName(), mp, runs, sink[0]);
            System.out.printf(Locale.ROOT, "%-52s %10s %10s%n", "step", "CPU s", "MP/CPU-s");
            best.forEach((step, cpu) -> System.out.printf(Locale.ROOT, "%-52s %10.3f %10.1f%n", "Rushes " + step, cpu, mp / cpu));
            System.out.printf(Locale.ROOT, "%-52s %10.1f MB/CPU-s (%.1f MB compressed)%n", "Rushes lossless JPEG decode",
                    lj92Bytes / 1e6 / best.get("decode (lossless JPEG DNG, raw values)"), lj92Bytes / 1e6);
            String[][] peers = {
                    {"dcraw -D -4 -t 0 (raw values)", "dcraw -D -4 -t 0 -c"},
                    {"dcraw -4 -q 0 (bilinear, 16-bit PPM)", "dcraw -4 -q 0 -c"},
                    {"dcraw -4 -q 3 (AHD)", "dcraw -4 -q 3 -c"},
                    {"dcraw_emu -4 -q 0 (LibRaw bilinear)", "dcraw_emu -4 -q 0 -Z -"},
                    {"dcraw_emu -4 -q 3 (LibRaw AHD)", "dcraw_emu -4 -q 3 -Z -"}};
            for (String[] p : peers) {
                double cpu = peerCpu(p[1] + " '" + file + "'");
                if (cpu > 0) {
                    System.out.printf(Locale.ROOT, "%-52s %10.3f %10.1f   (%.1fx Rushes DNG->ACES RCD)%n", p[0], cpu, mp / cpu, cpu / ours);
                }
            }
            return 0;
        }

        private interface CheckedRun {
            void run() throws Exception;
        }

        /** The frame's raw values as a 16-bit lossless JPEG DNG in a temporary file. */
        private static Path losslessJpegCopy(RawImage raw) throws IOException {
            double[] identity = {1, 0, 0, 0, 1, 0, 0, 0, 1};
            DngFrameSpec spec = new DngFrameSpec("Rushes", "Bench", "0", "bench", "A", "A001", raw.width(), raw.height(), 16, 65535, 0,
                    24, new Timecode(0, 0, 0, 0, 24, false), 1.0 / 48, 100, 2.8, 2.8, 35, "none", "2026:01:01 00:00:00",
                    identity, identity, new double[] {1, 1, 1});
            int[] samples = new int[raw.data().length];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = raw.data()[i];
            }
            byte[] pixels = DngWriter.losslessJpeg(spec, samples);
            Path file = Files.createTempFile("rushes-bench-", ".dng");
            try (var out = Files.newOutputStream(file)) {
                out.write(DngWriter.header(spec, pixels.length, DngWriter.LOSSLESS_JPEG));
                out.write(pixels);
            }
            return file;
        }

        /** User + system CPU-seconds of a shell command (best of three), or -1 when the tool is missing. */
        static double peerCpu(String command) throws Exception {
            String tool = command.split(" ")[0];
            if (new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() != 0) {
                return -1;
            }
            double best = Double.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                Process p = new ProcessBuilder("bash", "-c", command + " > /dev/null 2>&1; times").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                p.waitFor();
                String[] lines = out.strip().split("\n");
                String children = lines[lines.length - 1]; // "XmY.YYYs XmZ.ZZZs": children's user and system
                double sum = 0;
                for (String t : children.trim().split("\\s+")) {
                    String[] ms = t.replace("s", "").split("m");
                    sum += Double.parseDouble(ms[0]) * 60 + Double.parseDouble(ms[1]);
                }
                best = Math.min(best, sum);
            }
            return best;
        }
    }
}
