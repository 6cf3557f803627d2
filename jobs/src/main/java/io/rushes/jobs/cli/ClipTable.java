package io.rushes.jobs.cli;

import static io.rushes.engine.metadata.ClipField.*;

import io.rushes.engine.api.ClipError;
import io.rushes.engine.api.ClipResult;
import io.rushes.engine.discovery.Discovery;
import io.rushes.engine.metadata.ClipField;
import io.rushes.engine.metadata.ClipMetadata;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The human-readable form of an inspection: one row per clip, then the errors. */
final class ClipTable {
    private static final ClipField[] COLUMNS = {CLIP_NAME, FORMAT, STATUS, CAMERA_LABEL, REEL, CAMERA_MODEL, START_TIMECODE,
        END_TIMECODE, PROJECT_FPS, FRAME_COUNT, WIDTH, HEIGHT, ISO, LENS_MODEL};

    private ClipTable() {
    }

    static void print(List<ClipResult> results, Discovery found, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        String[] head = new String[COLUMNS.length + 1];
        for (int i = 0; i < COLUMNS.length; i++) {
            head[i] = COLUMNS[i].column();
        }
        head[COLUMNS.length] = "missing";
        rows.add(head);
        for (ClipResult r : results) {
            String[] row = new String[COLUMNS.length + 1];
            ClipMetadata md = r.metadata();
            for (int i = 0; i < COLUMNS.length; i++) {
                row[i] = cell(md.get(COLUMNS[i]));
            }
            row[COLUMNS.length] = r.clip().missingFrameCount() == 0 ? "" : Long.toString(r.clip().missingFrameCount());
            rows.add(row);
        }
        int[] widths = new int[head.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.min(40, Math.max(widths[i], row[i].length()));
            }
        }
        for (String[] row : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String c = row[i].length() > 40 ? row[i].substring(0, 39) + "…" : row[i];
                sb.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", c));
                if (i < row.length - 1) {
                    sb.append("  ");
                }
            }
            out.println(sb.toString().stripTrailing());
        }
        out.printf(Locale.ROOT, "%d clips, %d sidecar files%n", results.size(), found.sidecars().size());
        for (ClipResult r : results) {
            for (ClipError e : r.errors()) {
                out.println("error: " + e.message());
            }
        }
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) ? Long.toString(d.longValue()) : String.format(Locale.ROOT, "%.3f", d);
        }
        return v.toString();
    }
}
