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

/**
 * Avid Log Exchange files as a pull list: the Heading's FPS, the Column names, and one shot per Data row: {@code Name}
 * as the shot, {@code Tape} as the camera clip (the source clip name in file-based workflows), {@code Start} to
 * {@code End} (exclusive, as Avid writes it) as the source range, the ASC_SOP/ASC_SAT columns as the CDL and the FDL
 * columns of the FDL specification's appendix F. Tab-delimited, as every ALE is.
 */
public final class Ale {
    private Ale() {
    }

    public static PullLists.Read read(byte[] bytes, String file) {
        if (bytes.length > PullLists.MAX_BYTES) {
            throw Errors.documentTooLarge(file, "ALE", PullLists.MAX_BYTES);
        }
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n|\r");
        Map<String, String> heading = new LinkedHashMap<>();
        List<String> columns = null;
        int section = 0; // 1 heading, 2 column, 3 data
        int dataStart = -1;
        for (int i = 0; i < lines.length && dataStart < 0; i++) {
            String line = lines[i];
            switch (line.strip()) {
                case "Heading" -> section = 1;
                case "Column" -> section = 2;
                case "Data" -> dataStart = i + 1;
                default -> {
                    if (section == 1 && !line.isBlank()) {
                        String[] kv = line.split("\t", 2);
                        heading.put(kv[0].strip().toUpperCase(Locale.ROOT), kv.length > 1 ? kv[1].strip() : "");
                    } else if (section == 2 && !line.isBlank() && columns == null) {
                        columns = List.of(line.split("\t", -1));
                    }
                }
            }
        }
        if (columns == null || dataStart < 0) {
            throw Errors.invalidDocument(file, "line 1", "has no Column and Data sections", "Check that this is an Avid Log Exchange (ALE) file");
        }
        String fps = heading.get("FPS");
        int rate;
        try {
            rate = Timecode.countingRate(Double.parseDouble(fps == null ? "" : fps));
        } catch (NumberFormatException e) {
            throw Errors.invalidDocument(file, "Heading FPS", "'" + fps + "' is not a frame rate", "Give the Heading an FPS line, e.g. FPS<tab>24");
        }
        for (String required : List.of("Name", "Start", "End")) {
            if (!columns.contains(required)) {
                throw Errors.invalidDocument(file, "Column", "has no " + required + " column", "Export the ALE with Name, Tape, Start and End");
            }
        }
        List<Shot> shots = new ArrayList<>();
        List<RushesException> errors = new ArrayList<>();
        for (int i = dataStart; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String where = "line " + (i + 1);
            String[] values = lines[i].split("\t", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < columns.size() && c < values.length; c++) {
                if (!values[c].isBlank()) {
                    row.put(columns.get(c), values[c].strip());
                }
            }
            try {
                shots.add(shot(row, file, where, rate));
                if (shots.size() > PullLists.MAX_SHOTS) {
                    throw Errors.limitExceeded(file, -1, "the number of rows", shots.size(), PullLists.MAX_SHOTS);
                }
            } catch (RushesException e) {
                if (e.code() == io.rushes.engine.error.ErrorCode.LIMIT_EXCEEDED) {
                    throw e;
                }
                errors.add(e);
            }
        }
        return new PullLists.Read(List.copyOf(shots), List.copyOf(errors), List.of());
    }

    private static Shot shot(Map<String, String> row, String file, String where, int rate) {
        String name = row.get("Name");
        if (name == null) {
            throw Errors.invalidDocument(file, where + ", column Name", "the row has no name", "Name every clip");
        }
        Timecode in = PullLists.timecode(row.get("Start"), "Start", rate, file, where);
        Timecode end = PullLists.timecode(row.get("End"), "End", rate, file, where);
        if (end.toFrames() <= in.toFrames()) {
            throw Errors.invalidDocument(file, where + ", column End", "End " + end + " is not after Start " + in,
                    "Give End after Start (End is the first frame after the clip)");
        }
        Shot.Cdl cdl = null;
        if (row.containsKey("ASC_SOP") || row.containsKey("ASC_SAT")) {
            cdl = CmxEdl.cdl(row.get("ASC_SOP") == null ? null : "*ASC_SOP " + row.get("ASC_SOP"),
                    row.get("ASC_SAT"), file, where);
        }
        FdlLinks.Reference fdl = FdlLinks.fromAle(row).orElse(null);
        return new Shot(file + ":" + where.substring("line ".length()), name, row.getOrDefault("Tape", name), null, in,
                Timecode.fromFrames(end.toFrames() - 1, rate, in.dropFrame()), null, null, 0, 1, cdl, fdl, null, null);
    }
}
