package io.rushes.engine.fdl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rushes.engine.error.Errors;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * An ASC Framing Decision List (v0.1 to v2.0.1), typed, over the JSON tree it was read from: the tree is kept so
 * that user properties ({@code _…}) and everything this model does not name survive a round trip unchanged.
 * Build it with {@link FdlReader}, which validates first; {@link #of} assumes a schema-valid tree.
 */
public record Fdl(String uuid, int major, int minor, String creator, String defaultFramingIntent, List<FramingIntent> framingIntents,
                  List<Context> contexts, List<CanvasTemplate> canvasTemplates, ObjectNode tree) {

    public record Dimensions(double width, double height) {
    }

    public record Point(double x, double y) {
    }

    /** An axis-aligned rectangle in canvas pixels: anchor (top left) and size. */
    public record Rect(double x, double y, double width, double height) {
        boolean contains(Rect inner, double tolerance) {
            return inner.x >= x - tolerance && inner.y >= y - tolerance
                    && inner.x + inner.width <= x + width + tolerance && inner.y + inner.height <= y + height + tolerance;
        }
    }

    public record FramingIntent(String path, String id, String label, Dimensions aspectRatio, double protection) {
    }

    public record Context(String path, String label, String creator, JsonNode clipId, List<Canvas> canvases) {
    }

    public record Canvas(String path, String id, String sourceCanvasId, String label, Dimensions dimensions, Dimensions effectiveDimensions,
                         Point effectiveAnchor, Dimensions photositeDimensions, Dimensions physicalDimensions, double anamorphicSqueeze,
                         List<FramingDecision> framingDecisions) {
        /** The whole canvas as a rectangle. */
        public Rect rect() {
            return new Rect(0, 0, dimensions.width(), dimensions.height());
        }

        /** The effective area, or the whole canvas when none is given. */
        public Rect effectiveRect() {
            if (effectiveDimensions == null) {
                return rect();
            }
            Point a = effectiveAnchor == null ? new Point(0, 0) : effectiveAnchor;
            return new Rect(a.x(), a.y(), effectiveDimensions.width(), effectiveDimensions.height());
        }
    }

    public record FramingDecision(String path, String id, String framingIntentId, String label, Dimensions dimensions, Point anchor,
                                  Dimensions protectionDimensions, Point protectionAnchor) {
        public Rect rect() {
            return new Rect(anchor.x(), anchor.y(), dimensions.width(), dimensions.height());
        }

        /** The protection area, or null when the decision has none. */
        public Rect protectionRect() {
            if (protectionDimensions == null) {
                return null;
            }
            Point a = protectionAnchor == null ? anchor : protectionAnchor;
            return new Rect(a.x(), a.y(), protectionDimensions.width(), protectionDimensions.height());
        }
    }

    /** A canvas template as written (its application, §7.4, reads the fields from the tree). */
    public record CanvasTemplate(String path, String id, String label, JsonNode node) {
    }

    /** The typed view of a schema-valid tree; a field of the wrong type still gives a clear error naming its path. */
    public static Fdl of(ObjectNode tree, String file) {
        JsonNode version = tree.path("version");
        List<FramingIntent> intents = list(tree, "framing_intents", "$", file, (n, p) -> new FramingIntent(p, text(n, "id", p, file),
                optionalText(n, "label"), dimensions(n, "aspect_ratio", p, file), n.path("protection").asDouble(0)));
        List<Context> contexts = list(tree, "contexts", "$", file, (c, cp) -> new Context(cp, optionalText(c, "label"),
                optionalText(c, "context_creator"), c.get("clip_id"), list(c, "canvases", cp, file, (v, vp) -> canvas(v, vp, file))));
        List<CanvasTemplate> templates = list(tree, "canvas_templates", "$", file,
                (t, tp) -> new CanvasTemplate(tp, text(t, "id", tp, file), optionalText(t, "label"), t));
        return new Fdl(text(tree, "uuid", "$", file), version.path("major").asInt(), version.path("minor").asInt(),
                optionalText(tree, "fdl_creator"), optionalText(tree, "default_framing_intent"), intents, contexts, templates, tree);
    }

    private static Canvas canvas(JsonNode v, String p, String file) {
        return new Canvas(p, text(v, "id", p, file), text(v, "source_canvas_id", p, file), optionalText(v, "label"),
                dimensions(v, "dimensions", p, file), optionalDimensions(v, "effective_dimensions", p, file),
                optionalPoint(v, "effective_anchor_point", p, file), optionalDimensions(v, "photosite_dimensions", p, file),
                optionalDimensions(v, "physical_dimensions", p, file), v.path("anamorphic_squeeze").asDouble(1.0),
                list(v, "framing_decisions", p, file, (d, dp) -> new FramingDecision(dp, text(d, "id", dp, file),
                        text(d, "framing_intent_id", dp, file), optionalText(d, "label"), dimensions(d, "dimensions", dp, file),
                        point(d, "anchor_point", dp, file), optionalDimensions(d, "protection_dimensions", dp, file),
                        optionalPoint(d, "protection_anchor_point", dp, file))));
    }

    private static <T> List<T> list(JsonNode parent, String field, String path, String file, BiFunction<JsonNode, String, T> item) {
        JsonNode array = parent.get(field);
        List<T> out = new ArrayList<>();
        if (array == null) {
            return out;
        }
        if (!array.isArray()) {
            throw Errors.invalidDocument(file, path + "." + field, "expected an array", "Write " + field + " as a JSON array");
        }
        for (int i = 0; i < array.size(); i++) {
            out.add(item.apply(array.get(i), path + "." + field + "[" + i + "]"));
        }
        return List.copyOf(out);
    }

    private static String text(JsonNode n, String field, String path, String file) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw Errors.invalidDocument(file, path + "." + field, v == null ? "required field missing" : "expected a string",
                    "Give " + field + " as a string (ASC FDL §7)");
        }
        return v.asText();
    }

    private static String optionalText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isTextual() ? null : v.asText();
    }

    private static Dimensions dimensions(JsonNode n, String field, String path, String file) {
        JsonNode v = n.get(field);
        if (v == null || !v.path("width").isNumber() || !v.path("height").isNumber()) {
            throw Errors.invalidDocument(file, path + "." + field, "needs numeric width and height", "Give " + field + " as {\"width\": …, \"height\": …}");
        }
        return new Dimensions(v.get("width").asDouble(), v.get("height").asDouble());
    }

    private static Dimensions optionalDimensions(JsonNode n, String field, String path, String file) {
        return n.has(field) ? dimensions(n, field, path, file) : null;
    }

    private static Point point(JsonNode n, String field, String path, String file) {
        JsonNode v = n.get(field);
        if (v == null || !v.path("x").isNumber() || !v.path("y").isNumber()) {
            throw Errors.invalidDocument(file, path + "." + field, "needs numeric x and y", "Give " + field + " as {\"x\": …, \"y\": …}");
        }
        return new Point(v.get("x").asDouble(), v.get("y").asDouble());
    }

    private static Point optionalPoint(JsonNode n, String field, String path, String file) {
        return n.has(field) ? point(n, field, path, file) : null;
    }

    /** Every canvas of every context, in document order. */
    public List<Canvas> canvases() {
        return contexts.stream().flatMap(c -> c.canvases().stream()).toList();
    }
}
