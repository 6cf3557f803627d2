package io.rushes.engine.fdl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rushes.engine.api.EngineVersion;
import io.rushes.engine.error.Errors;
import io.rushes.engine.image.ImageLimits;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.UUID;

/**
 * A canvas template (ASC FDL §7.4) applied to a source canvas and one of its framing decisions, in the order §7.4.1
 * gives and the ASC reference implementation follows: normalise fit source and target by their squeezes, one
 * uniform scale factor from the fit method, scale every layer in floating point, size the output per axis
 * (fit, crop to maximum_dimensions or pad to it), shift the content by alignment, clip the layers to the output,
 * and only then round {@code canvas.dimensions} by the template's rule (effective dimensions are ceiled), moving the
 * anchors by half the rounding so content stays centred. Inner dimensions and anchors stay fractional.
 *
 * <p>The mapping from source canvas pixels to output canvas pixels is x' = (x − origin.x)·scaleX + translation.x,
 * y' = (y − origin.y)·scaleY + translation.y ({@link #toOutput}), which the pixel framing uses.
 */
public record CanvasTemplateApplication(Fdl.Canvas source, Fdl.FramingDecision decision, Fdl.CanvasTemplate template,
                                        Layer canvas, Layer effective, Layer protection, Layer framing, double outputSqueeze,
                                        double scaleX, double scaleY, double originX, double originY, double translationX,
                                        double translationY, ObjectNode result) {

    /** One geometry layer in output pixels: size and the anchor of its top-left corner; null dims when absent. */
    public record Layer(double x, double y, double width, double height) {
        Layer moved(double dx, double dy) {
            return new Layer(x + dx, y + dy, width, height);
        }
    }

    private static final String[] PATHS = {"canvas.dimensions", "canvas.effective_dimensions",
            "framing_decision.protection_dimensions", "framing_decision.dimensions"};
    private static final int MAX_IDS_LISTED = 20;
    /** Values within this of an integer are that integer: float noise must not round 2880 up to 2882. */
    private static final double SNAP = 1e-6;

    /** Source canvas pixel x to output canvas pixel x. */
    public double toOutputX(double x) {
        return (x - originX) * scaleX + translationX;
    }

    public double toOutputY(double y) {
        return (y - originY) * scaleY + translationY;
    }

    /** Output canvas pixel x back to source canvas pixels. */
    public double toSourceX(double x) {
        return (x - translationX) / scaleX + originX;
    }

    public double toSourceY(double y) {
        return (y - translationY) / scaleY + originY;
    }

    /** (x, y) of a source point in the output canvas. */
    public double[] toOutput(double x, double y) {
        return new double[] {toOutputX(x), toOutputY(y)};
    }

    /**
     * Applies {@code template} to the framing decision of {@code intentId} (null: the FDL's default, else the canvas's
     * first) on canvas {@code canvasId} (null: the first canvas); the new canvas gets {@code newCanvasId}.
     */
    public static CanvasTemplateApplication apply(Fdl fdl, String canvasId, String intentId, String templateId, String newCanvasId) {
        Fdl.Canvas canvas = canvas(fdl, canvasId);
        return applyTo(fdl, canvas, decision(fdl, canvas, intentId), template(fdl.canvasTemplates(), templateId, "the FDL"), newCanvasId);
    }

    /**
     * Applies the FDL's canvas template {@code templateId} to the framing decision {@code decisionId}, on whichever canvas
     * holds it (null: the default intent's decision on the first canvas), as a pull list or a render names a decision.
     */
    public static CanvasTemplateApplication forDecision(Fdl fdl, String decisionId, String templateId, String newCanvasId) {
        if (decisionId == null) {
            return apply(fdl, null, null, templateId, newCanvasId);
        }
        for (Fdl.Canvas canvas : fdl.canvases()) {
            for (Fdl.FramingDecision decision : canvas.framingDecisions()) {
                if (decision.id().equals(decisionId)) {
                    return applyTo(fdl, canvas, decision, template(fdl.canvasTemplates(), templateId, "the FDL"), newCanvasId);
                }
            }
        }
        throw Errors.invalidArgument("the FDL has no framing decision '" + decisionId + "'; its decisions: " + ids(fdl.canvases().stream()
                .flatMap(c -> c.framingDecisions().stream()).map(Fdl.FramingDecision::id).toList()), "Give one of these ids");
    }

    /** The canvas of that id (null: the first), or an error naming the id and listing the canvases the FDL has. */
    public static Fdl.Canvas canvas(Fdl fdl, String canvasId) {
        return fdl.canvases().stream().filter(c -> canvasId == null || c.id().equals(canvasId)).findFirst()
                .orElseThrow(() -> Errors.invalidArgument("the FDL has no canvas" + (canvasId == null ? "" : " '" + canvasId + "'")
                        + "; its canvases: " + ids(fdl.canvases().stream().map(Fdl.Canvas::id).toList()), "Give one of these to --canvas"));
    }

    /**
     * The canvas's framing decision for {@code intentId} (null: the FDL's default intent, else the canvas's first
     * decision), or an error naming the intent and listing those the canvas has decisions for.
     */
    public static Fdl.FramingDecision decision(Fdl fdl, Fdl.Canvas canvas, String intentId) {
        String intent = intentId != null ? intentId : fdl.defaultFramingIntent();
        return canvas.framingDecisions().stream().filter(d -> intent == null || d.framingIntentId().equals(intent)).findFirst()
                .orElseThrow(() -> Errors.invalidArgument("canvas '" + canvas.id() + "' has no framing decision"
                        + (intent == null ? "" : " for framing intent '" + intent + "'") + "; it has decisions for the intents: "
                        + ids(canvas.framingDecisions().stream().map(Fdl.FramingDecision::framingIntentId).toList()),
                        "Give one of these to --intent"));
    }

    /** The template of that id among {@code templates} (null: the first), or an error listing the ids there are in {@code where}. */
    public static Fdl.CanvasTemplate template(List<Fdl.CanvasTemplate> templates, String templateId, String where) {
        return templates.stream().filter(t -> templateId == null || t.id().equals(templateId)).findFirst()
                .orElseThrow(() -> Errors.invalidArgument(where + " has no canvas template" + (templateId == null ? "" : " '" + templateId + "'")
                        + "; its templates: " + ids(templates.stream().map(Fdl.CanvasTemplate::id).toList()),
                        templates.isEmpty() ? "Give --template an FDL file that holds the canvas template" : "Give one of these ids, or an FDL file holding the template"));
    }

    /** Ids for a message: quoted, distinct, at most 20 of them. */
    private static String ids(List<String> all) {
        List<String> distinct = all.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return "none";
        }
        String shown = distinct.stream().limit(MAX_IDS_LISTED).map(i -> "'" + i + "'").collect(Collectors.joining(", "));
        return distinct.size() > MAX_IDS_LISTED ? shown + " and " + (distinct.size() - MAX_IDS_LISTED) + " more" : shown;
    }

    public static CanvasTemplateApplication applyTo(Fdl fdl, Fdl.Canvas canvas, Fdl.FramingDecision decision, Fdl.CanvasTemplate template,
                                                  String newCanvasId) {
        JsonNode t = template.node();
        String where = template.path();
        String fitSource = t.path("fit_source").asText();
        int fitLevel = level(fitSource, where + ".fit_source");
        String preserve = t.path("preserve_from_source_canvas").asText("none");
        int preserveLevel = preserve.equals("none") || preserve.isEmpty() ? -1 : level(preserve, where + ".preserve_from_source_canvas");
        String method = t.path("fit_method").asText();
        double targetW = size(t, "target_dimensions", "width", where);
        double targetH = size(t, "target_dimensions", "height", where);
        double inSqueeze = canvas.anamorphicSqueeze();
        double outSqueeze = t.path("target_anamorphic_squeeze").asDouble(1.0) == 0 ? inSqueeze : t.path("target_anamorphic_squeeze").asDouble(1.0);
        if (!(outSqueeze > 0) || Double.isInfinite(outSqueeze)) {
            throw Errors.invalidDocument(null, where + ".target_anamorphic_squeeze", "squeeze " + outSqueeze + " is not a positive finite number",
                    "Give 0 (keep the source's) or the squeeze of the deliverable, e.g. 1.0");
        }
        boolean hasMax = t.path("maximum_dimensions").isObject();
        double maxW = hasMax ? size(t, "maximum_dimensions", "width", where) : 0;
        double maxH = hasMax ? size(t, "maximum_dimensions", "height", where) : 0;
        boolean pad = hasMax && t.path("pad_to_maximum").asBoolean(false);
        double alignH = align(t.path("alignment_method_horizontal").asText("center"), "left", "right", where + ".alignment_method_horizontal");
        double alignV = align(t.path("alignment_method_vertical").asText("center"), "top", "bottom", where + ".alignment_method_vertical");
        String even = t.path("round").path("even").asText("even");
        String mode = t.path("round").path("mode").asText("up");

        // 1–3: the source layers from the outermost one kept, inward; gaps above filled from below; origin at the kept one.
        Layer[] source = sourceLayers(canvas, decision);
        int outer = preserveLevel >= 0 ? Math.min(preserveLevel, fitLevel) : fitLevel;
        if (source[2] == null && (fitLevel == 2 || preserveLevel == 2)) {
            throw Errors.invalidDocument(null, where, "the template needs framing_decision.protection_dimensions, which '" + decision.id()
                    + "' does not have", "Use framing_decision.dimensions or a canvas layer, or add protection to the decision");
        }
        Layer[] layers = new Layer[4];
        for (int l = outer; l < 4; l++) {
            layers[l] = source[l];
        }
        for (int l = outer - 1; l >= 0; l--) {
            layers[l] = layers[l + 1] != null ? layers[l + 1] : layers[l + 2];
        }
        Layer reference = layers[outer];
        double originX = reference.x();
        double originY = reference.y();
        Layer fit = layers[fitLevel];

        // 4: one scale factor, on square-pixel (desqueezed) sizes.
        double fitW = fit.width() * inSqueeze;
        double fitH = fit.height();
        double tW = targetW * outSqueeze;
        double scale = switch (method) {
            case "width" -> tW / fitW;
            case "height" -> targetH / fitH;
            case "fit_all" -> Math.min(tW / fitW, targetH / fitH);
            case "fill" -> Math.max(tW / fitW, targetH / fitH);
            default -> throw Errors.invalidDocument(null, where + ".fit_method", "unknown fit method '" + method + "'",
                    "Use width, height, fit_all or fill (§7.4.7)");
        };
        double sx = scale * inSqueeze / outSqueeze;
        double sy = scale;

        // 5: scale every layer (anchors relative to the origin), no rounding.
        Layer[] scaled = new Layer[4];
        for (int l = 0; l < 4; l++) {
            Layer s = layers[l];
            scaled[l] = s == null ? null : new Layer((s.x() - originX) * sx, (s.y() - originY) * sy, s.width() * sx, s.height() * sy);
        }
        Layer box = scaled[0];
        Layer fitScaled = scaled[fitLevel];

        // 6–7: output size and content shift per axis.
        double outW = hasMax && (pad || box.width() > maxW) ? maxW : box.width();
        double outH = hasMax && (pad || box.height() > maxH) ? maxH : box.height();
        double shiftX = shift(box.width(), outW, targetW, fitScaled.width(), fitScaled.x(), alignH, pad);
        double shiftY = shift(box.height(), outH, targetH, fitScaled.height(), fitScaled.y(), alignV, pad);

        // 8–9: move, then clip each layer to the output canvas and to its parent.
        Layer eff = visible(scaled[1].moved(shiftX, shiftY), outW, outH);
        Layer prot = scaled[2] == null ? null : visible(scaled[2].moved(shiftX, shiftY), outW, outH);
        Layer frame = visible(scaled[3].moved(shiftX, shiftY), outW, outH);
        eff = new Layer(eff.x(), eff.y(), Math.min(eff.width(), outW), Math.min(eff.height(), outH));
        if (prot != null) {
            prot = new Layer(prot.x(), prot.y(), Math.min(prot.width(), eff.width()), Math.min(prot.height(), eff.height()));
        }
        Layer parent = prot != null ? prot : eff;
        frame = new Layer(frame.x(), frame.y(), Math.min(frame.width(), parent.width()), Math.min(frame.height(), parent.height()));

        // 9b: integer canvas (template rule) and effective (ceil); anchors take half the rounding.
        double canvasW = round(outW, even, mode);
        double canvasH = round(outH, even, mode);
        double dx = (canvasW - outW) / 2;
        double dy = (canvasH - outH) / 2;
        double effW = Math.min(Math.ceil(snap(eff.width())), canvasW);
        double effH = Math.min(Math.ceil(snap(eff.height())), canvasH);
        double effX = clamp(eff.x() + dx - (Math.ceil(snap(eff.width())) - eff.width()) / 2, 0, canvasW - effW);
        double effY = clamp(eff.y() + dy - (Math.ceil(snap(eff.height())) - eff.height()) / 2, 0, canvasH - effH);
        Layer effective = new Layer(effX, effY, effW, effH);
        Layer protection = prot == null ? null : inside(prot.moved(dx, dy), canvasW, canvasH, effective);
        Layer framing = inside(frame.moved(dx, dy), canvasW, canvasH, protection != null ? protection : effective);
        Layer out = new Layer(0, 0, canvasW, canvasH);
        checkResult(where, canvas, out, effective, framing);

        CanvasTemplateApplication a = new CanvasTemplateApplication(canvas, decision, template, out, effective, protection, framing,
                outSqueeze, sx, sy, originX, originY, shiftX + dx, shiftY + dy, null);
        return new CanvasTemplateApplication(canvas, decision, template, out, effective, protection, framing, outSqueeze, sx, sy,
                originX, originY, shiftX + dx, shiftY + dy, a.document(fdl, newCanvasId, box));
    }

    /** A template size (target or maximum): whole pixels, at least 1 and at most {@link ImageLimits#MAX_SIDE}. */
    private static double size(JsonNode template, String object, String field, String where) {
        String path = where + "." + object + "." + field;
        JsonNode v = template.path(object).path(field);
        double d = v.asDouble(Double.NaN);
        if (!v.isNumber() || !(d >= 1) || Double.isInfinite(d)) {
            throw Errors.invalidDocument(null, path, (v.isMissingNode() ? "missing" : "is " + v) + ": a template's sizes are whole pixels, at least 1",
                    "Give the deliverable's size in pixels (§7.4.3)");
        }
        if (d > ImageLimits.MAX_SIDE) {
            throw Errors.outputTooLarge(null, "at " + path + ": the template's " + object.replace('_', ' ') + " " + field, v.numberValue(),
                    ImageLimits.MAX_SIDE, "No deliverable is this large: check the template's numbers");
        }
        return d;
    }

    /**
     * The new canvas before it is written: a whole canvas of at least 1x1 pixel and at most the size limit per side, and
     * effective and framing areas that are not empty (a template whose rounding or maximum leaves nothing is refused here,
     * not written for {@code fdl validate} to reject).
     */
    private static void checkResult(String where, Fdl.Canvas source, Layer canvas, Layer effective, Layer framing) {
        String resultPath = "$.contexts[0].canvases[1]";
        String applied = "applied to canvas '" + source.id() + "', the template gives ";
        String fix = "Check the template's target_dimensions, maximum_dimensions, fit_method and round (§7.4) against this canvas";
        if (!(canvas.width() >= 1 && canvas.height() >= 1) || Double.isInfinite(canvas.width()) || Double.isInfinite(canvas.height())) {
            throw Errors.invalidDocument(null, where, applied + "a canvas of " + fmt(canvas) + " (" + resultPath
                    + ".dimensions of the result): a canvas is at least 1x1 pixel", fix);
        }
        if (canvas.width() > ImageLimits.MAX_SIDE || canvas.height() > ImageLimits.MAX_SIDE) {
            throw Errors.outputTooLarge(null, "at " + where + ": " + applied + "a canvas of " + fmt(canvas) + " (" + resultPath
                    + ".dimensions); its larger side", whole(Math.max(canvas.width(), canvas.height())), ImageLimits.MAX_SIDE, fix);
        }
        if (!(effective.width() > 0 && effective.height() > 0)) {
            throw Errors.invalidDocument(null, where, applied + "an empty effective area " + fmt(effective) + " (" + resultPath
                    + ".effective_dimensions)", fix);
        }
        if (!(framing.width() > 0 && framing.height() > 0)) {
            throw Errors.invalidDocument(null, where, applied + "an empty framing decision " + fmt(framing) + " (" + resultPath
                    + ".framing_decisions[0].dimensions): the framing falls outside the new canvas", fix);
        }
    }

    private static String fmt(Layer l) {
        return num(l.width()) + "x" + num(l.height());
    }

    private static String num(double v) {
        return whole(v).toString();
    }

    /** A size as a message shows it: whole numbers without a fraction, others as they are. */
    private static Number whole(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Number) (long) v : (Number) v;
    }

    private static Layer[] sourceLayers(Fdl.Canvas c, Fdl.FramingDecision d) {
        Layer canvas = new Layer(0, 0, c.dimensions().width(), c.dimensions().height());
        Fdl.Rect e = c.effectiveRect();
        Fdl.Rect p = d.protectionRect();
        Fdl.Rect f = d.rect();
        return new Layer[] {canvas, new Layer(e.x(), e.y(), e.width(), e.height()),
                p == null ? null : new Layer(p.x(), p.y(), p.width(), p.height()), new Layer(f.x(), f.y(), f.width(), f.height())};
    }

    private static int level(String path, String where) {
        for (int i = 0; i < PATHS.length; i++) {
            if (PATHS[i].equals(path)) {
                return i;
            }
        }
        throw Errors.invalidDocument(null, where, "unknown layer '" + path + "'", "Use one of " + String.join(", ", PATHS));
    }

    private static double align(String value, String start, String end, String where) {
        if (value.equals(start)) {
            return 0;
        }
        if (value.equals(end)) {
            return 1;
        }
        if (value.equals("center")) {
            return 0.5;
        }
        throw Errors.invalidDocument(null, where, "unknown alignment '" + value + "'", "Use " + start + ", center or " + end);
    }

    /** §7.4.8–7.4.11: where the content moves on one axis (0 when the scaled canvas is the output). */
    private static double shift(double canvas, double output, double target, double fit, double fitAnchor, double align, boolean pad) {
        double overflow = canvas - output;
        if (overflow == 0 && !pad) {
            return 0;
        }
        double targetOffset = pad || align == 0.5 ? (output - target) * 0.5 : 0;
        double shift = targetOffset + (target - fit) * align - fitAnchor;
        if (!pad && overflow > 0) {
            shift = Math.max(Math.min(shift, 0), -overflow); // a crop leaves no empty edge
        }
        return shift;
    }

    /** The part of a layer inside the output canvas, its anchor clamped at the origin. */
    private static Layer visible(Layer l, double w, double h) {
        double clipLeft = Math.max(0, -l.x());
        double clipTop = Math.max(0, -l.y());
        double x = Math.max(l.x(), 0);
        double y = Math.max(l.y(), 0);
        return new Layer(x, y, Math.min(l.width() - clipLeft, w - x), Math.min(l.height() - clipTop, h - y));
    }

    /** A fractional layer kept inside the integer canvas (anchor clamped, size shrunk) and inside its parent's size. */
    private static Layer inside(Layer l, double w, double h, Layer parent) {
        double x = clamp(l.x(), 0, w);
        double y = clamp(l.y(), 0, h);
        return new Layer(x, y, Math.min(Math.min(l.width(), w - x), parent.width()), Math.min(Math.min(l.height(), h - y), parent.height()));
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(v, hi));
    }

    private static double snap(double v) {
        double r = Math.rint(v);
        return Math.abs(v - r) < SNAP ? r : v;
    }

    /** §7.4.12: whole or even, up, down or to the nearest. */
    static double round(double value, String even, String mode) {
        double v = snap(value);
        if (even.equals("even")) {
            double half = v / 2;
            return 2 * switch (mode) {
                case "down" -> Math.floor(snap(half));
                case "round" -> Math.floor(half + 0.5);
                default -> Math.ceil(snap(half));
            };
        }
        return switch (mode) {
            case "down" -> Math.floor(v);
            case "round" -> Math.floor(v + 0.5);
            default -> Math.ceil(v);
        };
    }

    /** The resulting FDL: the source canvas kept beside the new one in one context, the template recorded. */
    private ObjectNode document(Fdl fdl, String newCanvasId, Layer scaledBox) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode out = f.objectNode();
        out.put("uuid", UUID.randomUUID().toString().toUpperCase(Locale.ROOT));
        out.putObject("version").put("major", 2).put("minor", 0);
        out.put("fdl_creator", "Rushes " + EngineVersion.VERSION);
        out.put("default_framing_intent", decision.framingIntentId());
        ArrayNode intents = out.putArray("framing_intents");
        fdl.framingIntents().stream().filter(i -> i.id().equals(decision.framingIntentId()))
                .forEach(i -> intents.add(node(fdl.tree(), i.path())));
        ObjectNode context = out.putArray("contexts").addObject();
        JsonNode sourceContext = fdl.contexts().stream().filter(c -> c.canvases().contains(source)).findFirst()
                .map(c -> node(fdl.tree(), c.path())).orElse(f.objectNode());
        if (sourceContext.has("label")) {
            context.set("label", sourceContext.get("label"));
        }
        context.put("context_creator", "Rushes " + EngineVersion.VERSION);
        if (sourceContext.has("clip_id")) {
            context.set("clip_id", sourceContext.get("clip_id"));
        }
        ArrayNode canvases = context.putArray("canvases");
        canvases.add(node(fdl.tree(), source.path()));
        ObjectNode c = canvases.addObject();
        c.put("label", template.label() != null ? template.label() : template.id());
        c.put("id", newCanvasId);
        c.put("source_canvas_id", source.id());
        c.putObject("dimensions").put("width", (long) canvas.width()).put("height", (long) canvas.height());
        c.putObject("effective_dimensions").put("width", (long) effective.width()).put("height", (long) effective.height());
        c.putObject("effective_anchor_point").put("x", effective.x()).put("y", effective.y());
        c.put("anamorphic_squeeze", outputSqueeze);
        ObjectNode d = c.putArray("framing_decisions").addObject();
        if (decision.label() != null) {
            d.put("label", decision.label());
        }
        d.put("id", newCanvasId + "-" + decision.framingIntentId());
        d.put("framing_intent_id", decision.framingIntentId());
        d.putObject("dimensions").put("width", framing.width()).put("height", framing.height());
        d.putObject("anchor_point").put("x", framing.x()).put("y", framing.y());
        if (protection != null) {
            d.putObject("protection_dimensions").put("width", protection.width()).put("height", protection.height());
            d.putObject("protection_anchor_point").put("x", protection.x()).put("y", protection.y());
        }
        // The exact mapping, for image processing that must not re-derive it from rounded values.
        c.putObject("_rushes_transform").put("scale_x", scaleX).put("scale_y", scaleY).put("origin_x", originX).put("origin_y", originY)
                .put("translation_x", translationX).put("translation_y", translationY)
                .put("scaled_width", scaledBox.width()).put("scaled_height", scaledBox.height());
        out.putArray("canvas_templates").add(node(fdl.tree(), template.path()));
        return out;
    }

    /** The node at a "$.a.b[2].c" path of the tree (paths are ours, from the model). */
    private static JsonNode node(JsonNode root, String path) {
        JsonNode n = root;
        for (String part : path.substring(2).split("\\.")) {
            int bracket = part.indexOf('[');
            if (bracket < 0) {
                n = n.get(part);
            } else {
                n = n.get(part.substring(0, bracket)).get(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
            }
        }
        return n.deepCopy();
    }
}
