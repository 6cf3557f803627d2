package io.rushes.bench;

import io.rushes.engine.develop.DngColor;
import io.rushes.engine.develop.DngDevelop;
import io.rushes.engine.format.FrameDecoders;
import io.rushes.engine.format.FrameReader;
import io.rushes.engine.format.SourceFrame;
import io.rushes.engine.format.arriraw.ArriRawFiles;
import io.rushes.engine.image.Demosaic;
import io.rushes.engine.image.RawImage;
import io.rushes.engine.io.FileByteSource;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rushes bench arriraw}: one ALEXA LF 4.5K open-gate ARRIRAW frame (4448x3096, written by {@link ArriRawFiles}),
 * decoded and developed to ACES2065-1 with RCD by Rushes, and by LibRaw's {@code dcraw_emu} on the same file in the same
 * run: {@code -4 -o 6 -q 3 -r R G B G -k 0 -S 4095 -t 0} is the nearest it comes (16-bit linear, ACES output, AHD, since
 * LibRaw has no RCD; the header's white-balance gains, which LibRaw does not read from ARRIRAW; dcraw's levels), writing
 * its 16-bit PPM to /dev/null. CPU-seconds per frame, the best of the runs after a warm-up.
 */
@Command(name = "arriraw", mixinStandardHelpOptions = true,
        description = {"Decode + develop (ACES2065-1, RCD) of a generated ALEXA LF 4.5K ARRIRAW frame: Rushes' CPU-seconds per frame",
                "beside dcraw_emu (LibRaw, AHD to ACES) on the same file, with the ratio."})
final class ArriRawBenchCommand implements Callable<Integer> {
    @Option(names = "--runs", defaultValue = "5")
    int runs;

    @Override
    public Integer call() throws Exception {
        ArriRawFiles.Frame frame = ArriRawFiles.alexaLf(1);
        Path file = ArriRawFiles.write(frame, Files.createTempFile("rushes-bench-", ".ari"));
        try {
            var bean = ManagementFactory.getThreadMXBean();
            float[] into = new float[frame.width() * frame.height() * 3]; // one output buffer, as a sequence render reuses it
            double decodeBest = Double.MAX_VALUE;
            double totalBest = Double.MAX_VALUE;
            double sink = 0;
            for (int r = 0; r < runs + 1; r++) { // the first run warms the JIT
                long c0 = bean.getCurrentThreadCpuTime();
                RawImage raw;
                DngColor color;
                try (FileByteSource source = new FileByteSource(file);
                     FrameReader reader = FrameDecoders.loadDefault().open(source, "rendered")) {
                    SourceFrame.Mosaic mosaic = (SourceFrame.Mosaic) reader.read(0, null);
                    raw = mosaic.raw();
                    color = mosaic.color().at(null);
                }
                long c1 = bean.getCurrentThreadCpuTime();
                float[] out = DngDevelop.pipeline(color, DngDevelop.Output.ACES2065_1, Demosaic.Method.RCD).compile().run(raw, into).data();
                long c2 = bean.getCurrentThreadCpuTime();
                sink += out[out.length / 2];
                if (r > 0) {
                    decodeBest = Math.min(decodeBest, (c1 - c0) / 1e9);
                    totalBest = Math.min(totalBest, (c2 - c0) / 1e9);
                }
            }
            double mp = (double) frame.width() * frame.height() / 1e6;
            float[] g = frame.gains();
            String emu = String.format(Locale.ROOT, "dcraw_emu -4 -o 6 -q 3 -r %s %s %s %s -k 0 -S 4095 -t 0 -Z - '%s'", g[0], g[1], g[2], g[1], file);
            double peer = BenchCommand.Develop.peerCpu(emu);
            System.out.printf(Locale.ROOT, "ALEXA LF 4.5K ARRIRAW %dx%d (%.1f MP), %d bytes, best of %d runs, one thread (sink %.3f)%n",
                    frame.width(), frame.height(), mp, Files.size(file), runs, sink);
            System.out.printf(Locale.ROOT, "%-60s %10s %10s%n", "step", "CPU s", "MP/CPU-s");
            System.out.printf(Locale.ROOT, "%-60s %10.3f %10.1f%n", "Rushes decode (raw values)", decodeBest, mp / decodeBest);
            System.out.printf(Locale.ROOT, "%-60s %10.3f %10.1f%n", "Rushes decode + develop to ACES2065-1 float, RCD", totalBest, mp / totalBest);
            if (peer > 0) {
                System.out.printf(Locale.ROOT, "%-60s %10.3f %10.1f   (%.2fx Rushes)%n", "dcraw_emu decode + AHD to ACES, 16-bit PPM to /dev/null",
                        peer, mp / peer, peer / totalBest);
            } else {
                System.out.println("dcraw_emu is not installed (apt-get install libraw-bin): only Rushes' numbers.");
            }
            return 0;
        } finally {
            Files.delete(file);
        }
    }
}
