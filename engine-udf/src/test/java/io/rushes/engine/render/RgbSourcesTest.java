package io.rushes.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.Samples;
import io.rushes.engine.color.Chromaticities;
import io.rushes.engine.color.Gamut;
import io.rushes.engine.color.InputTransforms;
import io.rushes.engine.color.Matrix3;
import io.rushes.engine.color.PixelEncoding;
import io.rushes.engine.color.TransformRegistry;
import io.rushes.engine.deliver.dpx.DpxEncoding;
import io.rushes.engine.deliver.dpx.DpxMetadata;
import io.rushes.engine.deliver.dpx.DpxReader;
import io.rushes.engine.deliver.dpx.DpxWriter;
import io.rushes.engine.deliver.exr.ExrCompression;
import io.rushes.engine.deliver.exr.ExrImage;
import io.rushes.engine.deliver.exr.ExrPixelType;
import io.rushes.engine.deliver.exr.ExrStandardAttributes;
import io.rushes.engine.deliver.exr.OpenExrReader;
import io.rushes.engine.deliver.exr.OpenExrWriter;
import io.rushes.engine.develop.DngDevelop;
import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.image.Demosaic;
import io.rushes.engine.image.RgbImage;
import io.rushes.engine.io.FileByteSink;
import io.rushes.engine.io.FileByteSource;
import io.rushes.engine.metadata.ClipField;
import io.rushes.engine.metadata.ClipMetadata;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RGB sources through the render path: OpenEXR by its chromaticities, DPX by its transfer code, an input transform
 * chosen from camera metadata or given by the user, and what is refused rather than guessed.
 */
class RgbSourcesTest {
    @TempDir
    Path dir;

    private static FrameRenderer renderer(DngDevelop.Output output) {
        return new FrameRenderer(new FrameRenderer.Options(FrameRenderer.Stage.ACES, FrameRenderer.Format.EXR, output, Demosaic.Method.RCD, null));
    }

    private static float[] exrPixels(Path exr) throws Exception {
        try (FileByteSource src = new FileByteSource(exr)) {
            return OpenExrReader.read(src).rgb().data();
        }
    }

    /** OpenEXR's own sample in Rec.709 chromaticities: each pixel to ACES2065-1 by the Rec.709 → AP0 (Bradford) matrix. */
    @Test
    void anOpenExrOfRec709ChromaticitiesGoesToAcesByItsPrimaries() throws Exception {
        Path sample = Samples.dir().resolve("exr_dpx/openexr-images/Chromaticities/Rec709.exr");
        Path out = dir.resolve("aces.exr");
        try (FileByteSource src = new FileByteSource(sample)) {
            renderer(DngDevelop.Output.ACES2065_1).render(src, new FileByteSink(out));
        }
        float[] in = exrPixels(sample);
        float[] aces = exrPixels(out);
        Matrix3 toAces = Gamut.REC709.toAces();
        double worst = 0;
        for (int i = 0; i < in.length; i += 3 * 97) {
            double[] px = {in[i], in[i + 1], in[i + 2]};
            toAces.applyInPlace(px);
            for (int c = 0; c < 3; c++) {
                worst = Math.max(worst, Math.abs(px[c] - aces[i + c]) / Math.max(1e-3, Math.abs(px[c])));
            }
        }
        assertTrue(worst < 1e-3, "relative error " + worst + " (half float keeps 11 bits)");
        try (FileByteSource written = new FileByteSource(out)) {
            String comments = OpenExrReader.read(written).attribute("comments").asString();
            assertTrue(comments.contains("input scene-linear Rec.709"), comments);
        }
    }

