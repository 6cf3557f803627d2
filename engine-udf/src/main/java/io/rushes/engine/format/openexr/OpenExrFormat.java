package io.rushes.engine.format.openexr;

import static io.rushes.engine.metadata.ClipField.*;

import io.rushes.engine.format.CameraFormat;
import io.rushes.engine.format.Probe;
import io.rushes.engine.format.openexr.OpenExrHeader.Attribute;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.ByteSource;
import io.rushes.engine.metadata.ClipField;
import io.rushes.engine.metadata.ClipMetadata;
import io.rushes.engine.metadata.DateTimes;
import io.rushes.engine.metadata.SmpteTimecodeBytes;
import io.rushes.engine.metadata.Timecode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * OpenEXR frames (plates, CG renders, ACES container files). Maps the standard attributes of OpenEXR's
 * ImfStandardAttributes (capture date, timecode, frame rate, camera and lens fields) into the schema.
 */
public final class OpenExrFormat implements CameraFormat {
    /** Timecode counting rate when a frame carries a timeCode but no framesPerSecond. */
    static final int ASSUMED_TIMECODE_RATE = 24;
    private static final String[] COMPRESSIONS = {"none", "RLE", "ZIPS", "ZIP", "PIZ", "PXR24", "B44", "B44A", "DWAA", "DWAB", "HTJ2K256", "HTJ2K32"};

    @Override
    public String id() {
        return "openexr";
    }

    @Override
    public String description() {
        return "an OpenEXR image";
    }

    @Override
    public boolean sniff(Probe probe) {
        return probe.startsWith(0, new byte[] {0x76, 0x2f, 0x31, 0x01});
    }

    @Override
    public ClipMetadata read(ByteSource source) {
        return map(OpenExrHeader.read(BinaryReader.open(source)));
    }

    static ClipMetadata map(OpenExrHeader h) {
        Map<String, Attribute> a = h.attributes;
        ClipMetadata md = new ClipMetadata();
        int[] display = box(a.get("displayWindow"));
        int[] data = box(a.get("dataWindow"));
        int[] frame = display != null ? display : data;
        if (frame != null) {
            md.set(WIDTH, frame[2] - frame[0] + 1);
            md.set(HEIGHT, frame[3] - frame[1] + 1);
        }
        Attribute compression = a.get("compression");
        if (compression != null && compression.value().length == 1) {
            int c = compression.value()[0] & 0xFF;
            md.set(COMPRESSION, c < COMPRESSIONS.length ? COMPRESSIONS[c] : "unknown (" + c + ")");
        }
        md.set(CODEC, "OpenEXR" + (h.tiled ? " tiled" : "") + (h.multiPart ? " multi-part" : ""));
        md.set(BIT_DEPTH, firstChannelBits(a.get("channels")));
        md.set(COLOUR_PRIMARIES, primaries(floats(a.get("chromaticities"))));
        Double pixelAspect = f32(a.get("pixelAspectRatio"));
        if (pixelAspect != null && pixelAspect > 0 && Math.abs(pixelAspect - 1) > 1e-6) {
            md.set(ANAMORPHIC_SQUEEZE, pixelAspect);
        }
        Double fps = rational(a.get("framesPerSecond"));
        md.set(PROJECT_FPS, fps);
        md.set(SENSOR_FPS, rational(a.get("captureRate")));
        Attribute tc = a.get("timeCode");
        if (tc != null && tc.value().length >= 4) {
            int rate = fps != null && fps > 0 ? Timecode.countingRate(fps) : ASSUMED_TIMECODE_RATE;
            Timecode t = SmpteTimecodeBytes.decode(tc.value(), 0, rate);
            if (t != null) {
                md.set(START_TIMECODE, t.toString());
                md.set(TIMECODE_RATE, (double) rate);
                md.set(DROP_FRAME, t.dropFrame());
                if (fps == null) {
                    md.raw("OpenEXR:TimecodeRateAssumed", rate);
                }
            }
        }
        String captured = DateTimes.iso(string(a.get("capDate")));
        Double utcOffset = f32(a.get("utcOffset"));
        if (captured != null && utcOffset != null && Math.abs(utcOffset) <= 14 * 3600) {
            // utcOffset is what to add to local time to get UTC; the ISO offset has the opposite sign.
            int minutes = (int) Math.round(-utcOffset / 60);
            captured = DateTimes.withOffset(captured, String.format(Locale.ROOT, "%s%02d:%02d", minutes < 0 ? "-" : "+", Math.abs(minutes) / 60, Math.abs(minutes) % 60));
        }
        DateTimes.record(md, captured);
        text(md, CAMERA_MAKE, a.get("cameraMake"));
        text(md, CAMERA_MODEL, a.get("cameraModel"));
        text(md, CAMERA_SERIAL, a.get("cameraSerialNumber"));
        text(md, CAMERA_LABEL, a.get("cameraLabel"));
        text(md, FIRMWARE, a.get("cameraFirmwareVersion"));
        text(md, LENS_MAKE, a.get("lensMake"));
        text(md, LENS_MODEL, a.get("lensModel"));
        text(md, LENS_SERIAL, a.get("lensSerialNumber"));
        text(md, REEL, a.get("reelName"));
        positive(md, EXPOSURE_TIME, f32(a.get("expTime")));
        positive(md, F_NUMBER, f32(a.get("aperture")));
        positive(md, T_STOP, f32(a.get("tStop")));
        positive(md, FOCUS_DISTANCE, f32(a.get("focus")));
        positive(md, FOCAL_LENGTH, f32(a.get("nominalFocalLength")));
        if (!md.has(FOCAL_LENGTH)) {
            positive(md, FOCAL_LENGTH, f32(a.get("effectiveFocalLength")));
        }
        positive(md, SHUTTER_ANGLE, f32(a.get("shutterAngle")));
        Double iso = f32(a.get("isoSpeed"));
        if (iso != null && iso > 0) {
            md.set(ISO, (int) Math.round(iso));
        }
        Integer cct = i32(a.get("cameraCCTSetting"));
        if (cct != null && cct > 0) {
            md.set(WHITE_BALANCE_KELVIN, cct);
        }
        md.raw("OpenEXR:Version", h.version);
        md.raw("OpenEXR:Parts", h.parts);
        if (data != null) {
            md.raw("OpenEXR:dataWindow", data[0] + " " + data[1] + " " + data[2] + " " + data[3]);
        }
        for (Map.Entry<String, Attribute> e : a.entrySet()) {
            String type = e.getValue().type();
            if (type.equals("string")) {
                md.raw("OpenEXR:" + e.getKey(), string(e.getValue()));
            } else if (type.equals("float")) {
                md.raw("OpenEXR:" + e.getKey(), f32(e.getValue()));
            } else if (type.equals("int")) {
                md.raw("OpenEXR:" + e.getKey(), i32(e.getValue()));
            } else {
                md.raw("OpenEXR:" + e.getKey(), "(" + type + ", " + e.getValue().value().length + " bytes)");
            }
        }
        return md;
    }

