package io.rushes.engine.metadata;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the date-time spellings cameras write into ISO 8601, and derives UTC where an offset is known. */
public final class DateTimes {
    private static final Pattern EXIF = Pattern.compile(
            "(\\d{4})[:\\-/](\\d{2})[:\\-/](\\d{2})[ T](\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?\\s*(Z|[+\\-]\\d{2}:?\\d{2})?");
    private static final Pattern OFFSET = Pattern.compile("[+\\-]\\d{2}:?\\d{2}|Z");

    private DateTimes() {
    }

    /** {@code 2018:09:26 08:25:27} → {@code 2018-09-26T08:25:27}; null for blank or zero dates. */
    public static String iso(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = EXIF.matcher(text.strip());
        if (!m.lookingAt()) {
            return null;
        }
        if (m.group(1).equals("0000")) {
            return null;
        }
        String s = m.group(1) + "-" + m.group(2) + "-" + m.group(3) + "T" + m.group(4) + ":" + m.group(5) + ":" + m.group(6);
        try {
            LocalDateTime.parse(s);
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return m.group(8) == null ? s : s + normaliseOffset(m.group(8));
    }

    public static String withOffset(String isoLocal, String offset) {
        if (isoLocal == null || offset == null || !OFFSET.matcher(offset.strip()).matches() || hasOffset(isoLocal)) {
            return isoLocal;
        }
        return isoLocal + normaliseOffset(offset.strip());
    }

    private static boolean hasOffset(String iso) {
        return iso.length() > 19;
    }

    private static String normaliseOffset(String off) {
        if (off.equals("Z")) {
            return "Z";
        }
        return off.length() == 5 ? off.substring(0, 3) + ":" + off.substring(3) : off;
    }

    /** UTC instant of an ISO date-time that carries an offset, else null. */
    public static String utc(String iso) {
        if (iso == null || !hasOffset(iso)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC)
                    .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + "Z";
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** Sets record_datetime and, when an offset is known, record_datetime_utc. */
    public static void record(ClipMetadata md, String isoDateTime) {
        if (isoDateTime == null || md.has(ClipField.RECORD_DATETIME)) {
            return;
        }
        md.set(ClipField.RECORD_DATETIME, isoDateTime);
        md.set(ClipField.RECORD_DATETIME_UTC, utc(isoDateTime));
    }
}
