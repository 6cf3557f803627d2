package io.rushes.engine.deliver.burnin;

import io.rushes.engine.error.Errors;
import io.rushes.engine.fdl.CanvasTemplateApplication;
import io.rushes.engine.fdl.Fdl;
import io.rushes.engine.fdl.FdlReader;
import io.rushes.engine.image.RgbImage;
import io.rushes.engine.io.Documents;
import io.rushes.engine.metadata.ClipField;
import io.rushes.engine.metadata.ClipMetadata;
import io.rushes.engine.render.FrameOverlay;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A burn-in template compiled for one deliverable: its lines parsed, the given values (shot, plate, version) bound, the
 * FDL framing decision read, and the glyphs rasterised once per text size and kept. Drawn on each display image
 * (code values 0..1) after the output transform and any fit: framing first, then each line's translucent box and its
 * text, blended in place. Every pixel outside the boxes and lines keeps its value bit for bit.
 */
public final class BurnIn implements FrameOverlay {
    /** The value keys for the framing decision, given beside the deliverable ({@code --set fdl=PATH}). */
    public static final String FDL_VALUE = "fdl";
    public static final String DECISION_VALUE = "framing_decision";
    /** Below this the glyphs are unreadable smudges; small frames get this size rather than none. */
    static final int MIN_TEXT_PX = 8;
    /** Glyph rasters are kept per size: this bounds them (a few MB per glyph) on the tallest images; 0.2 of 8K UHD is 864. */
    static final int MAX_TEXT_PX = 1024;
    static final int MAX_SIZES_KEPT = 4;
    /** A frame file's name as a sequence's frames are named (ClipDiscovery's rule): CLIP.0086400.dng, CLIP_0012.dng. */
    private static final Pattern NUMBERED = Pattern.compile("^(.*?)([._\\-]?)(\\d{1,9})\\.([A-Za-z0-9]+)$");

    private final BurnInTemplate template;
    private final Map<String, String> given;
    private final Framing framing;
    private final Set<String> frameFields;
    private final Set<ClipField> catalogFields;
    private final ConcurrentHashMap<Integer, GlyphRasters> rasters = new ConcurrentHashMap<>();

    /** The decision's rectangle on its canvas, in canvas pixels. */
    private record Framing(BurnInTemplate.Framing style, String canvasId, double canvasWidth, double canvasHeight, Fdl.Rect rect) {
    }

    private BurnIn(BurnInTemplate template, Map<String, String> given, Framing framing) {
        this.template = template;
        this.given = given;
        this.framing = framing;
        Set<String> fields = new LinkedHashSet<>();
        Set<ClipField> catalog = new LinkedHashSet<>();
        for (BurnInTemplate.Item item : template.items()) {
            fields.addAll(item.text().fields());
            catalog.addAll(item.text().catalogFields());
        }
        this.frameFields = Set.copyOf(fields);
        this.catalogFields = Set.copyOf(catalog);
    }

    /**
     * The overlay of {@code template} for a deliverable ({@code from} names it in messages) with its values: shot, plate
     * and version for the lines that use them (each used one must be given), and {@link #FDL_VALUE} /
     * {@link #DECISION_VALUE} for the framing decision when the template does not name them.
     */
    public static BurnIn compile(BurnInTemplate template, Map<String, String> values, String from) {
        for (BurnInTemplate.Item item : template.items()) {
            for (String field : item.text().fields()) {
                if (BurnInText.GIVEN_FIELDS.contains(field) && values.get(field) == null) {
                    throw Errors.invalidArgument("the burn-in template " + template.name() + " of " + from + " uses {" + field
                            + "} (" + item.path() + ".text), which has no value", "Give it: --set " + field + "="
                            + (field.equals("version") ? "1" : field.equals("shot") ? "SH010" : "BG01"));
                }
            }
        }
        Map<String, String> given = new HashMap<>();
        BurnInText.GIVEN_FIELDS.forEach(f -> {
            if (values.get(f) != null) {
                given.put(f, values.get(f));
            }
        });
        Framing framing = null;
        if (template.framing() != null) {
            framing = framing(template, values.getOrDefault(FDL_VALUE, template.framing().fdl()),
                    values.getOrDefault(DECISION_VALUE, template.framing().decision()), from);
        } else if (values.containsKey(FDL_VALUE) || values.containsKey(DECISION_VALUE)) {
            throw Errors.invalidArgument("--set " + (values.containsKey(FDL_VALUE) ? FDL_VALUE : DECISION_VALUE) + ": the burn-in template "
                    + template.name() + " draws no framing", "Leave it out, or use a template with \"framing\"");
        }
        return new BurnIn(template, Map.copyOf(given), framing);
    }

