package io.rushes.engine.fdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rushes.engine.Samples;
import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.image.ImageLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanvasTemplateApplicationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Fdl sample(String name) throws Exception {
        return FdlReader.load(Files.readAllBytes(Samples.dir().resolve("fdl/" + name)), name);
    }

    /** The FDL with one canvas template (JSON object text) in place of its own. */
    private static Fdl withTemplate(Fdl fdl, String template) throws Exception {
        ObjectNode tree = fdl.tree().deepCopy();
        tree.putArray("canvas_templates").add(JSON.readTree(template));
        return FdlReader.load(JSON.writeValueAsBytes(tree), "with-template.fdl");
    }

    private static final String SPEC_TEMPLATE = """
            {"label": "VFX", "id": "T1", "target_dimensions": {"width": 3840, "height": 2160}, "target_anamorphic_squeeze": 1.0,
             "fit_source": "framing_decision.dimensions", "fit_method": "width", "alignment_method_vertical": "center",
             "alignment_method_horizontal": "center", "preserve_from_source_canvas": "%s" %s}""";

    /** §7.4.9–7.4.11 work one example through on the 4448x3096 chart (sample B): these are the specification's numbers. */
    @ParameterizedTest(name = "preserve {0} {1} -> {2}x{3}")
    @CsvSource(delimiter = ';', value = {
            "canvas.dimensions; ; 4266; 2970",
            "framing_decision.dimensions; ; 3840; 2160",
            "canvas.dimensions; , \"maximum_dimensions\": {\"width\": 4096, \"height\": 2160}; 4096; 2160",
            "canvas.dimensions; , \"maximum_dimensions\": {\"width\": 5000, \"height\": 3496}; 4266; 2970",
            "canvas.dimensions; , \"maximum_dimensions\": {\"width\": 5000, \"height\": 3496}, \"pad_to_maximum\": true; 5000; 3496"})
    void theSpecificationsWorkedExample(String preserve, String extra, long width, long height) throws Exception {
        Fdl fdl = withTemplate(sample("source/B_4448x3096_1x_FramingChart.fdl"), SPEC_TEMPLATE.formatted(preserve, extra == null ? "" : extra));
        CanvasTemplateApplication a = CanvasTemplateApplication.apply(fdl, null, null, "T1", "OUT1");
        assertEquals(width, a.canvas().width());
        assertEquals(height, a.canvas().height());
        // The framing decision fills the target width and is centred on the target region.
        assertEquals(3840, a.framing().width(), 1e-9);
        assertEquals(2252 * 3840.0 / 4004, a.framing().height(), 1e-9);
        assertEquals((width - 3840) / 2.0, a.framing().x(), 1e-9, "centred horizontally");
        // The result is itself a valid FDL holding the source canvas and the new one.
        FdlReader.Result r = FdlReader.read(JSON.writeValueAsBytes(a.result()), "result.fdl");
        assertTrue(r.valid(), r.problems().toString());
        assertEquals(2, r.fdl().canvases().size());
        Fdl.Canvas made = r.fdl().canvases().get(1);
        assertEquals("OUT1", made.id());
        assertEquals("1", made.sourceCanvasId().equals(r.fdl().canvases().get(0).id()) ? "1" : "0");
        assertEquals("OUT1-" + a.decision().framingIntentId(), made.framingDecisions().get(0).id());
    }

    /** §7.4.12's table for a canvas height of 1608.75. */
    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({"even, round, 1608", "even, up, 1610", "even, down, 1608", "whole, round, 1609", "whole, up, 1609", "whole, down, 1608"})
    void roundingFollowsTheTable(String even, String mode, double expected) {
        assertEquals(expected, CanvasTemplateApplication.round(1608.75, even, mode));
        assertEquals(2880, CanvasTemplateApplication.round(2880.0000000004, "even", "up"), "float noise does not round up");
    }

    /**
     * Scenario 9: a 1.3x anamorphic open gate (5184x4320) pulled for VFX at 4096 wide, de-squeezed, keeping the whole
     * canvas. The delivered FDL (made before FDL 1.0) holds a 4488x2880 canvas with the framing at exactly 4096x2304 and
     * (196, 288). Under §7.4 one uniform scale (4096 / (4728 x 1.3)) cannot make both 4096 and 2304 exact (the framing is
     * 1.7785:1 de-squeezed, the target 1.7778:1), and the whole canvas scales to 4491.15 wide, so the delivered canvas
     * implies a maximum of 4488x2880: with it, the canvas and the horizontal geometry come out exactly as delivered and
     * the vertical within 1.7 pixels (the difference between one scale and the sample's per-axis fit).
     */
    @Test
    void scenario9IsReproducedByTheTemplateItImplies() throws Exception {
        Fdl original = sample("scenario9/Scenario-9__OriginalFDL_UsedToMakePlate.fdl");
        Fdl delivered = sample("scenario9/Scenario-9__FDL_DeliveredToVFXVendor.fdl");
        Fdl.Canvas want = delivered.canvases().get(1);
        Fdl.FramingDecision wantDecision = want.framingDecisions().get(0);

        CanvasTemplateApplication asWritten = CanvasTemplateApplication.apply(original, null, null, "VX220310", want.id());
        double scale = 4096 / (4728 * 1.3);
        assertEquals(scale * 1.3, asWritten.scaleX(), 1e-12);
        assertEquals(scale, asWritten.scaleY(), 1e-12);
        assertEquals(4492, asWritten.canvas().width(), "4491.15 rounded up to even");
        assertEquals(2880, asWritten.canvas().height(), "2878.88 rounded up to even");

        ObjectNode tree = original.tree().deepCopy();
        ((ObjectNode) tree.get("canvas_templates").get(0)).putObject("maximum_dimensions").put("width", 4488).put("height", 2880);
        Fdl implied = FdlReader.load(JSON.writeValueAsBytes(tree), "implied.fdl");
        CanvasTemplateApplication a = CanvasTemplateApplication.apply(implied, null, null, "VX220310", want.id());
        assertEquals(want.dimensions().width(), a.canvas().width());
        assertEquals(want.dimensions().height(), a.canvas().height());
        assertEquals(want.anamorphicSqueeze(), a.outputSqueeze());
        assertEquals(wantDecision.dimensions().width(), a.framing().width(), 1e-9);
        assertEquals(wantDecision.anchor().x(), a.framing().x(), 1e-9);
        assertEquals(wantDecision.protectionDimensions().width(), a.protection().width(), 1e-9);
        assertEquals(wantDecision.protectionAnchor().x(), a.protection().x(), 1e-9);
        assertEquals(wantDecision.dimensions().height(), a.framing().height(), 1.0);
        assertEquals(wantDecision.anchor().y(), a.framing().y(), 1.0);
        assertEquals(wantDecision.protectionDimensions().height(), a.protection().height(), 1.7);
        assertEquals(wantDecision.protectionAnchor().y(), a.protection().y(), 1.0);
        Fdl result = FdlReader.load(JSON.writeValueAsBytes(a.result()), "result.fdl");
        assertEquals("20220310", result.canvases().get(1).sourceCanvasId());
        assertEquals(want.id() + "-FDLSMP03", result.canvases().get(1).framingDecisions().get(0).id());
    }

    /** Random canvases, squeezes, decisions and templates: the output framing maps back onto the source framing. */
    @Test
    void invertingTheGeometryFindsTheSourceFramingWithinHalfAPixel() throws Exception {
        Random random = new Random(2026);
        String[] methods = {"width", "height", "fit_all", "fill"};
        String[] preserves = {"none", "canvas.dimensions", "framing_decision.protection_dimensions", "framing_decision.dimensions"};
        String[] horizontal = {"left", "center", "right"};
        String[] vertical = {"top", "center", "bottom"};
        double[] squeezes = {1, 1.25, 1.3, 1.5, 1.8, 2};
        int unclipped = 0;
        int oversize = 0;
        for (int n = 0; n < 500; n++) {
            int w = 640 + random.nextInt(8000);
            int h = 480 + random.nextInt(5000);
            double squeeze = squeezes[random.nextInt(squeezes.length)];
            double pw = w * (0.8 + 0.2 * random.nextDouble());
            double ph = h * (0.8 + 0.2 * random.nextDouble());
            double px = random.nextDouble() * (w - pw);
            double py = random.nextDouble() * (h - ph);
            double fw = pw * (0.6 + 0.4 * random.nextDouble());
            double fh = ph * (0.6 + 0.4 * random.nextDouble());
            double fx = px + random.nextDouble() * (pw - fw);
            double fy = py + random.nextDouble() * (ph - fh);
            String fdlText = """
                    {"uuid": "BCD142EB-3BAA-4EA8-ADD8-A46AE8DC4D97", "version": {"major": 2, "minor": 0},
                     "framing_intents": [{"id": "F", "aspect_ratio": {"width": 16, "height": 9}}],
                     "contexts": [{"canvases": [{"id": "S", "source_canvas_id": "S", "dimensions": {"width": %d, "height": %d},
                       "anamorphic_squeeze": %s, "framing_decisions": [{"id": "S-F", "framing_intent_id": "F",
                       "dimensions": {"width": %s, "height": %s}, "anchor_point": {"x": %s, "y": %s},
                       "protection_dimensions": {"width": %s, "height": %s}, "protection_anchor_point": {"x": %s, "y": %s}}]}]}],
                     "canvas_templates": [{"id": "T", "target_dimensions": {"width": %d, "height": %d}, "target_anamorphic_squeeze": %s,
                       "fit_source": "framing_decision.dimensions", "fit_method": "%s", "alignment_method_horizontal": "%s",
                       "alignment_method_vertical": "%s", %s
                       "round": {"even": "%s", "mode": "%s"}}]}
                    """.formatted(w, h, squeeze, fw, fh, fx, fy, pw, ph, px, py, 256 + random.nextInt(4096), 256 + random.nextInt(2500),
                    random.nextBoolean() ? "1.0" : String.valueOf(squeeze), methods[random.nextInt(4)], horizontal[random.nextInt(3)], vertical[random.nextInt(3)],
                    preserveField(preserves[random.nextInt(4)]), random.nextBoolean() ? "even" : "whole", new String[] {"up", "down", "round"}[random.nextInt(3)]);
            Fdl fdl = FdlReader.load(fdlText.getBytes(StandardCharsets.UTF_8), "random.fdl");
            String what = "case " + n + ": " + fdlText;
            CanvasTemplateApplication a;
            try {
                a = CanvasTemplateApplication.apply(fdl, null, null, null, "O");
            } catch (RushesException e) {
                // Filling a small framing while keeping a large canvas can scale past any deliverable: refused at the limit.
                assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code(), what);
                assertTrue(e.getMessage().contains("above the limit of " + ImageLimits.MAX_SIDE), e.getMessage());
                oversize++;
                continue;
            }
            CanvasTemplateApplication.Layer f = a.framing();
            // Each edge maps back onto the source framing's edge, unless it lies on the output canvas's border, where
            // rounding the canvas down or a crop cut the framing: then it maps inside the source framing.
            edge(fx, a.toSourceX(f.x()), f.x() <= 1e-9, true, what);
            edge(fy, a.toSourceY(f.y()), f.y() <= 1e-9, true, what);
            edge(fx + fw, a.toSourceX(f.x() + f.width()), f.x() + f.width() >= a.canvas().width() - 1e-9, false, what);
            edge(fy + fh, a.toSourceY(f.y() + f.height()), f.y() + f.height() >= a.canvas().height() - 1e-9, false, what);
            assertNotNull(FdlReader.load(JSON.writeValueAsBytes(a.result()), "result.fdl"));
            if (f.x() > 1e-9 && f.y() > 1e-9 && f.x() + f.width() < a.canvas().width() - 1e-9 && f.y() + f.height() < a.canvas().height() - 1e-9) {
                unclipped++;
            }
        }
        assertTrue(unclipped > 250, "most cases keep the whole framing: " + unclipped);
        assertTrue(oversize < 25, "few cases are past the size limit: " + oversize);
    }

    private static void edge(double source, double mapped, boolean onBorder, boolean leading, String what) {
        if (onBorder) {
            assertTrue(leading ? mapped >= source - 0.5 : mapped <= source + 0.5, "clipped edge maps inside: " + mapped + " vs " + source + ", " + what);
        } else {
            assertEquals(source, mapped, 0.5, what);
        }
    }

    private static String preserveField(String preserve) {
        return preserve.equals("none") ? "" : "\"preserve_from_source_canvas\": \"" + preserve + "\",";
    }

    /** One canvas 'A' (4000x1000), intent '1', a decision and a template, the pieces given as JSON text. */
    private static byte[] document(String decisionId, String framing, String template) {
        return """
                {"uuid": "BCD142EB-3BAA-4EA8-ADD8-A46AE8DC4D97", "version": {"major": 2, "minor": 0},
                 "framing_intents": [{"id": "1", "aspect_ratio": {"width": 4, "height": 1}}],
                 "contexts": [{"canvases": [{"id": "A", "source_canvas_id": "A", "dimensions": {"width": 4000, "height": 1000},
                   "framing_decisions": [{"id": "%s", "framing_intent_id": "1", %s}]}]}],
                 "canvas_templates": [%s]}
                """.formatted(decisionId, framing, template).getBytes(StandardCharsets.UTF_8);
    }

    private static String framing(String width, String height, double x) {
        return """
                "dimensions": {"width": %s, "height": %s}, "anchor_point": {"x": %s, "y": 0.0}""".formatted(width, height, x);
    }

    private static String template(long w, long h, String mode) {
        return """
                {"id": "T", "target_dimensions": {"width": %d, "height": %d}, "target_anamorphic_squeeze": 1.0,
                 "fit_source": "framing_decision.dimensions",
                 "fit_method": "width", "round": {"even": "even", "mode": "%s"}}""".formatted(w, h, mode);
    }

    /** A 4000x1 framing fitted to 1920 wide is 0.48 high: rounded down to even, the canvas would be 1920x0. */
    @Test
    void aTemplateThatRoundsTheCanvasToNothingIsRefusedBeforeAnythingIsWritten() {
        Fdl fdl = FdlReader.load(document("A-1", framing("4000.0", "1.0", 0), template(1920, 1, "down")), "thin.fdl");
        RushesException e = assertThrows(RushesException.class, () -> CanvasTemplateApplication.apply(fdl, null, null, "T", "OUT"));
        assertEquals(ErrorCode.INVALID_DOCUMENT, e.code());
        assertTrue(e.getMessage().contains("$.canvas_templates[0]") && e.getMessage().contains("1920x0")
                && e.getMessage().contains("$.contexts[0].canvases[1].dimensions"), e.getMessage());
    }

    /** A framing of 1e-300 pixels scales by 1.9e303: the canvas it keeps would be 7.7e306 wide, refused at the side limit. */
    @Test
    void aCanvasBeyondTheSideLimitIsRefused() {
        String keepCanvas = template(1920, 1080, "up").replace("\"fit_method\"", "\"preserve_from_source_canvas\": \"canvas.dimensions\", \"fit_method\"");
        Fdl fdl = FdlReader.load(document("A-1", framing("1e-300", "1e-300", 0), keepCanvas), "tiny.fdl");
        RushesException e = assertThrows(RushesException.class, () -> CanvasTemplateApplication.apply(fdl, null, null, "T", "OUT"));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
        assertTrue(e.getMessage().contains("$.canvas_templates[0]") && e.getMessage().contains("above the limit of 32768")
                && e.getMessage().contains("$.contexts[0].canvases[1].dimensions"), e.getMessage());
    }

    /** A target of 1e308 (schema-valid: a number with no fraction) gave a canvas of 1e308: refused at its JSON path. */
    @Test
    void aTargetPastTheSideLimitIsRefusedAtItsPath() {
        String huge = template(1920, 1080, "up").replace("\"width\": 1920", "\"width\": 1e308");
        Fdl fdl = FdlReader.load(document("A-1", framing("4000.0", "1000.0", 0), huge), "e308.fdl");
        RushesException e = assertThrows(RushesException.class, () -> CanvasTemplateApplication.apply(fdl, null, null, "T", "OUT"));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
        assertTrue(e.getMessage().contains("at $.canvas_templates[0].target_dimensions.width: the template's target dimensions width is 1.0E308, "
                + "above the limit of 32768"), e.getMessage());
    }

    @ParameterizedTest(name = "canvas {0}, intent {1}, template {2}")
    @CsvSource(nullValues = "-", delimiter = '|', value = {
            "NOPE | - | T | no canvas 'NOPE'; its canvases: 'A' | --canvas",
            "A | NOPE | T | no framing decision for framing intent 'NOPE'; it has decisions for the intents: '1' | --intent",
            "A | - | NOPE | no canvas template 'NOPE'; its templates: 'T' | Give one of these ids"})
    void anUnknownIdIsNamedWithTheIdsTheFdlHas(String canvas, String intent, String templateId, String expected, String fix) {
        Fdl fdl = FdlReader.load(document("A-1", framing("4000.0", "1000.0", 0), template(1920, 480, "up")), "ids.fdl");
        RushesException e = assertThrows(RushesException.class, () -> CanvasTemplateApplication.apply(fdl, canvas, intent, templateId, "OUT"));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().contains(expected) && e.getMessage().contains(fix), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line");
    }

    /**
     * The ASC reference implementation's own template vector "with_protection" (ascmitc/fdl,
     * native/core/tests/vectors/template/template_vectors.json) frames by decision 'CVS_OCF-FI_239P' on canvas 'CVS_OCF'
     * for intent 'FI_239': the id breaks "canvas id-framing intent id", and the reference applies the template anyway.
     * Reproduced here (the file itself is not copied): validation still reports the id, applying warns and gives the
     * vector's expected geometry; a geometry fault is still refused.
     */
    @Test
    void theReferenceVectorWithAMisnamedDecisionIsAppliedWithAWarning() {
        String source = """
                {"uuid": "BCD142EB-3BAA-4EA8-ADD8-A46AE8DC4D97", "version": {"major": 2, "minor": 0},
                 "framing_intents": [{"id": "FI_239", "aspect_ratio": {"width": 239, "height": 100}}],
                 "contexts": [{"label": "Camera A", "canvases": [{"id": "CVS_OCF", "label": "OCF", "source_canvas_id": "CVS_OCF",
                   "dimensions": {"width": 4096, "height": 2160}, "anamorphic_squeeze": 1.0,
                   "framing_decisions": [{"id": "CVS_OCF-FI_239P", "label": "2.39:1+prot", "framing_intent_id": "FI_239",
                     "dimensions": {"width": 3686.4, "height": 1542.68}, "anchor_point": {"x": %s, "y": 308.66},
                     "protection_dimensions": {"width": 4096.0, "height": 1714.0}, "protection_anchor_point": {"x": 0.0, "y": 223.0}}]}]}],
                 "canvas_templates": [{"id": "CT_HD", "label": "HD", "target_dimensions": {"width": 1920, "height": 1080},
                   "target_anamorphic_squeeze": 1.0, "fit_source": "framing_decision.dimensions", "fit_method": "width",
                   "alignment_method_horizontal": "center", "alignment_method_vertical": "center", "round": {"even": "even", "mode": "up"}}]}
                """;
        byte[] misnamed = source.formatted("204.8").getBytes(StandardCharsets.UTF_8);
        FdlReader.Result validated = FdlReader.read(misnamed, "vector.fdl");
        assertFalse(validated.valid());
        FdlReader.Problem naming = validated.problems().get(0);
        assertEquals(List.of(naming), validated.problems(), "the id is the only problem");
        assertEquals(FdlReader.Kind.NAMING, naming.kind());
        assertEquals("$.contexts[0].canvases[0].framing_decisions[0].id", naming.path());
        RushesException refused = assertThrows(RushesException.class, () -> FdlReader.load(misnamed, "vector.fdl"));
        assertEquals(ErrorCode.INVALID_DOCUMENT, refused.code());
        assertTrue(refused.getMessage().contains("'CVS_OCF-FI_239P' should be 'CVS_OCF-FI_239'"), refused.getMessage());

        FdlReader.Usable usable = FdlReader.loadForUse(misnamed, "vector.fdl");
        assertEquals(1, usable.warnings().size());
        FdlReader.Problem warning = usable.warnings().get(0);
        assertEquals(FdlReader.Severity.WARNING, warning.severity());
        assertTrue(warning.message().contains("'CVS_OCF-FI_239P' should be 'CVS_OCF-FI_239'") && warning.message().contains("naming fault"),
                warning.message());
        CanvasTemplateApplication a = CanvasTemplateApplication.apply(usable.fdl(), null, null, "CT_HD", "OUT");
        // The vector's expected values.
        assertEquals(0.5208333333333334, a.scaleX(), 1e-15);
        assertEquals(1920, a.canvas().width());
        assertEquals(804, a.canvas().height());
        assertEquals(1920, a.effective().width());
        assertEquals(804, a.effective().height());
        assertEquals(1920, a.framing().width(), 1e-9);
        assertEquals(803.4791666666666, a.framing().height(), 1e-9);
        assertEquals(0, a.framing().x(), 1e-9);
        assertEquals(0.2604166666666856, a.framing().y(), 1e-9);
        assertEquals("OUT-FI_239", a.result().get("contexts").get(0).get("canvases").get(1).get("framing_decisions").get(0).get("id").asText(),
                "the new decision is named by the rule");

        byte[] misplaced = source.formatted("504.8").getBytes(StandardCharsets.UTF_8);
        RushesException geometry = assertThrows(RushesException.class, () -> FdlReader.loadForUse(misplaced, "misplaced.fdl"));
        assertEquals(ErrorCode.INVALID_DOCUMENT, geometry.code());
        assertTrue(geometry.getMessage().contains("framing_decisions[0].dimensions") && geometry.getMessage().contains("leaves its protection area"),
                geometry.getMessage());
    }

    @Test
    void aMissingLayerIsAClearError() throws Exception {
        Fdl fdl = withTemplate(sample("source/B_4448x3096_1x_FramingChart.fdl"), """
                {"id": "T1", "target_dimensions": {"width": 1920, "height": 1080}, "target_anamorphic_squeeze": 1.0,
                 "fit_source": "framing_decision.protection_dimensions", "fit_method": "width"}""");
        ObjectNode tree = fdl.tree().deepCopy();
        ObjectNode decision = (ObjectNode) tree.get("contexts").get(0).get("canvases").get(0).get("framing_decisions").get(0);
        decision.remove("protection_dimensions");
        decision.remove("protection_anchor_point");
        Fdl without = FdlReader.load(JSON.writeValueAsBytes(tree), "noprot.fdl");
        RushesException e = assertThrows(RushesException.class, () -> CanvasTemplateApplication.apply(without, null, null, "T1", "O"));
        assertEquals(ErrorCode.INVALID_DOCUMENT, e.code());
        assertTrue(e.getMessage().contains("protection_dimensions") && e.getMessage().contains("canvas_templates[0]"), e.getMessage());
    }
}
