package io.rushes.engine.format.tiff;

import static io.rushes.engine.metadata.ClipField.*;

import io.rushes.engine.metadata.ClipMetadata;
import io.rushes.engine.metadata.DateTimes;

/**
 * Maps the TIFF/EXIF tags every TIFF-structured camera file shares (DNG, NEF, CR2, the EXIF blocks of
 * CR3, RAF, RW2, MRW) into the normalised schema, and dumps every directory entry into the raw map.
 */
public final class ExifMapper {
    /** Canon maker-note tag 0x96: the body's internal serial number (ExifTool's InternalSerialNumber). */
    public static final int CANON_INTERNAL_SERIAL = 0x96;

    private ExifMapper() {
    }

    /** Whether Canon's tag 0x96 is the internal serial as text: on the EOS 5D line it is a binary SerialInfo block. */
    public static boolean canonInternalSerialIsText(String model) {
        return model == null || !model.contains("EOS 5D");
    }

    public static void map(TiffStructure tiff, ClipMetadata md) {
        map(tiff, md, null);
    }

    /**
     * Maps one TIFF tree; fields already set by an earlier tree are kept. Raw keys get {@code rawPrefix}
     * (for files that embed several TIFF blocks, such as CR3's CMT1–CMT4), else the directory name.
     */
    public static void map(TiffStructure tiff, ClipMetadata md, String rawPrefix) {
        ClipMetadata own = new ClipMetadata();
        mapFields(tiff, own);
        md.fillFrom(own);
        dumpRaw(tiff, md, rawPrefix);
    }

    private static void mapFields(TiffStructure tiff, ClipMetadata md) {
        md.set(CAMERA_MAKE, tiff.string(TiffTags.MAKE));
        md.set(CAMERA_MODEL, tiff.string(TiffTags.MODEL));
        md.set(CAMERA_SERIAL, firstString(tiff, TiffTags.BODY_SERIAL_NUMBER, TiffTags.CAMERA_SERIAL_NUMBER));
        md.set(FIRMWARE, tiff.string(TiffTags.SOFTWARE));
        md.set(EXPOSURE_TIME, positive(tiff.number(TiffTags.EXPOSURE_TIME)));
        md.set(F_NUMBER, positive(tiff.number(TiffTags.F_NUMBER)));
        Double iso = positive(tiff.number(TiffTags.ISO_SPEED));
        if (iso == null) {
            iso = positive(tiff.number(TiffTags.RECOMMENDED_EXPOSURE_INDEX));
        }
        if (iso == null) {
            iso = positive(tiff.number(TiffTags.EXPOSURE_INDEX));
        }
        md.set(ISO, ClipMetadata.toInt(iso));
        md.set(FOCAL_LENGTH, positive(tiff.number(TiffTags.FOCAL_LENGTH)));
        md.set(LENS_MAKE, tiff.string(TiffTags.LENS_MAKE));
        md.set(LENS_MODEL, tiff.string(TiffTags.LENS_MODEL));
        md.set(LENS_SERIAL, tiff.string(TiffTags.LENS_SERIAL_NUMBER));
        String original = DateTimes.iso(tiff.string(TiffTags.DATE_TIME_ORIGINAL));
        if (original == null) {
            original = DateTimes.iso(tiff.string(TiffTags.DATE_TIME_DIGITIZED));
        }
        if (original == null) {
            original = DateTimes.iso(tiff.string(TiffTags.DATE_TIME));
        }
        DateTimes.record(md, DateTimes.withOffset(original, tiff.string(TiffTags.OFFSET_TIME_ORIGINAL)));
    }

    /** Every entry of every directory, as {@code IFD0:Make}, {@code ExifIFD:FNumber}, … */
    public static void dumpRaw(TiffStructure tiff, ClipMetadata md, String rawPrefix) {
        for (TiffIfd ifd : tiff.ifds()) {
            String prefix = rawPrefix == null ? ifd.name() : rawPrefix + (ifd == tiff.ifd0() ? "" : "." + ifd.name());
            for (TiffEntry e : ifd.entries()) {
                if (e.tag() == TiffTags.MAKER_NOTE || e.tag() == TiffTags.XMP) {
                    md.raw(prefix + ":" + TiffTags.name(e.tag()), "(binary, " + e.byteLength() + " bytes)");
                    continue;
                }
                try {
                    md.raw(prefix + ":" + TiffTags.name(e.tag()), ifd.render(e));
                } catch (RuntimeException unreadable) {
                    md.raw(prefix + ":" + TiffTags.name(e.tag()), "(unreadable)");
                }
            }
        }
    }

    static String firstString(TiffStructure tiff, int... tags) {
        for (int t : tags) {
            String s = tiff.string(t);
            if (s != null && !s.isBlank()) {
                return s;
            }
        }
        return null;
    }

    /**
     * A lens specification (minimum and maximum focal length, f-numbers at them: DNG LensInfo, EXIF
     * LensSpecification, Nikon's maker-note Lens) as a description, for when no lens model is written:
     * {@code 18-70 mm f/3.5-4.5}. Null without a focal length.
     */
    public static String lensFromSpecification(double[] info) {
        if (info == null || info.length < 2 || !(info[0] > 0) || info[0] == Double.POSITIVE_INFINITY) {
            return null;
        }
        String focal = info[0] == info[1] || !(info[1] > 0) ? fmt(info[0]) + " mm" : fmt(info[0]) + "-" + fmt(info[1]) + " mm";
        if (info.length >= 4 && info[2] > 0 && info[2] < Double.POSITIVE_INFINITY) {
            focal += " f/" + fmt(info[2]) + (info[3] > 0 && info[3] < Double.POSITIVE_INFINITY && info[3] != info[2] ? "-" + fmt(info[3]) : "");
        }
        return focal;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** A serial number as text: printable ASCII up to the first NUL (or 0xFF padding), or null when empty. */
    public static String serialText(byte[] raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (byte b : raw) {
            if (b == 0 || b == (byte) 0xFF) {
                break;
            }
            if (b >= 0x20 && b < 0x7F) {
                sb.append((char) b);
            }
        }
        String s = sb.toString().strip();
        return s.isEmpty() ? null : s;
    }

    public static Double positive(Double d) {
        return d == null || !(d > 0) || d.isInfinite() ? null : d;
    }

    /** The full-resolution raw image directory: NewSubfileType 0 with CFA or LinearRaw data, else null. */
    public static TiffIfd mainRawImage(TiffStructure tiff) {
        for (TiffIfd ifd : tiff.ifds()) {
            Long subfile = ifd.unsigned(TiffTags.NEW_SUBFILE_TYPE);
            Long photometric = ifd.unsigned(TiffTags.PHOTOMETRIC);
            if ((subfile == null || subfile == 0) && photometric != null && (photometric == 32803 || photometric == 34892)
                    && ifd.has(TiffTags.IMAGE_WIDTH)) {
                return ifd;
            }
        }
        return null;
    }
}