    /** A plate re-delivered: an ACES2065-1 EXR rendered to ACES2065-1 again keeps its values (half to half). */
    @Test
    void anAcesPlateRedeliveredKeepsItsValues() throws Exception {
        RgbImage image = gradient(64, 32);
        Path plate = dir.resolve("plate.exr");
        OpenExrWriter.write(ExrImage.of(image), new OpenExrWriter.Options(ExrCompression.PIZ, ExrPixelType.HALF),
                List.of(ExrStandardAttributes.chromaticities(ExrStandardAttributes.AP0)), null, new FileByteSink(plate));
        Path again = dir.resolve("again.exr");
        try (FileByteSource src = new FileByteSource(plate)) {
            renderer(DngDevelop.Output.ACES2065_1).render(src, new FileByteSink(again));
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(exrPixels(plate), exrPixels(again));
    }

    /** ACEScg chromaticities (AP1) are read as ACEScg: to ACES2065-1 by the AP1 → AP0 matrix. */
    @Test
    void anAcesCgExrIsReadAsAcesCg() throws Exception {
        RgbImage image = gradient(16, 8);
        Path cg = dir.resolve("cg.exr");
        OpenExrWriter.write(ExrImage.of(image), new OpenExrWriter.Options(ExrCompression.ZIP, ExrPixelType.FLOAT),
                List.of(ExrStandardAttributes.chromaticities(ExrStandardAttributes.AP1)), null, new FileByteSink(cg));
        Path out = dir.resolve("ap0.exr");
        try (FileByteSource src = new FileByteSource(cg)) {
            new FrameRenderer(new FrameRenderer.Options(FrameRenderer.Stage.ACES, FrameRenderer.Format.TIFF32F, DngDevelop.Output.ACES2065_1,
                    Demosaic.Method.RCD, null)).render(src, new FileByteSink(dir.resolve("ap0.tif")));
        }
        float[] ap0;
        try (FileByteSource src = new FileByteSource(dir.resolve("ap0.tif"))) {
            ap0 = io.rushes.engine.deliver.tiff.TiffImages.readRgb(src).data();
        }
        Matrix3 m = Chromaticities.AP0.xyzToRgb().times(Chromaticities.AP1.rgbToXyz());
        for (int i = 0; i < ap0.length; i += 3) {
            double[] px = {image.data()[i], image.data()[i + 1], image.data()[i + 2]};
            m.applyInPlace(px);
            for (int c = 0; c < 3; c++) {
                assertEquals(px[c], ap0[i + c], 1e-5, "pixel " + i / 3);
            }
        }
    }

    /** A log pull re-read: Rushes' ACEScct DPX renders to ACEScct as written (16-bit codes). */
    @Test
    void anAcesCctDpxRendersBackToTheSameLogValues() throws Exception {
        RgbImage image = gradient(32, 16);
        Path dpx = dir.resolve("pull.dpx");
        DpxWriter.write(image, DpxWriter.Depth.SIXTEEN, DpxMetadata.of(DpxEncoding.ACESCCT), new FileByteSink(dpx));
        Path again = dir.resolve("again.dpx");
        try (FileByteSource src = new FileByteSource(dpx)) {
            new FrameRenderer(new FrameRenderer.Options(FrameRenderer.Stage.ACES, FrameRenderer.Format.DPX16, DngDevelop.Output.ACESCCT,
                    Demosaic.Method.RCD, null)).render(src, new FileByteSink(again));
        }
        float[] a;
        float[] b;
        try (FileByteSource s1 = new FileByteSource(dpx); FileByteSource s2 = new FileByteSource(again)) {
            a = DpxReader.read(s1).image().data();
            b = DpxReader.read(s2).image().data();
        }
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]) * 65535);
        }
        assertTrue(worst <= 1, "worst " + worst + " code values of 65535");
    }

    /** A DPX whose transfer code names no curve (Nuke's "user defined") is refused with the choices, then read as given. */
    @Test
    void aDpxOfUnknownEncodingIsRefusedWithTheChoicesThenReadAsGiven() throws Exception {
        Path sample = Samples.dir().resolve("exr_dpx/oiio-images/dpx_nuke_10bits_rgb.dpx");
        try (FileByteSource src = new FileByteSource(sample)) {
            RushesException e = assertThrows(RushesException.class, () -> renderer(DngDevelop.Output.ACES2065_1).render(src,
                    new FileByteSink(dir.resolve("x.exr"))));
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
            assertTrue(e.getMessage().contains("transfer code 0 (user defined)") && e.getMessage().contains("--input-transform")
                    && e.getMessage().contains("dpx_nuke_10bits_rgb.dpx") && !e.getMessage().contains("damaged"), e.getMessage());
            FrameRenderer given = new FrameRenderer(renderer(DngDevelop.Output.ACES2065_1).options().withInput(PixelEncoding.chosen(
                    "urn:ampas:aces:transformId:v1.5:IDT.ARRI.Alexa-v3-logC-EI800.a1.v2")));
            FrameRenderer.Rendered r = given.render(src, new FileByteSink(dir.resolve("logc.exr")));
            assertNotNull(r.size());
        }
        try (FileByteSource out = new FileByteSource(dir.resolve("logc.exr"))) {
            String comments = OpenExrReader.read(out).attribute("comments").asString();
            assertTrue(comments.contains("IDT.ARRI.Alexa-v3-logC-EI800"), comments);
        }
    }

    /** Camera metadata names the input transform; each id the mapping can give is one Rushes implements. */
    @ParameterizedTest(name = "{0} / {1} / {2} / {3}")
    @CsvSource(nullValues = "-", value = {
            "ARRI LogC3, ARRI Wide Gamut 3, 800, ALEXA Mini, IDT.ARRI.Alexa-v3-logC-EI800",
            "LOG-C, -, 1600, ALEXA, IDT.ARRI.Alexa-v3-logC-EI1600",
            "ARRI LogC4, ARRI Wide Gamut 4, 800, ALEXA 35, IDT.ARRI.ARRI-LogC4",
            "S-Log3, S-Gamut3.Cine, 800, ILME-FX6, IDT.Sony.SLog3_SGamut3Cine",
            "S-Log3, S-Gamut3, 800, VENICE 2, IDT.Sony.Venice_SLog3_SGamut3",
            "Log3G10, REDWideGamutRGB, 800, V-RAPTOR, ACEScsc.Academy.Log3G10_RWG_to_ACES",
            "V-Log, V-Gamut, 800, -, ACEScsc.Academy.VLog_VGamut_to_ACES",
            "Canon Log 2, Cinema Gamut, 800, -, ACEScsc.Academy.CLog2_CGamut_to_ACES",
            "Canon Log 3, BT.2020, 800, -, CSC.Canon.CLog3_BT2020_to_ACES",
            "Apple Log, BT.2020, -, iPhone 15 Pro, IDT.Apple.AppleLog_BT2020",
            "D-Log, D-Gamut, -, -, CSC.DJI.DLog_DGamut_to_ACES",
            "ARRI LogC3, -, -, ALEXA Mini, -", // LogC3 depends on the EI: without it, no transform is guessed
            "ARRI LogC3, -, 777, ALEXA Mini, -", // no ALEXA EI
            "S-Log3, -, 800, -, -", // which S-Gamut3?
            "Rec.709, -, -, -, -"}) // video: the frame's own tags decide
    void cameraMetadataNamesTheInputTransform(String transfer, String gamut, Integer iso, String model, String expected) {
        ClipMetadata md = new ClipMetadata();
        md.set(ClipField.TRANSFER, transfer);
        md.set(ClipField.COLOUR_PRIMARIES, gamut);
        md.set(ClipField.ISO, iso);
        md.set(ClipField.CAMERA_MODEL, model);
        String id = InputTransforms.id(md);
        if (expected == null) {
            assertNull(id);
            return;
        }
        assertNotNull(id);
        assertEquals(expected, TransformRegistry.name(id));
        assertTrue(TransformRegistry.supports(id), id);
        assertTrue(InputTransforms.of(md).known());
    }

    /**
     * SD video (the D10 MXF: BT.709 curve on BT.470BG primaries) goes to ACES through its display: a grey lands where
     * Rec.709 video's grey does (same white), a saturated red does not (other primaries), and the sample renders.
     */
    @Test
    void sdVideoGoesToAcesThroughItsOwnPrimaries() throws Exception {
        PixelEncoding pal = PixelEncoding.videoOn(new Chromaticities(0.640, 0.330, 0.290, 0.600, 0.150, 0.060, 0.3127, 0.3290), "BT.470BG");
        double[] grey = apply(pal, 0.5, 0.5, 0.5);
        double[] rec709Grey = apply(PixelEncoding.REC709_VIDEO, 0.5, 0.5, 0.5);
        for (int c = 0; c < 3; c++) {
            assertEquals(rec709Grey[c], grey[c], 1e-6);
        }
        double[] red = apply(pal, 0.8, 0.1, 0.1);
        double[] rec709Red = apply(PixelEncoding.REC709_VIDEO, 0.8, 0.1, 0.1);
        assertTrue(Math.abs(red[1] - rec709Red[1]) > 1e-3, java.util.Arrays.toString(red) + " vs " + java.util.Arrays.toString(rec709Red));
        try (FileByteSource src = new FileByteSource(Samples.dir().resolve("video/bmx_d10_qt_klv_sample.mxf"))) {
            renderer(DngDevelop.Output.ACES2065_1).render(src, new FileByteSink(dir.resolve("d10.exr")));
        }
        try (FileByteSource out = new FileByteSource(dir.resolve("d10.exr"))) {
            String comments = OpenExrReader.read(out).attribute("comments").asString();
            assertTrue(comments.contains("BT.601 625-line (BT.470BG) video") && comments.contains("interlaced"), comments);
        }
    }

    /**
     * Peak white of Rec.709 video is the ACES 2.0 tone scale's asymptote: its inverse gave NaN there. It now comes back
     * as the brightest scene value the forward tells apart, and goes forward to peak white again.
     */
    @Test
    void peakWhiteVideoComesBackFiniteAndRoundTrips() {
        double[] aces = apply(PixelEncoding.REC709_VIDEO, 1, 1, 1);
        for (double v : aces) {
            assertTrue(Double.isFinite(v) && v > 50, java.util.Arrays.toString(aces));
        }
        io.rushes.engine.color.amf.AmfPipeline.defaultOutput().pipeline().apply(aces);
        for (double v : aces) {
            assertEquals(1, v, 1e-6);
        }
    }

    private static double[] apply(PixelEncoding e, double r, double g, double b) {
        double[] px = {r, g, b};
        new io.rushes.engine.color.ColorPipeline(e.toAces()).apply(px);
        return px;
    }

    private static RgbImage gradient(int w, int h) {
        float[] d = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                d[i] = 0.01f + x / (float) w;
                d[i + 1] = 0.02f + y / (float) h * 0.8f;
                d[i + 2] = 0.05f + (x + y) / (float) (w + h) * 0.6f;
            }
        }
        return new RgbImage(w, h, d);
    }
}
