package io.rushes.engine.deliver.exr;

import io.rushes.engine.error.Errors;
import io.rushes.engine.metadata.ClipField;
import io.rushes.engine.metadata.ClipMetadata;
import io.rushes.engine.metadata.FrameRates;
import io.rushes.engine.metadata.SmpteTimecodeBytes;
import io.rushes.engine.metadata.Timecode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The attributes a plate carries, under the names and types of OpenEXR's {@code ImfStandardAttributes.h} where it
 * defines one ({@code capDate}, {@code timeCode}, {@code framesPerSecond}, {@code cameraMake}, {@code expTime}…).
 * Two are Rushes' own, as OpenEXR has none: {@code clipName} and the ASC FDL as the string
 * {@code ascFramingDecisionList}.
 */
public final class ExrStandardAttributes {
    /** ACES AP0 primaries and the ACES white (SMPTE ST 2065-1): the chromaticities of ACES2065-1. */
    public static final double[] AP0 = {0.7347, 0.2653, 0.0, 1.0, 0.0001, -0.0770, 0.32168, 0.33767};
    /** ACES AP1 primaries and the ACES white (S-2014-004): the chromaticities of ACEScg. */
    public static final double[] AP1 = {0.713, 0.293, 0.165, 0.830, 0.128, 0.044, 0.32168, 0.33767};
    public static final String FDL = "ascFramingDecisionList";
    public static final String CLIP_NAME = "clipName";
    public static final String ACES_CONTAINER_FLAG = "acesImageContainerFlag";

    private static final DateTimeFormatter CAP_DATE = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss", Locale.ROOT);

    private ExrStandardAttributes() {
    }

    public static ExrAttribute chromaticities(double[] primariesAndWhite) {
        return ExrAttribute.chromaticities("chromaticities", primariesAndWhite);
    }

    /** The CIE xy of the colour shown as neutral; the ACES white for ACES images. */
    public static ExrAttribute adoptedNeutral(double x, double y) {
        return ExrAttribute.v2f("adoptedNeutral", x, y);
    }

    /**
     * SMPTE 12M timecode in OpenEXR's TimeCode layout: the first 32 bits hold BCD frames (drop-frame in bit 6),
     * seconds, minutes and hours, low byte first; the user bits that follow are zero.
     */
    public static ExrAttribute timeCode(Timecode tc) {
        return new ExrAttribute("timeCode", "timecode", SmpteTimecodeBytes.encode(tc));
    }

    public static ExrAttribute framesPerSecond(int numerator, int denominator) {
        return ExrAttribute.rational("framesPerSecond", numerator, denominator);
    }

    /** {@code capDate} as "YYYY:MM:DD hh:mm:ss" local time; pair it with {@link #utcOffset}. */
    public static ExrAttribute capDate(OffsetDateTime captured) {
        return ExrAttribute.string("capDate", CAP_DATE.format(captured));
    }

    /** Seconds to add to the local capDate to get UTC (so UTC+2 is -7200), as OpenEXR defines it. */
    public static ExrAttribute utcOffset(OffsetDateTime captured) {
        return ExrAttribute.floatValue("utcOffset", -captured.getOffset().getTotalSeconds());
    }

    public static ExrAttribute owner(String text) {
        return ExrAttribute.string("owner", text);
    }

    public static ExrAttribute comments(String text) {
        return ExrAttribute.string("comments", text);
    }

    public static ExrAttribute cameraMake(String text) {
        return ExrAttribute.string("cameraMake", text);
    }

    public static ExrAttribute cameraModel(String text) {
        return ExrAttribute.string("cameraModel", text);
    }

    public static ExrAttribute cameraSerialNumber(String text) {
        return ExrAttribute.string("cameraSerialNumber", text);
    }

    public static ExrAttribute lensMake(String text) {
        return ExrAttribute.string("lensMake", text);
    }

    public static ExrAttribute lensModel(String text) {
        return ExrAttribute.string("lensModel", text);
    }

    public static ExrAttribute lensSerialNumber(String text) {
        return ExrAttribute.string("lensSerialNumber", text);
    }

    public static ExrAttribute isoSpeed(double iso) {
        return ExrAttribute.floatValue("isoSpeed", positive("isoSpeed", iso));
    }

    /** Exposure time in seconds. */
    public static ExrAttribute expTime(double seconds) {
        return ExrAttribute.floatValue("expTime", positive("expTime", seconds));
    }

    /** The lens aperture as an f-number. */
    public static ExrAttribute aperture(double fNumber) {
        return ExrAttribute.floatValue("aperture", positive("aperture", fNumber));
    }