    private static Framing framing(BurnInTemplate template, String fdlFile, String decisionId, String from) {
        if (fdlFile == null) {
            throw Errors.invalidArgument("the burn-in template " + template.name() + " of " + from + " draws framing lines but names no FDL",
                    "Give the FDL of the source media: --set fdl=PATH (and --set framing_decision=ID for another than the default)");
        }
        Fdl fdl = FdlReader.loadForUse(Documents.read(Path.of(fdlFile), FdlReader.MAX_BYTES, "FDL"), fdlFile).fdl();
        Fdl.Canvas canvas = null;
        Fdl.FramingDecision decision = null;
        if (decisionId == null) {
            canvas = CanvasTemplateApplication.canvas(fdl, null);
            decision = CanvasTemplateApplication.decision(fdl, canvas, null);
        } else {
            List<String> ids = new ArrayList<>();
            for (Fdl.Canvas c : fdl.canvases()) {
                for (Fdl.FramingDecision d : c.framingDecisions()) {
                    ids.add(d.id());
                    if (decision == null && d.id().equals(decisionId)) {
                        canvas = c;
                        decision = d;
                    }
                }
            }
            if (decision == null) {
                throw Errors.invalidDocument(fdlFile, null, "no framing decision '" + decisionId + "'; its decisions: "
                        + (ids.isEmpty() ? "none" : String.join(", ", ids.stream().limit(20).toList())), "Give one of these ids");
            }
        }
        return new Framing(template.framing(), canvas.id(), canvas.dimensions().width(), canvas.dimensions().height(), decision.rect());
    }

    public BurnInTemplate template() {
        return template;
    }

    /** The file name of a location, without its folders. */
    private static String fileName(String location) {
        return location.substring(Math.max(location.lastIndexOf('/'), location.lastIndexOf('\\')) + 1);
    }

    /** The frame number a frame file's name ends in, as its sequence numbers it (CLIP.0086400.dng: 86400), or null. */
    public static Long frameNumber(String location) {
        Matcher numbered = NUMBERED.matcher(fileName(location));
        return numbered.matches() ? Long.parseLong(numbered.group(3)) : null;
    }

    /** The clip a frame file belongs to by its name, as its sequence is named (CLIP.0086400.dng: CLIP). */
    static String clipName(String location) {
        String name = fileName(location);
        Matcher numbered = NUMBERED.matcher(name);
        return numbered.matches() ? numbered.group(1) : name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    }

    @Override
    public List<String> draw(RgbImage image, Frame frame) {
        String clip = clipName(frame.source().name());
        Long frameNumber = frameNumber(frame.source().name());
        String number = frameNumber == null ? null : Long.toString(frameNumber);
        ClipMetadata md = needsMetadata(frame.movie()) ? frame.metadata().get() : new ClipMetadata();
        Map<String, String> values = new HashMap<>(given);
        values.put("clip", clip);
        putIfNotNull(values, "reel", md.string(ClipField.REEL));
        if (frame.movie() != null) {
            putIfNotNull(values, "timecode", frame.movie().timecode());
            putIfNotNull(values, "frame", frame.movie().number() == null ? null : Long.toString(frame.movie().number()));
        } else {
            putIfNotNull(values, "timecode", md.string(ClipField.START_TIMECODE));
            putIfNotNull(values, "frame", number);
        }
        for (ClipField f : catalogFields) { // by column name: none is also a frame field's (reel is the frame's)
            Object v = md.get(f);
            if (v != null) {
                values.put(f.column(), BurnInText.format(v));
            }
        }
        return draw(image, values::get, frame.developedWidth(), frame.developedHeight());
    }

