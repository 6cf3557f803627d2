package io.rushes.engine.pull;

import io.rushes.engine.error.Errors;
import java.nio.charset.StandardCharsets;

/** The kinds of pull list, told by content (never by extension), and the reader of each. */
public enum PullListFormat {
    CSV, CMX3600_EDL, ALE, OTIO;

    /** What {@code bytes} are: OTIO JSON, an ALE's Heading, a CMX3600 EDL's TITLE/FCM/event lines, else CSV. */
    public static PullListFormat detect(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8).stripLeading().replace("\uFEFF", "");
        if (head.startsWith("{") && head.contains("\"OTIO_SCHEMA\"")) {
            return OTIO;
        }
        if (head.startsWith("Heading")) {
            return ALE;
        }
        if (head.startsWith("TITLE:") || head.startsWith("FCM:") || head.matches("(?s)^\\d{3,6}\\s+\\S+\\s+\\S+\\s+[CDWK].*")) {
            return CMX3600_EDL;
        }
        return CSV;
    }

    /** Reads a pull list of any kind; {@code rate} counts the timecodes of the kinds that do not say theirs (CSV, EDL). */
    public static PullLists.Read read(byte[] bytes, String file, int rate) {
        if (bytes.length > Otio.MAX_BYTES) {
            throw Errors.documentTooLarge(file, "pull list", Otio.MAX_BYTES);
        }
        return switch (detect(bytes)) {
            case OTIO -> Otio.read(bytes, file);
            case ALE -> Ale.read(bytes, file);
            case CMX3600_EDL -> CmxEdl.read(bytes, file, rate);
            case CSV -> PullLists.csv(bytes, file, rate);
        };
    }
}
