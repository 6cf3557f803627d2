package io.rushes.engine.deliver.exr;

import io.rushes.engine.ExternalTool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.Samples;
import io.rushes.engine.image.RgbImage;
import io.rushes.engine.io.FileByteSink;
import io.rushes.engine.io.FileByteSource;
import io.rushes.engine.deliver.tiff.TiffImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What we write, read by OpenEXR's own exrheader and by OpenImageIO; what OpenImageIO reads, read by us. */
class OpenExrToolsTest {
    private static final ExrCompression[] WRITABLE = {ExrCompression.NONE, ExrCompression.RLE, ExrCompression.ZIPS, ExrCompression.ZIP,
            ExrCompression.PIZ};

    /** Every line exrheader must print for {@link OpenExrRoundTripTest#plateAttributes()} in an overscan file. */
    private static final List<String> HEADER_LINES = List.of(
            "adoptedNeutral (type v2f): (0.32168 0.33767)",
            "ascFramingDecisionList (type string): \"{\"uuid\":\"5f0c\",\"version\":{\"major\":2,\"minor\":0}}\"",
            "aperture (type float): 2.8",
            "cameraMake (type string): \"ARRI\"",
            "cameraModel (type string): \"ALEXA Mini LF\"",
            "cameraSerialNumber (type string): \"K1.0012345\"",
            "capDate (type string): \"2026:03:14 09:26:53\"",
            "    red   (0.7347 0.2653)",
            "    white (0.32168 0.33767)",
            "clipName (type string): \"A001C003_260314_R1AB\"",
            "comments (type string): \"round trip\"",
            "dataWindow (type box2i): (-8 -4) - (112 62)",
            "displayWindow (type box2i): (0 0) - (104 58)",
            "expTime (type float): 0.0208333",
            "focus (type float): 3.5",
            "framesPerSecond (type rational): 30000/1001 (29.97)",
            "isoSpeed (type float): 800",
            "lensMake (type string): \"Cooke\"",
            "lensModel (type string): \"S4/i 32mm\"",
            "nominalFocalLength (type float): 32",
            "owner (type string): \"Rushes test\"",
            "reelName (type string): \"A001\"",
            "    time 01:02:03:04",
            "    drop frame 1, color frame 0, field/phase 0",
            "utcOffset (type float): -7200");

    @Test
    void exrheaderListsEveryAttributeForEveryCompression(@TempDir Path dir) throws Exception {
        ExternalTool exrheader = ExternalTool.require("exrheader");
        RgbImage rgb = TestImages.picture(121, 67, 11);
        ExrImage image = new ExrImage(rgb, TestImages.alpha(121, 67, 11), new ExrWindow(-8, -4, 112, 62), new ExrWindow(0, 0, 104, 58));
        String[] names = {"none", "run-length encoding", "zip, individual scanlines", "zip, multi-scanline blocks", "piz"};
        for (int i = 0; i < WRITABLE.length; i++) {
            for (ExrPixelType type : new ExrPixelType[] {ExrPixelType.HALF, ExrPixelType.FLOAT}) {
                Path file = dir.resolve(WRITABLE[i] + "-" + type + ".exr");
                OpenExrWriter.write(image, new OpenExrWriter.Options(WRITABLE[i], type), OpenExrRoundTripTest.plateAttributes(), null, new FileByteSink(file));
                ExternalTool.Result r = exrheader.run(file.toString());
                assertEquals(0, r.exitCode(), r.output());
                List<String> lines = r.output().lines().toList();
                for (String expected : HEADER_LINES) {
                    assertTrue(lines.contains(expected), file.getFileName() + ": no line '" + expected + "' in\n" + r.output());
                }
                assertTrue(lines.contains("compression (type compression): " + names[i]), r.output());
                String channel = type == ExrPixelType.HALF ? "16-bit floating-point" : "32-bit floating-point";
                for (String c : List.of("A", "B", "G", "R")) {
                    assertTrue(lines.contains("    " + c + ", " + channel + ", sampling 1 1"), r.output());
                }
            }
        }
    }

