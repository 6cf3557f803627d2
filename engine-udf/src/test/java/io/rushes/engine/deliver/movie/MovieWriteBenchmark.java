package io.rushes.engine.deliver.movie;

import io.rushes.engine.image.RgbImage;
import io.rushes.engine.io.ByteSink;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.Loader;

/**
 * Not a test: UHD ProRes 4444 CPU-seconds per frame on one thread, MovieWriter (float R'G'B' → Y'CbCr in Java, then
 * prores_ks) beside the {@code ffmpeg} CLI encoding the same frames from rgb48le with the same encoder on one thread:
 * bytedeco's own ffmpeg 8.1.2 executable (the same libraries), Debian's, and the Debian sid chroot's of
 * {@code shared/tools/newer-tools.sh} (optional: "not set up" when absent). Three rounds each run every peer once, side
 * by side; the median round is printed. Run (as root for the chroot):
 * {@code java -cp engine-udf/target/classes:engine-udf/target/test-classes:$(cat cp.txt)
 * io.rushes.engine.deliver.movie.MovieWriteBenchmark /tmp/moviebench [frames]}.
 */
public final class MovieWriteBenchmark {
    private static final int WIDTH = 3840;
    private static final int HEIGHT = 2160;
    private static final int ROUNDS = 3;
    private static final Path SID = Path.of(System.getProperty("rushes.sid", "/opt/rushes-sid"));

    private MovieWriteBenchmark() {
    }

