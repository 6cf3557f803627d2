package io.rushes.engine.metadata;

import static io.rushes.engine.metadata.FieldType.BOOLEAN;
import static io.rushes.engine.metadata.FieldType.DATETIME;
import static io.rushes.engine.metadata.FieldType.DOUBLE;
import static io.rushes.engine.metadata.FieldType.INT;
import static io.rushes.engine.metadata.FieldType.LONG_LIST;
import static io.rushes.engine.metadata.FieldType.LONG;
import static io.rushes.engine.metadata.FieldType.STRING;
import static io.rushes.engine.metadata.FieldType.TIMECODE;

/**
 * The normalised clip schema: every workflow-critical field, its type and unit. The order here is the
 * column order everywhere (JSON, tables, docs). {@code docs/schema.md} is generated from this enum and
 * its per-format sources; a test keeps the two in step.
 */
public enum ClipField {
    CLIP_NAME("clip_name", STRING, null, "Clip name: the sequence base name or the movie file name without extension"),
    FORMAT("format", STRING, null, "Detected container/format id (dng, quicktime, mxf, …), by content"),
    STATUS("status", STRING, null, "ok, partial (some frames failed), error or unsupported"),
    REEL("reel", STRING, null, "Reel / camera roll / magazine name"),
    CAMERA_LABEL("camera_label", STRING, null, "Camera label in a multi-camera shoot (A, B, …)"),
    CAMERA_MAKE("camera_make", STRING, null, "Camera manufacturer"),
    CAMERA_MODEL("camera_model", STRING, null, "Camera model"),
    CAMERA_SERIAL("camera_serial", STRING, null, "Camera body serial number"),
    CAMERA_INTERNAL_SERIAL("camera_internal_serial", STRING, null,
            "Camera's internal serial number (maker notes): unique per body, but not the number printed on it"),
    FIRMWARE("firmware", STRING, null, "Camera firmware / software version"),
    START_TIMECODE("start_timecode", TIMECODE, null, "Timecode of the first frame"),
    END_TIMECODE("end_timecode", TIMECODE, null, "Timecode of the last frame (inclusive)"),
    TIMECODE_RATE("timecode_rate", DOUBLE, "frames/s", "Timecode counting rate (24, 25, 30 for 29.97 DF…)"),
    DROP_FRAME("drop_frame", BOOLEAN, null, "Drop-frame timecode"),
    PROJECT_FPS("project_fps", DOUBLE, "frames/s", "Playback (project, base) frame rate"),
    SENSOR_FPS("sensor_fps", DOUBLE, "frames/s", "Capture (sensor) frame rate, differs for over/undercranking"),
    FRAME_COUNT("frame_count", LONG, "frames", "Number of frames present (sequence) or in the movie"),
    FIRST_FRAME("first_frame", LONG, "frame number", "First frame number of a sequence"),
    LAST_FRAME("last_frame", LONG, "frame number", "Last frame number of a sequence"),
    MISSING_FRAMES("missing_frames", LONG_LIST, "frame numbers", "Frame numbers missing inside the sequence range"),
    DURATION("duration_s", DOUBLE, "s", "Clip duration"),
    SHUTTER_ANGLE("shutter_angle_deg", DOUBLE, "degrees", "Shutter angle"),
    EXPOSURE_TIME("exposure_time_s", DOUBLE, "s", "Exposure (shutter) time"),
    ISO("iso", INT, "ISO", "ISO / exposure index rating used"),
    WHITE_BALANCE_KELVIN("white_balance_k", INT, "K", "White balance colour temperature"),
    WHITE_BALANCE_TINT("white_balance_tint", DOUBLE, "CC", "White balance tint (green-magenta)"),
    ND_FILTER("nd_stops", DOUBLE, "stops", "Neutral density filter"),
    LENS_MAKE("lens_make", STRING, null, "Lens manufacturer"),
    LENS_MODEL("lens_model", STRING, null, "Lens model"),
    LENS_SERIAL("lens_serial", STRING, null, "Lens serial number"),
    FOCAL_LENGTH("focal_length_mm", DOUBLE, "mm", "Focal length"),
    FOCUS_DISTANCE("focus_distance_m", DOUBLE, "m", "Focus distance"),
    T_STOP("t_stop", DOUBLE, "T", "T-stop (transmission)"),
    F_NUMBER("f_number", DOUBLE, "f", "Aperture f-number"),
    ANAMORPHIC_SQUEEZE("anamorphic_squeeze", DOUBLE, "ratio", "Anamorphic squeeze (pixel aspect) factor"),
    CODEC("codec", STRING, null, "Codec / essence coding (four-cc or name)"),
    COMPRESSION("compression", STRING, null, "Compression scheme of the stored pixels"),
    BIT_DEPTH("bit_depth", INT, "bits", "Bits per stored sample"),
    CFA_PATTERN("cfa_pattern", STRING, null, "Colour filter array pattern of a raw sensor (RGGB, …)"),
    WIDTH("width", INT, "px", "Recorded image width"),
    HEIGHT("height", INT, "px", "Recorded image height (of the frame, both fields of interlaced video)"),
    ACTIVE_WIDTH("active_width", INT, "px", "Active (image) area width inside the recorded frame"),
    ACTIVE_HEIGHT("active_height", INT, "px", "Active (image) area height"),
    SCAN_TYPE("scan_type", STRING, null, "progressive, psf (segmented frame), interlaced tff / interlaced bff (top or bottom field first; "
            + "interlaced when the order is not recorded) or single field"),
    SENSOR_WIDTH_MM("sensor_width_mm", DOUBLE, "mm", "Active sensor width"),
    SENSOR_HEIGHT_MM("sensor_height_mm", DOUBLE, "mm", "Active sensor height"),
    SENSOR_MODE("sensor_mode", STRING, null, "Sensor / recording mode (e.g. 5K 2:1, Open Gate)"),
    COLOUR_PRIMARIES("colour_primaries", STRING, null, "Colour primaries / gamut of the recorded image"),
    TRANSFER("transfer", STRING, null, "Transfer function / log curve"),
    ACES_INPUT_TRANSFORM("aces_input_transform_id", STRING, null, "ACES input transform id for this footage"),
    SCENE("scene", STRING, null, "Scene"),
    TAKE("take", STRING, null, "Take"),
    CIRCLED("circled", BOOLEAN, null, "Take circled (selected) on set"),
    RECORD_DATETIME("record_datetime", DATETIME, null, "Recording date and time as the camera wrote it (local)"),
    RECORD_DATETIME_UTC("record_datetime_utc", DATETIME, "UTC", "Recording date and time in UTC, when the offset is known"),
    AUDIO_CHANNELS("audio_channels", INT, "channels", "Audio channels recorded in the clip"),
    AUDIO_SAMPLE_RATE("audio_sample_rate", INT, "Hz", "Audio sample rate"),
    FILE_COUNT("file_count", INT, "files", "Number of files in the clip"),
    TOTAL_BYTES("total_bytes", LONG, "bytes", "Total size of the clip's files");

    /** Version of this schema; bumped whenever a field is added, renamed or retyped. */
    public static final int SCHEMA_VERSION = 2;

    private final String column;
    private final FieldType type;
    private final String unit;
    private final String description;

    ClipField(String column, FieldType type, String unit, String description) {
        this.column = column;
        this.type = type;
        this.unit = unit;
        this.description = description;
    }

    public String column() {
        return column;
    }

    public FieldType type() {
        return type;
    }

    /** Unit of the value, or null for text and flags. */
    public String unit() {
        return unit;
    }

    public String description() {
        return description;
    }
}
