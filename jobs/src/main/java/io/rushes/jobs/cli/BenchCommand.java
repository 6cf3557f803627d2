package io.rushes.jobs.cli;

import io.rushes.engine.api.ClipResult;
import io.rushes.engine.api.InspectOptions;
import io.rushes.engine.api.Inspector;
import io.rushes.engine.card.SampleCard;
import io.rushes.engine.discovery.Clip;
import io.rushes.engine.discovery.ClipDiscovery;
import io.rushes.engine.format.FormatRegistry;
import io.rushes.engine.io.CountingByteSource;
import io.rushes.engine.io.FileByteSource;
import io.rushes.engine.metadata.ClipField;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rushes bench headers}: how many bytes and how much CPU a header-only inspection costs per frame. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print numbers.",
        subcommands = {BenchCommand.Headers.class, BenchCommand.Ingest.class})
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
}
