package io.rushes.engine.fdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rushes.engine.Samples;
import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FdlReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> samples() throws Exception {
        try (Stream<Path> s = Files.walk(Samples.dir().resolve("fdl"))) {
            return s.filter(p -> p.toString().endsWith(".fdl")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleValidates(Path file) throws Exception {
        FdlReader.Result r = FdlReader.read(Files.readAllBytes(file), file.toString());
        assertTrue(r.valid(), file + ": " + r.problems());
        assertNotNull(r.fdl());
        assertFalse(r.fdl().canvases().isEmpty(), "every sample has a canvas");
    }

    @Test
    void readsTheScenario9SourceFramingExactly() throws Exception {
        Fdl fdl = FdlReader.load(Files.readAllBytes(Samples.dir().resolve("fdl/scenario9/Scenario-9__OriginalFDL_UsedToMakePlate.fdl")), "s9");
        Fdl.Canvas c = fdl.canvases().get(0);
        assertEquals(new Fdl.Dimensions(5184, 4320), c.dimensions());
        assertEquals(1.3, c.anamorphicSqueeze());
        Fdl.FramingDecision d = c.framingDecisions().get(0);
        assertEquals(new Fdl.Rect(228, 432, 4728, 3456), d.rect());
        assertEquals(new Fdl.Rect(0, 265, 5184, 3790), d.protectionRect());
        assertEquals("VX220310", fdl.canvasTemplates().get(0).id());
        assertEquals(0.088, fdl.framingIntents().get(0).protection());
    }

    /** A valid v2.0 FDL with user properties, to break in the cases below. */
    private static ObjectNode base() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"uuid": "BCD142EB-3BAA-4EA8-ADD8-A46AE8DC4D97", "version": {"major": 2, "minor": 0},
                 "fdl_creator": "Rushes test", "default_framing_intent": "FI01", "_studio_tag": {"shot": "abc_0010", "n": [1, 2]},
                 "framing_intents": [{"label": "2.39", "id": "FI01", "aspect_ratio": {"width": 239, "height": 100}, "protection": 0.05}],
                 "contexts": [{"label": "A cam", "clip_id": {"clip_name": "A001C003", "file": "A001C003.mxf", "_asset": "x"},
                   "canvases": [{"label": "OG", "id": "C1", "source_canvas_id": "C1",
                     "dimensions": {"width": 4448, "height": 3096},
                     "effective_dimensions": {"width": 4400, "height": 3000}, "effective_anchor_point": {"x": 24, "y": 48},
                     "anamorphic_squeeze": 1.0,
                     "framing_decisions": [{"label": "2.39", "id": "C1-FI01", "framing_intent_id": "FI01",
                       "dimensions": {"width": 4180.0, "height": 1749.0}, "anchor_point": {"x": 134.0, "y": 673.5},
                       "protection_dimensions": {"width": 4400.0, "height": 1841.0}, "protection_anchor_point": {"x": 24.0, "y": 627.5}}]}]}],
                 "canvas_templates": [{"label": "VFX", "id": "T1", "target_dimensions": {"width": 4096, "height": 1716},
                   "target_anamorphic_squeeze": 1.0, "fit_source": "framing_decision.dimensions", "fit_method": "width",
                   "alignment_method_vertical": "center", "alignment_method_horizontal": "center",
                   "round": {"even": "even", "mode": "up"}}]}
                """);
    }

    private static FdlReader.Result read(String json) {
        return FdlReader.read(json.getBytes(StandardCharsets.UTF_8), "test.fdl");
    }

    @Test
    void version11IsCheckedAgainstThe10SchemaWithAWarning() {
        String doc = """
                {"uuid": "BCD142EB-3BAA-4EA8-ADD8-A46AE8DC4D97", "version": {"major": 1, "minor": 1},
                 "framing_intents": [{"id": "F1", "aspect_ratio": {"width": 16, "height": 9}, "protection": 0}],
                 "contexts": [{"label": "A", "canvases": [{"id": "C1", "source_canvas_id": "C1", "dimensions": {"width": 1920, "height": 1080},
                   "anamorphic_squeeze": 1.0, "framing_decisions": [{"id": "C1-F1", "framing_intent_id": "F1",
                   "dimensions": {"width": 1920, "height": 1080}, "anchor_point": {"x": 0, "y": 0}}]}]}]}
                """;
        FdlReader.Result r = read(doc);
        assertTrue(r.valid(), r.problems().toString());
        assertTrue(r.problems().stream().anyMatch(p -> p.severity() == FdlReader.Severity.WARNING && p.path().equals("$.version")), r.problems().toString());
        assertEquals(1, r.fdl().minor());
        assertFalse(read(doc.replace("\"minor\": 1", "\"minor\": 7")).valid(), "1.7 is no published version");
    }

    @Test
    void theBaseDocumentIsValid() throws Exception {
        FdlReader.Result r = read(base().toString());
        assertTrue(r.valid(), r.problems().toString());
        assertTrue(r.problems().isEmpty(), r.problems().toString());
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("wrong type", "$.contexts[0].canvases[0].dimensions.width",
                        (Consumer<ObjectNode>) t -> canvas(t).with("dimensions").put("width", "4448")),
                Arguments.of("missing uuid", "$", (Consumer<ObjectNode>) t -> t.remove("uuid")),
                Arguments.of("bad uuid", "$.uuid", (Consumer<ObjectNode>) t -> t.put("uuid", "not-a-uuid")),
                Arguments.of("dangling intent", "$.contexts[0].canvases[0].framing_decisions[0].framing_intent_id",
                        (Consumer<ObjectNode>) t -> decision(t).put("framing_intent_id", "FI99")),
                Arguments.of("decision id", "$.contexts[0].canvases[0].framing_decisions[0].id",
                        (Consumer<ObjectNode>) t -> decision(t).put("id", "C2-FI01")),
                Arguments.of("default intent", "$.default_framing_intent", (Consumer<ObjectNode>) t -> t.put("default_framing_intent", "NOPE")),
                Arguments.of("zero canvas", "$.contexts[0].canvases[0].dimensions.width",
                        (Consumer<ObjectNode>) t -> canvas(t).with("dimensions").put("width", 0)),
                Arguments.of("negative framing", "$.contexts[0].canvases[0].framing_decisions[0].dimensions.height",
                        (Consumer<ObjectNode>) t -> decision(t).with("dimensions").put("height", -5.0)),
                Arguments.of("zero squeeze", "$.contexts[0].canvases[0].anamorphic_squeeze",
                        (Consumer<ObjectNode>) t -> canvas(t).put("anamorphic_squeeze", 0.0)),
                Arguments.of("infinite squeeze (1e999 parses as infinity)", "$.contexts[0].canvases[0].anamorphic_squeeze",
                        (Consumer<ObjectNode>) t -> canvas(t).put("anamorphic_squeeze", new java.math.BigDecimal("1e999"))),
                Arguments.of("framing leaves protection", "$.contexts[0].canvases[0].framing_decisions[0].dimensions",
                        (Consumer<ObjectNode>) t -> decision(t).with("anchor_point").put("y", 400.0)),
                Arguments.of("protection leaves effective", "$.contexts[0].canvases[0].framing_decisions[0].protection_dimensions",
                        (Consumer<ObjectNode>) t -> decision(t).with("protection_anchor_point").put("x", 0.0)),
                Arguments.of("effective leaves canvas", "$.contexts[0].canvases[0].effective_dimensions",
                        (Consumer<ObjectNode>) t -> canvas(t).with("effective_anchor_point").put("x", 100)),
                Arguments.of("duplicate canvas", "$.contexts[0].canvases[1].id",
                        (Consumer<ObjectNode>) t -> ((com.fasterxml.jackson.databind.node.ArrayNode) t.get("contexts").get(0).get("canvases"))
                                .add(canvas(t).deepCopy())),
                Arguments.of("file and sequence", "$.contexts[0].clip_id", (Consumer<ObjectNode>) t -> ((ObjectNode) t.get("contexts").get(0)
                        .get("clip_id")).putObject("sequence").put("value", "A_###.exr").put("idx", "#").put("min", 0).put("max", 10)),
                Arguments.of("unknown version", "$.version", (Consumer<ObjectNode>) t -> t.with("version").put("major", 9)),
                Arguments.of("unknown property", "$.contexts[0].canvases[0]", (Consumer<ObjectNode>) t -> canvas(t).put("colour", "blue")));
    }

    private static ObjectNode canvas(ObjectNode t) {
        return (ObjectNode) t.get("contexts").get(0).get("canvases").get(0);
    }

    private static ObjectNode decision(ObjectNode t) {
        return (ObjectNode) canvas(t).get("framing_decisions").get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void eachBrokenRuleIsReportedAtItsPath(String name, String path, Consumer<ObjectNode> breakIt) throws Exception {
        ObjectNode t = base();
        breakIt.accept(t);
        FdlReader.Result r = read(t.toString());
        assertFalse(r.valid(), name + " should be refused");
        assertTrue(r.problems().stream().anyMatch(p -> p.path().equals(path)), name + ": expected a problem at " + path + ", got " + r.problems());
        RushesException e = assertThrows(RushesException.class, () -> FdlReader.load(t.toString().getBytes(StandardCharsets.UTF_8), "test.fdl"));
        assertEquals(ErrorCode.INVALID_DOCUMENT, e.code());
        assertTrue(e.getMessage().contains("test.fdl") && e.getMessage().contains("rushes fdl validate"), e.getMessage());
    }

    @Test
    void hostileDocumentsAreRefusedQuickly() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertFalse(read("{\"uuid\": \"BCD142EB-3BAA-4EA8-ADD8-A46AE8DC4D97\", \"version\": {\"major\": 2,").valid(), "truncated");
            assertFalse(read("[1, 2, 3]").valid(), "not an object");
            assertFalse(read("").valid(), "empty");
            String huge = "{\"uuid\": \"" + "A".repeat(10 << 20) + "\", \"version\": {\"major\": 2, \"minor\": 0}}";
            FdlReader.Result big = read(huge);
            assertFalse(big.valid());
            assertTrue(big.problems().get(0).message().contains("String value length"), big.problems().toString());
            String deep = "{\"_x\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
            FdlReader.Result nested = read(deep);
            assertFalse(nested.valid());
            assertTrue(nested.problems().get(0).message().contains("nesting depth"), nested.problems().toString());
            FdlReader.Result twice = read("{\"uuid\": \"BCD142EB-3BAA-4EA8-ADD8-A46AE8DC4D97\", \"uuid\": \"x\", \"version\": {\"major\": 2, \"minor\": 0}}");
            assertTrue(twice.problems().get(0).message().contains("Duplicate field"), twice.problems().toString());
        });
    }

    @Test
    void userPropertiesSurviveARoundTrip() throws Exception {
        ObjectNode t = base();
        Fdl fdl = FdlReader.load(t.toString().getBytes(StandardCharsets.UTF_8), "rt.fdl");
        JsonNode again = JSON.readTree(JSON.writeValueAsBytes(fdl.tree()));
        assertEquals(t, again);
        assertEquals("abc_0010", again.path("_studio_tag").path("shot").asText());
        assertEquals("x", again.path("contexts").get(0).path("clip_id").path("_asset").asText());
    }

    @Test
    void keyOrderDoesNotMatter() throws Exception {
        ObjectNode t = base();
        Fdl ordered = FdlReader.load(t.toString().getBytes(StandardCharsets.UTF_8), "a.fdl");
        Random random = new Random(7);
        for (int i = 0; i < 5; i++) {
            Fdl shuffled = FdlReader.load(shuffle(t, random).toString().getBytes(StandardCharsets.UTF_8), "b.fdl");
            assertEquals(ordered.canvases(), shuffled.canvases());
            assertEquals(ordered.framingIntents(), shuffled.framingIntents());
            assertEquals(ordered.uuid(), shuffled.uuid());
        }
    }

    private static JsonNode shuffle(JsonNode n, Random random) {
        if (n.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                fields.add(it.next());
            }
            Collections.shuffle(fields, random);
            ObjectNode out = JSON.createObjectNode();
            fields.forEach(f -> out.set(f.getKey(), shuffle(f.getValue(), random)));
            return out;
        }
        if (n.isArray()) {
            var out = JSON.createArrayNode();
            n.forEach(e -> out.add(shuffle(e, random)));
            return out;
        }
        return n;
    }
}
