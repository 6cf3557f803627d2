package io.rushes.engine.metadata;

import io.rushes.engine.error.RushesException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Normalised fields plus every raw key/value a file carried. Readers fill one per file; the inspector
 * merges them into one per clip. Values are checked against the field's type when set, so a wrong
 * mapping fails in the reader's tests, not in a table. A reader that can still describe a damaged file
 * (its header whole, its essence cut short) records the damage as a problem: the inspector reports it
 * against the clip, which is then {@code partial} instead of {@code ok}.
 */
public final class ClipMetadata {
    /** Cap on raw entries kept per file: a hostile file cannot grow a record without bound. */
    public static final int MAX_RAW_ENTRIES = 4096;
    public static final int MAX_RAW_VALUE_CHARS = 512;
    /** Cap on problems kept per file: one damaged table does not become thousands of errors. */
    public static final int MAX_PROBLEMS = 16;

    private final EnumMap<ClipField, Object> values = new EnumMap<>(ClipField.class);
    private final Map<String, String> raw = new LinkedHashMap<>();
    private final List<RushesException> problems = new ArrayList<>();

    public ClipMetadata set(ClipField field, Object value) {
        if (value == null) {
            return this;
        }
        if (value instanceof String s) {
            s = s.strip();
            if (s.isEmpty()) {
                return this;
            }
            value = s;
        }
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return this;
        }
        if (!field.type().javaType().isInstance(value)) {
            throw new IllegalArgumentException(field + " takes " + field.type() + ", not " + value.getClass().getSimpleName());
        }
        if (field.type() == FieldType.LONG_LIST && !((java.util.List<?>) value).stream().allMatch(Long.class::isInstance)) {
            // The catalog column is array<bigint>: an Integer element fails the whole ingest in Spark's row encoder.
            throw new IllegalArgumentException(field + " takes a list of Long, not " + value);
        }
        values.put(field, value);
        return this;
    }

    /** Sets the field only when no earlier, more specific source set it. */
    public ClipMetadata setIfAbsent(ClipField field, Object value) {
        if (!values.containsKey(field)) {
            set(field, value);
        }
        return this;
    }

    public boolean has(ClipField field) {
        return values.containsKey(field);
    }

    public Object get(ClipField field) {
        return values.get(field);
    }

    public String string(ClipField field) {
        Object v = values.get(field);
        return v == null ? null : v.toString();
    }

    public Double number(ClipField field) {
        Object v = values.get(field);
        return v instanceof Number n ? n.doubleValue() : null;
    }

    public void remove(ClipField field) {
        values.remove(field);
    }

    public Map<ClipField, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    public ClipMetadata raw(String key, Object value) {
        if (value == null || raw.size() >= MAX_RAW_ENTRIES) {
            return this;
        }
        String s = value.toString();
        if (s.length() > MAX_RAW_VALUE_CHARS) {
            s = s.substring(0, MAX_RAW_VALUE_CHARS) + "…";
        }
        raw.putIfAbsent(key, s);
        return this;
    }

    public String raw(String key) {
        return raw.get(key);
    }

    public Map<String, String> rawValues() {
        return Collections.unmodifiableMap(raw);
    }

    /** Records damage the header shows (essence past the end of the file…) without giving up the fields read. */
    public ClipMetadata problem(RushesException e) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(e);
        }
        return this;
    }

    public List<RushesException> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** Copies into this record every field and raw entry that it does not have yet. */
    public ClipMetadata fillFrom(ClipMetadata other) {
        other.values.forEach(this::setIfAbsent);
        other.raw.forEach(this::raw);
        return this;
    }

    public static Integer toInt(Number n) {
        return n == null ? null : (int) Math.round(n.doubleValue());
    }
}
