package io.rushes.bench;

import io.rushes.engine.card.SampleCard;
import io.rushes.engine.integrity.HashAlgorithm;
import io.rushes.jobs.ingest.IngestOptions;
import io.rushes.jobs.ingest.InspectJob;
import io.rushes.jobs.plates.PlatesJob;
import io.rushes.jobs.plates.PlatesOptions;
import io.rushes.jobs.plates.PlatesSummary;
import io.rushes.jobs.spark.RushesSpark;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rushes bench plates}: a 200-frame pull rendered to OpenEXR plates by PlatesJob on {@code local[1]} and
 * {@code local[2]} (each run its own JVM, as Spark allows one context per JVM), and the same frames by the peer
 * pipeline {@code dcraw_emu} (LibRaw, to linear ACES TIFF) then {@code oiiotool} (to half PIZ OpenEXR), CPU-seconds per
 * frame side by side, from the shell's accounting of each child process.
 */
@Command(name = "plates", mixinStandardHelpOptions = true,
        description = {"Render a pull of N frames with PlatesJob on local[1] and local[2] (scaling), the share of task time spent outside",
                "the engine, and CPU per frame beside dcraw_emu + oiiotool doing DNG -> half PIZ EXR for the same frames."})
final class PlatesBenchCommand implements Callable<Integer> {
    @Option(names = "--frames", defaultValue = "200", description = "Frames in the pull (default: ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--width", defaultValue = "1920")
    int width;

    @Option(names = "--height", defaultValue = "1080")
    int height;

    @Option(names = "--peer-frames", defaultValue = "40", description = "Frames the peer pipeline renders (CPU per frame; default: ${DEFAULT-VALUE}).")
    int peerFrames;

