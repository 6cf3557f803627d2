package io.rushes.engine.deliver.spec;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliverable's file-name template, such as {@code {shot}_{plate}_v{version:03d}.{frame:04d}.exr}: literal text in
 * {@code [A-Za-z0-9._-]} and fields in braces, each optionally padded with zeros ({@code :04d}, numbers only). Names are
 * one file in the output folder: never a path, never {@code ..}, never hidden; this is checked in the template and again
 * in every name it expands to, since clip and reel names come from the files.
 */
public final class NameTemplate {
    /** What a name may hold. */
    public static final Pattern NAME_CHARACTERS = Pattern.compile("[A-Za-z0-9._-]+");
    /** Longest file name most file systems take (bytes; the characters allowed are one byte each). */
    public static final int MAX_NAME = 255;
    private static final Pattern FIELD = Pattern.compile("\\{([^{}]*)\\}");
    private static final Pattern FIELD_BODY = Pattern.compile("([A-Za-z_]+)(?::(0?)([1-9][0-9]?)d)?");
    private static final int MAX_WIDTH = 20;

    /** The fields a template may use: clip, reel and frame come from the frame; shot, plate and version are given. */
    public enum Field {
        CLIP(false), REEL(false), FRAME(true), SHOT(false), PLATE(false), VERSION(true);

        private final boolean numeric;

        Field(boolean numeric) {
            this.numeric = numeric;
        }

        public boolean numeric() {
            return numeric;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The fields the user gives (rushes render --set key=value). */
        public static final Set<Field> GIVEN = EnumSet.of(SHOT, PLATE, VERSION);

        static Field of(String key) {
            for (Field f : values()) {
                if (f.key().equals(key)) {
                    return f;
                }
            }
            return null;
        }
    }

    /** A template that cannot be used: why, for the caller to place at its JSON path. */
    public static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private sealed interface Part permits Literal, Slot {
    }

    private record Literal(String text) implements Part {
    }

    /** A field, zero-padded to {@code width} digits (0: as it is). */
    private record Slot(Field field, int width) implements Part {
    }

    private final String text;
    private final List<Part> parts;

    private NameTemplate(String text, List<Part> parts) {
        this.text = text;
        this.parts = List.copyOf(parts);
    }

    /** Parses and checks a template; {@link Invalid} says what is wrong with it. */
    public static NameTemplate parse(String template) {
        List<Part> parts = new ArrayList<>();
        Matcher m = FIELD.matcher(template);
        int at = 0;
        while (m.find()) {
            literal(template.substring(at, m.start()), parts);
            Matcher body = FIELD_BODY.matcher(m.group(1));
            if (!body.matches()) {
                throw new Invalid("'{" + m.group(1) + "}' is not a field: write {name} or {name:04d} (zero-padded digits)");
            }
            Field field = Field.of(body.group(1));
            if (field == null) {
                throw new Invalid("unknown field {" + body.group(1) + "}: the fields are " + fieldList());
            }
            int width = body.group(3) == null ? 0 : Integer.parseInt(body.group(3));
            if (width > 0 && !field.numeric()) {
                throw new Invalid("{" + field.key() + "} is text, not a number: write {" + field.key() + "} without the ':"
                        + m.group(1).substring(m.group(1).indexOf(':') + 1) + "' padding");
            }
            if (width > MAX_WIDTH) {
                throw new Invalid("{" + m.group(1) + "} pads to " + width + " digits, above the limit of " + MAX_WIDTH);
            }
            parts.add(new Slot(field, width));
            at = m.end();
        }
        literal(template.substring(at), parts);
        NameTemplate t = new NameTemplate(template, parts);
        t.checkName(t.expandUnchecked(field -> field.numeric() ? "0" : "x"), "the template");
        return t;
    }

    private static void literal(String text, List<Part> parts) {
        if (text.isEmpty()) {
            return;
        }
        int brace = Math.max(text.indexOf('{'), text.indexOf('}'));
        if (brace >= 0) {
            throw new Invalid("'" + text.charAt(brace) + "' without its pair: fields are written {name}");
        }
        String bad = firstOutside(text);
        if (bad != null) {
            throw new Invalid("'" + bad + "' is outside the characters a name may hold, [A-Za-z0-9._-] (a name is one file in the output folder)");
        }
        parts.add(new Literal(text));
    }

    private static String fieldList() {
        return String.join(", ", java.util.Arrays.stream(Field.values()).map(Field::key).toList());
    }

    /** The first character outside {@code [A-Za-z0-9._-]}, described (a slash, a space, …), or null. */
    private static String firstOutside(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!(c < 128 && NAME_CHARACTERS.matcher(Character.toString(c)).matches())) {
                return c == ' ' ? "a space" : c < 32 || c == 127 ? String.format(Locale.ROOT, "U+%04X", c) : Character.toString(c);
            }
            i += Character.charCount(c);
        }
        return null;
    }

    /** The fields this template uses. */
    public Set<Field> fields() {
        Set<Field> used = EnumSet.noneOf(Field.class);
        parts.stream().filter(p -> p instanceof Slot).forEach(p -> used.add(((Slot) p).field()));
        return used;
    }

    public String text() {
        return text;
    }

    /** The name's last dot and what follows, lower case ("" when there is none). */
    public String extension() {
        int dot = text.lastIndexOf('.');
        return dot < 0 || text.indexOf('}', dot) >= 0 ? "" : text.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * The name for these values (numbers as decimal digits), checked as a file name: {@link Invalid} names the field
     * missing, a value that is not a number where the template pads one, or the character that does not belong.
     */
    public String expand(Map<Field, String> values) {
        for (Field f : fields()) {
            String v = values.get(f);
            if (v == null) {
                throw new Invalid("the naming template " + text + " uses {" + f.key() + "}, which has no value");
            }
            if (f.numeric() && !v.matches("[0-9]{1,18}")) {
                throw new Invalid("{" + f.key() + "} is '" + v + "', not a whole number of at most 18 digits");
            }
        }
        String name = expandUnchecked(values::get);
        checkName(name, "'" + name + "'");
        return name;
    }

    private String expandUnchecked(java.util.function.Function<Field, String> value) {
        StringBuilder out = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Literal l) {
                out.append(l.text());
            } else if (p instanceof Slot s) {
                String v = value.apply(s.field());
                out.append("0".repeat(Math.max(0, s.width() - v.length()))).append(v);
            }
        }
        return out.toString();
    }

    /** A name is one file in the output folder: the allowed characters, no "..", not hidden, not too long. */
    private void checkName(String name, String what) {
        String bad = firstOutside(name);
        if (bad != null) {
            throw new Invalid(what + " holds " + bad + ", outside the characters a name may hold, [A-Za-z0-9._-]");
        }
        if (name.contains("..")) {
            throw new Invalid(what + " holds '..': a name is one file in the output folder, never a way out of it");
        }
        if (name.startsWith(".")) {
            throw new Invalid(what + " starts with '.': the file would be hidden");
        }
        if (name.length() > MAX_NAME) {
            throw new Invalid(what + " is " + name.length() + " characters long, above the limit of " + MAX_NAME);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
