package io.rushes.engine.deliver.dpx;

import io.rushes.engine.ExternalTool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rushes.engine.Samples;
import io.rushes.engine.deliver.tiff.TiffImages;
import io.rushes.engine.image.RgbImage;
import io.rushes.engine.io.FileByteSink;
import io.rushes.engine.metadata.Timecode;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our DPX frames read by OpenImageIO's oiiotool (its libdpx) and ExifTool, which share no code with Rushes: header
 * fields and pixels; and our reader against oiiotool on DPX files written by Nuke.
 */
class DpxReferenceToolsTest {
    private static final Pattern PIXEL = Pattern.compile("Pixel \\((\\d+), (\\d+)\\): ([0-9 ]+) \\(");

    @TempDir
    Path dir;

    private static final DpxMetadata METADATA = DpxMetadata.of(DpxEncoding.PRINTING_DENSITY)
            .withTimecode(new Timecode(1, 2, 3, 4, 24, false), 23.976)
            .withNames("A001C002.0001.dpx", "Rushes", "Project X", "(c) Rushes", "A001C002");

    private Path write(DpxWriter.Depth depth, ByteOrder order, DpxMetadata md, RgbImage img) throws IOException {
        Path file = dir.resolve(depth + "-" + order + ".dpx");
        DpxWriter.write(img, depth, md, order, new FileByteSink(file));
        return file;
    }

