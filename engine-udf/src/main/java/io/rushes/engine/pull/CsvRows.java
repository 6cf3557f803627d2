package io.rushes.engine.pull;

import io.rushes.engine.error.Errors;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 rows: comma-separated, double quotes around fields holding commas, quotes or line breaks ({@code ""} inside). */
final class CsvRows {
    private CsvRows() {
    }

    static List<List<String>> parse(String text, String file) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int start = text.startsWith("\uFEFF") ? 1 : 0; // a byte-order mark from spreadsheet exports
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    append(field, c, file, line);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                line++;
            } else {
                append(field, c, file, line);
            }
        }
        if (quoted) {
            throw Errors.invalidDocument(file, "line " + line, "a quoted field is not closed", "Close the field with a double quote");
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    private static void append(StringBuilder field, char c, String file, int line) {
        if (field.length() >= PullLists.MAX_FIELD_CHARS) {
            throw Errors.invalidDocument(file, "line " + line, "a field is longer than " + PullLists.MAX_FIELD_CHARS + " characters",
                    "Check that this is a pull list (CSV with a header row)");
        }
        field.append(c);
    }
}
