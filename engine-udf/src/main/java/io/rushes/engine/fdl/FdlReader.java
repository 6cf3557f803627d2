package io.rushes.engine.fdl;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.rushes.engine.error.Errors;
import io.rushes.engine.error.RushesException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads and validates an ASC FDL: bounded JSON parsing (size, string length, nesting depth, duplicate keys), the
 * published JSON Schema of the document's own version, then the rules a schema cannot express (§7): unique and
 * resolvable ids, framing decision id = canvas id + "-" + framing intent id, canvas ⊇ effective ⊇ protection ⊇
 * framing, positive sizes and squeeze, anchors that go with their dimensions. Every problem names its JSON path.
 */
public final class FdlReader {
    /** Largest document read: real FDLs are a few kilobytes; this leaves room for many contexts. */
    public static final int MAX_BYTES = 16 << 20;
    private static final int MAX_STRING = 1 << 20;
    private static final int MAX_DEPTH = 64;
    /** Containment tolerance in pixels: anchors and sizes are floats (§7.3.4.10.5), written rounded. */
    private static final double TOLERANCE = 1e-6;

    private static final ObjectMapper JSON = io.rushes.engine.io.BoundedJson.mapper(MAX_BYTES, MAX_STRING, MAX_DEPTH);
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    public enum Severity { ERROR, WARNING }

    /**
     * What a problem is about. A NAMING fault (an id that breaks the naming rule of §7.3.4.10.2) leaves the document's
     * meaning whole: applying and framing go on past it with a warning, as the ASC reference implementation does; GEOMETRY
     * (sizes, squeeze, containment) and DOCUMENT faults (JSON, schema, unresolvable or repeated ids) are refused.
     */
    public enum Kind { DOCUMENT, GEOMETRY, NAMING }

    public record Problem(Severity severity, Kind kind, String path, String message) {
        public Problem(Severity severity, String path, String message) {
            this(severity, Kind.DOCUMENT, path, message);
        }

        @Override
        public String toString() {
            return severity.name().toLowerCase(java.util.Locale.ROOT) + " at " + path + ": " + message;
        }
    }

    /** What reading gave: the typed FDL when there is no error, and every problem found. */
    public record Result(String file, Fdl fdl, List<Problem> problems) {
        public boolean valid() {
            return problems.stream().noneMatch(p -> p.severity() == Severity.ERROR);
        }
    }

    private FdlReader() {
    }

    /** Reads a document, collecting every problem; never throws for a bad document. */
    public static Result read(byte[] bytes, String file) {
        List<Problem> problems = new ArrayList<>();
        Fdl fdl = typed(bytes, file, problems);
        return new Result(file, problems.stream().anyMatch(p -> p.severity() == Severity.ERROR) ? null : fdl, problems);
    }

    /** The typed FDL when the document is schema-valid (whatever the rules of §7 found, which are added to problems), else null. */
    private static Fdl typed(byte[] bytes, String file, List<Problem> problems) {
        if (bytes.length > MAX_BYTES) {
            problems.add(new Problem(Severity.ERROR, "$", "the document is " + bytes.length + " bytes, above the limit of " + MAX_BYTES
                    + ": an FDL is a few kilobytes of framing; this is not one"));
            return null;
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            problems.add(new Problem(Severity.ERROR, "$", "not valid JSON" + (where == null ? "" : " (line " + where.getLineNr() + ", column "
                    + where.getColumnNr() + ")") + ": " + e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            throw Errors.io(file, e);
        }
        if (root == null || !root.isObject()) {
            problems.add(new Problem(Severity.ERROR, "$", "an FDL is a JSON object, not " + (root == null ? "empty" : root.getNodeType())));
            return null;
        }
        ObjectNode tree = (ObjectNode) root;
        JsonSchema schema = schemaFor(tree, problems);
        if (schema == null) {
            return null;
        }
        JsonNode checked = tree;
        if (tree.path("version").path("major").asInt() == 1 && tree.path("version").path("minor").asInt() == 1) {
            ObjectNode copy = tree.deepCopy(); // the 1.0 schema pins minor 0; 1.1 changed wording only (change log, January 2024)
            ((ObjectNode) copy.get("version")).put("minor", 0);
            checked = copy;
        }
        schema.validate(checked).stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString()).thenComparing(ValidationMessage::getMessage))
                .forEach(m -> problems.add(new Problem(Severity.ERROR, m.getInstanceLocation().toString(), withoutPath(m))));
        if (problems.stream().anyMatch(p -> p.severity() == Severity.ERROR)) {
            return null;
        }
        Fdl fdl;
        try {
            fdl = Fdl.of(tree, file);
        } catch (RushesException e) {
            problems.add(new Problem(Severity.ERROR, "$", e.getMessage()));
            return null;
        }
        checkSemantics(fdl, problems);
        return fdl;
    }