    /** An ffmpeg executable: its label, the command that starts it, and the folder its input is in as seen from here. */
    private record Cli(String label, List<String> command, Path hostDir, String insideDir) {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp").toAbsolutePath();
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        Files.createDirectories(dir);
        float[] d = new float[WIDTH * HEIGHT * 3];
        SplittableRandom rnd = new SplittableRandom(42);
        for (int y = 0, i = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                for (int c = 0; c < 3; c++, i++) {
                    d[i] = (float) Math.min(1, Math.max(0, (x + y * (c + 1)) / 12000.0 + rnd.nextDouble(-0.02, 0.02)));
                }
            }
        }
        RgbImage image = new RgbImage(WIDTH, HEIGHT, d);
        // The CLI's input: the same pixels as rgb48le, one frame looped.
        ByteBuffer b = ByteBuffer.allocate(d.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : d) {
            b.putShort((short) Math.round(v * 65535));
        }
        List<Cli> clis = new ArrayList<>();
        clis.add(new Cli("ffmpeg 8.1.2 CLI (bytedeco's)", List.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class)), dir, dir.toString()));
        clis.add(new Cli("ffmpeg " + version(List.of("ffmpeg")) + " CLI (Debian)", List.of("ffmpeg"), dir, dir.toString()));
        boolean sid = Files.isExecutable(SID.resolve("usr/bin/ffmpeg"));
        if (sid) {
            Path inside = Files.createDirectories(SID.resolve("tmp/rushes-movie-bench"));
            List<String> chroot = List.of("chroot", SID.toString(), "ffmpeg");
            clis.add(new Cli("ffmpeg " + version(chroot) + " CLI (sid chroot)", chroot, inside, "/tmp/rushes-movie-bench"));
        }
        for (Cli cli : clis) {
            Files.write(cli.hostDir().resolve("frame.rgb48"), b.array());
        }

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        encode(image, dir, 2); // warms up the JIT
        double[] ours = new double[ROUNDS];
        double[][] theirs = new double[clis.size()][ROUNDS];
        long[] bytes = new long[clis.size() + 1];
        for (int round = 0; round < ROUNDS; round++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            bytes[0] = encode(image, dir, frames);
            ours[round] = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9 / frames;
            for (int c = 0; c < clis.size(); c++) {
                Cli cli = clis.get(c);
                List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "%U %S"));
                cmd.addAll(cli.command());
                cmd.addAll(List.of("-v", "error", "-y", "-threads", "1", "-filter_threads", "1", "-stream_loop", Integer.toString(frames - 1),
                        "-f", "rawvideo", "-pix_fmt", "rgb48le", "-s", WIDTH + "x" + HEIGHT, "-r", "24", "-i", cli.insideDir() + "/frame.rgb48",
                        "-c:v", "prores_ks", "-profile:v", "4444", "-threads", "1", "-f", "mov", cli.insideDir() + "/cli.mov"));
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (p.waitFor() != 0) {
                    throw new java.io.IOException(cli.label() + " failed: " + text);
                }
                String[] lines = text.split("\n");
                String[] times = lines[lines.length - 1].trim().split(" ");
                theirs[c][round] = (Double.parseDouble(times[0]) + Double.parseDouble(times[1])) / frames;
                Path out = cli.hostDir().resolve("cli.mov");
                bytes[c + 1] = Files.size(out);
                Files.delete(out);
            }
        }
        double us = median(ours);
        System.out.printf(Locale.ROOT, "UHD ProRes 4444 (prores_ks), %d frames, one thread, median of %d rounds side by side%n", frames, ROUNDS);
        System.out.printf(Locale.ROOT, "%-40s %12s %9s %8s %10s%n", "", "CPU-s/frame", "frames/s", "x", "MB/frame");
        System.out.printf(Locale.ROOT, "%-40s %12.3f %9.3f %8s %10.2f%n", "MovieWriter (bytedeco FFmpeg 8.1.2)", us, 1 / us, "", bytes[0] / 1e6 / frames);
        for (int c = 0; c < clis.size(); c++) {
            double them = median(theirs[c]);
            System.out.printf(Locale.ROOT, "%-40s %12.3f %9.3f %8.3f %10.2f%n", clis.get(c).label(), them, 1 / them, them / us,
                    bytes[c + 1] / 1e6 / frames);
        }
        if (!sid) {
            System.out.println("ffmpeg CLI (sid chroot, " + SID + "): not set up (shared/tools/newer-tools.sh setup)");
        }
        System.out.printf(Locale.ROOT, "  of which float -> Y'CbCr 4:4:4 in Java: %.3f CPU-s/frame%n", convertCost(image));
        System.out.println("x: their CPU-s per frame / ours (above 1: MovieWriter is faster)");
        for (Cli cli : clis) {
            Files.deleteIfExists(cli.hostDir().resolve("frame.rgb48")); // two CLIs may share a folder
        }
    }

    /** Encodes {@code frames} copies of {@code image} into a sink that only counts bytes; returns the movie's size. */
    private static long encode(RgbImage image, Path dir, int frames) throws java.io.IOException {
        long[] size = new long[1];
        ByteSink discard = new ByteSink() {
            @Override
            public String name() {
                return "discard.mov";
            }

            @Override
            public void write(Content content) throws java.io.IOException {
                OutputStream counting = new OutputStream() {
                    @Override
                    public void write(int x) {
                        size[0]++;
                    }

                    @Override
                    public void write(byte[] buf, int off, int len) {
                        size[0] += len;
                    }
                };
                content.writeTo(new BufferedOutputStream(counting));
            }
        };
        try (MovieWriter writer = MovieWriter.open(discard, dir, WIDTH, HEIGHT, MovieSettings.of(MovieCodec.PRORES_4444, 24, 1).withThreads(1))) {
            for (int f = 0; f < frames; f++) {
                writer.write(image);
            }
            writer.finish();
        }
        return size[0];
    }

    /** CPU-seconds of the Java colour conversion of one frame, the part MovieWriter does that the CLI's swscale does for it. */
    private static double convertCost(RgbImage image) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        short[] luma = new short[WIDTH];
        float[] cb = new float[WIDTH];
        float[] cr = new float[WIDTH];
        short[] codes = new short[WIDTH * 2];
        float[] cbFull = new float[WIDTH];
        float[] crFull = new float[WIDTH];
        long cpu0 = threads.getCurrentThreadCpuTime();
        for (int y = 0; y < HEIGHT; y++) {
            Rec709YCbCr.row(image, y, false, 10, luma, cb, cr, cbFull, crFull);
            for (int x = 0; x < WIDTH; x++) {
                codes[x] = Rec709YCbCr.chromaCode(cb[x], 10);
                codes[WIDTH + x] = Rec709YCbCr.chromaCode(cr[x], 10);
            }
        }
        return (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
    }

    private static double median(double[] rounds) {
        double[] sorted = rounds.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** "5.1.8" from {@code ffmpeg -version}. */
    private static String version(List<String> command) throws java.io.IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(command);
        cmd.add("-version");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("ffmpeg version (\\S+)").matcher(text);
        return m.find() ? m.group(1) : "?";
    }
}