    /**
     * oiiotool --diff of our file against a float TIFF of the same pixels: HALF within half quantisation (values below
     * 4 are within half a half-ulp, 2^-10), FLOAT identical. Also read by oiiotool --info -v with the windows.
     */
    @Test
    void oiiotoolFindsTheSourcePixelsWithinHalfQuantisation(@TempDir Path dir) throws Exception {
        ExternalTool oiiotool = ExternalTool.require("oiiotool");
        int width = 211;
        int height = 45;
        float[] d = new float[width * height * 3];
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (3.9 * Math.abs(Math.sin(i * 0.0007)) + random.nextGaussian() * 0.002);
            d[i] = Math.max(0, Math.min(3.99f, d[i]));
        }
        RgbImage rgb = new RgbImage(width, height, d);
        Path reference = dir.resolve("reference.tif");
        TiffImages.writeRgbFloat(rgb, new FileByteSink(reference), null);
        for (ExrCompression c : WRITABLE) {
            for (ExrPixelType type : new ExrPixelType[] {ExrPixelType.HALF, ExrPixelType.FLOAT}) {
                Path file = dir.resolve(c + "-" + type + ".exr");
                OpenExrWriter.write(ExrImage.of(rgb), new OpenExrWriter.Options(c, type), OpenExrRoundTripTest.plateAttributes(), null, new FileByteSink(file));
                String threshold = type == ExrPixelType.HALF ? String.format(Locale.ROOT, "%.10f", 0x1p-10) : "0";
                ExternalTool.Result diff = oiiotool.run(file.toString(), reference.toString(), "--fail", threshold, "--warn", threshold, "--failpercent", "0",
                        "--diff");
                assertEquals(0, diff.exitCode(), c + " " + type + ":\n" + diff.output());
                assertTrue(diff.output().contains("PASS"), c + " " + type + ":\n" + diff.output());
            }
        }
        Path overscan = dir.resolve("overscan.exr");
        OpenExrWriter.write(new ExrImage(rgb, null, new ExrWindow(-10, -6, width - 11, height - 7), ExrWindow.ofSize(190, 33)),
                new OpenExrWriter.Options(ExrCompression.ZIP, ExrPixelType.HALF), OpenExrRoundTripTest.plateAttributes(), null, new FileByteSink(overscan));
        ExternalTool.Result info = oiiotool.run("--info", "-v", overscan.toString());
        assertEquals(0, info.exitCode(), info.output());
        for (String expected : List.of("211 x   45, 3 channel, half openexr", "pixel data origin: x=-10, y=-6", "full/display size: 190 x 33",
                "compression: \"zip\"", "smpte:TimeCode: 01:02:03:04", "framesPerSecond: 30000/1001 (29.97)",
                "cameraMake: \"ARRI\"")) {
            assertTrue(info.output().contains(expected), "no '" + expected + "' in\n" + info.output());
        }
    }

    /** Sample images written by OpenEXR (ZIP, ZIPS, PIZ), read by us and by oiiotool --dumpdata over a region: the same values. */
    @Test
    void ourReaderAgreesWithOiiotoolOnSampleImages() throws Exception {
        ExternalTool oiiotool = ExternalTool.require("oiiotool");
        Path images = Samples.dir().resolve("exr_dpx/openexr-images");
        // Carrots: ZIP, RGBA half with camera attributes. Beachball: ZIPS, 20 channels, data window inside the display.
        compareWithDumpdata(oiiotool, images.resolve("ScanLines/Carrots.exr"), "R,G,B,A", "96x48+300+200");
        compareWithDumpdata(oiiotool, images.resolve("Beachball/singlepart.0001.exr"), "R,G,B,A,Z", "64x40+1000+600");
        // PIZ: every half value (NaNs, infinities, denormals) through the wavelet and Huffman decoder; RGBA stripes.
        compareWithDumpdata(oiiotool, images.resolve("TestImages/AllHalfValues.exr"), "R,G,B", "256x256+0+0");
        compareWithDumpdata(oiiotool, images.resolve("TestImages/stripes.exr"), "R,G,B,A", "100x50+0+0");
        compareWithDumpdata(oiiotool, images.resolve("MultiView/Fog.exr"), "Y", "200x100+400+300");
    }

    private static float parse(String printed) {
        return switch (printed.toLowerCase(Locale.ROOT)) {
            case "nan", "-nan" -> Float.NaN;
            case "inf" -> Float.POSITIVE_INFINITY;
            case "-inf" -> Float.NEGATIVE_INFINITY;
            default -> Float.parseFloat(printed);
        };
    }

    private static final Pattern PIXEL = Pattern.compile("^\\s*Pixel \\((-?\\d+), (-?\\d+)\\):((?:\\s+\\S+)+)\\s*$");

    private static void compareWithDumpdata(ExternalTool oiiotool, Path file, String channels, String region) throws Exception {
        ExternalTool.Result dump;
        // --dumpdata prints an input file: crop (keeping the coordinates) to a half file, which copies the samples exactly.
        Path crop = Files.createTempFile("exr-crop", ".exr");
        try {
            ExternalTool.Result cut = oiiotool.run(file.toString(), "--ch", channels, "--crop", region, "-d", "half", "-o", crop.toString());
            assertEquals(0, cut.exitCode(), cut.output());
            dump = oiiotool.run("--dumpdata", crop.toString());
        } finally {
            Files.delete(crop);
        }
        assertEquals(0, dump.exitCode(), dump.output());
        ExrFile ours;
        try (FileByteSource source = new FileByteSource(file)) {
            ours = OpenExrReader.read(source);
        }
        String[] names = channels.split(",");
        int width = (int) ours.dataWindow().width();
        int compared = 0;
        for (String line : dump.output().lines().toList()) {
            Matcher m = PIXEL.matcher(line);
            if (!m.matches()) {
                continue;
            }
            int x = Integer.parseInt(m.group(1)) - ours.dataWindow().xMin();
            int y = Integer.parseInt(m.group(2)) - ours.dataWindow().yMin();
            String[] values = m.group(3).trim().split("\\s+");
            assertEquals(names.length, values.length, line);
            for (int c = 0; c < names.length; c++) {
                float theirs = parse(values[c]);
                float mine = ours.planes().get(names[c])[y * width + x];
                if (Float.isNaN(theirs)) {
                    assertTrue(Float.isNaN(mine), file.getFileName() + " " + names[c] + " at " + line);
                } else if (Float.isInfinite(theirs)) {
                    // oiiotool 2.4 prints -inf as "inf": the sign is checked in OpenExrSamplesTest (AllHalfValues)
                    assertTrue(Float.isInfinite(mine), file.getFileName() + " " + names[c] + " at " + line);
                } else {
                    assertEquals(theirs, mine, 1e-9 + Math.abs(theirs) * 1e-8, file.getFileName() + " " + names[c] + " at " + line);
                }
                compared++;
            }
        }
        int[] size = java.util.Arrays.stream(region.split("[x+]")).mapToInt(Integer::parseInt).toArray();
        assertEquals(size[0] * size[1] * names.length, compared, file + ": samples compared");
    }
}
