package io.rushes.engine.render;

import io.rushes.engine.color.PixelEncoding;
import io.rushes.engine.image.Region;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.Samples;
import io.rushes.engine.deliver.tiff.TiffImages;
import io.rushes.engine.deliver.tiff.TiffWriter;
import io.rushes.engine.develop.DngColor;
import io.rushes.engine.develop.DngDevelop;
import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.format.dng.DngHeader;
import io.rushes.engine.format.dng.DngRawDecoder;
import io.rushes.engine.format.tiff.TiffEntry;
import io.rushes.engine.format.tiff.TiffStructure;
import io.rushes.engine.format.tiff.TiffTags;
import io.rushes.engine.image.Demosaic;
import io.rushes.engine.image.RgbImage;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.FileByteSink;
import io.rushes.engine.io.FileByteSource;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Render stages written as TIFF: raw values as stored; developed images oriented once, at the end. */
class FrameRendererTest {
    private static final Path GOPRO = Samples.dir().resolve("raw/gopro/HERO7_GOPR9231.dng");

    @TempDir
    Path dir;

    private static ByteBuffer pixels(Path tiff) throws Exception {
        try (FileByteSource s = new FileByteSource(tiff)) {
            TiffStructure t = TiffStructure.read(new BinaryReader(s), 0);
            long offset = t.ifd0().unsigned(TiffTags.STRIP_OFFSETS);
            long count = t.ifd0().unsigned(TiffTags.STRIP_BYTE_COUNTS);
            byte[] all = Files.readAllBytes(tiff);
            return ByteBuffer.wrap(all, (int) offset, (int) count).slice().order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    @Test
    void rawStageIsTheStoredValuesWithoutOrientation() throws Exception {
        Path out = dir.resolve("raw.tif");
        try (FileByteSource src = new FileByteSource(GOPRO)) {
            new FrameRenderer(new FrameRenderer.Options(FrameRenderer.Stage.RAW, FrameRenderer.Format.TIFF16, null, null, null)).render(src, new FileByteSink(out));
        }
        ByteBuffer px = pixels(out);
        byte[] file = Files.readAllBytes(GOPRO);
        // The GoPro frame is one little-endian 16-bit strip at 14780: the TIFF must hold exactly those bytes.
        assertEquals(ByteBuffer.wrap(file, 14780, 4000 * 3000 * 2), px);
    }

    @Test
    void aRegionRendersTheSamePixelsAsTheWholeFrame() throws Exception {
        Region region = new Region(1001, 1501, 200, 100);
        Path out = dir.resolve("region.tif");
        try (FileByteSource src = new FileByteSource(GOPRO)) {
            new FrameRenderer(new FrameRenderer.Options(FrameRenderer.Stage.ACES, FrameRenderer.Format.TIFF32F, DngDevelop.Output.ACES2065_1,
                    Demosaic.Method.RCD, null, region)).render(src, new FileByteSink(out));
        }
        RgbImage whole;
        try (FileByteSource src = new FileByteSource(GOPRO)) {
            DngHeader h = DngHeader.read(new BinaryReader(src));
            whole = DngDevelop.pipeline(DngColor.of(h, null), DngDevelop.Output.ACES2065_1, Demosaic.Method.RCD).compile()
                    .run(DngRawDecoder.decode(h));
        }
        ByteBuffer px = pixels(out);
        assertEquals(200 * 100 * 3 * 4, px.remaining());
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 200; x++) {
                for (int c = 0; c < 3; c++) {
                    // The frame is mirrored: output column x is region column 199 - x.
                    assertEquals(whole.get(1001 + 199 - x, 1501 + y, c), px.getFloat(((y * 200 + x) * 3 + c) * 4), 0f,
                            "pixel " + x + "," + y + " channel " + c);
                }
            }
        }
    }

