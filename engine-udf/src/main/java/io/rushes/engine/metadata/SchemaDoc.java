package io.rushes.engine.metadata;

import static io.rushes.engine.metadata.ClipField.*;

import java.util.EnumMap;
import java.util.Map;

/** Writes {@code docs/schema.md} from {@link ClipField}: name, type, unit, meaning, and where each format gets it. */
public final class SchemaDoc {
    private static final Map<ClipField, String> SOURCES = new EnumMap<>(ClipField.class);

    static {
        SOURCES.put(REEL, "DNG: ReelName (51081); QuickTime: tmcd 'name', key com.apple.quicktime.reel");
        SOURCES.put(CAMERA_LABEL, "DNG: CameraLabel (51105); QuickTime: key com.apple.quicktime.camera.identifier");
        SOURCES.put(CAMERA_MAKE, "TIFF/DNG: Make (271); QuickTime: key …make, ©mak; Pentax MOV: TAGS");
        SOURCES.put(CAMERA_MODEL, "TIFF/DNG: Model (272), UniqueCameraModel; QuickTime: key …model, ©mod");
        SOURCES.put(CAMERA_SERIAL, "EXIF BodySerialNumber (42033), DNG CameraSerialNumber (50735), maker notes (serial number)");
        SOURCES.put(FIRMWARE, "TIFF: Software (305); QuickTime: key …software, ©swr");
        SOURCES.put(START_TIMECODE, "DNG: TimeCodes (51043, SMPTE 331 BCD); QuickTime: first tmcd sample");
        SOURCES.put(END_TIMECODE, "sequence: last frame's TimeCodes; movie: start + frame count − 1");
        SOURCES.put(PROJECT_FPS, "DNG: FrameRate (51044); QuickTime: video mdhd timescale / stts delta");
        SOURCES.put(FRAME_COUNT, "sequence: frames present; QuickTime: video stsz sample count");
        SOURCES.put(MISSING_FRAMES, "sequence: frame numbers absent between first and last (file names)");
        SOURCES.put(DURATION, "QuickTime: mvhd duration / timescale; sequence: frames / fps");
        SOURCES.put(SHUTTER_ANGLE, "derived: 360 × exposure time × fps (motion clips)");
        SOURCES.put(EXPOSURE_TIME, "EXIF ExposureTime (33434); Pentax MOV: TAGS");
        SOURCES.put(ISO, "EXIF ISOSpeedRatings (34855), RecommendedExposureIndex, ExposureIndex; RW2: tag 0x17");
        SOURCES.put(LENS_MODEL, "EXIF LensModel (42036), maker notes, DNG LensInfo");
        SOURCES.put(FOCAL_LENGTH, "EXIF FocalLength (37386)");
        SOURCES.put(T_STOP, "DNG: TStop (51058)");
        SOURCES.put(F_NUMBER, "EXIF FNumber (33437)");
        SOURCES.put(ANAMORPHIC_SQUEEZE, "QuickTime: pasp hSpacing / vSpacing");
        SOURCES.put(CODEC, "DNG: CinemaDNG or DNG; QuickTime: sample description four-cc");
        SOURCES.put(COMPRESSION, "TIFF Compression (259) of the raw image; QuickTime: compressor name");
        SOURCES.put(BIT_DEPTH, "TIFF BitsPerSample (258) of the raw image");
        SOURCES.put(CFA_PATTERN, "DNG CFAPattern (33422) with CFAPlaneColor (50710)");
        SOURCES.put(WIDTH, "raw image directory ImageWidth; EXIF PixelXDimension; RW2 sensor borders; QuickTime stsd width");
        SOURCES.put(ACTIVE_WIDTH, "DNG ActiveArea (50829)");
        SOURCES.put(COLOUR_PRIMARIES, "raw: camera native; QuickTime: colr nclc/nclx (H.273)");
        SOURCES.put(TRANSFER, "raw: linear; QuickTime: colr nclc/nclx (H.273)");
        SOURCES.put(RECORD_DATETIME, "EXIF DateTimeOriginal (+ OffsetTimeOriginal); QuickTime: key …creationdate, mvhd creation (UTC)");
        SOURCES.put(AUDIO_CHANNELS, "QuickTime: sound sample descriptions, summed over tracks");
        SOURCES.put(AUDIO_SAMPLE_RATE, "QuickTime: sound sample description");
    }

    private SchemaDoc() {
    }

    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Normalised clip schema, version ").append(ClipField.SCHEMA_VERSION).append("\n\n");
        sb.append("Generated from `ClipField` by `SchemaDoc` (a test fails when this file and the code differ;\n");
        sb.append("regenerate with `java -cp engine-udf/target/classes io.rushes.engine.metadata.SchemaDoc > docs/schema.md`).\n");
        sb.append("Every clip also keeps a `raw` map with every key/value its files carried (`IFD0:Make`, `ExifIFD:FNumber`,\n");
        sb.append("`Keys:com.apple.quicktime.make`, `MakerNotes:…`), so nothing a camera wrote is lost.\n\n");
        sb.append("| field | type | unit | meaning | where formats record it |\n|---|---|---|---|---|\n");
        for (ClipField f : ClipField.values()) {
            sb.append("| `").append(f.column()).append("` | ").append(f.type().name().toLowerCase(java.util.Locale.ROOT))
                    .append(" | ").append(f.unit() == null ? "" : f.unit()).append(" | ").append(f.description())
                    .append(" | ").append(SOURCES.getOrDefault(f, "")).append(" |\n");
        }
        return sb.toString();
    }

    public static void main(String[] args) {
        System.out.print(markdown());
    }
}
