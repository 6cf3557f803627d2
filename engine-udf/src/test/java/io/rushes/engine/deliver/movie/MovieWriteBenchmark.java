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
 * Not a test: UHD ProRes 4444 frames per CPU-second on one thread, MovieWriter (float R'G'B' → Y'CbCr in Java, then
 * prores_ks) beside the {@code ffmpeg} CLI encoding the same frame from rgb48le with the same encoder on one thread
 * (bytedeco's own ffmpeg 8.1.2 executable, the same libraries, and Debian's ffmpeg for reference), in one run.
 * Run: {@code java -cp engine-udf/target/classes:engine-udf/target/test-classes:$(cat cp.txt)
 * io.rushes.engine.deliver.movie.MovieWriteBenchmark /tmp/moviebench}.
 */
public final class MovieWriteBenchmark {
    private static final int WIDTH = 3840;
    private static final int HEIGHT = 2160;
    private static final int FRAMES = 24;

    private MovieWriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp");
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
        // The CLI's input: the same pixels as rgb48le, one frame looped FRAMES times.
        Path raw = dir.resolve("frame.rgb48");
        ByteBuffer b = ByteBuffer.allocate(d.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : d) {
            b.putShort((short) Math.round(v * 65535));
        }
        Files.write(raw, b.array());

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long movieBytes = 0;
        double javaCpu = 0;
        for (int run = 0; run < 2; run++) { // the first run warms up the JIT
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
            long cpu0 = threads.getCurrentThreadCpuTime();
            try (MovieWriter writer = MovieWriter.open(discard, dir, WIDTH, HEIGHT, MovieSettings.of(MovieCodec.PRORES_4444, 24, 1).withThreads(1))) {
                for (int f = 0; f < FRAMES; f++) {
                    writer.write(image);
                }
                writer.finish();
            }
            javaCpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            movieBytes = size[0];
        }
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
        double convertCpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;

        System.out.printf(Locale.ROOT, "UHD ProRes 4444 (prores_ks), %d frames, one thread, CPU-seconds%n", FRAMES);
        System.out.printf(Locale.ROOT, "%-44s %8s %8s %10s%n", "", "CPU-s", "frames/s", "MB");
        System.out.printf(Locale.ROOT, "%-44s %8.2f %8.2f %10.1f%n", "MovieWriter (bytedeco FFmpeg 8.1.2)", javaCpu, FRAMES / javaCpu, movieBytes / 1e6);
        System.out.printf(Locale.ROOT, "%-44s %8.3f%n", "  of which float -> Y'CbCr 4:4:4, per frame", convertCpu);
        String bundled = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        for (String[] cli : List.of(new String[] {"ffmpeg CLI 8.1.2 (bytedeco's executable)", bundled}, new String[] {"ffmpeg CLI (Debian)", "ffmpeg"})) {
            Path out = dir.resolve("cli.mov");
            List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "%U %S", cli[1], "-v", "error", "-y", "-threads", "1",
                    "-filter_threads", "1", "-stream_loop", Integer.toString(FRAMES - 1), "-f", "rawvideo", "-pix_fmt", "rgb48le", "-s",
                    WIDTH + "x" + HEIGHT, "-r", "24", "-i", raw.toString(), "-c:v", "prores_ks", "-profile:v", "4444", "-threads", "1",
                    "-f", "mov", out.toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor();
            String[] lines = text.split("\n");
            String[] times = lines[lines.length - 1].trim().split(" ");
            double cpu = Double.parseDouble(times[0]) + Double.parseDouble(times[1]);
            System.out.printf(Locale.ROOT, "%-44s %8.2f %8.2f %10.1f%n", cli[0], cpu, FRAMES / cpu, Files.size(out) / 1e6);
            if (lines.length > 1) {
                System.out.println("  " + text);
            }
            Files.delete(out);
        }
        Files.delete(raw);
    }
}
