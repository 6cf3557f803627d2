package io.rushes.engine.deliver.exr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.Samples;
import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.io.FileByteSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every image of OpenEXR's sample set: those we read (scanline NONE/RLE/ZIPS/ZIP/PIZ) with their size and channels, the
 * rest refused as unsupported with what they are, never as damaged.
 */
class OpenExrSamplesTest {
    /** File → "WIDTHxHEIGHT CHANNELS" when read, or the unsupported feature named in the refusal. */
    private static final Map<String, String> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("TestImages/BrightRings.exr", "800x800 [B, G, R]"),
            Map.entry("TestImages/BrightRingsNanInf.exr", "800x800 [B, G, R]"),
            Map.entry("TestImages/WideColorGamut.exr", "800x800 [B, G, R]"),
            Map.entry("ScanLines/Carrots.exr", "600x400 [A, B, G, R]"), // ZIP, ACES AP0 with camera attributes
            Map.entry("Beachball/singlepart.0001.exr", "911x876 20 channels"), // ZIPS, data window inside the display window
            Map.entry("Beachball/multipart.0001.exr", "a multi-part OpenEXR file"),
            Map.entry("LuminanceChroma/Garden.exr", "874x493 [Y]"), // tiled, one level, PIZ, luminance only
            Map.entry("MultiResolution/ColorCodedLevels.exr", "OpenEXR PXR24 compression"), // a tiled mip-map
            Map.entry("ScanLines/Cannon.exr", "OpenEXR B44 compression"),
            Map.entry("MultiView/Fog.exr", "1000x672 [Y, right.Y]"),
            Map.entry("Chromaticities/Rec709.exr", "610x406 [B, G, R]"),
            Map.entry("Chromaticities/Rec709_YC.exr", "OpenEXR channel BY subsampled 2x2 (luminance/chroma)"),
            Map.entry("Chromaticities/XYZ.exr", "610x406 [B, G, R]"),
            Map.entry("Chromaticities/XYZ_YC.exr", "OpenEXR channel BY subsampled 2x2 (luminance/chroma)"),
            Map.entry("DisplayWindow/t01.exr", "400x300 [B, G, R]"),
            Map.entry("DisplayWindow/t02.exr", "400x300 [B, G, R]"),
            Map.entry("DisplayWindow/t03.exr", "400x300 [B, G, R]"),
            Map.entry("DisplayWindow/t04.exr", "400x300 [B, G, R]"),
            Map.entry("TestImages/AllHalfValues.exr", "256x256 [B, G, R]"),
            Map.entry("TestImages/stripes.exr", "100x50 [A, B, G, R]"),
            Map.entry("TestImages/GammaChart.exr", "OpenEXR PXR24 compression"),
            Map.entry("TestImages/GrayRampsDiagonal.exr", "OpenEXR PXR24 compression"),
            Map.entry("TestImages/GrayRampsHorizontal.exr", "OpenEXR PXR24 compression"),
            Map.entry("TestImages/RgbRampsDiagonal.exr", "OpenEXR PXR24 compression"),
            Map.entry("TestImages/SquaresSwirls.exr", "OpenEXR PXR24 compression"),
            Map.entry("TestImages/WideFloatRange.exr", "OpenEXR PXR24 compression")));

    @Test
    void readsTheScanlineZipAndPizImagesAndNamesWhatItRefuses() throws Exception {
        Path root = Samples.dir().resolve("exr_dpx/openexr-images");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".exr")).sorted().toList();
        }
        Map<String, String> found = new TreeMap<>();
        for (Path file : files) {
            String key = root.relativize(file).toString().replace('\\', '/');
            try (FileByteSource source = new FileByteSource(file)) {
                ExrFile exr = OpenExrReader.read(source);
                List<String> names = exr.channels().stream().map(ExrFile.Channel::name).toList();
                found.put(key, exr.dataWindow().width() + "x" + exr.dataWindow().height() + " "
                        + (names.size() > 4 ? names.size() + " channels" : names.toString()));
            } catch (RushesException e) {
                assertEquals(ErrorCode.UNSUPPORTED_FEATURE, e.code(), key + ": " + e.getMessage());
                assertTrue(e.getMessage().contains("Convert it to a single-part OpenEXR"), e.getMessage());
                found.put(key, e.reason().replace(" is not supported", ""));
            }
        }
        assertEquals(EXPECTED, found);
    }

    /**
     * Tiled images as OpenImageIO writes them (tiles that do not divide the image, PIZ; and a mip-mapped texture whose
     * full-resolution level is read) hold the same pixels as the scanline image they were made from.
     */
    @Test
    void tiledImagesReadAsTheScanlineImageTheyWereMadeFrom(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path carrots = Samples.dir().resolve("exr_dpx/openexr-images/ScanLines/Carrots.exr");
        Path tiled = dir.resolve("tiled.exr");
        Path mip = dir.resolve("mip.exr");
        io.rushes.engine.ExternalTool.output("oiiotool", carrots.toString(), "--tile", "64", "48", "--compression", "piz", "-o", tiled.toString());
        io.rushes.engine.ExternalTool.output("oiiotool", carrots.toString(), "--compression", "zip", "-otex", mip.toString());
        assertTrue(io.rushes.engine.ExternalTool.output("exrheader", mip.toString()).contains("mip-map"));
        ExrFile scanline;
        try (FileByteSource source = new FileByteSource(carrots)) {
            scanline = OpenExrReader.read(source);
        }
        for (Path file : List.of(tiled, mip)) {
            try (FileByteSource source = new FileByteSource(file)) {
                ExrFile exr = OpenExrReader.read(source);
                org.junit.jupiter.api.Assertions.assertArrayEquals(scanline.rgb().data(), exr.rgb().data(), file.getFileName().toString());
            }
        }
    }

    @Test
    void keepsNanAndInfinityAndTheCameraAttributes() throws Exception {
        Path root = Samples.dir().resolve("exr_dpx/openexr-images");
        ExrFile rings;
        try (FileByteSource source = new FileByteSource(root.resolve("TestImages/BrightRingsNanInf.exr"))) {
            rings = OpenExrReader.read(source);
        }
        float[] r = rings.planes().get("R");
        assertTrue(hasNaN(r), "BrightRingsNanInf holds NaNs");
        assertTrue(hasInfinity(r), "BrightRingsNanInf holds infinities");
        ExrFile carrots;
        try (FileByteSource source = new FileByteSource(root.resolve("ScanLines/Carrots.exr"))) {
            carrots = OpenExrReader.read(source);
        }
        assertEquals("Sony", carrots.attribute("cameraMake").asString());
        assertEquals(0.625f, carrots.attribute("expTime").asFloat());
        float[] ap0 = new float[8];
        for (int i = 0; i < 8; i++) {
            ap0[i] = (float) ExrStandardAttributes.AP0[i];
        }
        assertArrayEquals(ap0, carrots.attribute("chromaticities").asFloats(), "ACES AP0 primaries and white");
        assertEquals(600 * 400 * 3, carrots.rgb().data().length);
    }

    /** AllHalfValues (PIZ) holds every half in order, pixel i = half i: the PIZ decoder must return each bit pattern. */
    @Test
    void pizDecodesEveryHalfValueExactly() throws Exception {
        ExrFile all;
        try (FileByteSource source = new FileByteSource(Samples.dir().resolve("exr_dpx/openexr-images/TestImages/AllHalfValues.exr"))) {
            all = OpenExrReader.read(source);
        }
        assertEquals(ExrCompression.PIZ, all.compression());
        for (String channel : List.of("R", "G", "B")) {
            float[] plane = all.planes().get(channel);
            for (int h = 0; h < 65536; h++) {
                boolean nan = (h & 0x7C00) == 0x7C00 && (h & 0x3FF) != 0;
                if (nan) {
                    assertTrue(Float.isNaN(plane[h]), channel + " pixel " + h);
                } else {
                    assertEquals(h, Half.fromFloat(plane[h]) & 0xFFFF, channel + " pixel " + h);
                }
            }
        }
    }

    private static boolean hasNaN(float[] v) {
        for (float f : v) {
            if (Float.isNaN(f)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasInfinity(float[] v) {
        for (float f : v) {
            if (Float.isInfinite(f)) {
                return true;
            }
        }
        return false;
    }
}
