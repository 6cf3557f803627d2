package io.rushes.engine.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rushes.engine.Samples;
import io.rushes.engine.format.dng.DngHeader;
import io.rushes.engine.format.dng.DngRawDecoder;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.FileByteSource;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streamed, row-pipelined demosaics equal the plain whole-frame formulation ({@link WholeFrameReference}) bit for
 * bit: every CFA phase, odd and even sizes, the smallest frames RCD accepts, noise with negative values, and a crop of
 * the real GoPro sensor frame.
 */
class StreamingDemosaicTest {
    static final byte[][] PHASES = {{0, 1, 1, 2}, {1, 0, 2, 1}, {1, 2, 0, 1}, {2, 1, 1, 0}};

    static Stream<Arguments> frames() {
        Stream.Builder<Arguments> b = Stream.builder();
        int[][] sizes = {{10, 10}, {11, 13}, {37, 24}, {64, 41}, {3, 3}, {2, 9}};
        for (byte[] cfa : PHASES) {
            for (int[] s : sizes) {
                b.add(Arguments.of(cfa, s[0], s[1]));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "cfa {0} {1}x{2}")
    @MethodSource("frames")
    void equalsTheWholeFrameReference(byte[] cfa, int w, int h) {
        Random random = new Random(w * 31L + h + cfa[0]);
        float[] mosaic = new float[w * h];
        for (int i = 0; i < mosaic.length; i++) {
            // Smooth structure, edges and noise dipping below zero (black-subtracted shadows).
            int x = i % w;
            int y = i / w;
            mosaic[i] = (float) (0.3 + 0.2 * Math.sin(x * 0.7) * Math.cos(y * 0.4) + (x > w / 2 ? 0.3 : 0) + 0.05 * random.nextGaussian());
        }
        if (w >= 4 && h >= 3) {
            assertArrayEquals(WholeFrameReference.bilinear(mosaic, w, h, cfa).data(),
                    Demosaic.run(Demosaic.Method.BILINEAR, mosaic, w, h, cfa, 2, 2).data(), "bilinear");
        }
        RgbImage reference = w >= 4 && h >= 3 ? WholeFrameReference.rcd(mosaic, w, h, cfa) : null;
        RgbImage streamed = Demosaic.run(Demosaic.Method.RCD, mosaic, w, h, cfa, 2, 2);
        if (reference != null) {
            assertArrayEquals(reference.data(), streamed.data(), "RCD");
        }
        assertEquals(mosaic[w * h - 1], streamed.get(w - 1, h - 1, cfa[((h - 1) & 1) * 2 + ((w - 1) & 1)]), 0f, "recorded value kept");
    }

    @Test
    void realSensorCropEqualsTheReference() throws Exception {
        RawImage raw;
        try (FileByteSource s = new FileByteSource(Samples.dir().resolve("raw/gopro/HERO7_GOPR9231.dng"))) {
            raw = DngRawDecoder.decode(DngHeader.read(new BinaryReader(s)), new Region(1200, 900, 301, 203));
        }
        float[] mosaic = new float[raw.data().length];
        for (int i = 0; i < mosaic.length; i++) {
            mosaic[i] = (raw.data()[i] - (float) raw.blackLevels()[0]) / (float) raw.whiteLevel();
        }
        assertArrayEquals(WholeFrameReference.rcd(mosaic, raw.width(), raw.height(), raw.cfa()).data(),
                Demosaic.run(Demosaic.Method.RCD, mosaic, raw.width(), raw.height(), raw.cfa(), 2, 2).data());
    }
}