    @Override
    public Integer call() throws Exception {
        Path root = Files.createTempDirectory("rushes-bench-plates");
        Path card = root.resolve("card");
        SampleCard.write(card, new SampleCard.Options(1, frames, List.of("A"), width, height, 9));
        Path sequence;
        try (Stream<Path> s = Files.walk(card, 2)) {
            sequence = s.filter(Files::isDirectory).filter(d -> d.getFileName().toString().matches("A[0-9]{3}C001_.*")).findFirst().orElseThrow();
        }
        String catalog = root.resolve("catalog").toString();
        SparkSession spark = RushesSpark.session("local[2]", Map.of());
        new InspectJob(spark, new IngestOptions(card.toString(), catalog, java.util.Set.of(HashAlgorithm.XXH128), 1000, 4), null).run();
        spark.stop();
        Path pull = Files.writeString(root.resolve("pull.csv"), "shot,clip,first_frame,last_frame\nBN010," + sequence.getFileName()
                + ",86400," + (86400 + frames - 1) + "\n");
        System.out.printf(Locale.ROOT, "%d frames %dx%d CinemaDNG (12-bit), one shot, aces-exr-plate (half PIZ, RCD demosaic), %d cores%n",
                frames, width, height, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-34s %8s %10s %10s %12s %14s%n", "run", "wall s", "frames/s", "CPU s", "CPU s/frame", "outside engine");
        System.out.println("(whole job: Spark start, SQL resolution, rendering, Delta MERGEs, MHL; render stage: its tasks only)");
        double[] one = child(root, pull, catalog, "local[1]");
        double[] two = child(root, pull, catalog, "local[2]");
        print("Rushes plates local[1], whole job", one);
        print("Rushes plates local[2], whole job", two);
        stage("Rushes local[1], render stage", one);
        stage("Rushes local[2], render stage", two);
        System.out.printf(Locale.ROOT, "scaling local[2] / local[1]: %.2fx frames/s in the render stage, %.2fx for the whole job%n",
                two[6] / one[6], two[1] / one[1]);

        List<Path> dngs;
        try (Stream<Path> s = Files.list(sequence)) {
            dngs = s.filter(p -> p.toString().endsWith(".dng")).sorted().limit(peerFrames).toList();
        }
        Path peerOut = Files.createDirectories(root.resolve("peer"));
        StringBuilder script = new StringBuilder("set -e\n");
        for (Path dng : dngs) {
            Path tiff = peerOut.resolve(dng.getFileName() + ".tiff");
            script.append("dcraw_emu -T -4 -o 6 -Z ").append(tiff).append(' ').append(dng).append('\n');
            script.append("oiiotool ").append(tiff).append(" -d half --compression piz -o ").append(peerOut.resolve(dng.getFileName() + ".exr"))
                    .append('\n');
        }
        double[] peer = shellCpu(script.toString());
        System.out.printf(Locale.ROOT, "%-34s %8.2f %10.2f %10.2f %12.3f %14s%n", "dcraw_emu + oiiotool (1 process each)", peer[0],
                dngs.size() / peer[0], peer[1], peer[1] / dngs.size(), "-");
        System.out.printf(Locale.ROOT, "CPU per frame, peer / Rushes local[2]: %.2fx (render-stage task CPU), %.2fx (whole job JVM)%n",
                (peer[1] / dngs.size()) / two[7], (peer[1] / dngs.size()) / two[3]);
        return 0;
    }

    private static void stage(String name, double[] r) {
        System.out.printf(Locale.ROOT, "%-34s %8.2f %10.2f %10s %12.3f %13.1f%%%n", name, r[5], r[6], "-", r[7], r[4] * 100);
    }

    private static void print(String name, double[] r) {
        System.out.printf(Locale.ROOT, "%-34s %8.2f %10.2f %10.2f %12.3f %14s%n", name, r[0], r[1], r[2], r[3], "");
    }

    /**
     * One PlatesJob run in a JVM of its own: {wall s of the render, frames/s, CPU s of the whole JVM, CPU s per frame,
     * share of task time outside the engine}.
     */
    private static double[] child(Path root, Path pull, String catalog, String master) throws IOException, InterruptedException {
        Path out = root.resolve("out-" + master.replaceAll("[^0-9]", ""));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("--add-opens")
                || a.startsWith("-XX:+Ignore") || a.startsWith("-Dio.netty")).toList());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Run.class.getName(), pull.toString(), catalog, out.toString(), master));
        String line = null;
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        for (String l : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            if (l.startsWith("RESULT ")) {
                line = l;
            }
        }
        if (p.waitFor() != 0 || line == null) {
            throw new IOException("the " + master + " run failed (exit " + p.exitValue() + ")");
        }
        String[] f = line.split(" ");
        double wall = Double.parseDouble(f[1]);
        double renderedFrames = Double.parseDouble(f[2]);
        double cpu = Double.parseDouble(f[3]);
        double engineMs = Double.parseDouble(f[4]);
        double taskMs = Double.parseDouble(f[5]);
        double taskCpu = Double.parseDouble(f[6]);
        double stageWall = Double.parseDouble(f[7]);
        return new double[] {wall, renderedFrames / wall, cpu, cpu / renderedFrames, 1 - engineMs / taskMs, stageWall,
            renderedFrames / stageWall, taskCpu / renderedFrames};
    }

    /** {wall s, CPU s of every child} of a bash script, from bash's own {@code times}. */
    private static double[] shellCpu(String script) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("bash", "-c", script + "times\n").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String[] lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split("\n");
        if (p.waitFor() != 0) {
            throw new IOException("the peer pipeline failed (exit " + p.exitValue() + "); are dcraw_emu (libraw-bin) and oiiotool installed?");
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        String[] children = lines[lines.length - 1].strip().split("\\s+"); // "0m1.234s 0m0.123s": children's user and system
        return new double[] {wall, seconds(children[0]) + seconds(children[1])};
    }

    private static double seconds(String bash) {
        int m = bash.indexOf('m');
        return Double.parseDouble(bash.substring(0, m)) * 60 + Double.parseDouble(bash.substring(m + 1, bash.length() - 1));
    }

    /** The child: one plates run, timed; prints RESULT wall frames cpu engine_ms task_ms. */
    public static final class Run {
        private Run() {
        }

        /** Whether a task is one of the render stage's (its stage's RDD is the plates mapPartitions, not a SQL scan). */
        private static boolean rendering(SparkListenerTaskEnd end) {
            return end.taskType().contains("ResultTask") && RENDER_STAGES.contains(end.stageId());
        }

        static final java.util.Set<Integer> RENDER_STAGES = java.util.concurrent.ConcurrentHashMap.newKeySet();

        public static void main(String[] args) throws Exception {
            SparkSession spark = RushesSpark.session(args[3], Map.of("spark.sql.shuffle.partitions", "2"));
            AtomicLong taskMs = new AtomicLong();
            AtomicLong taskCpuNs = new AtomicLong();
            AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
            AtomicLong lastEnd = new AtomicLong();
            spark.sparkContext().addSparkListener(new SparkListener() {
                @Override
                public void onStageSubmitted(org.apache.spark.scheduler.SparkListenerStageSubmitted submitted) {
                    if (submitted.stageInfo().name().contains("PlatesJob")) {
                        RENDER_STAGES.add(submitted.stageInfo().stageId());
                    }
                }

                @Override
                public void onTaskEnd(SparkListenerTaskEnd end) {
                    // The render stage's tasks only: the ones named by PlatesJob's mapPartitions (the Delta ones are SQL stages).
                    if (end.taskMetrics() != null && end.taskInfo().successful() && rendering(end)) {
                        taskMs.addAndGet(end.taskMetrics().executorRunTime());
                        taskCpuNs.addAndGet(end.taskMetrics().executorCpuTime());
                        firstStart.accumulateAndGet(end.taskInfo().launchTime(), Math::min);
                        lastEnd.accumulateAndGet(end.taskInfo().finishTime(), Math::max);
                    }
                }
            });
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            PlatesSummary s = new PlatesJob(spark, new PlatesOptions(args[0], args[1], args[2], List.of("aces-exr-plate"), 24, 24, 0, "PL01",
                    true, null), null).run();
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            double engineMs = spark.sql("SELECT sum(render_ms) FROM delta.`" + args[1] + "/renders` WHERE output_path LIKE '%"
                    + Path.of(args[2]).getFileName() + "/%'").first().getDouble(0);
            System.out.printf(Locale.ROOT, "RESULT %.3f %d %.3f %.1f %d %.3f %.3f%n", wall, s.rendered(), cpu, engineMs, taskMs.get(),
                    taskCpuNs.get() / 1e9, (lastEnd.get() - firstStart.get()) / 1e3);
            spark.stop();
        }
    }
}