    @Test
    void developedImagesAreOrientedOnceAtTheEnd() throws Exception {
        Path out = dir.resolve("aces.tif");
        try (FileByteSource src = new FileByteSource(GOPRO)) {
            new FrameRenderer(new FrameRenderer.Options(FrameRenderer.Stage.ACES, FrameRenderer.Format.TIFF32F, DngDevelop.Output.ACES2065_1,
                    Demosaic.Method.BILINEAR, null)).render(src, new FileByteSink(out));
        }
        RgbImage unoriented;
        try (FileByteSource src = new FileByteSource(GOPRO)) {
            DngHeader h = DngHeader.read(new BinaryReader(src));
            assertEquals(2L, h.tiff().ifd0().unsigned(TiffTags.ORIENTATION), "the sample is mirrored");
            unoriented = DngDevelop.pipeline(DngColor.of(h, null), DngDevelop.Output.ACES2065_1, Demosaic.Method.BILINEAR).compile()
                    .run(DngRawDecoder.decode(h));
        }
        ByteBuffer px = pixels(out);
        for (int[] p : new int[][] {{0, 0}, {123, 456}, {3999, 2999}}) {
            int x = p[0];
            int y = p[1];
            for (int c = 0; c < 3; c++) {
                float written = px.getFloat(((y * 4000 + x) * 3 + c) * 4);
                assertEquals(unoriented.get(3999 - x, y, c), written, 0f, "mirrored pixel " + x + "," + y);
            }
        }
        String description;
        try (FileByteSource s = new FileByteSource(out)) {
            TiffStructure t = TiffStructure.read(new BinaryReader(s), 0);
            description = t.string(TiffTags.IMAGE_DESCRIPTION);
            assertEquals(1L, t.ifd0().unsigned(TiffTags.ORIENTATION));
        }
        assertTrue(description.contains("orientation 2 applied"), description);
        assertTrue(Files.list(dir).noneMatch(f -> f.getFileName().toString().endsWith(".partial")), "no partial files left");
    }

    /**
     * A thumbnail is the developed frame fitted in linear light, then through the output transform, then rounded to
     * 8 bits: the PNG's codes equal the float display render at the same fit, rounded.
     */
    @Test
    void aPngThumbnailIsTheFittedDisplayFrameInEightBits() throws Exception {
        Region region = new Region(1000, 800, 640, 360);
        Path floats = dir.resolve("thumb.tif");
        Path png = dir.resolve("thumb.png");
        for (FrameRenderer.Format f : new FrameRenderer.Format[] {FrameRenderer.Format.TIFF32F, FrameRenderer.Format.PNG}) {
            try (FileByteSource src = new FileByteSource(GOPRO)) {
                FrameRenderer.Rendered r = new FrameRenderer(new FrameRenderer.Options(FrameRenderer.Stage.DISPLAY, f, null,
                        Demosaic.Method.BILINEAR, null, region, null, 160, null)).render(src, new FileByteSink(f == FrameRenderer.Format.PNG ? png : floats));
                assertEquals("160x90", r.size());
            }
        }
        RgbImage expected;
        try (FileByteSource src = new FileByteSource(floats)) {
            expected = TiffImages.readRgb(src);
        }
        java.awt.image.BufferedImage got = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(160, got.getWidth());
        assertEquals(90, got.getHeight());
        for (int y = 0; y < 90; y++) {
            for (int x = 0; x < 160; x++) {
                int rgb = got.getRGB(x, y);
                for (int c = 0; c < 3; c++) {
                    int want = Math.min(255, Math.max(0, Math.round(expected.get(x, y, c) * 255f)));
                    assertEquals(want, rgb >> (16 - 8 * c) & 0xFF, "pixel " + x + "," + y + " channel " + c);
                }
            }
        }
        RushesException e = assertThrows(RushesException.class, () -> new FrameRenderer.Options(FrameRenderer.Stage.ACES,
                FrameRenderer.Format.JPEG, DngDevelop.Output.ACES2065_1, Demosaic.Method.BILINEAR, null, null, null, 0, null));
        assertEquals("Cannot go on: jpeg holds 8-bit display code values, not the aces stage. Use --stage display (an output "
                + "transform first), or a TIFF format", e.getMessage());
    }

