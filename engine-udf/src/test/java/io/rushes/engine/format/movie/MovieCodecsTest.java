package io.rushes.engine.format.movie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.ExternalTool;
import io.rushes.engine.color.PixelEncoding;
import io.rushes.engine.deliver.movie.MovieCodec;
import io.rushes.engine.deliver.movie.MovieContainer;
import io.rushes.engine.deliver.movie.MovieSettings;
import io.rushes.engine.deliver.movie.MovieWriter;
import io.rushes.engine.format.SourceFrame;
import io.rushes.engine.image.RgbImage;
import io.rushes.engine.io.FileByteSink;
import io.rushes.engine.io.FileByteSource;
import io.rushes.engine.metadata.Timecode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The editorial codecs: ProRes 4444 (with alpha, decoded as 12-bit yuva444p12le) and DNxHR made by the ffmpeg CLI decode
 * to ffmpeg's own samples, and what Rushes' MovieWriter writes reads back as what was written, within ProRes' and
 * DNxHR's loss.
 */
class MovieCodecsTest {
    private static final int WIDTH = 320;
    private static final int HEIGHT = 180;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "prores4444.mov, prores_ks -profile:v 4444 -pix_fmt yuva444p10le",
            "prores422hq.mov, prores_ks -profile:v hq -pix_fmt yuv422p10le",
            "dnxhr_hqx.mov, dnxhd -profile:v dnxhr_hqx -pix_fmt yuv422p10le",
            "dnxhr_444.mxf, dnxhd -profile:v dnxhr_444 -pix_fmt yuv444p10le"})
    void moviesMadeWithTheFfmpegCliDecodeToItsSamples(String file, String codec) throws Exception {
        Path movie = dir.resolve(file);
        List<String> command = new ArrayList<>(List.of("-v", "error", "-f", "lavfi", "-i", "testsrc2=size=" + WIDTH + "x" + HEIGHT + ":rate=24",
                "-frames:v", "6", "-c:v"));
        command.addAll(List.of(codec.split(" ")));
        command.add(movie.toString());
        ExternalTool.output("ffmpeg", command.toArray(String[]::new));
        String pixFmt = FfmpegReference.nativePixelFormat(movie);
        try (FileByteSource source = new FileByteSource(movie); MovieReader reader = MovieReader.open(source)) {
            assertEquals(6, reader.frameCount());
            for (long n : new long[] {5, 0, 3}) {
                Planes mine = reader.decoded(n);
                assertEquals(pixFmt, mine.layout().name());
                int tolerance = 1 << (mine.layout().depth() - 10); // 1 code value at 10 bits
                int difference = FfmpegReference.largestDifference(mine, FfmpegReference.frame(movie, n, pixFmt, WIDTH, HEIGHT));
                assertTrue(difference <= tolerance, file + " frame " + n + " differs from ffmpeg's by " + difference + " codes");
            }
        }
    }

    /**
     * Tolerance: ProRes 4444 and DNxHR 444 are lossy DCT codecs, and the writer quantises to 10 bits. On this gradient
     * with a moving bar, ProRes 4444 measured 0.0020 at worst and 0.00037 on average, DNxHR 444 0.0033 and 0.00051 (R'G'B'
     * 0..1). The bounds, 0.005 at worst and 0.001 on average (5 and 1 code values at 10 bits), are 1.5 to 2.7 times what
     * was measured.
     */
    @ParameterizedTest
    @EnumSource(value = MovieCodec.class, names = {"PRORES_4444", "DNXHR_444"})
    void whatTheMovieWriterWritesReadsBackWithinTheCodecsLoss(MovieCodec codec) throws Exception {
        Path movie = dir.resolve("written." + (codec == MovieCodec.DNXHR_444 ? "mxf" : "mov"));
        Timecode start = Timecode.parse("01:00:00:00", 24);
        MovieSettings settings = MovieSettings.of(codec, 24, 1).withTimecode(start, "A001R1BB").withThreads(1)
                .in(codec == MovieCodec.DNXHR_444 ? MovieContainer.MXF : MovieContainer.MOV);
        List<RgbImage> written = new ArrayList<>();
        try (MovieWriter writer = MovieWriter.open(new FileByteSink(movie), dir, WIDTH, HEIGHT, settings)) {
            for (int i = 0; i < 8; i++) {
                RgbImage frame = frame(i);
                writer.write(frame);
                written.add(frame);
            }
            writer.finish();
        }
        try (FileByteSource source = new FileByteSource(movie); MovieReader reader = MovieReader.open(source)) {
            assertEquals(8, reader.frameCount());
            assertEquals(start, reader.startTimecode());
            assertEquals(YCbCrMatrix.BT709, reader.conversion().matrix(), "the writer's BT.709 matrix tag");
            assertEquals(false, reader.conversion().fullRange(), "the writer's limited-range tag");
            assertEquals(PixelEncoding.REC709_VIDEO.id(), reader.encoding().id());
            for (int i : new int[] {7, 0, 4}) {
                RgbImage read = ((SourceFrame.Rgb) reader.read(i, null)).image();
                double worst = 0;
                double sum = 0;
                for (int k = 0; k < read.data().length; k++) {
                    double d = Math.abs(read.data()[k] - written.get(i).data()[k]);
                    worst = Math.max(worst, d);
                    sum += d;
                }
                double mean = sum / read.data().length;
                assertTrue(worst < 0.005 && mean < 0.001, String.format(java.util.Locale.ROOT, "%s frame %d: worst %.4f, mean %.5f", codec, i, worst, mean));
            }
        }
    }

    @Test
    void aRegionOfA444FrameIsThatPartOfTheWholeFrame() throws Exception {
        Path movie = dir.resolve("region.mov");
        try (MovieWriter writer = MovieWriter.open(new FileByteSink(movie), dir, WIDTH, HEIGHT, MovieSettings.of(MovieCodec.PRORES_4444, 24, 1))) {
            writer.write(frame(0));
            writer.finish();
        }
        try (FileByteSource source = new FileByteSource(movie); MovieReader reader = MovieReader.open(source)) {
            io.rushes.engine.image.Region region = new io.rushes.engine.image.Region(17, 9, 100, 51);
            RgbImage whole = ((SourceFrame.Rgb) reader.read(0, null)).image();
            RgbImage part = ((SourceFrame.Rgb) reader.read(0, region)).image();
            assertEquals(0, MovieSamplesTest.largestDifference(whole.crop(region), part), 0);
        }
    }

    /** A smooth gradient inside 0..1 with a light bar that moves 24 px a frame. */
    private static RgbImage frame(int index) {
        float[] d = new float[WIDTH * HEIGHT * 3];
        int barLeft = 16 + 24 * index;
        for (int y = 0, i = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++, i += 3) {
                boolean bar = x >= barLeft && x < barLeft + 16;
                d[i] = bar ? 0.9f : 0.05f + 0.9f * x / (WIDTH - 1f);
                d[i + 1] = bar ? 0.9f : 0.05f + 0.9f * y / (HEIGHT - 1f);
                d[i + 2] = bar ? 0.9f : 0.95f - 0.45f * (x + y) / (WIDTH + HEIGHT - 2f);
            }
        }
        return new RgbImage(WIDTH, HEIGHT, d);
    }
}