    @Test
    void oiiotoolReadsOurHeaderFields() throws Exception {
        for (DpxWriter.Depth depth : DpxWriter.Depth.values()) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
                Path file = write(depth, order, METADATA, DpxRoundTripTest.random(7, 5, 2));
                String info = ExternalTool.output("oiiotool", "--info", "-v", file.toString());
                String where = depth + " " + order + ":\n" + info;
                assertTrue(info.contains("7 x    5, 3 channel, uint" + depth.bits() + " dpx"), where);
                assertTrue(info.contains("smpte:TimeCode: 01:02:03:04"), where);
                assertTrue(info.contains("dpx:FrameRate: 23.976"), where);
                assertTrue(info.contains("dpx:TemporalFrameRate: 23.976"), where);
                assertTrue(info.contains("dpx:Transfer: \"Printing density\""), where);
                assertTrue(info.contains("dpx:Colorimetric: \"Printing density\""), where);
                assertTrue(info.contains("Orientation: 1 (normal)"), where);
                assertTrue(info.contains("Software: \"Rushes\""), where);
                assertTrue(info.contains("Copyright: \"(c) Rushes\""), where);
                assertTrue(info.contains("dpx:SlateInfo: \"A001C002\""), where);
                assertTrue(info.contains("dpx:Packing: \"" + (depth == DpxWriter.Depth.SIXTEEN ? "Packed" : "Filled, method A") + "\""), where);
            }
        }
    }

    @Test
    void oiiotoolReadsADropFrameTimecode() throws Exception {
        DpxMetadata md = DpxMetadata.of(DpxEncoding.LINEAR).withTimecode(new Timecode(1, 0, 0, 2, 30, true), 30000 / 1001.0);
        Path file = write(DpxWriter.Depth.TEN, ByteOrder.BIG_ENDIAN, md, DpxRoundTripTest.random(2, 2, 4));
        String info = ExternalTool.output("oiiotool", "--info", "-v", file.toString());
        assertTrue(info.contains("dpx:TimeCode: \"01:00:00;02\""), info);
        assertTrue(info.contains("dpx:TemporalFrameRate: 29.97"), info);
    }

    @Test
    void oiiotoolNamesEachEncodingsTransfer() throws Exception {
        String[][] names = {{"Linear", "User defined"}, {"Printing density", "Printing density"}, {"ADX", "ADX"},
            {"Logarithmic", "User defined"}, {"Logarithmic", "User defined"}};
        DpxEncoding[] encodings = DpxEncoding.values();
        for (int i = 0; i < encodings.length; i++) {
            Path file = write(DpxWriter.Depth.TEN, ByteOrder.BIG_ENDIAN, DpxMetadata.of(encodings[i]), DpxRoundTripTest.random(3, 2, i));
            String info = ExternalTool.output("oiiotool", "--info", "-v", file.toString());
            assertTrue(info.contains("dpx:Transfer: \"" + names[i][0] + "\""), encodings[i] + ":\n" + info);
            assertTrue(info.contains("dpx:Colorimetric: \"" + names[i][1] + "\""), encodings[i] + ":\n" + info);
        }
    }

    @Test
    void exiftoolReadsOurHeaderFields() throws Exception {
        for (DpxWriter.Depth depth : DpxWriter.Depth.values()) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
                Path file = write(depth, order, METADATA, DpxRoundTripTest.random(7, 5, 2));
                JsonNode t = new ObjectMapper().readTree(ExternalTool.output("exiftool", "-j", file.toString())).get(0);
                String where = depth + " " + order + ": " + t;
                assertEquals(order == ByteOrder.BIG_ENDIAN ? "Big-endian" : "Little-endian", t.path("ByteOrder").asText(), where);
                assertEquals(7, t.path("ImageWidth").asInt(), where);
                assertEquals(5, t.path("ImageHeight").asInt(), where);
                assertEquals(depth.bits(), t.path("BitDepth").asInt(), where);
                assertEquals("R, G, B", t.path("ComponentsConfiguration").asText(), where);
                assertEquals("Printing density", t.path("TransferCharacteristic").asText(), where);
                assertEquals("Printing density", t.path("ColorimetricSpecification").asText(), where);
                assertEquals("Horizontal (normal)", t.path("Orientation").asText(), where);
                assertEquals(23.976, t.path("FrameRate").asDouble(), 1e-4, where);
                assertEquals(23.976, t.path("OriginalFrameRate").asDouble(), 1e-4, where);
                // ExifTool 12.57 prints the time code word as a number: 0x01020304 is BCD 01:02:03:04.
                assertEquals(0x01020304, t.path("TimeCode").asLong(), where);
                assertEquals("A001C002.0001.dpx", t.path("ImageFileName").asText(), where);
                assertEquals("Project X", t.path("Project").asText(), where);
                assertEquals("A001C002", t.path("SlateInformation").asText(), where);
                assertEquals(2048 + (depth == DpxWriter.Depth.TEN ? 4 : 6) * 35, t.path("DPXFileSize").asLong(), where);
            }
        }
    }

    @Test
    void oiiotoolDecodesOurPixels() throws Exception {
        for (DpxWriter.Depth depth : DpxWriter.Depth.values()) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
                RgbImage img = DpxRoundTripTest.random(13, 7, 5);
                Path file = write(depth, order, DpxMetadata.of(DpxEncoding.ACESCCT), img);
                int[] theirs = dumpdata(file, depth.bits());
                double max = (1 << depth.bits()) - 1;
                assertEquals(img.data().length, theirs.length);
                for (int i = 0; i < img.data().length; i++) {
                    double error = Math.abs(theirs[i] - img.data()[i] * max);
                    // Done means "within 1 code value"; the nearest code is within half of one.
                    assertTrue(error <= 0.5 + 1e-3, depth + " " + order + " sample " + i + " off by " + error + " codes");
                }
            }
        }
    }

    @Test
    void ourReaderAgreesWithOiiotoolOnNukeFrames() throws Exception {
        for (String sample : new String[] {"dpx_nuke_10bits_rgb.dpx", "dpx_nuke_16bits_rgba.dpx"}) {
            Path file = Samples.dir().resolve(Path.of("exr_dpx", "oiio-images", sample));
            DpxReader.Frame ours = DpxRoundTripTest.read(file);
            // Despite its name the second is 10-bit RGBA: four samples per pixel, crossing the 32-bit words; alpha is dropped.
            assertEquals(10, ours.bitDepth(), sample);
            assertEquals(512, ours.image().width(), sample);
            assertEquals(512, ours.image().height(), sample);
            int[] theirs = dumpdata(file, 10);
            assertEquals(theirs.length, ours.image().data().length, sample);
            for (int i = 0; i < theirs.length; i++) {
                assertEquals(theirs[i], Math.round(ours.image().data()[i] * 1023), sample + " sample " + i);
            }
        }
    }

    @Test
    void ourReaderDecodesWhatOiiotoolWrites() throws Exception {
        // oiiotool 2.4 writes DPX in the machine's byte order (little-endian "XPDS" here) with the pixels at byte 8192.
        RgbImage source = DpxRoundTripTest.random(11, 6, 8);
        Path tiff = dir.resolve("source.tif");
        TiffImages.writeRgbFloat(source, new FileByteSink(tiff), null);
        for (String depth : new String[] {"uint10", "uint16"}) {
            Path file = dir.resolve(depth + ".dpx");
            ExternalTool.output("oiiotool", tiff.toString(), "-d", depth, "-o", file.toString());
            DpxReader.Frame ours = DpxRoundTripTest.read(file);
            int bits = depth.equals("uint10") ? 10 : 16;
            assertEquals(bits, ours.bitDepth());
            int[] theirs = dumpdata(file, bits);
            int max = (1 << bits) - 1;
            for (int i = 0; i < theirs.length; i++) {
                assertEquals(theirs[i], Math.round(ours.image().data()[i] * max), depth + " sample " + i);
                // oiiotool quantises 10-bit through 16 bits, so its codes are within 1 of the nearest.
                assertTrue(Math.abs(ours.image().data()[i] - source.data()[i]) * max <= 1, depth + " sample " + i);
            }
        }
    }

    @Test
    void oiiotoolsPacked12BitIsRefusedAsUnsupportedNotDamaged() throws Exception {
        // oiiotool 2.4 writes 12-bit DPX packed (packing 0, samples across 32-bit words); Rushes reads 12-bit filled, method A.
        Path tiff = dir.resolve("source12.tif");
        TiffImages.writeRgbFloat(DpxRoundTripTest.random(5, 3, 9), new FileByteSink(tiff), null);
        Path file = dir.resolve("packed12.dpx");
        ExternalTool.output("oiiotool", tiff.toString(), "-d", "uint12", "-o", file.toString());
        io.rushes.engine.error.RushesException e = org.junit.jupiter.api.Assertions.assertThrows(io.rushes.engine.error.RushesException.class,
                () -> DpxRoundTripTest.read(file));
        assertEquals(io.rushes.engine.error.ErrorCode.UNSUPPORTED_FEATURE, e.code());
        assertTrue(e.getMessage().contains("12-bit samples, packing 0 (packed)") && e.getMessage().contains("10 or 12 bits (filled, method A)"),
                e.getMessage());
    }

    /**
     * The first three channels of {@code oiiotool --dumpdata} as code values of {@code bits}: it prints 10-bit samples
     * widened to 16 bits by bit replication (code << 6 | code >> 4), so the top 10 bits are the code.
     */
    private static int[] dumpdata(Path file, int bits) throws Exception {
        String dump = ExternalTool.output("oiiotool", "--dumpdata", file.toString());
        Matcher m = PIXEL.matcher(dump);
        java.util.List<Integer> codes = new java.util.ArrayList<>();
        while (m.find()) {
            String[] v = m.group(3).trim().split("\\s+");
            for (int c = 0; c < 3; c++) {
                codes.add(Integer.parseInt(v[c]) >> (16 - bits));
            }
        }
        return codes.stream().mapToInt(Integer::intValue).toArray();
    }
}
