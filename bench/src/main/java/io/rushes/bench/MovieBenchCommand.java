package io.rushes.bench;

import io.rushes.engine.format.FrameReader;
import io.rushes.engine.format.movie.MovieFrames;
import io.rushes.engine.image.Region;
import io.rushes.engine.io.FileByteSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rushes bench movies}: decode frames per CPU-second, one thread, of Rushes' movie reader (FFmpeg's decoders
 * through the bytedeco libraries, then the Y'CbCr to float R'G'B' conversion in Java) beside the {@code ffmpeg} CLI
 * decoding the same file to rawvideo with {@code -threads 1 -f null}, on a ProRes 4444 UHD and an H.264 1080p movie
 * made here with the ffmpeg CLI. The reader is timed twice: whole frames (decode and conversion), and a 1x1 region (the
 * decode alone, as the conversion only covers the region).
 */
@Command(name = "movies", mixinStandardHelpOptions = true,
        description = {"Movie decode frames per CPU-second, one thread: Rushes' reader (decode + float RGB, and decode alone) beside",
                "ffmpeg -threads 1 -f rawvideo -f null on the same ProRes 4444 UHD and H.264 1080p files (made with the ffmpeg CLI)."})
final class MovieBenchCommand implements Callable<Integer> {
    @Option(names = "--runs", defaultValue = "3", description = "Timed runs of each; the best is reported (after one warm-up).")
    int runs;

    @Option(names = "--dir", description = "Where to write the movies (default: a temporary folder, deleted after).")
    Path dir;

    private record Movie(String label, String file, int frames, List<String> encode) {
    }

    @Override
    public Integer call() throws Exception {
        if (new ProcessBuilder("sh", "-c", "command -v ffmpeg").start().waitFor() != 0) {
            System.out.println("ffmpeg is not on the PATH (apt-get install ffmpeg): it makes the movies and is the peer.");
            return 1;
        }
        Path work = dir != null ? dir : Files.createTempDirectory("rushes-bench-movies");
        List<Movie> movies = List.of(
                new Movie("ProRes 4444 UHD 10-bit", "prores4444_uhd.mov", 24, List.of("-f", "lavfi", "-i", "testsrc2=size=3840x2160:rate=24",
                        "-c:v", "prores_ks", "-profile:v", "4444", "-pix_fmt", "yuv444p10le")),
                new Movie("H.264 1080p 8-bit long GOP", "h264_1080p.mov", 120, List.of("-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=24",
                        "-c:v", "libx264", "-preset", "medium", "-crf", "18", "-g", "24", "-bf", "3", "-pix_fmt", "yuv420p")));
        System.out.printf(Locale.ROOT, "%-28s %-34s %10s %12s %8s%n", "movie", "decoder", "CPU s", "frames/CPU-s", "vs CLI");
        try {
            for (Movie m : movies) {
                Path file = work.resolve(m.file());
                List<String> make = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y"));
                make.addAll(m.encode());
                make.addAll(List.of("-frames:v", String.valueOf(m.frames()), file.toString()));
                run(make);
                double full = best(() -> readAll(file, m.frames(), false));
                double decodeOnly = best(() -> readAll(file, m.frames(), true));
                double cli = best(() -> cliCpu(file, false));
                double cliFloat = best(() -> cliCpu(file, true));
                print(m, "ffmpeg CLI (Debian, -threads 1)", cli, cli);
                print(m, "ffmpeg CLI to float RGB (swscale)", cliFloat, cliFloat);
                print(m, "Rushes: decode only (1x1 region)", decodeOnly, cli);
                print(m, "Rushes: decode + float R'G'B'", full, cliFloat);
            }
        } finally {
            if (dir == null) {
                try (var files = Files.list(work)) {
                    for (Path p : files.toList()) {
                        Files.delete(p);
                    }
                }
                Files.delete(work);
            }
        }
        System.out.println("vs CLI: the CLI's CPU-seconds over this decoder's (1.00 = as fast; above 0.91 is within 10 %): decode only "
                + "beside the CLI's decode, decode + float R'G'B' beside the CLI converting to float RGB too (-pix_fmt gbrpf32le).");
        return 0;
    }

    private static void print(Movie m, String decoder, double cpu, double cli) {
        System.out.printf(Locale.ROOT, "%-28s %-34s %10.3f %12.1f %8.2f%n", m.label(), decoder, cpu, m.frames() / cpu, cli / cpu);
    }

    private interface Timed {
        double cpuSeconds() throws Exception;
    }

    private double best(Timed timed) throws Exception {
        timed.cpuSeconds(); // warm-up: JIT, page cache
        double best = Double.MAX_VALUE;
        for (int r = 0; r < runs; r++) {
            best = Math.min(best, timed.cpuSeconds());
        }
        return best;
    }

    /** CPU-seconds of this thread (FFmpeg decodes on it: one decoder thread a reader) to read every frame in order. */
    private static double readAll(Path file, int frames, boolean decodeOnly) throws IOException {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long start = bean.getCurrentThreadCpuTime();
        double sink = 0;
        try (FileByteSource source = new FileByteSource(file); FrameReader reader = new MovieFrames().open(source)) {
            if (reader.frameCount() != frames) {
                throw new IllegalStateException(file + " holds " + reader.frameCount() + " frames, not " + frames);
            }
            Region pixel = decodeOnly ? new Region(0, 0, 1, 1) : null;
            for (int n = 0; n < frames; n++) {
                var frame = (io.rushes.engine.format.SourceFrame.Rgb) reader.read(n, pixel);
                sink += frame.image().data()[0];
            }
        }
        double cpu = (bean.getCurrentThreadCpuTime() - start) / 1e9;
        return sink < 0 ? cpu + 1e-12 : cpu; // keeps the frames alive to the end
    }

    /**
     * User + system CPU-seconds of the CLI decoding every frame to rawvideo and dropping it; {@code toFloat}: converted to
     * planar float RGB by swscale first, the like-for-like of this decoder's float R'G'B'.
     */
    private static double cliCpu(Path file, boolean toFloat) throws Exception {
        String command = "ffmpeg -v error -threads 1 -i '" + file + "' -map 0:v:0 " + (toFloat ? "-pix_fmt gbrpf32le " : "")
                + "-c:v rawvideo -f null - ; times";
        Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(command + " failed: " + out);
        }
        String[] lines = out.strip().split("\n");
        double sum = 0;
        for (String t : lines[lines.length - 1].trim().split("\\s+")) { // children's "XmY.YYYs XmZ.ZZZs"
            String[] ms = t.replace("s", "").split("m");
            sum += Double.parseDouble(ms[0]) * 60 + Double.parseDouble(ms[1]);
        }
        return sum;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }
}
