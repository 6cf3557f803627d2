package io.rushes.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rushes.engine.Samples;
import io.rushes.engine.TestInspect;
import io.rushes.engine.metadata.ClipField;
import io.rushes.engine.metadata.ClipMetadata;
import io.rushes.engine.metadata.Timecode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every sample camera file beside an ExifTool 12.57 dump ({@code *.exiftool.json}) must give, in the
 * normalised fields, the same make, model, serial, ISO, exposure, f-number, focal length, lens, size,
 * date, frame rate, timecode and duration that ExifTool found. ExifTool is the independent reference.
 */
class ExiftoolAgreementTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A normalised field and the ExifTool tags that carry it, most specific first. */
    private record Mapping(ClipField field, List<String> tags) {
    }

    private static final List<Mapping> MAPPINGS = List.of(
            new Mapping(ClipField.CAMERA_MAKE, List.of("EXIF:Make", "QuickTime:Make", "SigmaRaw:Make", "MakerNotes:Make")),
            new Mapping(ClipField.CAMERA_MODEL, List.of("EXIF:Model", "Red:Model", "QuickTime:Model", "SigmaRaw:Model", "MakerNotes:Model")),
            new Mapping(ClipField.CAMERA_SERIAL, List.of("EXIF:SerialNumber", "EXIF:CameraSerialNumber", "Red:SerialNumber",
                    "SigmaRaw:SerialNumber", "MakerNotes:SerialNumber")),
            new Mapping(ClipField.ISO, List.of("EXIF:ISO", "Red:ISO", "SigmaRaw:ISO", "MakerNotes:ISO")),
            new Mapping(ClipField.EXPOSURE_TIME, List.of("EXIF:ExposureTime", "SigmaRaw:ExposureTime", "H264:ExposureTime", "MakerNotes:ExposureTime")),
            new Mapping(ClipField.F_NUMBER, List.of("EXIF:FNumber", "Red:FNumber", "SigmaRaw:FNumber", "MakerNotes:FNumber")),
            new Mapping(ClipField.FOCAL_LENGTH, List.of("EXIF:FocalLength", "Red:FocalLength", "SigmaRaw:FocalLength", "MakerNotes:FocalLength")),
            new Mapping(ClipField.LENS_MODEL, List.of("EXIF:LensModel", "MakerNotes:LensModel", "XMP:LensModel")),
            new Mapping(ClipField.RECORD_DATETIME, List.of("EXIF:DateTimeOriginal", "QuickTime:CreateDate", "Composite:DateTimeOriginal",
                    "H264:DateTimeOriginal", "SigmaRaw:DateTimeOriginal", "MakerNotes:DateTimeOriginal")),
            new Mapping(ClipField.PROJECT_FPS, List.of("QuickTime:VideoFrameRate", "Red:FrameRate", "EXIF:FrameRate")),
            new Mapping(ClipField.START_TIMECODE, List.of("Red:StartTimecode", "MXF:StartTimecode", "EXIF:TimeCodes")),
            new Mapping(ClipField.DURATION, List.of("QuickTime:Duration", "MXF:Duration")));

    @TestFactory
    Stream<DynamicTest> everySampleAgreesWithExiftool() throws IOException {
        Path samples = Samples.dir();
        List<Path> dumps;
        try (Stream<Path> s = Files.walk(samples)) {
            dumps = s.filter(p -> p.getFileName().toString().endsWith(".exiftool.json")).sorted().toList();
        }
        assertFalse(dumps.isEmpty(), "no ExifTool dumps under " + samples);
        return dumps.stream().map(dump -> {
            String name = dump.getFileName().toString().replace(".exiftool.json", "");
            Path file = dump.resolveSibling(name);
            return DynamicTest.dynamicTest(name, () -> check(file, JSON.readTree(dump.toFile()).get(0)));
        });
    }

    private static void check(Path file, JsonNode exif) {
        ClipResult r = TestInspect.one(file);
        ClipMetadata md = r.metadata();
        String status = md.string(ClipField.STATUS);
        assertEquals("ok", status, () -> file + ": " + r.errors());
        List<String> mismatches = new ArrayList<>();
        for (Mapping m : MAPPINGS) {
            for (String tag : m.tags()) {
                JsonNode expected = exif.get(tag);
                if (expected == null || expected.isNull() || isZeroDate(expected)) {
                    continue;
                }
                if (m.field() == ClipField.ISO && !expected.isNumber()) {
                    continue;
                }
                if (file.getFileName().toString().startsWith("exiftool_KyoceraRaw") && tag.equals("MakerNotes:ISO")) {
                    // ExifTool -n prints the Contax ISO index (13 = ISO 100); Rushes decodes it and keeps the code raw.
                    if (!expected.asText().equals(md.raw("Kyocera:ISOCode"))) {
                        mismatches.add("Kyocera ISO code: exiftool " + expected + ", rushes " + md.raw("Kyocera:ISOCode"));
                    }
                    break;
                }
                if (tag.equals("H264:Make")) {
                    // ExifTool -n prints the AVCHD maker code; Rushes names the maker and keeps the code raw.
                    if (!expected.asText().equals(md.raw("H264:MakeCode"))) {
                        mismatches.add("H264 maker code: exiftool " + expected + ", rushes " + md.raw("H264:MakeCode"));
                    }
                    break;
                }
                String problem = compare(m.field(), expected, md, exif);
                if (problem != null) {
                    mismatches.add(m.field().column() + " vs " + tag + ": " + problem);
                }
                break;
            }
        }
        JsonNode size = exif.get("Composite:ImageSize");
        if (exif.has("SigmaRaw:ImageWidth") && exif.has("File:ImageWidth")) {
            // ExifTool's composite takes the size of the stub's 8x8 preview JPEG here; the X3F header's is the image's.
            size = JSON.getNodeFactory().textNode(exif.get("SigmaRaw:ImageWidth").asText() + " " + exif.get("SigmaRaw:ImageHeight").asText());
        }
        int layout = exif.path("MXF:FrameLayout").asInt(0);
        if (size != null && (layout == 1 || layout == 3 || layout == 4)) {
            // ExifTool prints an MXF picture descriptor's StoredHeight, which counts one field when the layout
            // stores fields (SMPTE ST 377-1); Rushes reports the frame, as ffprobe does.
            String[] wh = size.asText().split(" ");
            size = JSON.getNodeFactory().textNode(wh[0] + " " + Integer.parseInt(wh[1]) * 2);
        }
        if (size != null) {
            String[] wh = size.asText().split(" ");
            if (!wh[0].equals(String.valueOf(md.get(ClipField.WIDTH))) || !wh[1].equals(String.valueOf(md.get(ClipField.HEIGHT)))) {
                mismatches.add("size: exiftool " + size.asText() + ", rushes " + md.get(ClipField.WIDTH) + " " + md.get(ClipField.HEIGHT));
            }
        }
        assertTrue(mismatches.isEmpty(), () -> file.getFileName() + " disagrees with ExifTool:\n  " + String.join("\n  ", mismatches));
    }

    private static boolean isZeroDate(JsonNode v) {
        return v.isTextual() && v.asText().startsWith("0000:00:00");
    }

    private static String compare(ClipField field, JsonNode expected, ClipMetadata md, JsonNode exif) {
        Object actual = md.get(field);
        if (actual == null) {
            return "exiftool has " + expected + ", rushes has nothing";
        }
        switch (field.type()) {
            case DOUBLE, INT -> {
                double e = expected.asDouble();
                double a = ((Number) actual).doubleValue();
                double tolerance = field == ClipField.DURATION ? 1e-3 : Math.max(1e-6, Math.abs(e) * 5e-4);
                if (field == ClipField.F_NUMBER || field == ClipField.FOCAL_LENGTH) {
                    tolerance = Math.max(tolerance, 0.051); // ExifTool rounds these to one decimal
                }
                return Math.abs(e - a) <= tolerance ? null : "exiftool " + e + ", rushes " + a;
            }
            case DATETIME -> {
                String e = expected.asText().replace(':', '-');
                String want = e.substring(0, Math.min(10, e.length())) + "T" + expected.asText().substring(11, Math.min(19, expected.asText().length()));
                String got = actual.toString();
                return got.startsWith(want) ? null : "exiftool " + expected.asText() + ", rushes " + got;
            }
            case TIMECODE -> {
                String want;
                if (expected.isNumber()) {
                    // ExifTool gives MXF StartTimecode in seconds (frames divided by the edit rate).
                    int rate = exif.path("MXF:RoundedTimecodeTimebase").asInt(25);
                    double editRate = exif.path("MXF:EditRate").asDouble(rate);
                    boolean drop = exif.path("MXF:DropFrame").asBoolean(false);
                    want = Timecode.fromFrames(Math.round(expected.asDouble() * editRate), rate, drop).toString();
                } else {
                    want = expected.asText().replace('.', ':');
                }
                return actual.toString().equals(want) ? null : "exiftool " + want + ", rushes " + actual;
            }
            default -> {
                String e = expected.asText().strip();
                String a = actual.toString().strip();
                return e.equalsIgnoreCase(a) ? null : "exiftool '" + e + "', rushes '" + a + "'";
            }
        }
    }
}
