package io.rushes.engine.deliver.burnin;

import io.rushes.engine.metadata.ClipField;
import io.rushes.engine.metadata.FieldType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One burnt-in line, such as {@code {clip}  {reel}} or {@code {shot} v{version:03d}}: literal text and fields in braces,
 * numbers optionally zero-padded ({@code :04d}). The fields are the frame's own ({@code clip}, {@code reel},
 * {@code timecode}, {@code frame}), the values given for the deliverable ({@code shot}, {@code plate}, {@code version})
 * and any field of the clip catalog by its column name ({@code lens_model}, {@code iso}, {@code camera_serial}…).
 */
public final class BurnInText {
    /** The fields a template may use besides the catalog's. */
    public static final List<String> FRAME_FIELDS = List.of("clip", "reel", "timecode", "frame");
    public static final List<String> GIVEN_FIELDS = List.of("shot", "plate", "version");
    private static final Set<String> NUMERIC = Set.of("frame", "version");
    private static final Pattern FIELD = Pattern.compile("\\{([^{}]*)\\}");
    private static final Pattern FIELD_BODY = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?::0([1-9][0-9]?)d)?");
    private static final int MAX_WIDTH = 20;

    /** A line that cannot be used: why, for the caller to place at its JSON path. */
    public static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private sealed interface Part permits Literal, Slot {
    }

    private record Literal(String text) implements Part {
    }

    /** A field by key, zero-padded to {@code width} digits (0: as it is); {@code catalog} when it is a catalog column. */
    private record Slot(String key, int width, ClipField catalog) implements Part {
    }

    private final String text;
    private final List<Part> parts;

    private BurnInText(String text, List<Part> parts) {
        this.text = text;
        this.parts = List.copyOf(parts);
    }

    public static BurnInText parse(String text) {
        List<Part> parts = new ArrayList<>();
        Matcher m = FIELD.matcher(text);
        int at = 0;
        while (m.find()) {
            literal(text.substring(at, m.start()), parts);
            Matcher body = FIELD_BODY.matcher(m.group(1));
            if (!body.matches()) {
                throw new Invalid("'{" + m.group(1) + "}' is not a field: write {name} or {name:04d} (zero-padded digits)");
            }
            String key = body.group(1);
            ClipField catalog = null;
            if (!FRAME_FIELDS.contains(key) && !GIVEN_FIELDS.contains(key)) {
                catalog = Arrays.stream(ClipField.values()).filter(f -> f.column().equals(key)).findFirst().orElseThrow(() -> new Invalid(
                        "unknown field {" + key + "}: the fields are " + String.join(", ", FRAME_FIELDS) + ", " + String.join(", ", GIVEN_FIELDS)
                                + " or a clip catalog column such as lens_model, iso, camera_serial (rushes inspect --json shows them)"));
                if (catalog.type() == FieldType.LONG_LIST || catalog.type() == FieldType.STRING_MAP) {
                    throw new Invalid("{" + key + "} is a list, not one value to burn in");
                }
            }
            int width = body.group(2) == null ? 0 : Integer.parseInt(body.group(2));
            boolean numeric = NUMERIC.contains(key) || catalog != null && (catalog.type() == FieldType.INT || catalog.type() == FieldType.LONG);
            if (width > 0 && !numeric) {
                throw new Invalid("{" + key + "} is not a whole number to pad: write {" + key + "}");
            }
            if (width > MAX_WIDTH) {
                throw new Invalid("{" + m.group(1) + "} pads to " + width + " digits, above the limit of " + MAX_WIDTH);
            }
            parts.add(new Slot(key, width, catalog));
            at = m.end();
        }
        literal(text.substring(at), parts);
        if (parts.isEmpty()) {
            throw new Invalid("the text is empty: give literal text or fields such as {timecode}");
        }
        return new BurnInText(text, parts);
    }

    private static void literal(String text, List<Part> parts) {
        if (text.isEmpty()) {
            return;
        }
        int brace = Math.max(text.indexOf('{'), text.indexOf('}'));
        if (brace >= 0) {
            throw new Invalid("'" + text.charAt(brace) + "' without its pair: fields are written {name}");
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (Character.isISOControl(c)) {
                throw new Invalid(String.format(Locale.ROOT, "U+%04X is a control character: a burnt-in line is one line of printable text", c));
            }
            i += Character.charCount(c);
        }
        parts.add(new Literal(text));
    }

    /** The keys of the fields this line uses, in order. */
    public Set<String> fields() {
        Set<String> keys = new LinkedHashSet<>();
        parts.stream().filter(p -> p instanceof Slot).forEach(p -> keys.add(((Slot) p).key()));
        return keys;
    }

    /** The catalog columns this line uses. */
    Set<ClipField> catalogFields() {
        Set<ClipField> used = new LinkedHashSet<>();
        parts.stream().filter(p -> p instanceof Slot s && s.catalog() != null).forEach(p -> used.add(((Slot) p).catalog()));
        return used;
    }

    /**
     * The line for these values: {@code value} gives a field's text or null when the frame has none, which is left
     * blank (a frame without a reel still shows its clip).
     */
    public String expand(Function<String, String> value) {
        StringBuilder out = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Literal l) {
                out.append(l.text());
            } else if (p instanceof Slot s) {
                String v = value.apply(s.key());
                if (v != null) {
                    boolean digits = !v.isEmpty() && v.chars().allMatch(c -> c >= '0' && c <= '9');
                    out.append(digits ? "0".repeat(Math.max(0, s.width() - v.length())) : "").append(v);
                }
            }
        }
        return out.toString();
    }

    /** A catalog value as burnt in: numbers without trailing zeros (35 mm, not 35.0), at most six significant digits. */
    static String format(Object value) {
        if (value instanceof Double d) {
            return new BigDecimal(d).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