    /** Reads a document that must be valid: the typed FDL, or a user error naming the first problem and how many there are. */
    public static Fdl load(byte[] bytes, String file) {
        Result r = read(bytes, file);
        if (!r.valid()) {
            throw refused(file, r.problems().stream().filter(p -> p.severity() == Severity.ERROR).toList());
        }
        return r.fdl();
    }

    /** An FDL to apply a template to or frame by, and the naming faults gone on past, as warnings for the user. */
    public record Usable(Fdl fdl, List<Problem> warnings) {
    }

    /**
     * Reads a document to use, not to validate: naming faults ({@link Kind#NAMING}) become warnings, as the ASC reference
     * implementation applies templates to FDLs whose ids break the naming rule; every other error is refused as by
     * {@link #load}. {@code fdl validate} still reports naming faults as errors.
     */
    public static Usable loadForUse(byte[] bytes, String file) {
        List<Problem> problems = new ArrayList<>();
        Fdl fdl = typed(bytes, file, problems);
        List<Problem> refused = problems.stream().filter(p -> p.severity() == Severity.ERROR && p.kind() != Kind.NAMING).toList();
        if (fdl == null || !refused.isEmpty()) {
            throw refused(file, refused);
        }
        List<Problem> warnings = problems.stream().filter(p -> p.severity() == Severity.ERROR)
                .map(p -> new Problem(Severity.WARNING, p.kind(), p.path(), p.message()
                        + "; a naming fault only, so used as it is (fdl validate reports it)")).toList();
        return new Usable(fdl, warnings);
    }