    /** An ACES plate as half OpenEXR: the float render's pixels to half precision, the camera and ACES primaries in its header. */
    @Test
    void anExrPlateIsTheAcesFrameInHalfWithItsCameraAndPrimaries() throws Exception {
        Region region = new Region(1200, 900, 96, 64);
        Path tiff = dir.resolve("plate.tif");
        Path exr = dir.resolve("plate.exr");
        for (FrameRenderer.Format f : new FrameRenderer.Format[] {FrameRenderer.Format.TIFF32F, FrameRenderer.Format.EXR}) {
            try (FileByteSource src = new FileByteSource(GOPRO)) {
                new FrameRenderer(new FrameRenderer.Options(FrameRenderer.Stage.ACES, f, DngDevelop.Output.ACES2065_1, Demosaic.Method.RCD,
                        null, region, null, 0, io.rushes.engine.deliver.exr.ExrCompression.PIZ))
                        .render(src, new FileByteSink(f == FrameRenderer.Format.EXR ? exr : tiff));
            }
        }
        RgbImage floats;
        try (FileByteSource src = new FileByteSource(tiff)) {
            floats = TiffImages.readRgb(src);
        }
        io.rushes.engine.deliver.exr.ExrFile plate;
        try (FileByteSource src = new FileByteSource(exr)) {
            plate = io.rushes.engine.deliver.exr.OpenExrReader.read(src);
        }
        assertEquals(io.rushes.engine.deliver.exr.ExrCompression.PIZ, plate.compression());
        RgbImage half = plate.rgb();
        assertEquals(floats.width(), half.width());
        for (int i = 0; i < floats.data().length; i++) {
            float f = floats.data()[i];
            assertEquals(io.rushes.engine.deliver.exr.Half.toFloat(io.rushes.engine.deliver.exr.Half.fromFloat(f)), half.data()[i], 0f, "sample " + i);
        }
        assertEquals("GoPro", plate.attribute("cameraMake").asString());
        assertEquals("HERO7 Black", plate.attribute("cameraModel").asString());
        float[] chroma = plate.attribute("chromaticities").asFloats();
        assertEquals(0.7347f, chroma[0], 1e-6f);
        assertEquals(0.32168f, chroma[6], 1e-6f);
        RushesException e = assertThrows(RushesException.class, () -> new FrameRenderer.Options(FrameRenderer.Stage.RAW,
                FrameRenderer.Format.EXR, null, null, null, null, null, 0, null));
        assertTrue(e.getMessage().startsWith("Cannot go on: OpenEXR plates are developed images"), e.getMessage());
    }

