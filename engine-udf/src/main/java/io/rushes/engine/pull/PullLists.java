package io.rushes.engine.pull;

import io.rushes.engine.error.Errors;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.fdl.FdlLinks;
import io.rushes.engine.metadata.Timecode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Pull lists as editorial and VFX coordinators write them: CSV with a header row, and CMX3600 EDLs
 * ({@link CmxEdl}). A broken line is an error for that shot, naming the file, the line and the field; the other shots
 * still come back (a {@link Read} holds both).
 */
public final class PullLists {
    /** Larger than any real turnover (a feature's EDL is well under 1 MiB). */
    public static final int MAX_BYTES = 16 << 20;
    public static final int MAX_SHOTS = 100_000;
    static final int MAX_FIELD_CHARS = 4096;
    static final int MAX_HANDLES = 10_000;

    /** The shots read, one error per shot (or line) that could not be, and notes on what was read with care. */
    public record Read(List<Shot> shots, List<RushesException> errors, List<String> notes) {
    }

    private static final Set<String> COLUMNS = Set.of("shot", "clip", "reel", "tc_in", "tc_out", "first_frame", "last_frame", "handles",
            "version", "fdl_uuid", "fdl_decision", "amf", "deliverable");

    private PullLists() {
    }

    /**
     * A CSV pull list (RFC 4180 quoting, comma-separated, header row): {@code shot} and {@code clip} or {@code reel},
     * the source range as {@code tc_in}/{@code tc_out} (inclusive, counted at {@code rate}; {@code ;} marks
     * drop-frame) or {@code first_frame}/{@code last_frame}, and optionally {@code handles}, {@code version},
     * {@code fdl_uuid} + {@code fdl_decision}, {@code amf}, {@code deliverable}.
     */
    public static Read csv(byte[] bytes, String file, int rate) {
        if (bytes.length > MAX_BYTES) {
            throw Errors.documentTooLarge(file, "pull list", MAX_BYTES);
        }
        List<List<String>> rows = CsvRows.parse(new String(bytes, StandardCharsets.UTF_8), file);
        if (rows.isEmpty()) {
            throw Errors.invalidDocument(file, "line 1", "the pull list is empty", "Start with a header row: shot,clip,tc_in,tc_out,handles");
        }
        List<String> header = new ArrayList<>();
        for (String h : rows.get(0)) {
            String name = h.strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                throw Errors.invalidDocument(file, "line 1, column '" + h.strip() + "'", "is not a pull-list column",
                        "Use the columns " + String.join(", ", COLUMNS.stream().sorted().toList()));
            }
            if (header.contains(name)) {
                throw Errors.invalidDocument(file, "line 1, column '" + name + "'", "appears twice", "Keep one " + name + " column");
            }
            header.add(name);
        }
        if (!header.contains("shot") || !(header.contains("clip") || header.contains("reel"))) {
            throw Errors.invalidDocument(file, "line 1", "a pull list needs a shot column and a clip or reel column",
                    "Add the missing columns to the header row");
        }
        List<Shot> shots = new ArrayList<>();
        List<RushesException> errors = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            String where = "line " + (r + 1);
            try {
                if (row.size() != header.size()) {
                    throw Errors.invalidDocument(file, where, "has " + row.size() + " fields for " + header.size() + " columns",
                            "Give every row one field per header column (quote fields holding commas)");
                }
                Map<String, String> f = new LinkedHashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    String v = row.get(c).strip();
                    if (!v.isEmpty()) {
                        f.put(header.get(c), v);
                    }
                }
                shots.add(shot(f, file, where, rate));
                if (shots.size() > MAX_SHOTS) {
                    throw Errors.limitExceeded(file, -1, "the number of shots", shots.size(), MAX_SHOTS);
                }
            } catch (RushesException e) {
                if (e.code() == io.rushes.engine.error.ErrorCode.LIMIT_EXCEEDED) {
                    throw e;
                }
                errors.add(e);
            }
        }
        return new Read(List.copyOf(shots), List.copyOf(errors), List.of());
    }

    private static Shot shot(Map<String, String> f, String file, String where, int rate) {
        String origin = file + ":" + where.substring("line ".length());
        String shot = f.get("shot");
        if (shot == null) {
            throw Errors.invalidDocument(file, where + ", column shot", "the shot has no name", "Name every shot (e.g. SH010)");
        }
        if (f.get("clip") == null && f.get("reel") == null) {
            throw Errors.invalidDocument(file, where + ", shot " + shot, "names neither a clip nor a reel", "Give the source clip or its reel");
        }
        Timecode in = null;
        Timecode last = null;
        Long first = null;
        Long lastFrame = null;
        if (f.containsKey("tc_in") || f.containsKey("tc_out")) {
            in = timecode(f.get("tc_in"), "tc_in", rate, file, where);
            last = timecode(f.get("tc_out"), "tc_out", rate, file, where);
            if (last.toFrames() < in.toFrames()) {
                throw Errors.invalidDocument(file, where + ", column tc_out", "tc_out " + last + " is before tc_in " + in,
                        "Give tc_out at or after tc_in (both inclusive)");
            }
        } else if (f.containsKey("first_frame") || f.containsKey("last_frame")) {
            first = number(f.get("first_frame"), "first_frame", 0, Long.MAX_VALUE, file, where);
            lastFrame = number(f.get("last_frame"), "last_frame", first, Long.MAX_VALUE, file, where);
        } else {
            throw Errors.invalidDocument(file, where + ", shot " + shot, "gives no source range",
                    "Give tc_in and tc_out, or first_frame and last_frame");
        }
        int handles = f.containsKey("handles") ? (int) number(f.get("handles"), "handles", 0, MAX_HANDLES, file, where) : 0;
        int version = f.containsKey("version") ? (int) number(f.get("version"), "version", 1, 9999, file, where) : 1;
        FdlLinks.Reference fdl = null;
        if (f.containsKey("fdl_uuid") != f.containsKey("fdl_decision")) {
            throw Errors.invalidDocument(file, where, "gives only one of fdl_uuid and fdl_decision", "Give both, or neither");
        } else if (f.containsKey("fdl_uuid")) {
            fdl = new FdlLinks.Reference(f.get("fdl_uuid"), f.get("fdl_decision"));
        }
        return new Shot(origin, shot, f.get("clip"), f.get("reel"), in, last, first, lastFrame, handles, version, null, fdl, f.get("amf"),
                f.get("deliverable"));
    }

    static Timecode timecode(String text, String column, int rate, String file, String where) {
        if (text == null) {
            throw Errors.invalidDocument(file, where + ", column " + column, "is empty", "Give a timecode HH:MM:SS:FF");
        }
        try {
            return Timecode.parse(text, rate);
        } catch (RushesException e) {
            throw Errors.invalidDocument(file, where + ", column " + column, e.reason(), e.fix());
        }
    }

    private static long number(String text, String column, long min, long max, String file, String where) {
        if (text == null) {
            throw Errors.invalidDocument(file, where + ", column " + column, "is empty", "Give a whole number");
        }
        long v;
        try {
            v = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw Errors.invalidDocument(file, where + ", column " + column, "'" + text + "' is not a whole number", "Give a whole number");
        }
        if (v < min || v > max) {
            throw Errors.invalidDocument(file, where + ", column " + column, v + " is outside " + min + " to " + max,
                    "Give a " + column + " in that range");
        }
        return v;
    }
}
