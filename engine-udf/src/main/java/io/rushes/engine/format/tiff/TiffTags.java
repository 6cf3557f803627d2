package io.rushes.engine.format.tiff;

import java.util.HashMap;
import java.util.Map;

/** TIFF, EXIF, GPS, DNG and CinemaDNG tag numbers used by Rushes, and names for the raw metadata map. */
public final class TiffTags {
    private TiffTags() {
    }

    public static final int NEW_SUBFILE_TYPE = 254, IMAGE_WIDTH = 256, IMAGE_LENGTH = 257, BITS_PER_SAMPLE = 258,
            COMPRESSION = 259, PHOTOMETRIC = 262, IMAGE_DESCRIPTION = 270, MAKE = 271, MODEL = 272,
            STRIP_OFFSETS = 273, ORIENTATION = 274, SAMPLES_PER_PIXEL = 277, ROWS_PER_STRIP = 278,
            STRIP_BYTE_COUNTS = 279, PLANAR_CONFIGURATION = 284, SOFTWARE = 305, DATE_TIME = 306,
            ARTIST = 315, TILE_WIDTH = 322, TILE_LENGTH = 323, TILE_OFFSETS = 324, TILE_BYTE_COUNTS = 325,
            SUB_IFDS = 330, JPEG_INTERCHANGE_FORMAT = 513, CFA_REPEAT_PATTERN_DIM = 33421, CFA_PATTERN = 33422,
            COPYRIGHT = 33432, EXPOSURE_TIME = 33434, F_NUMBER = 33437, EXIF_IFD = 34665, GPS_IFD = 34853,
            ISO_SPEED = 34855, SENSITIVITY_TYPE = 34864, RECOMMENDED_EXPOSURE_INDEX = 34866,
            DATE_TIME_ORIGINAL = 36867, DATE_TIME_DIGITIZED = 36868, OFFSET_TIME = 36880, OFFSET_TIME_ORIGINAL = 36881,
            SHUTTER_SPEED_VALUE = 37377, APERTURE_VALUE = 37378, FOCAL_LENGTH = 37386, MAKER_NOTE = 37500,
            SUBSEC_TIME_ORIGINAL = 37521, EXIF_IMAGE_WIDTH = 40962, EXIF_IMAGE_HEIGHT = 40963,
            FOCAL_PLANE_X_RESOLUTION = 41486, FOCAL_PLANE_Y_RESOLUTION = 41487, FOCAL_PLANE_RESOLUTION_UNIT = 41488,
            EXPOSURE_INDEX = 41493, CFA_PATTERN_EXIF = 41730, WHITE_BALANCE = 41987, FOCAL_LENGTH_35MM = 41989,
            CAMERA_OWNER_NAME = 42032, BODY_SERIAL_NUMBER = 42033, LENS_SPECIFICATION = 42034, LENS_MAKE = 42035,
            LENS_MODEL = 42036, LENS_SERIAL_NUMBER = 42037, XMP = 700,
            DNG_VERSION = 50706, UNIQUE_CAMERA_MODEL = 50708, LOCALIZED_CAMERA_MODEL = 50709, CFA_PLANE_COLOR = 50710,
            CFA_LAYOUT = 50711, LINEARIZATION_TABLE = 50712, BLACK_LEVEL_REPEAT_DIM = 50713, BLACK_LEVEL = 50714, WHITE_LEVEL = 50717,
            DEFAULT_SCALE = 50718, DEFAULT_CROP_ORIGIN = 50719, DEFAULT_CROP_SIZE = 50720, COLOR_MATRIX_1 = 50721,
            COLOR_MATRIX_2 = 50722, CAMERA_CALIBRATION_1 = 50723, CAMERA_CALIBRATION_2 = 50724, ANALOG_BALANCE = 50727,
            AS_SHOT_NEUTRAL = 50728, AS_SHOT_WHITE_XY = 50729, BASELINE_EXPOSURE = 50730,
            CAMERA_SERIAL_NUMBER = 50735, LENS_INFO = 50736, CALIBRATION_ILLUMINANT_1 = 50778,
            CALIBRATION_ILLUMINANT_2 = 50779, ACTIVE_AREA = 50829, FORWARD_MATRIX_1 = 50964, FORWARD_MATRIX_2 = 50965,
            TIME_CODES = 51043, FRAME_RATE = 51044, T_STOP = 51058, REEL_NAME = 51081, ORIGINAL_DEFAULT_FINAL_SIZE = 51089,
            CAMERA_LABEL = 51105;

