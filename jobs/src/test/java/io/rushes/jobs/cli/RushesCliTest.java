package io.rushes.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RushesCliTest {
    @Test
    void helpListsEveryCommand() {
        CliRun r = CliRun.of("--help");
        assertEquals(0, r.code());
        for (String c : List.of("inspect", "ingest", "sql", "optimize", "render", "make-card", "mhl", "fdl", "amf", "color", "bench", "demo")) {
            assertTrue(r.out().contains(c), "help lists " + c + ":\n" + r.out());
        }
    }

    @Test
    void fdlValidateNamesEveryProblemAndFailsOnAnInvalidFile(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.fdl");
        Files.writeString(good, """
                {"uuid": "BCD142EB-3BAA-4EA8-ADD8-A46AE8DC4D97", "version": {"major": 2, "minor": 0},
                 "framing_intents": [{"id": "F1", "aspect_ratio": {"width": 16, "height": 9}}],
                 "contexts": [{"canvases": [{"id": "C1", "source_canvas_id": "C1", "dimensions": {"width": 1920, "height": 1080},
                   "framing_decisions": [{"id": "C1-F1", "framing_intent_id": "F1", "dimensions": {"width": 1920, "height": 1080},
                     "anchor_point": {"x": 0, "y": 0}}]}]}]}
                """);
        Path bad = dir.resolve("bad.fdl");
        Files.writeString(bad, Files.readString(good).replace("\"C1-F1\"", "\"C1-F2\"").replace("\"x\": 0", "\"x\": 10"));
        CliRun ok = CliRun.of("fdl", "validate", good.toString());
        assertEquals(0, ok.code(), ok.out());
        assertTrue(ok.out().contains("valid (FDL 2.0, 1 framing intents, 1 contexts, 1 canvases, 1 framing decisions"), ok.out());
        CliRun r = CliRun.of("fdl", "validate", good.toString(), bad.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("bad.fdl: INVALID"), r.out());
        assertTrue(r.out().contains("error at $.contexts[0].canvases[0].framing_decisions[0].id: 'C1-F2' should be 'C1-F1'"), r.out());
        assertTrue(r.out().contains("error at $.contexts[0].canvases[0].framing_decisions[0].dimensions: the framing 1920x1080 at (10, 0) leaves the canvas"), r.out());
    }

    @Test
    void fdlApplyWritesTheNewCanvasAndFdlFrameRendersIt(@TempDir Path dir) throws Exception {
        assertEquals(0, CliRun.of("make-card", dir.toString(), "--clips", "1", "--frames", "1", "--size", "320x180").code());
        Path dng;
        try (var files = Files.walk(dir)) {
            dng = files.filter(p -> p.toString().endsWith(".dng")).findFirst().orElseThrow();
        }
        Path fdl = dir.resolve("cam.fdl");
        Files.writeString(fdl, """
                {"uuid": "BCD142EB-3BAA-4EA8-ADD8-A46AE8DC4D97", "version": {"major": 2, "minor": 0},
                 "framing_intents": [{"id": "F1", "aspect_ratio": {"width": 2, "height": 1}}],
                 "contexts": [{"canvases": [{"id": "C1", "source_canvas_id": "C1", "dimensions": {"width": 320, "height": 180},
                   "anamorphic_squeeze": 1.5, "framing_decisions": [{"id": "C1-F1", "framing_intent_id": "F1",
                   "dimensions": {"width": 200, "height": 150}, "anchor_point": {"x": 60, "y": 15}}]}]}],
                 "canvas_templates": [{"id": "HD", "target_dimensions": {"width": 600, "height": 300}, "target_anamorphic_squeeze": 1.0,
                   "fit_source": "framing_decision.dimensions", "fit_method": "fit_all"}]}
                """);
        Path applied = dir.resolve("applied.fdl");
        CliRun a = CliRun.of("fdl", "apply", "--fdl", fdl.toString(), "--template", "HD", "--out", applied.toString());
        assertEquals(0, a.code(), a.out());
        assertTrue(a.out().contains("canvas C1 -> HD: 600x300"), a.out()); // 200 x 1.5 = 300 wide de-squeezed: 2:1, scaled x2
        assertEquals(0, CliRun.of("fdl", "validate", applied.toString()).code());
        Path tif = dir.resolve("framed.tif");
        CliRun f = CliRun.of("fdl", "frame", "--fdl", fdl.toString(), "--template", "HD", "--input", dng.toString(), "--out", tif.toString(),
                "--debayer", "fast");
        assertEquals(0, f.code(), f.out());
        assertTrue(f.out().contains("600x300 from C1-F1"), f.out());
        assertTrue(f.out().contains("developed "), "only a region is developed: " + f.out());
        Path crop = dir.resolve("crop.tif");
        CliRun c = CliRun.of("fdl", "frame", "--fdl", fdl.toString(), "--input", dng.toString(), "--out", crop.toString(), "--format", "tiff16");
        assertEquals(0, c.code(), c.out());
        assertTrue(c.out().contains("300x150 from C1-F1"), "cropped and de-squeezed, unscaled: " + c.out());

        // An FDL for several clips: the context whose clip_id names the input's clip (its folder) is used.
        Path clips = dir.resolve("clips.fdl");
        Files.writeString(clips, """
                {"uuid": "BCD142EB-3BAA-4EA8-ADD8-A46AE8DC4D97", "version": {"major": 2, "minor": 0},
                 "framing_intents": [{"id": "F1", "aspect_ratio": {"width": 2, "height": 1}}],
                 "contexts": [
                  {"clip_id": {"clip_name": "SOME_OTHER_CLIP"}, "canvases": [{"id": "C9", "source_canvas_id": "C9",
                   "dimensions": {"width": 100, "height": 100}, "framing_decisions": [{"id": "C9-F1", "framing_intent_id": "F1",
                   "dimensions": {"width": 100, "height": 50}, "anchor_point": {"x": 0, "y": 25}}]}]},
                  {"clip_id": {"clip_name": "%s"}, "canvases": [{"id": "C2", "source_canvas_id": "C2",
                   "dimensions": {"width": 320, "height": 180}, "framing_decisions": [{"id": "C2-F1", "framing_intent_id": "F1",
                   "dimensions": {"width": 320, "height": 160}, "anchor_point": {"x": 0, "y": 10}}]}]}]}
                """.formatted(dng.getParent().getFileName()));
        CliRun m = CliRun.of("fdl", "frame", "--fdl", clips.toString(), "--input", dng.toString(), "--out", dir.resolve("m.tif").toString());
        assertEquals(0, m.code(), m.out());
        assertTrue(m.out().contains("320x160 from C2-F1"), m.out());
    }

    @Test
    void colorApplyTransformsStdinTripletsAndAmfValidateReportsWhatIsMissing(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.withInput("# grey at EI 800\n0.3910068 0.3910068 0.3910068\n\n1 0.5 0\n", "color", "apply", "--transform-id", "urn:ampas:aces:transformId:v2.0:CSC.Arri.LogC3_to_ACES.a2.v1");
        assertEquals(0, r.code(), r.out());
        String[] lines = r.out().split("\n");
        assertEquals("# grey at EI 800", lines[0]);
        String[] grey = lines[1].split(" ");
        for (String v : grey) {
            assertEquals(0.18, Double.parseDouble(v), 1e-6);
        }
        assertEquals("", lines[2]);
        CliRun inverse = CliRun.withInput("0.18 0.18 0.18\n", "color", "apply", "--transform-id", "urn:ampas:aces:transformId:v2.0:CSC.Arri.LogC3_to_ACES.a2.v1", "--inverse");
        assertTrue(inverse.out().startsWith("0.391006"), inverse.out());
        // No transform named: ACES2065-1 through the default ACES 2.0 Rec.709 output; grey stays grey, black stays black,
        // and the result is the registry's own forward transform of that preset.
        CliRun display = CliRun.withInput("0.18 0.18 0.18\n0 0 0\n0.5 0.4 0.3\n", "color", "apply");
        assertEquals(0, display.code(), display.out());
        String[] out = display.out().split("\n");
        String[] g = out[0].split(" ");
        assertEquals(Double.parseDouble(g[0]), Double.parseDouble(g[2]), 1e-6, out[0]);
        assertTrue(Double.parseDouble(g[1]) > 0.37 && Double.parseDouble(g[1]) < 0.40, out[0]); // ~10 cd/m² of 100, BT.1886
        assertEquals("0.0 0.0 0.0", out[1]);
        double[] want = {0.5, 0.4, 0.3};
        io.rushes.engine.color.TransformRegistry.resolve("urn:ampas:aces:transformId:v2.0:"
                + io.rushes.engine.color.aces.Aces20.DEFAULT_OUTPUT + ".a2.v1", false, "test").apply(want);
        assertEquals((float) want[0] + " " + (float) want[1] + " " + (float) want[2], out[2]);
        assertEquals(2, CliRun.withInput("1 2\n", "color", "apply", "--transform-id", "urn:ampas:aces:transformId:v2.0:CSC.Academy.ACEScg_to_ACES.a2.v1").code());
        // A line with no end (hostile or a wrong file piped in) is refused at 4096 characters, not buffered whole.
        assertEquals(2, CliRun.withInput("0.1 ".repeat(1 << 18), "color", "apply").code());
        Path amf = dir.resolve("show.amf");
        Files.writeString(amf, """
                <aces:acesMetadataFile version="2.0" xmlns:aces="urn:ampas:aces:amf:v2.0">
                  <aces:amfInfo><aces:uuid>urn:uuid:54bfd6af-57c0-4bd1-8f95-0952c4f25f86</aces:uuid></aces:amfInfo>
                  <aces:pipeline>
                    <aces:inputTransform applied="false"><aces:transformId>urn:ampas:aces:transformId:v2.0:CSC.Sony.SLog3_SGamut3_to_ACES.a2.v1</aces:transformId></aces:inputTransform>
                    <aces:lookTransform applied="false"><aces:file>look.clf</aces:file></aces:lookTransform>
                  </aces:pipeline>
                </aces:acesMetadataFile>""");
        Files.writeString(dir.resolve("look.clf"), """
                <ProcessList id="look" compCLFversion="3.0"><Matrix inBitDepth="32f" outBitDepth="32f"><Array dim="3 3">2 0 0 0 2 0 0 0 2</Array></Matrix></ProcessList>""");
        CliRun ok = CliRun.of("amf", "validate", amf.toString());
        assertEquals(0, ok.code(), ok.out());
        assertTrue(ok.out().contains("INPUT CSC.Sony.SLog3_SGamut3_to_ACES") && ok.out().contains("LOOK CLF look.clf"), ok.out());
        if (Files.isReadable(Path.of("/dev/zero"))) { // an endless device is refused before it is read, not read forever
            CliRun endless = CliRun.of("amf", "validate", "/dev/zero");
            assertEquals(1, endless.code());
            assertTrue(endless.out().contains("/dev/zero: it is not a regular file"), endless.out());
        }
        Files.writeString(amf, Files.readString(amf).replace("CSC.Sony.SLog3_SGamut3_to_ACES", "IDT.Acme.Camera"));
        CliRun bad = CliRun.of("amf", "validate", amf.toString());
        assertEquals(1, bad.code());
        assertTrue(bad.out().contains("CANNOT BUILD") && bad.out().contains("IDT.Acme.Camera is not supported"), bad.out());
    }

    @Test
    void amfApplyRunsThePipelineOnATiff(@TempDir Path dir) throws Exception {
        float[] px = {0.41f, 0.41f, 0.41f, 0.6f, 0.3f, 0.2f};
        Path in = dir.resolve("in.tif");
        io.rushes.engine.deliver.tiff.TiffImages.writeRgbFloat(new io.rushes.engine.image.RgbImage(2, 1, px.clone()), new io.rushes.engine.io.FileByteSink(in), "test");
        Path amf = dir.resolve("p.amf");
        Files.writeString(amf, """
                <aces:acesMetadataFile version="2.0" xmlns:aces="urn:ampas:aces:amf:v2.0">
                  <aces:amfInfo><aces:uuid>urn:uuid:54bfd6af-57c0-4bd1-8f95-0952c4f25f86</aces:uuid></aces:amfInfo>
                  <aces:pipeline>
                    <aces:inputTransform applied="false"><aces:transformId>urn:ampas:aces:transformId:v2.0:CSC.Academy.ACEScct_to_ACES.a2.v1</aces:transformId></aces:inputTransform>
                    <aces:outputTransform applied="false">
                      <aces:referenceRenderingTransform><aces:transformId>urn:ampas:aces:transformId:v1.5:RRT.a1.0.3</aces:transformId></aces:referenceRenderingTransform>
                      <aces:outputDeviceTransform><aces:transformId>urn:ampas:aces:transformId:v1.5:ODT.Academy.Rec709_100nits_dim.a1.0.3</aces:transformId></aces:outputDeviceTransform>
                    </aces:outputTransform>
                  </aces:pipeline>
                </aces:acesMetadataFile>""");
        Path out = dir.resolve("out.tif");
        CliRun r = CliRun.of("amf", "apply", "--amf", amf.toString(), "--input", in.toString(), "--out", out.toString(), "--format", "tiff32f");
        assertEquals(0, r.code(), r.out());
        io.rushes.engine.image.RgbImage got;
        try (io.rushes.engine.io.FileByteSource s = new io.rushes.engine.io.FileByteSource(out)) {
            got = io.rushes.engine.deliver.tiff.TiffImages.readRgb(s);
        }
        double[] grey = {0.41, 0.41, 0.41};
        io.rushes.engine.color.TransformRegistry.resolve("urn:ampas:aces:transformId:v2.0:CSC.Academy.ACEScct_to_ACES.a2.v1", false, "t").apply(grey);
        io.rushes.engine.color.aces.Aces13.rrt(grey);
        io.rushes.engine.color.aces.Aces13.odt(io.rushes.engine.color.aces.Aces13.Display.REC709_100NITS_DIM, grey);
        assertEquals(grey[0], got.get(0, 0, 0), 1e-6);
        assertEquals(2, got.width());
        assertTrue(got.get(1, 0, 0) > got.get(1, 0, 2), "a warm pixel stays warm");

        // The same through its 65³ bake: measured first, within the default budget, and named in the output.
        Path baked = dir.resolve("baked.tif");
        CliRun lut = CliRun.of("amf", "apply", "--amf", amf.toString(), "--input", in.toString(), "--out", baked.toString(), "--format", "tiff32f",
                "--lut", "65");
        assertEquals(0, lut.code(), lut.out());
        assertTrue(lut.out().contains("65³ LUT (ACEScct shaper) of") && lut.out().contains("error vs exact p99"), lut.out());
        try (io.rushes.engine.io.FileByteSource s = new io.rushes.engine.io.FileByteSource(baked)) {
            io.rushes.engine.image.RgbImage fast = io.rushes.engine.deliver.tiff.TiffImages.readRgb(s);
            for (int c = 0; c < 3; c++) {
                assertEquals(got.get(0, 0, c), fast.get(0, 0, c), 0.02, "channel " + c);
                assertEquals(got.get(1, 0, c), fast.get(1, 0, c), 0.02, "channel " + c);
            }
        }
        // A bake that misses its budget is refused as a user error, and nothing is written.
        Path refused = dir.resolve("refused.tif");
        assertEquals(2, CliRun.of("amf", "apply", "--amf", amf.toString(), "--input", in.toString(), "--out", refused.toString(), "--lut", "17",
                "--lut-budget", "1e-6").code());
        assertFalse(Files.exists(refused));
    }

    /**
     * A movie is a source like any: amf apply without an AMF takes the card's Rec.709 video to ACES through the inverse
     * of the ACES 2.0 Rec.709 output and back out through that output, so its display code values come back as decoded.
     */
    @Test
    void amfApplyTakesAMovieAndItsRec709VideoRoundTrips(@TempDir Path dir) throws Exception {
        Path card = dir.resolve("card");
        io.rushes.engine.card.SampleCard.write(card, new io.rushes.engine.card.SampleCard.Options(1, 1, List.of("A"), 64, 32, 2));
        Path movie;
        try (var files = Files.walk(card)) {
            movie = files.filter(f -> f.toString().endsWith(".mov")).findFirst().orElseThrow();
        }
        Path out = dir.resolve("display.tif");
        CliRun r = CliRun.of("amf", "apply", "--input", movie.toString(), "--out", out.toString(), "--format", "tiff32f");
        assertEquals(0, r.code(), r.err());
        io.rushes.engine.image.RgbImage decoded;
        try (var src = new io.rushes.engine.io.FileByteSource(movie); var in = io.rushes.engine.render.FrameRenderer.Input.open(src)) {
            decoded = ((io.rushes.engine.format.SourceFrame.Rgb) in.reader().read(0, null)).image();
        }
        io.rushes.engine.image.RgbImage back;
        try (var src = new io.rushes.engine.io.FileByteSource(out)) {
            back = io.rushes.engine.deliver.tiff.TiffImages.readRgb(src);
        }
        double worst = 0;
        int off = 0;
        for (int i = 0; i < decoded.data().length; i++) {
            double d = Math.abs(Math.min(1, Math.max(0, decoded.data()[i])) - back.data()[i]);
            worst = Math.max(worst, d);
            off += d > 0.5 / 255 ? 1 : 0;
        }
        // Measured: the inverse is exact inside the gamut; at its corners (a saturated yellow such as 1, 1, 0) the ACES 2.0
        // gamut compression does not quite undo, by up to 2 codes of 255.
        assertTrue(worst <= 2.5 / 255 && off <= decoded.data().length / 100, "worst round-trip difference " + worst + ", "
                + off + " of " + decoded.data().length + " samples off by more than half a code");
    }

    @Test
    void inspectJsonGivesOneObjectPerClipAndReportsBrokenFilesPerClip(@TempDir Path dir) throws Exception {
        assertEquals(0, CliRun.of("make-card", dir.toString(), "--clips", "2", "--frames", "3", "--size", "64x36").code());
        Path clip = Files.list(dir).filter(Files::isDirectory).findFirst().orElseThrow();
        Path seq = Files.list(clip).filter(p -> p.getFileName().toString().contains("C002")).findFirst().orElseThrow();
        Path broken = Files.list(seq).sorted().toList().get(1);
        Files.write(broken, new byte[] {'I', 'I', 42, 0, 8, 0});
        CliRun r = CliRun.of("inspect", "--json", "--hash", "xxh128", dir.toString());
        assertEquals(0, r.code(), "broken files are not a usage error");
        List<JsonNode> rows = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : r.out().strip().split("\n")) {
            rows.add(json.readTree(line));
        }
        assertEquals(3, rows.size(), r.out());
        JsonNode partial = rows.stream().filter(n -> n.get("clip_name").asText().contains("C002")).findFirst().orElseThrow();
        assertEquals("partial", partial.get("status").asText());
        assertTrue(partial.get("errors").get(0).get("message").asText().contains(broken.getFileName().toString()));
        assertEquals(32, partial.get("files").get(0).get("hashes").get("xxh128").asText().length());
    }

    @Test
    void usageErrorsExitNonZero() {
        assertEquals(2, CliRun.of("inspect", "/no/such/card").code());
        assertEquals(2, CliRun.of("inspect", "--hash", "crc32", ".").code());
    }

    @Test
    void mhlVerifyFailsOnAlteredFile(@TempDir Path dir) throws Exception {
        CliRun.of("make-card", dir.toString(), "--clips", "1", "--frames", "2", "--size", "32x18");
        Path reel = Files.list(dir).filter(Files::isDirectory).findFirst().orElseThrow();
        assertEquals(0, CliRun.of("mhl", "verify", reel.toString()).code());
        Path mov = Files.list(reel).filter(p -> p.toString().endsWith(".mov")).findFirst().orElseThrow();
        byte[] b = Files.readAllBytes(mov);
        b[100] ^= 1;
        Files.write(mov, b);
        CliRun r = CliRun.of("mhl", "verify", reel.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("MISMATCH"), r.out());
    }
}
