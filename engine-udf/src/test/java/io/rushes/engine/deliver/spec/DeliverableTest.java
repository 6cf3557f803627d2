package io.rushes.engine.deliver.spec;

import io.rushes.engine.image.Region;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.deliver.exr.ExrCompression;
import io.rushes.engine.develop.DngDevelop;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.image.Demosaic;
import io.rushes.engine.render.FrameRenderer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeliverableTest {
    private static final Deliverable.Development HQ = new Deliverable.Development(Demosaic.Method.RCD, null, null, 0, 0.02);
    private static final Map<String, String> PLATE = Map.of("shot", "SH010", "plate", "BG01", "version", "3");
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path dir;
    static java.nio.file.Path dng;

    @org.junit.jupiter.api.BeforeAll
    static void frame() throws Exception {
        io.rushes.engine.card.SampleCard.write(dir.resolve("card"), new io.rushes.engine.card.SampleCard.Options(1, 1, java.util.List.of("A"),
                16, 16, 3));
        try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.walk(dir.resolve("card"))) {
            dng = s.filter(p -> p.toString().endsWith(".dng")).findFirst().orElseThrow();
        }
    }

    /** The name of the card's frame as one of {@code clip} (frame {@code frame}). */
    private static String name(Deliverable d, java.nio.file.Path file, String clip, Long frame) throws Exception {
        try (io.rushes.engine.io.FileByteSource source = new io.rushes.engine.io.FileByteSource(file);
             io.rushes.engine.render.FrameRenderer.Input in = io.rushes.engine.render.FrameRenderer.Input.open(source)) {
            return d.fileName(in, clip, frame);
        }
    }

    @Test
    void everyShippedSpecValidates() {
        for (String name : Deliverables.SHIPPED) {
            DeliverableSpec spec = Deliverables.shipped(name);
            assertEquals(name, spec.name(), "a shipped spec is named as it is selected");
            assertEquals("deliverable " + name, spec.file());
            assertTrue(spec.description().length() > 20, name + " describes itself for --list-deliverables");
        }
        assertNull(Deliverables.shipped("nope"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "aces-exr-plate, ACES, EXR, ACES2065_1, 0, PIZ, SH010_BG01_v003.0012.exr",
        "dpx-log-pull, ACES, DPX10, ACESCCT, 0, ZIP, A001C002.0000012.dpx",
        "jpeg-thumbnail, DISPLAY, JPEG, ACES2065_1, 512, ZIP, A001C002.0000012.jpg",
        "png-poster, DISPLAY, PNG, ACES2065_1, 1920, ZIP, A001C002.0000012.png",
    })
    void shippedStillSpecsMapToTheRenderersOptions(String name, FrameRenderer.Stage stage, FrameRenderer.Format format,
                                                   DngDevelop.Output output, int fit, ExrCompression compression, String fileName) throws Exception {
        Deliverable d = Deliverable.prepare(Deliverables.shipped(name), PLATE, null, HQ);
        FrameRenderer.Options o = d.options();
        assertEquals(stage, o.stage());
        assertEquals(format, o.format());
        assertEquals(output, o.output());
        assertEquals(fit, o.fit());
        assertEquals(compression, o.exrCompression(), "ZIP is the renderer's default where a spec names none");
        assertEquals(Demosaic.Method.RCD, o.method());
        if (stage == FrameRenderer.Stage.DISPLAY) {
            assertNotNull(o.display());
            assertEquals(io.rushes.engine.color.amf.AmfPipeline.defaultOutput().pipeline().describe(), o.display().describe(),
                    "no output transform named: the ACES 2.0 Rec.709 default");
        } else {
            assertNull(o.display());
        }
        assertEquals(fileName, name(d, dng, "A001C002", 12L));
    }

    @Test
    void aSingleFileTakesItsFrameNumberFromItsName() throws Exception {
        Deliverable d = Deliverable.prepare(Deliverables.shipped("jpeg-thumbnail"), Map.of(), null, HQ);
        assertEquals("A001C001_261124_R1BB.0086400.jpg", name(d, dng, "A001C001_261124_R1BB.0086400", null),
                "the same name as the frame gets in its sequence");
        assertEquals("A001C001.0000012.jpg", name(d, dng, "A001C001_12", null));
        java.nio.file.Path poster = java.nio.file.Files.copy(dng, dir.resolve("poster.dng"));
        RushesException e;
        try (io.rushes.engine.io.FileByteSource source = new io.rushes.engine.io.FileByteSource(poster);
             io.rushes.engine.render.FrameRenderer.Input in = io.rushes.engine.render.FrameRenderer.Input.open(source)) {
            e = assertThrows(RushesException.class, () -> d.fileName(in, "poster", null));
        }
        assertEquals("Cannot read " + poster + ": no file name for it from jpeg-thumbnail: the naming template {clip}.{frame:07d}.jpg uses {frame},"
                + " which has no value. Render its sequence's folder, or name the file CLIP.FRAME (e.g. poster.0001) so it has a frame number",
                e.getMessage());
    }

    /** The shipped review movies prepare as display renders with no still format; a scene-linear movie is refused. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"prores-4444-review", "h264-review"})
    void shippedMovieSpecsAreDisplayMovies(String name) {
        Deliverable d = Deliverable.prepare(Deliverables.shipped(name), Map.of(), null, HQ);
        assertTrue(d.movie());
        assertEquals(FrameRenderer.Stage.DISPLAY, d.options().stage());
        assertEquals(null, d.options().format());
    }

    /** A DNxHR spec named .mxf writes MXF OP1a (the name's extension chooses the wrapper); ProRes named .mxf is refused. */
    @Test
    void aDnxhrSpecNamedMxfWritesMxf() throws Exception {
        io.rushes.engine.card.SampleCard.write(dir.resolve("uhd-card"), new io.rushes.engine.card.SampleCard.Options(1, 2, java.util.List.of("B"),
                512, 256, 5));
        java.util.List<String> frames;
        try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.walk(dir.resolve("uhd-card"))) {
            frames = s.filter(p -> p.toString().endsWith(".dng")).map(java.nio.file.Path::toString).sorted().toList();
        }
        DeliverableSpec spec = DeliverableSpecReader.load(("{\"name\": \"editorial\", \"format\": \"dnxhr_hqx\", \"colour\": "
                + "{\"stage\": \"display\"}, \"naming\": \"{clip}.mxf\"}").getBytes(StandardCharsets.UTF_8), "editorial.json");
        Deliverable d = Deliverable.prepare(spec, Map.of(), null, HQ);
        java.nio.file.Path movie = dir.resolve("editorial.mxf");
        long written = d.writeMovie(frames.stream().map(l -> new io.rushes.engine.api.RenderUnit.Frame(l, null)).toList(), loc -> new io.rushes.engine.io.FileByteSource(java.nio.file.Path.of(loc)),
                new io.rushes.engine.io.FileByteSink(movie), dir);
        assertEquals(frames.size(), written);
        byte[] head = java.util.Arrays.copyOf(java.nio.file.Files.readAllBytes(movie), 14);
        // an MXF header partition pack's key (SMPTE ST 377-1): 06.0e.2b.34.02.05.01.01.0d.01.02.01.01.02
        assertEquals("060e2b34020501010d0102010102", java.util.HexFormat.of().formatHex(head));

        RushesException e = assertThrows(RushesException.class, () -> DeliverableSpecReader.load(("{\"name\": \"p\", \"format\": "
                + "\"prores_4444\", \"colour\": {\"stage\": \"display\"}, \"naming\": \"{clip}.mxf\"}").getBytes(StandardCharsets.UTF_8), "p.json"));
        assertTrue(e.getMessage().contains("'{clip}.mxf' should end in .mov"), e.getMessage());
    }

    @Test
    void theShippedBurnInReviewDrawsTheReviewTemplateWithTheShotAndVersionGiven() {
        Deliverable d = Deliverable.prepare(Deliverables.shipped("prores-4444-review-burnin"), Map.of("shot", "SH010", "version", "3"), null, HQ);
        assertTrue(d.movie());
        assertEquals("review", ((io.rushes.engine.deliver.burnin.BurnIn) d.options().overlay()).template().name());
        assertNull(Deliverable.prepare(Deliverables.shipped("prores-4444-review"), Map.of(), null, HQ).options().overlay());
        RushesException e = assertThrows(RushesException.class, () -> Deliverable.prepare(Deliverables.shipped("prores-4444-review-burnin"),
                Map.of("version", "3"), null, HQ));
        assertEquals("Cannot go on: the burn-in template review of prores-4444-review-burnin uses {shot} ($.items[2].text), which has no value."
                + " Give it: --set shot=SH010", e.getMessage());
    }

    @Test
    void burnInsAreRefusedOnSceneReferredDeliverablesAndUnknownTemplates() {
        DeliverableSpecReader.Result scene = DeliverableSpecReader.read("""
                {"name": "t", "format": "exr", "colour": {"stage": "scene", "space": "ACEScg"}, "burn_in": "review", "naming": "{clip}.{frame}.exr"}"""
                .getBytes(StandardCharsets.UTF_8), "t.json");
        assertEquals("[$.burn_in: burn-ins are drawn in display code values, and this deliverable is scene-referred (ACEScg): remove burn_in,"
                + " or use the stage display]", scene.problems().toString());
        DeliverableSpecReader.Result outside = DeliverableSpecReader.read("""
                {"name": "t", "format": "png", "colour": {"stage": "display"}, "burn_in": "../burnins/slate.json", "naming": "{clip}.{frame}.png"}"""
                .getBytes(StandardCharsets.UTF_8), "t.json");
        assertEquals("[$.burn_in: '../burnins/slate.json' leaves the specification's folder: give a shipped template or a file beside the"
                + " specification (a relative path without '..')]", outside.problems().toString());
        RushesException unknown = assertThrows(RushesException.class, () -> Deliverable.prepare(read("""
                {"name": "t", "format": "png", "colour": {"stage": "display"}, "burn_in": "slate", "naming": "{clip}.{frame}.png"}"""),
                Map.of(), null, HQ));
        assertEquals("Cannot read t.json: at $.burn_in: 'slate' is no shipped burn-in template. Give review", unknown.getMessage());
        RushesException noBurnIn = assertThrows(RushesException.class, () -> Deliverable.prepare(Deliverables.shipped("png-poster"),
                Map.of("fdl", "show.fdl"), null, HQ));
        assertEquals("Cannot go on: --set fdl=…: png-poster has no burn-in template to draw framing with. Leave it out, or use a deliverable"
                + " with burn_in (e.g. prores-4444-review-burnin)", noBurnIn.getMessage());
    }

    @Test
    void aBurnInTemplateFileAndItsFdlAreFoundBesideTheSpec() throws Exception {
        java.nio.file.Path folder = java.nio.file.Files.createDirectories(dir.resolve("framed"));
        java.nio.file.Files.createDirectories(folder.resolve("burnins"));
        java.nio.file.Files.writeString(folder.resolve("burnins/show.fdl"), """
                {"uuid": "d1b0a6b6-3f7e-4a0a-9d1f-3a4c2c9b8e11", "version": {"major": 2, "minor": 0}, "fdl_creator": "test",
                 "framing_intents": [{"id": "FI1", "aspect_ratio": {"width": 2, "height": 1}, "protection": 0}],
                 "contexts": [{"label": "A", "canvases": [{"id": "CV1", "source_canvas_id": "CV1", "dimensions": {"width": 16, "height": 16},
                   "framing_decisions": [{"id": "CV1-FI1", "framing_intent_id": "FI1", "dimensions": {"width": 16, "height": 8},
                     "anchor_point": {"x": 0, "y": 4}}]}]}]}""");
        java.nio.file.Files.writeString(folder.resolve("burnins/framed.json"), """
                {"name": "framed", "items": [{"position": "top-left", "text": "{clip}"}], "framing": {"fdl": "show.fdl", "style": "mask"}}""");
        java.nio.file.Path spec = java.nio.file.Files.writeString(folder.resolve("review.json"), """
                {"name": "review", "format": "tiff16", "colour": {"stage": "display"}, "burn_in": "burnins/framed.json",
                 "naming": "{clip}.{frame}.tif"}""");
        Deliverable d = Deliverables.prepare(spec.toString(), Map.of(), HQ);
        assertEquals("framed", ((io.rushes.engine.deliver.burnin.BurnIn) d.options().overlay()).template().name());
        RushesException region = assertThrows(RushesException.class, () -> Deliverables.prepare(spec.toString(), Map.of(),
                new Deliverable.Development(Demosaic.Method.RCD, null, new io.rushes.engine.image.Region(0, 0, 8, 8), 0, 0.02)));
        assertEquals("Cannot go on: framing lines with --region: the FDL's canvas is the whole frame, and a region renders part of it. Leave"
                + " --region out, or use a burn-in template without framing", region.getMessage());
    }

    @Test
    void aSceneLinearMovieIsRefused() {
        DeliverableSpec spec = DeliverableSpecReader.load(("{\"name\": \"linear-movie\", \"format\": \"prores_4444\", \"colour\": "
                + "{\"stage\": \"scene\", \"space\": \"ACES2065-1\"}, \"naming\": \"{clip}.mov\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "linear-movie.json");
        RushesException e = assertThrows(RushesException.class, () -> Deliverable.prepare(spec, Map.of(), null, HQ));
        assertEquals("Cannot read linear-movie.json: at $.colour: a review movie holds display code values, not scene-linear light. Give the "
                + "movie a display colour ({\"stage\": \"display\"})", e.getMessage());
    }

    @Test
    void refusesWhatCannotBeRenderedYetOrIsNotGiven() {
        assertEquals("Cannot go on: the naming template {shot}_{plate}_v{version:03d}.{frame:04d}.exr of aces-exr-plate uses {version}, which"
                + " has no value. Give it: --set version=1", assertThrows(RushesException.class, () -> Deliverable.prepare(
                        Deliverables.shipped("aces-exr-plate"), Map.of("shot", "SH010", "plate", "BG01"), null, HQ)).getMessage());
        assertEquals("Cannot go on: --set take=…: take is not a value to set. Set shot, plate, version (clip, reel and frame come from each"
                + " frame), or fdl, framing_decision for a burn-in's framing lines", assertThrows(RushesException.class, () -> Deliverable.prepare(Deliverables.shipped("jpeg-thumbnail"),
                        Map.of("take", "2"), null, HQ)).getMessage());
        assertEquals("Cannot go on: --set version='v3' is not a whole number. Give version as digits, e.g. 3",
                assertThrows(RushesException.class, () -> Deliverable.prepare(Deliverables.shipped("aces-exr-plate"),
                        Map.of("shot", "SH010", "plate", "BG01", "version", "v3"), null, HQ)).getMessage());
        assertEquals("Cannot go on: --set shot='../x' is not a name part of [A-Za-z0-9._-]. Give shot as e.g. SH010",
                assertThrows(RushesException.class, () -> Deliverable.prepare(Deliverables.shipped("aces-exr-plate"),
                        Map.of("shot", "../x", "plate", "BG01", "version", "3"), null, HQ)).getMessage());
        Deliverable sized = Deliverable.prepare(read("""
                {"name": "t", "format": "exr", "colour": {"stage": "scene", "space": "ACEScg"}, "resolution": {"canvas_template": "VX220310"},
                 "naming": "{clip}.{frame}.exr"}"""), Map.of(), null, HQ);
        RushesException canvas = assertThrows(RushesException.class, () -> io.rushes.engine.api.RenderPlan.of(sized));
        assertEquals("Cannot go on: t sizes each frame by the FDL canvas template 'VX220310', and no FDL frames this render. Give the shot's"
                + " FDL (rushes plates: --fdl-folder and the pull list's fdl_uuid), or use a deliverable sized by fit", canvas.getMessage());
    }

    @Test
    void anOutputTransformIdBecomesTheDisplayProcessor() {
        Deliverable d = Deliverable.prepare(read("""
                {"name": "p3", "format": "tiff16", "colour": {"stage": "display",
                 "output_transform": "urn:ampas:aces:transformId:v2.0:Output.Academy.P3-D65_1000nit_in_P3-D65_ST2084.a2.v1"},
                 "naming": "{clip}.{frame}.tif"}"""), Map.of(), null, HQ);
        assertEquals(FrameRenderer.Stage.DISPLAY, d.options().stage());
        assertEquals(FrameRenderer.Format.TIFF16, d.options().format());
        double[] grey = {0.18, 0.18, 0.18};
        d.options().display().apply(grey);
        double[] rec709 = {0.18, 0.18, 0.18};
        io.rushes.engine.color.amf.AmfPipeline.defaultOutput().pipeline().apply(rec709);
        assertTrue(Math.abs(grey[0] - rec709[0]) > 0.05, "the PQ output is not the Rec.709 default: " + grey[0] + " vs " + rec709[0]);
    }

    @Test
    void anAmfIsFoundBesideTheSpecFile() throws Exception {
        java.nio.file.Path folder = java.nio.file.Files.createDirectories(dir.resolve("show"));
        java.nio.file.Path amf = java.nio.file.Files.copy(io.rushes.engine.Samples.dir().resolve(
                "amf/generated/aces2/idt_ACEScct_to_ACES__odt_P3_D60_1000nit_in_P3_D65_ST2084.amf"), folder.resolve("look.amf"));
        java.nio.file.Path spec = java.nio.file.Files.writeString(folder.resolve("review.json"), """
                {"name": "review", "format": "tiff16", "colour": {"stage": "display", "amf": "look.amf"}, "naming": "{clip}.{frame}.tif"}""");
        Deliverable d = Deliverables.prepare(spec.toString(), Map.of(), HQ);
        String expected = io.rushes.engine.color.amf.AmfPipeline.build(io.rushes.engine.color.amf.AmfReader.read(amf), folder, true)
                .processor(0, 0.02).describe();
        assertEquals(expected, d.options().display().describe(), "the AMF's output, its input transform skipped");
        assertTrue(expected.contains("P3"), expected);
        RushesException shipped = assertThrows(RushesException.class, () -> Deliverables.prepare("review", Map.of(), HQ));
        assertEquals("Cannot go on: 'review' is no shipped deliverable and not a .json file. Give one of aces-exr-plate, dpx-log-pull,"
                + " jpeg-thumbnail, png-poster, prores-4444-review, prores-4444-review-burnin, h264-review (rushes render --list-deliverables), or the path of a"
                + " specification", shipped.getMessage());
    }

    private static DeliverableSpec read(String json) {
        return DeliverableSpecReader.load(json.getBytes(StandardCharsets.UTF_8), "t.json");
    }
}