    private static final Map<Integer, String> NAMES = new HashMap<>();

    static {
        Object[] table = {
            NEW_SUBFILE_TYPE, "NewSubfileType", IMAGE_WIDTH, "ImageWidth", IMAGE_LENGTH, "ImageLength",
            BITS_PER_SAMPLE, "BitsPerSample", COMPRESSION, "Compression", PHOTOMETRIC, "PhotometricInterpretation",
            IMAGE_DESCRIPTION, "ImageDescription", MAKE, "Make", MODEL, "Model", STRIP_OFFSETS, "StripOffsets",
            ORIENTATION, "Orientation", SAMPLES_PER_PIXEL, "SamplesPerPixel", ROWS_PER_STRIP, "RowsPerStrip",
            STRIP_BYTE_COUNTS, "StripByteCounts", 282, "XResolution", 283, "YResolution",
            PLANAR_CONFIGURATION, "PlanarConfiguration", 296, "ResolutionUnit", SOFTWARE, "Software",
            DATE_TIME, "DateTime", ARTIST, "Artist", TILE_WIDTH, "TileWidth", TILE_LENGTH, "TileLength",
            TILE_OFFSETS, "TileOffsets", TILE_BYTE_COUNTS, "TileByteCounts", SUB_IFDS, "SubIFDs",
            JPEG_INTERCHANGE_FORMAT, "JPEGInterchangeFormat", 514, "JPEGInterchangeFormatLength",
            XMP, "XMP", 339, "SampleFormat", CFA_REPEAT_PATTERN_DIM, "CFARepeatPatternDim", CFA_PATTERN, "CFAPattern",
            COPYRIGHT, "Copyright", EXPOSURE_TIME, "ExposureTime", F_NUMBER, "FNumber", EXIF_IFD, "ExifIFD",
            34850, "ExposureProgram", GPS_IFD, "GPSInfo", ISO_SPEED, "ISOSpeedRatings",
            SENSITIVITY_TYPE, "SensitivityType", RECOMMENDED_EXPOSURE_INDEX, "RecommendedExposureIndex",
            36864, "ExifVersion", DATE_TIME_ORIGINAL, "DateTimeOriginal", DATE_TIME_DIGITIZED, "DateTimeDigitized",
            36880, "OffsetTime", OFFSET_TIME_ORIGINAL, "OffsetTimeOriginal", 36882, "OffsetTimeDigitized",
            SHUTTER_SPEED_VALUE, "ShutterSpeedValue", APERTURE_VALUE, "ApertureValue", 37380, "ExposureBiasValue",
            37381, "MaxApertureValue", 37383, "MeteringMode", 37384, "LightSource", 37385, "Flash",
            FOCAL_LENGTH, "FocalLength", MAKER_NOTE, "MakerNote", 37510, "UserComment", 37520, "SubSecTime",
            SUBSEC_TIME_ORIGINAL, "SubSecTimeOriginal", 37522, "SubSecTimeDigitized", 40960, "FlashpixVersion",
            40961, "ColorSpace", EXIF_IMAGE_WIDTH, "PixelXDimension", EXIF_IMAGE_HEIGHT, "PixelYDimension",
            FOCAL_PLANE_X_RESOLUTION, "FocalPlaneXResolution", FOCAL_PLANE_Y_RESOLUTION, "FocalPlaneYResolution",
            FOCAL_PLANE_RESOLUTION_UNIT, "FocalPlaneResolutionUnit", EXPOSURE_INDEX, "ExposureIndex",
            41495, "SensingMethod", CFA_PATTERN_EXIF, "CFAPattern", 41985, "CustomRendered", 41986, "ExposureMode",
            WHITE_BALANCE, "WhiteBalance", 41988, "DigitalZoomRatio", FOCAL_LENGTH_35MM, "FocalLengthIn35mmFilm",
            41990, "SceneCaptureType", CAMERA_OWNER_NAME, "CameraOwnerName", BODY_SERIAL_NUMBER, "BodySerialNumber",
            LENS_SPECIFICATION, "LensSpecification", LENS_MAKE, "LensMake", LENS_MODEL, "LensModel",
            LENS_SERIAL_NUMBER, "LensSerialNumber", DNG_VERSION, "DNGVersion", 50707, "DNGBackwardVersion",
            UNIQUE_CAMERA_MODEL, "UniqueCameraModel", LOCALIZED_CAMERA_MODEL, "LocalizedCameraModel",
            CFA_PLANE_COLOR, "CFAPlaneColor", CFA_LAYOUT, "CFALayout", LINEARIZATION_TABLE, "LinearizationTable", BLACK_LEVEL_REPEAT_DIM, "BlackLevelRepeatDim",
            50713, "BlackLevelRepeatDim", BLACK_LEVEL, "BlackLevel", 50715, "BlackLevelDeltaH", 50716, "BlackLevelDeltaV",
            WHITE_LEVEL, "WhiteLevel", DEFAULT_SCALE, "DefaultScale", DEFAULT_CROP_ORIGIN, "DefaultCropOrigin",
            DEFAULT_CROP_SIZE, "DefaultCropSize", COLOR_MATRIX_1, "ColorMatrix1", COLOR_MATRIX_2, "ColorMatrix2",
            CAMERA_CALIBRATION_1, "CameraCalibration1", CAMERA_CALIBRATION_2, "CameraCalibration2",
            50725, "ReductionMatrix1", 50726, "ReductionMatrix2", ANALOG_BALANCE, "AnalogBalance",
            AS_SHOT_NEUTRAL, "AsShotNeutral", AS_SHOT_WHITE_XY, "AsShotWhiteXY", BASELINE_EXPOSURE, "BaselineExposure",
            50731, "BaselineNoise", 50732, "BaselineSharpness", 50733, "BayerGreenSplit", 50734, "LinearResponseLimit",
            CAMERA_SERIAL_NUMBER, "CameraSerialNumber", LENS_INFO, "LensInfo", 50737, "ChromaBlurRadius",
            50738, "AntiAliasStrength", 50739, "ShadowScale", 50740, "DNGPrivateData", 50741, "MakerNoteSafety",
            CALIBRATION_ILLUMINANT_1, "CalibrationIlluminant1", CALIBRATION_ILLUMINANT_2, "CalibrationIlluminant2",
            50780, "BestQualityScale", 50781, "RawDataUniqueID", 50827, "OriginalRawFileName",
            ACTIVE_AREA, "ActiveArea", 50830, "MaskedAreas", 50931, "CameraCalibrationSignature",
            50932, "ProfileCalibrationSignature", 50936, "ProfileName", 50941, "ProfileEmbedPolicy",
            FORWARD_MATRIX_1, "ForwardMatrix1", FORWARD_MATRIX_2, "ForwardMatrix2", 50966, "PreviewApplicationName",
            50967, "PreviewApplicationVersion", 50970, "PreviewColorSpace", 50971, "PreviewDateTime",
            51008, "OpcodeList1", 51009, "OpcodeList2", 51022, "OpcodeList3", 51041, "NoiseProfile",
            TIME_CODES, "TimeCodes", FRAME_RATE, "FrameRate", T_STOP, "TStop", REEL_NAME, "ReelName",
            ORIGINAL_DEFAULT_FINAL_SIZE, "OriginalDefaultFinalSize", 51090, "OriginalBestQualityFinalSize",
            51091, "OriginalDefaultCropSize", CAMERA_LABEL, "CameraLabel", 51111, "NewRawImageDigest",
            51125, "DefaultUserCrop",
        };
        for (int i = 0; i < table.length; i += 2) {
            NAMES.put((Integer) table[i], (String) table[i + 1]);
        }
    }

    public static String name(int tag) {
        String n = NAMES.get(tag);
        return n != null ? n : String.format(java.util.Locale.ROOT, "0x%04X", tag);
    }
}