    /** A DPX log pull: the ACEScct float render to the nearest 10-bit code, with the frame's rate and reel in its header. */
    @Test
    void aDpxLogPullIsTheAcesCctFrameInTenBits() throws Exception {
        Region region = new Region(2000, 1500, 80, 48);
        Path tiff = dir.resolve("pull.tif");
        Path dpx = dir.resolve("pull.dpx");
        for (FrameRenderer.Format f : new FrameRenderer.Format[] {FrameRenderer.Format.TIFF32F, FrameRenderer.Format.DPX10}) {
            try (FileByteSource src = new FileByteSource(GOPRO)) {
                new FrameRenderer(new FrameRenderer.Options(FrameRenderer.Stage.ACES, f, DngDevelop.Output.ACESCCT, Demosaic.Method.RCD,
                        null, region, null, 0, null)).render(src, new FileByteSink(f == FrameRenderer.Format.DPX10 ? dpx : tiff));
            }
        }
        RgbImage floats;
        try (FileByteSource src = new FileByteSource(tiff)) {
            floats = TiffImages.readRgb(src);
        }
        io.rushes.engine.deliver.dpx.DpxReader.Frame frame;
        try (FileByteSource src = new FileByteSource(dpx)) {
            frame = io.rushes.engine.deliver.dpx.DpxReader.read(src);
        }
        assertEquals(10, frame.bitDepth());
        for (int i = 0; i < floats.data().length; i++) {
            // The nearest code to the float value, computed exactly (a float product can round across the half-code boundary).
            float code = Math.min(1023, Math.max(0, Math.round(floats.data()[i] * 1023.0)));
            assertEquals(code / 1023f, frame.image().data()[i], 1e-6f, "sample " + i);
        }
        RushesException e = assertThrows(RushesException.class, () -> new FrameRenderer.Options(FrameRenderer.Stage.ACES,
                FrameRenderer.Format.DPX10, DngDevelop.Output.ACES2065_1, Demosaic.Method.RCD, null, null, null, 0, null));
        assertTrue(e.getMessage().contains("DPX holds integer code values from 0 to 1"), e.getMessage());
    }

    @Test
    void displayStageIsTheAcesFrameThroughTheDefaultOutput() throws Exception {
        Region region = new Region(2001, 1001, 64, 32);
        Path aces = dir.resolve("aces-region.tif");
        Path display = dir.resolve("display-region.tif");
        try (FileByteSource src = new FileByteSource(GOPRO)) {
            new FrameRenderer(new FrameRenderer.Options(FrameRenderer.Stage.ACES, FrameRenderer.Format.TIFF32F, DngDevelop.Output.ACES2065_1,
                    Demosaic.Method.RCD, null, region)).render(src, new FileByteSink(aces));
        }
        try (FileByteSource src = new FileByteSource(GOPRO)) {
            new FrameRenderer(new FrameRenderer.Options(FrameRenderer.Stage.DISPLAY, FrameRenderer.Format.TIFF32F, null,
                    Demosaic.Method.RCD, null, region)).render(src, new FileByteSink(display));
        }
        ByteBuffer a = pixels(aces);
        ByteBuffer d = pixels(display);
        io.rushes.engine.color.aces.Aces20 output = io.rushes.engine.color.aces.Aces20.of(
                io.rushes.engine.color.aces.Aces20.preset(io.rushes.engine.color.aces.Aces20.DEFAULT_OUTPUT));
        for (int i = 0; i < 64 * 32; i++) {
            double[] rgb = {a.getFloat(i * 12), a.getFloat(i * 12 + 4), a.getFloat(i * 12 + 8)};
            output.forward(rgb);
            for (int c = 0; c < 3; c++) {
                assertEquals((float) rgb[c], d.getFloat(i * 12 + c * 4), 0f, "pixel " + i + " channel " + c);
                assertTrue(rgb[c] >= 0 && rgb[c] <= 1, "display code value in [0, 1]");
            }
        }
    }

    private static FrameRenderer.Options aces(Double kelvin, Region region) {
        return new FrameRenderer.Options(FrameRenderer.Stage.ACES, FrameRenderer.Format.TIFF32F, DngDevelop.Output.ACES2065_1,
                Demosaic.Method.BILINEAR, kelvin, region);
    }