    private boolean needsMetadata(MoviePosition movie) {
        return !catalogFields.isEmpty() || frameFields.contains("reel") || movie == null && frameFields.contains("timecode");
    }

    private static void putIfNotNull(Map<String, String> values, String key, String value) {
        if (value != null) {
            values.put(key, value);
        }
    }

    /**
     * Draws on {@code image} with the given values and each other field's value from {@code frameValue} (null: left
     * blank); the framing decision maps from a frame developed at {@code developedWidth}×{@code developedHeight} (its FDL
     * canvas) onto the image, scaled when a fit resized it. Returns warnings for the user.
     */
    public List<String> draw(RgbImage image, Function<String, String> frameValue, int developedWidth, int developedHeight) {
        Function<String, String> value = key -> given.containsKey(key) ? given.get(key) : frameValue.apply(key);
        List<String> warnings = new ArrayList<>();
        if (framing != null) {
            drawFraming(image, developedWidth, developedHeight, warnings);
        }
        if (template.items().isEmpty()) {
            return warnings;
        }
        int size = textPixels(image.height());
        GlyphRasters glyphs = rasters.get(size);
        if (glyphs == null) {
            // Frames of one deliverable come in a few sizes; rasters for more are made per frame rather than kept.
            glyphs = rasters.size() < MAX_SIZES_KEPT ? rasters.computeIfAbsent(size, GlyphRasters::new) : new GlyphRasters(size);
        }
        int pad = (int) Math.round(template.box().padding() * size);
        int margin = (int) Math.round(template.margin() * image.height());
        int gap = Math.max(1, (int) Math.round(0.15 * size));
        int boxHeight = glyphs.ascent() + glyphs.descent() + 2 * pad;
        Map<BurnInTemplate.Position, List<BurnInTemplate.Item>> byPosition = new EnumMap<>(BurnInTemplate.Position.class);
        for (BurnInTemplate.Item item : template.items()) {
            byPosition.computeIfAbsent(item.position(), p -> new ArrayList<>()).add(item);
        }
        for (Map.Entry<BurnInTemplate.Position, List<BurnInTemplate.Item>> e : byPosition.entrySet()) {
            List<BurnInTemplate.Item> lines = e.getValue();
            for (int k = 0; k < lines.size(); k++) {
                String text = lines.get(k).text().expand(value);
                if (text.isEmpty()) {
                    continue; // its place is kept, so the other lines stay put from frame to frame
                }
                int[] codePoints = text.codePoints().toArray();
                int boxWidth = (int) Math.round(codePoints.length * glyphs.advance()) + 2 * pad;
                int top = e.getKey().top() ? margin + k * (boxHeight + gap)
                        : image.height() - margin - (lines.size() - k) * boxHeight - (lines.size() - 1 - k) * gap;
                int left = switch (e.getKey()) {
                    case TOP_LEFT, BOTTOM_LEFT -> margin;
                    case TOP_RIGHT, BOTTOM_RIGHT -> image.width() - margin - boxWidth;
                    case TOP_CENTRE, BOTTOM_CENTRE -> (image.width() - boxWidth) / 2;
                };
                BurnInTemplate.Box box = template.box();
                if (box.opacity() > 0) {
                    fill(image, left, top, left + boxWidth, top + boxHeight, box.colour(), (float) box.opacity());
                }
                drawText(image, glyphs, codePoints, left + pad, top + pad + glyphs.ascent());
            }
        }
        return warnings;
    }

    /** The font size in pixels for an image this tall. */
    int textPixels(int imageHeight) {
        return (int) Math.min(MAX_TEXT_PX, Math.max(MIN_TEXT_PX, Math.round(template.textSize() * imageHeight)));
    }

