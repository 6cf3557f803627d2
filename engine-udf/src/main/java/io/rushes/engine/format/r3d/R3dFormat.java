package io.rushes.engine.format.r3d;

import static io.rushes.engine.metadata.ClipField.*;

import io.rushes.engine.format.CameraFormat;
import io.rushes.engine.format.Probe;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.ByteSource;
import io.rushes.engine.metadata.ClipMetadata;
import io.rushes.engine.metadata.DateTimes;
import io.rushes.engine.metadata.Timecode;
import java.util.Locale;
import java.util.Map;

/**
 * RED R3D clips (REDCODE raw). Every segment ({@code _001.R3D}, {@code _002.R3D}, …) carries the clip
 * header; discovery groups segments into one spanned clip and the first one is read.
 */
public final class R3dFormat implements CameraFormat {
    static final int START_TIMECODE_TAG = 0x1001;
    static final int SERIAL = 0x1006;
    static final int CAMERA_LETTER = 0x1019;
    static final int REEL_NUMBER = 0x101a;
    static final int CLIP_NUMBER = 0x101b;
    static final int DATE_CREATED = 0x1023;
    static final int TIME_CREATED = 0x1024;
    static final int FIRMWARE_VERSION = 0x1025;
    static final int LENS_MAKE_TAG = 0x106e;
    static final int LENS_MODEL_TAG = 0x1070;
    static final int MODEL = 0x1071;
    static final int VIDEO_FORMAT = 0x1086;
    static final int SENSOR = 0x10a1;
    static final int COLOR_TEMPERATURE = 0x200d;
    static final int ORIGINAL_FRAME_RATE = 0x2066;
    static final int ISO_TAG = 0x403b;
    static final int F_NUMBER_TENTHS = 0x406a;
    static final int FOCAL_LENGTH_TAG = 0x406b;
    static final int FOCUS_DISTANCE_MM = 0x606c;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x1000, "StartEdgeCode"), Map.entry(START_TIMECODE_TAG, "StartTimecode"), Map.entry(SERIAL, "SerialNumber"),
            Map.entry(CAMERA_LETTER, "CameraType"), Map.entry(REEL_NUMBER, "ReelNumber"), Map.entry(CLIP_NUMBER, "Take"),
            Map.entry(DATE_CREATED, "DateCreated"), Map.entry(TIME_CREATED, "TimeCreated"), Map.entry(FIRMWARE_VERSION, "FirmwareVersion"),
            Map.entry(0x1029, "ReelTimecode"), Map.entry(0x102a, "StorageType"), Map.entry(0x1032, "StorageSerialNumber"),
            Map.entry(0x1056, "OriginalFileName"), Map.entry(LENS_MAKE_TAG, "LensMake"), Map.entry(0x106f, "LensNumber"),
            Map.entry(LENS_MODEL_TAG, "LensModel"), Map.entry(MODEL, "Model"), Map.entry(0x107c, "CameraOperator"),
            Map.entry(VIDEO_FORMAT, "VideoFormat"), Map.entry(0x1096, "Filter"), Map.entry(0x10a0, "Brain"), Map.entry(SENSOR, "Sensor"),
            Map.entry(COLOR_TEMPERATURE, "ColorTemperature"), Map.entry(ORIGINAL_FRAME_RATE, "OriginalFrameRate"),
            Map.entry(ISO_TAG, "ISO"), Map.entry(F_NUMBER_TENTHS, "FNumber×10"), Map.entry(FOCAL_LENGTH_TAG, "FocalLength"),
            Map.entry(FOCUS_DISTANCE_MM, "FocusDistance(mm)"));

    @Override
    public String id() {
        return "r3d";
    }

    @Override
    public String decodedBy() {
        return "R3D frames can only be decoded with the RED R3D SDK: add a FrameDecoder plug-in built on it to the class path "
                + "(docs/decoder-plugins.md), or export the frames from REDCINE-X as OpenEXR or DPX";
    }

    @Override
    public String description() {
        return "a RED R3D clip";
    }

    @Override
    public boolean sniff(Probe probe) {
        return probe.u8(0) == 0 && probe.u8(1) == 0 && (probe.startsWith(4, "RED1") || probe.startsWith(4, "RED2"));
    }

    @Override
    public ClipMetadata read(ByteSource source) {
        return map(R3dHeader.read(BinaryReader.open(source)));
    }

    static ClipMetadata map(R3dHeader h) {
        ClipMetadata md = new ClipMetadata();
        md.set(CAMERA_MAKE, "RED");
        md.set(CAMERA_MODEL, h.string(MODEL));
        md.set(CAMERA_SERIAL, h.string(SERIAL));
        md.set(FIRMWARE, h.string(FIRMWARE_VERSION));
        md.set(CODEC, "REDCODE");
        md.set(COMPRESSION, "REDCODE RAW (wavelet)");
        if (h.width > 0 && h.height > 0 && h.width < 1 << 16 && h.height < 1 << 16) {
            md.set(WIDTH, (int) h.width);
            md.set(HEIGHT, (int) h.height);
        }
        if (h.frameRate > 0 && h.frameRate < 1000) {
            md.set(PROJECT_FPS, h.frameRate);
        }
        Double sensorFps = h.number(ORIGINAL_FRAME_RATE);
        if (sensorFps != null && sensorFps > 0 && sensorFps < 2000) {
            md.set(SENSOR_FPS, sensorFps);
        }
        String tc = h.string(START_TIMECODE_TAG);
        if (tc != null && h.frameRate > 0) {
            try {
                Timecode t = Timecode.parse(tc, Timecode.countingRate(h.frameRate));
                md.set(START_TIMECODE, t.toString());
                md.set(TIMECODE_RATE, (double) t.rate());
                md.set(DROP_FRAME, t.dropFrame());
            } catch (RuntimeException notTimecode) {
                md.raw("Red:StartTimecodeUnparsed", tc);
            }
        }
        String letter = h.string(CAMERA_LETTER);
        md.set(CAMERA_LABEL, letter);
        String reel = h.string(REEL_NUMBER);
        if (reel != null) {
            // RED names camera rolls as camera letter + three-digit reel, as in its clip names (A106_C037_…).
            md.set(REEL, (letter == null ? "" : letter) + (reel.matches("\\d{1,3}") ? String.format(Locale.ROOT, "%03d", Integer.parseInt(reel)) : reel));
        }
        String date = h.string(DATE_CREATED);
        String time = h.string(TIME_CREATED);
        if (date != null && time != null && date.matches("\\d{8}") && time.matches("\\d{6}")) {
            DateTimes.record(md, DateTimes.iso(date.substring(0, 4) + ":" + date.substring(4, 6) + ":" + date.substring(6) + " "
                    + time.substring(0, 2) + ":" + time.substring(2, 4) + ":" + time.substring(4)));
        }
        md.set(LENS_MAKE, h.string(LENS_MAKE_TAG));
        md.set(LENS_MODEL, h.string(LENS_MODEL_TAG));
        md.set(SENSOR_MODE, h.string(VIDEO_FORMAT));
        positiveInt(md, ISO, h.number(ISO_TAG));
        positiveInt(md, WHITE_BALANCE_KELVIN, h.number(COLOR_TEMPERATURE));
        Double f = h.number(F_NUMBER_TENTHS);
        if (f != null && f > 0) {
            md.set(F_NUMBER, f / 10);
        }
        Double focal = h.number(FOCAL_LENGTH_TAG);
        if (focal != null && focal > 0) {
            md.set(FOCAL_LENGTH, focal);
        }
        Double focus = h.number(FOCUS_DISTANCE_MM);
        if (focus != null && focus > 0) {
            md.set(FOCUS_DISTANCE, focus / 1000);
        }
        for (Map.Entry<Integer, Object> e : h.tags.entrySet()) {
            md.raw("Red:" + NAMES.getOrDefault(e.getKey(), String.format(Locale.ROOT, "0x%04x", e.getKey())), e.getValue());
        }
        return md;
    }

    private static void positiveInt(ClipMetadata md, io.rushes.engine.metadata.ClipField field, Double v) {
        if (v != null && v > 0) {
            md.set(field, (int) Math.round(v));
        }
    }
}