    /** The focal length engraved on the lens, in millimetres. */
    public static ExrAttribute nominalFocalLength(double millimetres) {
        return ExrAttribute.floatValue("nominalFocalLength", positive("nominalFocalLength", millimetres));
    }

    /** Focus distance in metres, as OpenEXR defines {@code focus}. */
    public static ExrAttribute focus(double metres) {
        return ExrAttribute.floatValue("focus", positive("focus", metres));
    }

    public static ExrAttribute reelName(String text) {
        return ExrAttribute.string("reelName", text);
    }

    public static ExrAttribute clipName(String text) {
        return ExrAttribute.string(CLIP_NAME, text);
    }

    /** The ASC FDL document (JSON) that frames this image, whole. */
    public static ExrAttribute framingDecisionList(String json) {
        return ExrAttribute.string(FDL, json);
    }

    /**
     * {@code acesImageContainerFlag = 1}: marks the file as an ACES Image Container (SMPTE ST 2065-4). The standard
     * allows it only on uncompressed, scanline HALF RGB(A) files, so {@link OpenExrWriter} refuses it with any
     * compression but NONE or with FLOAT pixels (current OpenImageIO refuses it with ZIP too).
     */
    public static ExrAttribute acesImageContainerFlag() {
        return ExrAttribute.intValue(ACES_CONTAINER_FLAG, 1);
    }

    private static double positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw Errors.invalidArgument("OpenEXR attribute " + name + " would be " + v, "Give a positive, finite " + name);
        }
        return v;
    }

    /**
     * The standard attributes a frame's camera metadata fills: camera and lens, exposure, reel and clip, its
     * timecode and rate, and the capture date with its offset when the camera recorded one. Absent fields are left
     * out, never written empty.
     */
    public static List<ExrAttribute> fromClip(ClipMetadata md) {
        List<ExrAttribute> out = new ArrayList<>();
        text(md, ClipField.CAMERA_MAKE, ExrStandardAttributes::cameraMake, out);
        text(md, ClipField.CAMERA_MODEL, ExrStandardAttributes::cameraModel, out);
        text(md, ClipField.CAMERA_SERIAL, ExrStandardAttributes::cameraSerialNumber, out);
        text(md, ClipField.LENS_MAKE, ExrStandardAttributes::lensMake, out);
        text(md, ClipField.LENS_MODEL, ExrStandardAttributes::lensModel, out);
        text(md, ClipField.LENS_SERIAL, ExrStandardAttributes::lensSerialNumber, out);
        text(md, ClipField.REEL, ExrStandardAttributes::reelName, out);
        text(md, ClipField.CLIP_NAME, ExrStandardAttributes::clipName, out);
        number(md, ClipField.ISO, ExrStandardAttributes::isoSpeed, out);
        number(md, ClipField.EXPOSURE_TIME, ExrStandardAttributes::expTime, out);
        number(md, ClipField.F_NUMBER, ExrStandardAttributes::aperture, out);
        number(md, ClipField.FOCAL_LENGTH, ExrStandardAttributes::nominalFocalLength, out);
        number(md, ClipField.FOCUS_DISTANCE, ExrStandardAttributes::focus, out);
        Double rate = md.number(ClipField.TIMECODE_RATE);
        String tc = md.string(ClipField.START_TIMECODE);
        if (tc != null && rate != null && rate >= 1) {
            out.add(timeCode(Timecode.parse(tc, (int) Math.round(rate))));
        }
        Double fps = md.number(ClipField.PROJECT_FPS);
        if (fps != null && fps > 0 && fps <= 1000) { // a camera file's rate is untrusted: no rational of a garbage rate
            int[] rational = FrameRates.rational(fps);
            out.add(framesPerSecond(rational[0], rational[1]));
        }
        String when = md.string(ClipField.RECORD_DATETIME);
        if (when != null) {
            try {
                OffsetDateTime captured = OffsetDateTime.parse(when);
                out.add(capDate(captured));
                out.add(utcOffset(captured));
            } catch (java.time.format.DateTimeParseException noOffset) {
                // a local time without its zone: capDate alone would claim UTC, so neither is written
            }
        }
        return out;
    }

    private static void text(ClipMetadata md, ClipField field, java.util.function.Function<String, ExrAttribute> make, List<ExrAttribute> out) {
        String v = md.string(field);
        if (v != null) {
            out.add(make.apply(v));
        }
    }

    private static void number(ClipMetadata md, ClipField field, java.util.function.DoubleFunction<ExrAttribute> make, List<ExrAttribute> out) {
        Double v = md.number(field);
        if (v != null && v > 0) {
            out.add(make.apply(v));
        }
    }
}
