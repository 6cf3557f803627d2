package io.rushes.engine.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.Samples;
import io.rushes.engine.format.dng.DngHeader;
import io.rushes.engine.format.dng.DngRawDecoder;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.FileByteSource;
import org.junit.jupiter.api.Test;

/** Demosaic quality on ground truth binned from the real GoPro sensor frame. */
class DemosaicQualityTest {
    @Test
    void rcdBeatsBilinearOnRealSensorData() throws Exception {
        RawImage raw;
        try (FileByteSource s = new FileByteSource(Samples.dir().resolve("raw/gopro/HERO7_GOPR9231.dng"))) {
            raw = DngRawDecoder.decode(DngHeader.read(new BinaryReader(s)));
        }
        RgbImage truth = DemosaicQuality.truth(raw);
        float[] mosaic = DemosaicQuality.mosaic(truth);
        RgbImage bilinear = Demosaic.run(Demosaic.Method.BILINEAR, mosaic, truth.width(), truth.height(), DemosaicQuality.RGGB, 2, 2);
        RgbImage rcd = Demosaic.run(Demosaic.Method.RCD, mosaic, truth.width(), truth.height(), DemosaicQuality.RGGB, 2, 2);
        double pBilinear = DemosaicQuality.psnr(truth, bilinear, 8);
        double pRcd = DemosaicQuality.psnr(truth, rcd, 8);
        // Measured with this ground truth: bilinear 43.07 dB (the same as dcraw -q 0: 43.07), RCD 43.91, and dcraw's
        // AHD 42.53, PPG 42.66, VNG 44.36 (`rushes bench demosaic`).
        assertTrue(pRcd > pBilinear + 0.5, "RCD " + pRcd + " dB vs bilinear " + pBilinear + " dB");
        assertTrue(pRcd > 42.53, "RCD " + pRcd + " dB is below dcraw AHD's 42.53 dB on this ground truth");
        // Recorded photosites are kept exactly.
        assertEquals(mosaic[10 * truth.width() + 10], rcd.get(10, 10, 0), 0f);
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
