package io.rushes.engine.metadata;

import static io.rushes.engine.metadata.ClipField.*;

import java.util.EnumMap;
import java.util.Map;

/** Writes {@code docs/schema.md} from {@link ClipField}: name, type, unit, meaning, and where each format gets it. */
public final class SchemaDoc {
    private static final Map<ClipField, String> SOURCES = new EnumMap<>(ClipField.class);

    static {
        SOURCES.put(REEL, "DNG: ReelName (51081); QuickTime: tmcd 'name', key com.apple.quicktime.reel; R3D: camera letter + ReelNumber; OpenEXR: reelName");
        SOURCES.put(CAMERA_LABEL, "DNG: CameraLabel (51105); QuickTime: key com.apple.quicktime.camera.identifier; R3D: CameraType letter; OpenEXR: cameraLabel");
        SOURCES.put(CAMERA_MAKE, "TIFF/DNG/CR3/RAF/MRW: Make (271); QuickTime: key …make, ©mak; Pentax MOV: TAGS; AVCHD: MDPM 0xe0 maker code; CRW: 0x080a; X3F: CAMMANUF; OpenEXR: cameraMake; R3D, ARRIRAW: implied");
        SOURCES.put(CAMERA_MODEL, "TIFF/DNG: Model (272), UniqueCameraModel; QuickTime: key …model, ©mod; R3D: 0x1071; CRW: 0x080a; X3F: CAMMODEL; ARRIRAW: header byte 668; OpenEXR: cameraModel; DPX: input device (scanner)");
        SOURCES.put(CAMERA_SERIAL, "EXIF BodySerialNumber (42033), DNG CameraSerialNumber (50735), maker notes; IIQ: Phase One 0x102; R3D: 0x1006; CRW: 0x180b (EOS); X3F: CAMSERIAL; OpenEXR: cameraSerialNumber; DPX: input device serial");
        SOURCES.put(CAMERA_INTERNAL_SERIAL, "Canon maker note 0x96 (CR3: CMT3; CR2 and other TIFF raws), except the EOS 5D line; Panasonic maker note 0x25 (RW2)");
        SOURCES.put(FIRMWARE, "TIFF: Software (305); QuickTime: key …software, ©swr");
        SOURCES.put(START_TIMECODE, "DNG: TimeCodes (51043, SMPTE 331 BCD); QuickTime: first tmcd sample, else XMP xmpDM:startTimeCode / altTimecode (udta XMP_, XMP uuid box); MXF: file package TimecodeComponent (else material package); R3D: 0x1001; AVCHD: MDPM 0x13; OpenEXR: timeCode; DPX: TV header time code");
        SOURCES.put(END_TIMECODE, "sequence: last frame's TimeCodes; movie: start + frame count − 1");
        SOURCES.put(PROJECT_FPS, "DNG: FrameRate (51044); QuickTime: video mdhd timescale / stts delta; MXF: picture track EditRate; R3D: header rate; H.264: SPS VUI timing; OpenEXR: framesPerSecond; DPX: film or TV frame rate");
        SOURCES.put(FRAME_COUNT, "sequence: frames present; QuickTime: video stsz sample count; MXF: picture sequence duration");
        SOURCES.put(MISSING_FRAMES, "sequence: frame numbers absent between first and last (file names)");
        SOURCES.put(DURATION, "QuickTime: mvhd duration / timescale; MXF: material track duration / edit rate, else the file package's, else ContainerDuration / SampleRate; MPEG-TS: last − first PCR (across the 33-bit wrap); sequence: frames / fps");
        SOURCES.put(SHUTTER_ANGLE, "derived: 360 × exposure time × fps (motion clips)");
        SOURCES.put(EXPOSURE_TIME, "EXIF ExposureTime (33434); Pentax MOV: TAGS; AVCHD: MDPM 0x7f; CRW: ShotInfo; X3F: SHUTTER; OpenEXR: expTime");
        SOURCES.put(ISO, "EXIF ISOSpeedRatings (34855), RecommendedExposureIndex, ExposureIndex; RW2: tag 0x17; R3D: 0x403b; CRW: ShotInfo; X3F: ISO; Kyocera: ISO index; OpenEXR: isoSpeed");
        SOURCES.put(LENS_MODEL, "EXIF LensModel (42036), maker-note lens model or name, maker-note lens specification (Nikon Lens), DNG LensInfo or EXIF LensSpecification (42034) as focal and f-number ranges; IIQ: Phase One 0x412; R3D: 0x1070; OpenEXR: lensModel");
        SOURCES.put(FOCAL_LENGTH, "EXIF FocalLength (37386); R3D: 0x406b; CRW: 0x5029 / FocalUnits; X3F: FLENGTH; OpenEXR: nominalFocalLength");
        SOURCES.put(T_STOP, "DNG: TStop (51058); OpenEXR: tStop");
        SOURCES.put(SENSOR_FPS, "R3D: OriginalFrameRate (0x2066); OpenEXR: captureRate");
        SOURCES.put(SENSOR_MODE, "R3D: VideoFormat (0x1086)");
        SOURCES.put(FOCUS_DISTANCE, "R3D: 0x606c (mm); OpenEXR: focus (m)");
        SOURCES.put(WHITE_BALANCE_KELVIN, "R3D: ColorTemperature (0x200d); OpenEXR: cameraCCTSetting");
        SOURCES.put(F_NUMBER, "EXIF FNumber (33437); AVCHD: MDPM 0xa1, else the 0x70 aperture setting; R3D: 0x406a / 10; CRW: ShotInfo; X3F: APERTURE; OpenEXR: aperture");
        SOURCES.put(ANAMORPHIC_SQUEEZE, "QuickTime: pasp hSpacing / vSpacing");
        SOURCES.put(CODEC, "DNG: CinemaDNG or DNG; QuickTime: sample description four-cc; MXF: picture essence coding label; MPEG-TS: PMT stream type");
        SOURCES.put(COMPRESSION, "TIFF Compression (259) of the raw image; QuickTime: compressor name");
        SOURCES.put(BIT_DEPTH, "TIFF BitsPerSample (258) of the raw image; MXF: ComponentDepth; OpenEXR: first channel type; DPX: element bit size");
        SOURCES.put(CFA_PATTERN, "DNG CFAPattern (33422) with CFAPlaneColor (50710)");
        SOURCES.put(WIDTH, "raw image directory ImageWidth; EXIF PixelXDimension; RW2 sensor borders; QuickTime stsd width; MXF StoredWidth (StoredHeight × 2 when FrameLayout stores fields); RAF cropped size; OpenEXR display window; DPX pixels per line");
        SOURCES.put(SCAN_TYPE, "MXF: picture descriptor FrameLayout, VideoLineMap and FieldDominance; QuickTime: 'fiel' atom; H.264 (MPEG-TS/AVCHD): SPS frame_mbs_only_flag (progressive or interlaced)");
        SOURCES.put(ACTIVE_WIDTH, "DNG ActiveArea (50829); MXF DisplayWidth");
        SOURCES.put(COLOUR_PRIMARIES, "raw: camera native; QuickTime: colr nclc/nclx (H.273); MXF: ColorPrimaries label; OpenEXR: chromaticities; DPX: colorimetric code");
        SOURCES.put(TRANSFER, "raw: linear; QuickTime: colr nclc/nclx (H.273), an ALEXA's com.arri.camera.ColorGammaSxS over it; MXF: "
                + "TransferCharacteristic label; DPX: transfer code");
        SOURCES.put(ACES_INPUT_TRANSFORM, "from transfer, colour_primaries, iso (LogC3's EI) and camera_model (VENICE): "
                + "the IDT render chooses (color/InputTransforms); null for video and raw");
        SOURCES.put(RECORD_DATETIME, "EXIF DateTimeOriginal (+ OffsetTimeOriginal); QuickTime: key …creationdate, mvhd creation (UTC); MXF: material, else file package creation, else identification ModificationDate (UTC); R3D: DateCreated+TimeCreated; AVCHD: MDPM 0x18/0x19 with zone; OpenEXR: capDate + utcOffset; DPX: creation time");
        SOURCES.put(AUDIO_CHANNELS, "QuickTime: sound sample descriptions, summed over tracks; MXF: sound descriptors ChannelCount, summed");
        SOURCES.put(AUDIO_SAMPLE_RATE, "QuickTime: sound sample description; MXF: AudioSamplingRate");
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
