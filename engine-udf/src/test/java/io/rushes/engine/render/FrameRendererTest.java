package io.rushes.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.Samples;
import io.rushes.engine.format.dng.DngColor;
import io.rushes.engine.format.dng.DngDevelop;
import io.rushes.engine.format.dng.DngHeader;
import io.rushes.engine.format.dng.DngRawDecoder;
import io.rushes.engine.format.tiff.TiffStructure;
import io.rushes.engine.format.tiff.TiffTags;
import io.rushes.engine.image.Demosaic;
import io.rushes.engine.image.RgbImage;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.FileByteSource;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
            new FrameRenderer(new FrameRenderer.Options(FrameRenderer.Stage.RAW, FrameRenderer.Format.TIFF16, null, null, null)).render(src, out);
        }
        ByteBuffer px = pixels(out);
        byte[] file = Files.readAllBytes(GOPRO);
        // The GoPro frame is one little-endian 16-bit strip at 14780: the TIFF must hold exactly those bytes.
        assertEquals(ByteBuffer.wrap(file, 14780, 4000 * 3000 * 2), px);
    }

    @Test
    void aRegionRendersTheSamePixelsAsTheWholeFrame() throws Exception {
        DngRawDecoder.Region region = new DngRawDecoder.Region(1001, 1501, 200, 100);
        Path out = dir.resolve("region.tif");
        try (FileByteSource src = new FileByteSource(GOPRO)) {
            new FrameRenderer(new FrameRenderer.Options(FrameRenderer.Stage.ACES, FrameRenderer.Format.TIFF32F, DngDevelop.Output.ACES2065_1,
                    Demosaic.Method.RCD, null, region)).render(src, out);
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
                    Demosaic.Method.BILINEAR, null)).render(src, out);
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

    @Test
    void displayStageIsTheAcesFrameThroughTheDefaultOutput() throws Exception {
        DngRawDecoder.Region region = new DngRawDecoder.Region(2001, 1001, 64, 32);
        Path aces = dir.resolve("aces-region.tif");
        Path display = dir.resolve("display-region.tif");
        try (FileByteSource src = new FileByteSource(GOPRO)) {
            new FrameRenderer(new FrameRenderer.Options(FrameRenderer.Stage.ACES, FrameRenderer.Format.TIFF32F, DngDevelop.Output.ACES2065_1,
                    Demosaic.Method.RCD, null, region)).render(src, aces);
        }
        try (FileByteSource src = new FileByteSource(GOPRO)) {
            new FrameRenderer(new FrameRenderer.Options(FrameRenderer.Stage.DISPLAY, FrameRenderer.Format.TIFF32F, null,
                    Demosaic.Method.RCD, null, region)).render(src, display);
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
}