    /** NaN, infinite, non-positive and absurd white balances are refused where they enter, not developed into NaN pixels. */
    @ParameterizedTest(name = "{0} K")
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, -3200, 0, 1000, 1e6})
    void anImpossibleKelvinIsRefusedInTheOptions(double kelvin) {
        RushesException e = assertThrows(RushesException.class, () -> aces(kelvin, null));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().contains(kelvin + " K is outside 1667–50000 K"), e.getMessage());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(RushesException.class, () -> DngColor.checkKelvin(kelvin)).code());
    }

    @ParameterizedTest(name = "{0},{1},{2},{3}: {4}")
    @CsvSource({"-1, 0, 10, 10, negative", "0, -5, 10, 10, negative", "0, 0, 0, 10, empty", "10, 10, 10, -1, empty"})
    void aNegativeOrEmptyRegionIsRefusedInTheOptions(int x, int y, int w, int h, String why) {
        RushesException e = assertThrows(RushesException.class, () -> aces(null, new Region(x, y, w, h)));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().contains("the region " + x + "," + y + "," + w + "," + h + " is " + why), e.getMessage());
    }

    /** The GoPro frame's active area is 4000x3000: a region past it is refused with that size, at every stage. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"'3990,0,100,100', RAW", "'0,2999,10,2', ACES", "'2147483647,0,10,10', ACES"})
    void aRegionPastTheActiveAreaIsRefusedWithItsSize(String region, FrameRenderer.Stage stage) throws Exception {
        String[] p = region.split(",");
        Region r = new Region(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]), Integer.parseInt(p[3]));
        FrameRenderer renderer = new FrameRenderer(new FrameRenderer.Options(stage, FrameRenderer.Format.TIFF16, DngDevelop.Output.ACES2065_1,
                Demosaic.Method.BILINEAR, null, r));
        try (FileByteSource src = new FileByteSource(GOPRO)) {
            RushesException e = assertThrows(RushesException.class, () -> renderer.render(src, new FileByteSink(dir.resolve("region.tif"))));
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
            assertTrue(e.getMessage().contains("the region " + region + " reaches past the active area, which is 4000x3000")
                    && e.getMessage().contains("HERO7_GOPR9231.dng"), e.getMessage());
        }
        assertFalse(Files.exists(dir.resolve("region.tif")));
    }

    /** Valid files of formats render does not read are unsupported, never "damaged … re-copy it". */
    /** A format Rushes inspects but nothing on the class path decodes is named, with what would decode it: never "damaged". */
    @Test
    void aFormatNothingDecodesIsNamedWithWhatWouldDecodeIt() throws Exception {
        try (FileByteSource src = new FileByteSource(Samples.dir().resolve("video/exiftool_Red.r3d"))) {
            RushesException e = assertThrows(RushesException.class,
                    () -> new FrameRenderer(aces(null, null)).render(src, new FileByteSink(dir.resolve("out.tif"))));
            assertEquals(ErrorCode.UNSUPPORTED_FORMAT, e.code());
            assertTrue(e.getMessage().contains("it is a RED R3D clip, which cannot be rendered") && e.getMessage().contains("RED R3D SDK")
                    && e.getMessage().contains("docs/decoder-plugins.md") && !e.getMessage().contains("damaged"), e.getMessage());
        }
    }

    /**
     * An RGB TIFF names no encoding: its values render at the rgb stage as stored, are refused at the aces stage with
     * the choices, and go through the input transform given; a GoPro GPR is a DNG whose VC-5 codec is unsupported.
     */
    @Test
    void aTiffOfUnknownEncodingIsRefusedUntilNamedAndAGprStillNamesVc5() throws Exception {
        Path tiff = dir.resolve("rgb.tif");
        TiffImages.writeRgbFloat(new RgbImage(2, 1, new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f}), new FileByteSink(tiff), "test");
        try (FileByteSource src = new FileByteSource(tiff)) {
            RushesException e = assertThrows(RushesException.class, () -> new FrameRenderer(aces(null, null)).render(src, new FileByteSink(dir.resolve("o.tif"))));
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
            assertTrue(e.getMessage().contains("an RGB TIFF, whose tags do not name its encoding") && e.getMessage().contains("--input-transform")
                    && e.getMessage().contains("IDT.ARRI.Alexa-v3-logC-EI800"), e.getMessage());
            new FrameRenderer(new FrameRenderer.Options(FrameRenderer.Stage.RGB, FrameRenderer.Format.TIFF32F, DngDevelop.Output.ACES2065_1,
                    Demosaic.Method.RCD, null)).render(src, new FileByteSink(dir.resolve("rgb-stage.tif")));
            try (FileByteSource out = new FileByteSource(dir.resolve("rgb-stage.tif"))) {
                assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f}, TiffImages.readRgb(out).data());
            }
            new FrameRenderer(new FrameRenderer.Options(FrameRenderer.Stage.ACES, FrameRenderer.Format.TIFF32F, DngDevelop.Output.ACESCG,
                    Demosaic.Method.RCD, null).withInput(PixelEncoding.ACES2065_1)).render(src, new FileByteSink(dir.resolve("acescg.tif")));
            try (FileByteSource out = new FileByteSource(dir.resolve("acescg.tif"))) {
                float[] cg = TiffImages.readRgb(out).data();
                double[] expected = {0.1, 0.2, 0.3};
                io.rushes.engine.color.Chromaticities.AP1.xyzToRgb().times(io.rushes.engine.color.Chromaticities.AP0.rgbToXyz()).applyInPlace(expected);
                assertArrayEquals(new float[] {(float) expected[0], (float) expected[1], (float) expected[2]}, java.util.Arrays.copyOf(cg, 3), 1e-6f);
            }
        }
        try (FileByteSource src = new FileByteSource(Samples.dir().resolve("raw/gopro/HERO7_GOPR9231.GPR"))) {
            RushesException e = assertThrows(RushesException.class, () -> new FrameRenderer(aces(null, null)).render(src, new FileByteSink(dir.resolve("o.tif"))));
            assertEquals(ErrorCode.UNSUPPORTED_FEATURE, e.code());
            assertTrue(e.getMessage().contains("VC-5"), e.getMessage());
        }
    }

    /** A 16x16 RGGB DNG with the given WhiteLevel and a BlackLevel of 256. */
    private Path dngWithLevels(long white) throws Exception {
        double[] cm = {0.6722, -0.0635, -0.0963, -0.4287, 1.2460, 0.2028, -0.0908, 0.2162, 0.5668};
        Path file = dir.resolve("levels-" + white + ".dng");
        TiffWriter t = new TiffWriter().longs(false, TiffTags.NEW_SUBFILE_TYPE, 0).longs(false, TiffTags.IMAGE_WIDTH, 16)
                .longs(false, TiffTags.IMAGE_LENGTH, 16).shorts(false, TiffTags.BITS_PER_SAMPLE, 16).shorts(false, TiffTags.COMPRESSION, 1)
                .shorts(false, TiffTags.PHOTOMETRIC, 32803).shorts(false, TiffTags.SAMPLES_PER_PIXEL, 1).longs(false, TiffTags.ROWS_PER_STRIP, 16)
                .shorts(false, TiffTags.CFA_REPEAT_PATTERN_DIM, 2, 2).bytes(false, TiffTags.CFA_PATTERN, TiffEntry.BYTE, (byte) 0, (byte) 1, (byte) 1, (byte) 2)
                .bytes(false, TiffTags.DNG_VERSION, TiffEntry.BYTE, (byte) 1, (byte) 4, (byte) 0, (byte) 0)
                .srationals(false, TiffTags.COLOR_MATRIX_1, 10000, cm).shorts(false, TiffTags.CALIBRATION_ILLUMINANT_1, 21)
                .longs(false, TiffTags.BLACK_LEVEL, 256).longs(false, TiffTags.WHITE_LEVEL, white);
        byte[] pixels = new byte[16 * 16 * 2];
        for (int i = 0; i < pixels.length; i += 2) {
            pixels[i] = (byte) 0x00;
            pixels[i + 1] = (byte) 0x08; // 2048, little-endian
        }
        Files.write(file, TiffWriter.concat(t.header(pixels.length), pixels));
        return file;
    }

    /** WhiteLevel 0 (or at the black) developed to values from −41 to 5 before: now refused as impossible, the tags named. */
    @ParameterizedTest(name = "WhiteLevel {0}")
    @ValueSource(longs = {0, 256})
    void impossibleLevelsAreRefusedWhenDeveloping(long white) throws Exception {
        Path file = dngWithLevels(white);
        try (FileByteSource src = new FileByteSource(file)) {
            RushesException e = assertThrows(RushesException.class, () -> new FrameRenderer(aces(null, null)).render(src, new FileByteSink(dir.resolve("o.tif"))));
            assertEquals(ErrorCode.CORRUPT, e.code());
            assertTrue(e.getMessage().contains("its WhiteLevel (tag 50717) is " + white + " and its BlackLevel (tag 50714) 256")
                    && e.getMessage().contains("impossible"), e.getMessage());
        }
        try (FileByteSource src = new FileByteSource(dngWithLevels(4095))) {
            assertEquals("16x16", new FrameRenderer(aces(null, null)).render(src, new FileByteSink(dir.resolve("ok.tif"))).size(), "sane levels develop");
        }
    }

    /** Scene-linear values above 1.0 in a 16-bit TIFF: counted, returned as a warning, and recorded in the description. */
    @Test
    void clippingIn16BitIsCountedWarnedAndRecorded() throws Exception {
        Path out = dir.resolve("clipped.tif");
        RgbImage img = new RgbImage(2, 2, new float[] {1.1f, 0.5f, 0.2f, 0.3f, 0.3f, 0.3f, 0.9f, 2.0f, 1.5f, 0.1f, 0.1f, -0.2f});
        TiffImages.Clipping c = TiffImages.writeRgb16(img, new FileByteSink(out), "sky");
        assertEquals(2, c.pixels());
        assertEquals(4, c.of());
        assertEquals(2.0, c.max(), 0);
        assertTrue(c.warning().contains("2 of 4 pixels (50.000 %) were above 1.0 (up to 2.0000)") && c.warning().contains("tiff32f")
                && c.warning().contains("ACEScct") && c.warning().contains("display stage"), c.warning());
        try (FileByteSource s = new FileByteSource(out)) {
            String description = TiffStructure.read(new BinaryReader(s), 0).string(TiffTags.IMAGE_DESCRIPTION);
            assertEquals("sky; 16-bit integer: 2 pixels above 1.0 clipped (max 2.0000)", description);
        }
        assertEquals(0xFFFF, pixels(out).getChar(0), "1.1 is written as 1.0");
        assertEquals(0, TiffImages.writeRgb16(new RgbImage(1, 1, new float[] {1f, 0.5f, 0f}), new FileByteSink(dir.resolve("fine.tif")), "fine").pixels());
    }

    /** The GoPro frame's bright sky passes 1.0 in ACES2065-1: a 16-bit render returns the warning and records it. */
    @Test
    void aSixteenBitAcesRenderWarnsOfItsClippedHighlights() throws Exception {
        Path out = dir.resolve("aces16.tif");
        FrameRenderer.Rendered r;
        try (FileByteSource src = new FileByteSource(GOPRO)) {
            r = new FrameRenderer(new FrameRenderer.Options(FrameRenderer.Stage.ACES, FrameRenderer.Format.TIFF16, DngDevelop.Output.ACES2065_1,
                    Demosaic.Method.BILINEAR, null)).render(src, new FileByteSink(out));
        }
        assertEquals("4000x3000", r.size());
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).startsWith("aces16.tif: ") && r.warnings().get(0).contains("of 12000000 pixels")
                && r.warnings().get(0).contains("were above 1.0"), r.warnings().get(0));
        try (FileByteSource s = new FileByteSource(out)) {
            String description = TiffStructure.read(new BinaryReader(s), 0).string(TiffTags.IMAGE_DESCRIPTION);
            assertTrue(description.contains("; 16-bit integer: ") && description.contains(" pixels above 1.0 clipped (max 1."), description);
        }
    }
}