    private static RushesException refused(String file, List<Problem> errors) {
        Problem first = errors.get(0);
        return Errors.invalidDocument(file, first.path(), first.message() + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""),
                "Fix the FDL (rushes fdl validate lists every problem) or ask its author for a conformant one (ASC FDL 2.0.1)");
    }

    /** The validator's message without the path it repeats, and in the specification's words where the schema's are opaque. */
    private static String withoutPath(ValidationMessage m) {
        if ("not".equals(m.getType()) && m.getInstanceLocation().toString().endsWith(".clip_id")) {
            return "clip_id may give file or sequence, not both (§7.3.3.2)";
        }
        String text = m.getMessage();
        String prefix = m.getInstanceLocation().toString() + ": ";
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    /** The published schema of the document's version (1.1 has none of its own: the 1.0 schema, its version aside). */
    private static JsonSchema schemaFor(ObjectNode tree, List<Problem> problems) {
        JsonNode v = tree.path("version");
        if (!v.path("major").isInt() || !v.path("minor").isInt()) {
            problems.add(new Problem(Severity.ERROR, "$.version", "required: {\"major\": int, \"minor\": int} (ASC FDL §7.1.2)"));
            return null;
        }
        int major = v.get("major").asInt();
        int minor = v.get("minor").asInt();
        String resource = switch (major * 100 + minor) {
            case 1 -> "v0.1";
            case 100, 101 -> "v1.0";
            case 200 -> "v2.0.1";
            default -> null;
        };
        if (resource == null) {
            problems.add(new Problem(Severity.ERROR, "$.version", "FDL version " + major + "." + minor
                    + " is not supported: Rushes reads 0.1, 1.0, 1.1 and 2.0 (2.0.1 errata)"));
            return null;
        }
        if (major == 1 && minor == 1) {
            problems.add(new Problem(Severity.WARNING, "$.version", "no 1.1 schema is published: checked against the 1.0 schema"));
        }
        return load(resource);
    }

    private static JsonSchema load(String version) {
        return SCHEMAS.computeIfAbsent(version, v -> {
            try (InputStream in = FdlReader.class.getResourceAsStream("schema/" + v + "/ascfdl.schema.json")) {
                if (in == null) {
                    throw new IllegalStateException("FDL schema " + v + " missing from the jar");
                }
                SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).pathType(PathType.JSON_PATH).build();
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read FDL schema " + v, e);
            }
        });
    }

    private static void checkSemantics(Fdl fdl, List<Problem> problems) {
        Map<String, Fdl.FramingIntent> intents = new HashMap<>();
        for (Fdl.FramingIntent i : fdl.framingIntents()) {
            if (intents.putIfAbsent(i.id(), i) != null) {
                problems.add(error(i.path() + ".id", "framing intent id '" + i.id() + "' is used twice (§7.2.2: unique within the FDL)"));
            }
            if (i.aspectRatio().width() <= 0 || i.aspectRatio().height() <= 0) {
                problems.add(geometry(i.path() + ".aspect_ratio", "aspect ratio " + fmt(i.aspectRatio()) + " must be positive"));
            }
            if (i.protection() < 0 || i.protection() >= 1) {
                problems.add(geometry(i.path() + ".protection", "protection " + i.protection() + " must be in [0, 1)"));
            }
        }
        if (fdl.defaultFramingIntent() != null && !intents.containsKey(fdl.defaultFramingIntent())) {
            problems.add(error("$.default_framing_intent", "'" + fdl.defaultFramingIntent() + "' names no framing intent"));
        }
        Set<String> canvasIds = new HashSet<>();
        for (Fdl.Canvas c : fdl.canvases()) {
            if (!canvasIds.add(c.id())) {
                problems.add(error(c.path() + ".id", "canvas id '" + c.id() + "' is used twice (§7.3.4.2: unique within the FDL)"));
            }
        }
        Set<String> decisionIds = new HashSet<>();
        for (Fdl.Context context : fdl.contexts()) {
            checkClipId(context, problems);
            for (Fdl.Canvas c : context.canvases()) {
                checkCanvas(c, canvasIds, problems);
                for (Fdl.FramingDecision d : c.framingDecisions()) {
                    if (!decisionIds.add(d.id())) {
                        problems.add(error(d.path() + ".id", "framing decision id '" + d.id() + "' is used twice"));
                    }
                    checkDecision(c, d, intents, problems);
                }
            }
        }
        Set<String> templateIds = new HashSet<>();
        for (Fdl.CanvasTemplate t : fdl.canvasTemplates()) {
            if (!templateIds.add(t.id())) {
                problems.add(error(t.path() + ".id", "canvas template id '" + t.id() + "' is used twice"));
            }
            checkTemplate(t, problems);
        }
    }

    private static void checkClipId(Fdl.Context context, List<Problem> problems) {
        JsonNode clip = context.clipId();
        if (clip == null) {
            return;
        }
        String path = context.path() + ".clip_id";
        if (clip.has("file") && clip.has("sequence")) {
            problems.add(error(path, "clip_id may give file or sequence, not both (§7.3.3.2)"));
        }
        JsonNode seq = clip.get("sequence");
        if (seq != null && seq.path("min").isNumber() && seq.path("max").isNumber() && seq.get("min").asLong() > seq.get("max").asLong()) {
            problems.add(error(path + ".sequence", "min " + seq.get("min").asLong() + " is after max " + seq.get("max").asLong()));
        }
        if (seq != null && seq.path("value").isTextual() && seq.path("idx").isTextual()
                && !seq.get("idx").asText().isEmpty() && !seq.get("value").asText().contains(seq.get("idx").asText())) {
            problems.add(error(path + ".sequence.value", "'" + seq.get("value").asText() + "' has no '" + seq.get("idx").asText()
                    + "' to carry the frame number"));
        }
    }

    private static void checkCanvas(Fdl.Canvas c, Set<String> canvasIds, List<Problem> problems) {
        if (!positiveFinite(c.dimensions())) {
            problems.add(geometry(c.path() + ".dimensions", "canvas dimensions " + fmt(c.dimensions()) + " must be positive and finite"));
        }
        if (!(c.anamorphicSqueeze() > 0) || Double.isInfinite(c.anamorphicSqueeze())) {
            problems.add(geometry(c.path() + ".anamorphic_squeeze", "squeeze " + c.anamorphicSqueeze() + " must be a finite number greater than 0"));
        }
        if (!canvasIds.contains(c.sourceCanvasId())) {
            problems.add(new Problem(Severity.WARNING, c.path() + ".source_canvas_id", "source canvas '" + c.sourceCanvasId()
                    + "' is not in this FDL (§7.3.4.3: a derived FDL should keep its source canvas)"));
        }
        if (c.effectiveDimensions() != null) {
            if (c.effectiveAnchor() == null) {
                problems.add(error(c.path() + ".effective_anchor_point", "required with effective_dimensions (§7.3.4.6)"));
            }
            if (!positiveFinite(c.effectiveDimensions())) {
                problems.add(geometry(c.path() + ".effective_dimensions", "effective dimensions " + fmt(c.effectiveDimensions()) + " must be positive and finite"));
            } else if (!c.rect().contains(c.effectiveRect(), TOLERANCE)) {
                problems.add(geometry(c.path() + ".effective_dimensions", "the effective area " + fmt(c.effectiveRect()) + " leaves the canvas "
                        + fmt(c.rect())));
            }
        }
    }

    private static void checkDecision(Fdl.Canvas c, Fdl.FramingDecision d, Map<String, Fdl.FramingIntent> intents, List<Problem> problems) {
        if (!intents.containsKey(d.framingIntentId())) {
            problems.add(error(d.path() + ".framing_intent_id", "'" + d.framingIntentId() + "' names no framing intent"));
        }
        String expected = c.id() + "-" + d.framingIntentId();
        if (!d.id().equals(expected)) {
            problems.add(naming(d.path() + ".id", "'" + d.id() + "' should be '" + expected + "' (§7.3.4.10.2: canvas id - framing intent id)"));
        }
        if (!positiveFinite(d.dimensions())) {
            problems.add(geometry(d.path() + ".dimensions", "framing dimensions " + fmt(d.dimensions()) + " must be positive and finite"));
            return;
        }
        Fdl.Rect outer = c.effectiveRect();
        String outerName = c.effectiveDimensions() == null ? "canvas" : "effective area";
        Fdl.Rect protection = d.protectionRect();
        if (protection != null) {
            if (d.protectionAnchor() == null) {
                problems.add(error(d.path() + ".protection_anchor_point", "required with protection_dimensions (§7.3.4.10.7)"));
            }
            if (!outer.contains(protection, TOLERANCE)) {
                problems.add(geometry(d.path() + ".protection_dimensions", "the protection area " + fmt(protection) + " leaves the " + outerName
                        + " " + fmt(outer)));
            }
            if (!protection.contains(d.rect(), TOLERANCE)) {
                problems.add(geometry(d.path() + ".dimensions", "the framing " + fmt(d.rect()) + " leaves its protection area " + fmt(protection)));
            }
        } else if (!outer.contains(d.rect(), TOLERANCE)) {
            problems.add(geometry(d.path() + ".dimensions", "the framing " + fmt(d.rect()) + " leaves the " + outerName + " " + fmt(outer)));
        }
    }

    private static void checkTemplate(Fdl.CanvasTemplate t, List<Problem> problems) {
        JsonNode n = t.node();
        JsonNode target = n.path("target_dimensions");
        if (target.path("width").asDouble(1) <= 0 || target.path("height").asDouble(1) <= 0) {
            problems.add(geometry(t.path() + ".target_dimensions", "target dimensions must be positive"));
        }
        if (n.has("target_anamorphic_squeeze") && !(n.get("target_anamorphic_squeeze").asDouble() >= 0)) {
            problems.add(geometry(t.path() + ".target_anamorphic_squeeze", "must be 0 (keep the source's) or positive"));
        }
        JsonNode max = n.path("maximum_dimensions");
        if (max.isObject() && (max.path("width").asDouble() < target.path("width").asDouble(0)
                || max.path("height").asDouble() < target.path("height").asDouble(0))) {
            problems.add(geometry(t.path() + ".maximum_dimensions", "smaller than target_dimensions"));
        }
    }

    /** Both sides above 0 and finite (JSON has no infinity, but 1e999 parses as one). */
    private static boolean positiveFinite(Fdl.Dimensions d) {
        return d.width() > 0 && d.height() > 0 && !Double.isInfinite(d.width()) && !Double.isInfinite(d.height());
    }

    private static Problem error(String path, String message) {
        return new Problem(Severity.ERROR, Kind.DOCUMENT, path, message);
    }

    private static Problem geometry(String path, String message) {
        return new Problem(Severity.ERROR, Kind.GEOMETRY, path, message);
    }

    private static Problem naming(String path, String message) {
        return new Problem(Severity.ERROR, Kind.NAMING, path, message);
    }

    private static String fmt(Fdl.Dimensions d) {
        return num(d.width()) + "x" + num(d.height());
    }

    private static String fmt(Fdl.Rect r) {
        return num(r.width()) + "x" + num(r.height()) + " at (" + num(r.x()) + ", " + num(r.y()) + ")";
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
