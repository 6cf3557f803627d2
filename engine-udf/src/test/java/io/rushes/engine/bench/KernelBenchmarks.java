package io.rushes.engine.bench;

import io.rushes.engine.develop.DngColor;
import io.rushes.engine.develop.DngDevelop;
import io.rushes.engine.format.dng.DngHeader;
import io.rushes.engine.format.dng.DngRawDecoder;
import io.rushes.engine.format.dng.LosslessJpegAccess;
import io.rushes.engine.image.Demosaic;
import io.rushes.engine.image.Processor;
import io.rushes.engine.image.RawImage;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.FileByteSource;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Kernels on the real 12 MP GoPro frame, one thread: lossless JPEG decode, the two demosaics, and the whole
 * compiled development to ACES. Divide the megapixels (12.0) or megabytes by the reported seconds.
 * Run with scripts/bench/jmh.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms6g", "-Xmx6g", "-XX:+UseParallelGC"}) // each op allocates a 144 MB float frame
public class KernelBenchmarks {
    RawImage raw;
    float[] mosaic;
    byte[] losslessJpeg;
    Processor bilinear;
    Processor rcd;

    @Setup
    public void load() throws Exception {
        Path file = Path.of(System.getenv().getOrDefault("RUSHES_SAMPLES", "../shared/samples"), "raw/gopro/HERO7_GOPR9231.dng");
        FileByteSource source = new FileByteSource(file);
        DngHeader header = DngHeader.read(new BinaryReader(source));
        raw = DngRawDecoder.decode(header);
        mosaic = new float[raw.data().length];
        int[] samples = new int[raw.data().length];
        for (int i = 0; i < mosaic.length; i++) {
            mosaic[i] = raw.data()[i] / 16383f;
            samples[i] = raw.data()[i];
        }
        losslessJpeg = io.rushes.engine.deliver.dng.LosslessJpegEncoder.encode(samples, raw.width(), raw.height(), 2, 14);
        DngColor color = DngColor.of(header, null);
        bilinear = DngDevelop.pipeline(color, DngDevelop.Output.ACES2065_1, Demosaic.Method.BILINEAR).compile();
        rcd = DngDevelop.pipeline(color, DngDevelop.Output.ACES2065_1, Demosaic.Method.RCD).compile();
    }

    @Benchmark
    public Object losslessJpegDecode12MP() {
        return LosslessJpegAccess.decode(losslessJpeg, raw.width() * raw.height());
    }

    @Benchmark
    public Object demosaicBilinear12MP() {
        return Demosaic.run(Demosaic.Method.BILINEAR, mosaic, raw.width(), raw.height(), raw.cfa(), 2, 2);
    }

    @Benchmark
    public Object demosaicRcd12MP() {
        return Demosaic.run(Demosaic.Method.RCD, mosaic, raw.width(), raw.height(), raw.cfa(), 2, 2);
    }

    @Benchmark
    public Object developAcesBilinear12MP() {
        return bilinear.run(raw);
    }

    @Benchmark
    public Object developAcesRcd12MP() {
        return rcd.run(raw);
    }
}