    /** Bits of the first channel's pixel type: UINT and FLOAT are 32, HALF 16. */
    private static Integer firstChannelBits(Attribute channels) {
        if (channels == null) {
            return null;
        }
        byte[] b = channels.value();
        int nul = 0;
        while (nul < b.length && b[nul] != 0) {
            nul++;
        }
        if (nul == 0 || nul + 5 > b.length) {
            return null;
        }
        int type = ByteBuffer.wrap(b, nul + 1, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        return switch (type) {
            case 1 -> Integer.valueOf(16);
            case 0, 2 -> Integer.valueOf(32);
            default -> null;
        };
    }

    /** Names well-known primaries (ACES AP0/AP1, Rec.709, Rec.2020, P3-D65) within 0.001 in xy. */
    static String primaries(float[] c) {
        if (c == null || c.length < 8) {
            return null;
        }
        Map<String, double[]> known = Map.of(
                "ACES AP0", new double[] {0.7347, 0.2653, 0.0, 1.0, 0.0001, -0.0770, 0.32168, 0.33767},
                "ACES AP1", new double[] {0.713, 0.293, 0.165, 0.830, 0.128, 0.044, 0.32168, 0.33767},
                "BT.709", new double[] {0.64, 0.33, 0.30, 0.60, 0.15, 0.06, 0.3127, 0.3290},
                "BT.2020", new double[] {0.708, 0.292, 0.170, 0.797, 0.131, 0.046, 0.3127, 0.3290},
                "P3 D65", new double[] {0.680, 0.320, 0.265, 0.690, 0.150, 0.060, 0.3127, 0.3290});
        for (Map.Entry<String, double[]> e : known.entrySet()) {
            boolean match = true;
            for (int i = 0; i < 8 && match; i++) {
                match = Math.abs(c[i] - e.getValue()[i]) < 1e-3;
            }
            if (match) {
                return e.getKey();
            }
        }
        StringBuilder sb = new StringBuilder("xy");
        for (float v : c) {
            sb.append(' ').append(v);
        }
        return sb.toString();
    }

    private static int[] box(Attribute a) {
        if (a == null || a.value().length != 16) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(a.value()).order(ByteOrder.LITTLE_ENDIAN);
        int[] box = {b.getInt(0), b.getInt(4), b.getInt(8), b.getInt(12)};
        return box[2] >= box[0] && box[3] >= box[1] && (long) box[2] - box[0] < 1 << 20 && (long) box[3] - box[1] < 1 << 20 ? box : null;
    }

    private static float[] floats(Attribute a) {
        if (a == null || a.value().length % 4 != 0) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(a.value()).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[a.value().length / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getFloat(i * 4);
        }
        return out;
    }

    private static Double f32(Attribute a) {
        if (a == null || !a.type().equals("float") || a.value().length != 4) {
            return null;
        }
        return (double) ByteBuffer.wrap(a.value()).order(ByteOrder.LITTLE_ENDIAN).getFloat();
    }

    private static Integer i32(Attribute a) {
        if (a == null || !a.type().equals("int") || a.value().length != 4) {
            return null;
        }
        return ByteBuffer.wrap(a.value()).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private static Double rational(Attribute a) {
        if (a == null || !a.type().equals("rational") || a.value().length != 8) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(a.value()).order(ByteOrder.LITTLE_ENDIAN);
        long num = b.getInt(0);
        long den = b.getInt(4) & 0xFFFFFFFFL;
        return den == 0 || num <= 0 ? null : (double) num / den;
    }

    private static String string(Attribute a) {
        return a == null || !a.type().equals("string") ? null : new String(a.value(), StandardCharsets.UTF_8);
    }

    private static void text(ClipMetadata md, ClipField field, Attribute a) {
        md.set(field, string(a));
    }

    private static void positive(ClipMetadata md, ClipField field, Double v) {
        if (v != null && v > 0 && !v.isInfinite()) {
            md.set(field, v);
        }
    }
}
