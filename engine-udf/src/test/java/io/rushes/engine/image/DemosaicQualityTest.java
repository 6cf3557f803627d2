package io.rushes.engine.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.Samples;
import io.rushes.engine.format.dng.DngHeader;
import io.rushes.engine.format.dng.DngRawDecoder;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.FileByteSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Demosaic quality on ground truth binned from the real GoPro sensor frame, on each of the four frames
 * {@link DemosaicQuality#SHIFTS}, against dcraw's scores on the same 16-bit mosaics
 * (reference/demosaic-psnr.tsv, from scripts/reference/demosaic-psnr.sh).
 */
class DemosaicQualityTest {
    private static final int BORDER = 8;
    private static RgbImage truth;
    private static final Map<String, Double> DCRAW = new HashMap<>();

    @BeforeAll
    static void load() throws Exception {
        try (FileByteSource s = new FileByteSource(Samples.dir().resolve("raw/gopro/HERO7_GOPR9231.dng"))) {
            truth = DemosaicQuality.truth(DngRawDecoder.decode(DngHeader.read(new BinaryReader(s))));
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                DemosaicQualityTest.class.getResourceAsStream("/reference/demosaic-psnr.tsv"), StandardCharsets.UTF_8))) {
            r.lines().skip(1).map(l -> l.split("\t")).forEach(f -> DCRAW.put(f[0] + "|" + f[1], Double.parseDouble(f[2])));
        }
    }

    static int[][] shifts() {
        return DemosaicQuality.SHIFTS;
    }

    @ParameterizedTest(name = "shift {0}")
    @MethodSource("shifts")
    void rcdScoresAtLeastDcrawAhdOnEveryFrame(int[] shift) {
        RgbImage frame = DemosaicQuality.frame(truth, shift[0], shift[1]);
        float[] mosaic = DemosaicQuality.mosaic(frame);
        double bilinear = DemosaicQuality.psnr(frame, Demosaic.run(Demosaic.Method.BILINEAR, mosaic, frame.width(), frame.height(), DemosaicQuality.RGGB, 2, 2), BORDER);
        RgbImage rcdImage = Demosaic.run(Demosaic.Method.RCD, mosaic, frame.width(), frame.height(), DemosaicQuality.RGGB, 2, 2);
        double rcd = DemosaicQuality.psnr(frame, rcdImage, BORDER);
        String name = "HERO7_GOPR9231.dng shift " + shift[0] + "," + shift[1] + "|";
        // The ground truth and the scoring agree with dcraw's: both bilinear demosaics score the same.
        assertEquals(DCRAW.get(name + "dcraw bilinear (-q 0)"), bilinear, 0.01, "bilinear vs dcraw -q 0");
        double ahd = DCRAW.get(name + "dcraw AHD (-q 3)");
        assertTrue(rcd >= ahd, "RCD " + rcd + " dB is below dcraw AHD's " + ahd + " dB");
        assertTrue(rcd > DCRAW.get(name + "dcraw PPG (-q 2)"), "RCD " + rcd + " dB vs PPG");
        assertTrue(rcd > bilinear + 0.5, "RCD " + rcd + " dB vs bilinear " + bilinear + " dB");
        // Recorded photosites are kept exactly.
        assertEquals(mosaic[10 * frame.width() + 10], rcdImage.get(10, 10, 0), 0f);
    }

    @Test
    void aFlatFieldStaysFlat() {
        int w = 32;
        int h = 32;
        float[] mosaic = new float[w * h];
        java.util.Arrays.fill(mosaic, 0.25f);
        RgbImage rcd = Demosaic.run(Demosaic.Method.RCD, mosaic, w, h, DemosaicQuality.RGGB, 2, 2);
        for (float v : rcd.data()) {
            assertEquals(0.25f, v, 1e-5f); // the ratio estimates carry a 1e-5 division guard
        }
    }
}
