package io.rushes.engine.deliver.dpx;

import io.rushes.engine.deliver.tiff.TiffImages;
import io.rushes.engine.image.RgbImage;
import io.rushes.engine.io.ByteSink;
import io.rushes.engine.io.FileByteSink;
import io.rushes.engine.io.FileByteSource;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Not a test: CPU-seconds of one thread writing a 4000x3000 10-bit DPX from float RGB, to a file and to a sink that
 * discards the bytes (encoding alone), and reading it back; also writes the same pixels as a float TIFF for {@code oiiotool} to convert.
 * Run: {@code java -cp engine-udf/target/classes:engine-udf/target/test-classes
 * io.rushes.engine.deliver.dpx.DpxWriteBenchmark /tmp/dpxbench}.
 */
public final class DpxWriteBenchmark {
    private DpxWriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp");
        int width = 4000;
        int height = 3000;
        float[] d = new float[width * height * 3];
        SplittableRandom rnd = new SplittableRandom(42);
        for (int y = 0, i = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < 3; c++) {
                    d[i++] = (float) Math.min(1, Math.max(0, (x + y * (c + 1)) / 10000.0 + rnd.nextDouble(-0.01, 0.01)));
                }
            }
        }
        RgbImage image = new RgbImage(width, height, d);
        TiffImages.writeRgbFloat(image, new FileByteSink(dir.resolve("bench-float.tif")), null);
        ByteSink discard = new ByteSink() {
            @Override
            public String name() {
                return "discard";
            }

            @Override
            public void write(Content content) throws java.io.IOException {
                content.writeTo(OutputStream.nullOutputStream());
            }
        };
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        DpxMetadata md = DpxMetadata.of(DpxEncoding.ACESCCT);
        for (int warm = 0; warm < 3; warm++) {
            DpxWriter.write(image, DpxWriter.Depth.TEN, md, discard);
        }
        int runs = 5;
        double best = Double.MAX_VALUE;
        double bestFile = Double.MAX_VALUE;
        for (int r = 0; r < runs; r++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            DpxWriter.write(image, DpxWriter.Depth.TEN, md, discard);
            long t1 = cpu.getCurrentThreadCpuTime();
            DpxWriter.write(image, DpxWriter.Depth.TEN, md, new FileByteSink(dir.resolve("bench-rushes.dpx")));
            long t2 = cpu.getCurrentThreadCpuTime();
            best = Math.min(best, (t1 - t0) / 1e9);
            bestFile = Math.min(bestFile, (t2 - t1) / 1e9);
        }
        double bestRead = Double.MAX_VALUE;
        for (int r = 0; r < runs; r++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            try (FileByteSource source = new FileByteSource(dir.resolve("bench-rushes.dpx"))) {
                DpxReader.read(source);
            }
            bestRead = Math.min(bestRead, (cpu.getCurrentThreadCpuTime() - t0) / 1e9);
        }
        System.out.printf(Locale.ROOT, "rushes 10-bit DPX 4000x3000, 1 thread, best of %d: encode %.3f CPU-s, encode+file %.3f CPU-s, "
                + "read %.3f CPU-s%n", runs, best, bestFile, bestRead);
    }
}