    private void drawText(RgbImage image, GlyphRasters glyphs, int[] codePoints, int penX, int baseline) {
        float[] colour = template.textColour();
        float[] px = image.data();
        for (int i = 0; i < codePoints.length; i++) {
            GlyphRasters.Glyph g = glyphs.glyph(codePoints[i]);
            int x0 = (int) Math.round(penX + i * glyphs.advance()) + g.left();
            int y0 = baseline + g.top();
            for (int gy = Math.max(0, -y0); gy < g.height() && y0 + gy < image.height(); gy++) {
                int row = (y0 + gy) * image.width();
                for (int gx = Math.max(0, -x0); gx < g.width() && x0 + gx < image.width(); gx++) {
                    float a = g.coverage()[gy * g.width() + gx];
                    if (a > 0) {
                        int p = (row + x0 + gx) * 3;
                        for (int c = 0; c < 3; c++) {
                            px[p + c] += (colour[c] - px[p + c]) * a;
                        }
                    }
                }
            }
        }
    }

    /**
     * An edge at {@code at} rounded to the nearest pixel boundary; one far beyond the image is held a line's widest
     * (64 px, the schema's limit) outside it, so its line stays unseen and the arithmetic small.
     */
    private static int edge(double at, int size) {
        return (int) Math.round(Math.max(-65, Math.min(size + 65.0, at)));
    }

    /** Blends {@code colour} at {@code opacity} over the pixels of [x0, x1) × [y0, y1), clipped to the image. */
    private static void fill(RgbImage image, int x0, int y0, int x1, int y1, float[] colour, float opacity) {
        float[] px = image.data();
        for (int y = Math.max(0, y0); y < Math.min(image.height(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(image.width(), x1); x++) {
                int p = (y * image.width() + x) * 3;
                for (int c = 0; c < 3; c++) {
                    px[p + c] += (colour[c] - px[p + c]) * opacity;
                }
            }
        }
    }

    /**
     * The decision's rectangle, canvas pixels mapped onto the frame as developed and scaled per axis as the fit scaled it,
     * each edge rounded to the nearest pixel boundary: lines lie inside the rectangle, a mask darkens what is outside.
     */
    private void drawFraming(RgbImage image, int developedWidth, int developedHeight, List<String> warnings) {
        if (developedWidth != framing.canvasWidth() || developedHeight != framing.canvasHeight()) {
            warnings.add(String.format(Locale.ROOT, "FDL canvas '%s' is %.0fx%.0f but the frame is %dx%d: the FDL may belong to other media "
                    + "(ASC FDL §5.3); its framing is drawn as canvas pixels on the frame as it is", framing.canvasId(), framing.canvasWidth(),
                    framing.canvasHeight(), developedWidth, developedHeight));
        }
        double sx = (double) image.width() / developedWidth;
        double sy = (double) image.height() / developedHeight;
        Fdl.Rect r = framing.rect();
        int x0 = edge(r.x() * sx, image.width());
        int x1 = edge((r.x() + r.width()) * sx, image.width());
        int y0 = edge(r.y() * sy, image.height());
        int y1 = edge((r.y() + r.height()) * sy, image.height());
        BurnInTemplate.Framing style = framing.style();
        float opacity = (float) style.opacity();
        if (style.style() == BurnInTemplate.Style.MASK) {
            fill(image, 0, 0, image.width(), y0, style.colour(), opacity);
            fill(image, 0, y1, image.width(), image.height(), style.colour(), opacity);
            fill(image, 0, y0, x0, y1, style.colour(), opacity);
            fill(image, x1, y0, image.width(), y1, style.colour(), opacity);
            return;
        }
        int w = style.width();
        fill(image, x0, y0, x1, Math.min(y1, y0 + w), style.colour(), opacity);
        fill(image, x0, Math.max(y0 + w, y1 - w), x1, y1, style.colour(), opacity);
        fill(image, x0, y0 + w, Math.min(x1, x0 + w), y1 - w, style.colour(), opacity);
        fill(image, Math.max(x0 + w, x1 - w), y0 + w, x1, y1 - w, style.colour(), opacity);
    }
}
