package io.rushes.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.card.SampleCard;
import io.rushes.engine.deliver.spec.Deliverables;
import io.rushes.engine.discovery.Clip;
import io.rushes.engine.discovery.ClipDiscovery;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rushes render --deliverable}: a shipped deliverable and a specification file write their frames under their names. */
class RenderDeliverableTest {
    @TempDir
    static Path dir;
    static Path sequence;
    static Clip clip;

    @BeforeAll
    static void card() throws Exception {
        Path card = dir.resolve("card");
        SampleCard.write(card, new SampleCard.Options(1, 2, List.of("A"), 64, 32, 3));
        try (Stream<Path> s = Files.walk(card)) {
            sequence = s.filter(p -> p.toString().endsWith(".dng")).sorted().findFirst().orElseThrow().getParent();
        }
        clip = ClipDiscovery.group(ClipDiscovery.listLocal(List.of(sequence))).clips().get(0);
        assertEquals(2, clip.frames().size(), "the card holds a 2-frame sequence");
    }

    private static List<String> written(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesAShippedDeliverableUnderItsNames() throws Exception {
        Path out = dir.resolve("thumbs");
        CliRun r = CliRun.of("render", "--input", sequence.toString(), "--out", out.toString(), "--deliverable", "jpeg-thumbnail");
        assertEquals(0, r.code(), r.err());
        List<String> expected = clip.frames().stream().map(f -> String.format(Locale.ROOT, "%s.%07d.jpg", clip.name(), f)).toList();
        assertEquals(expected, written(out), "only the frames, named {clip}.{frame:07d}.jpg: nothing left aside");
        for (String name : expected) {
            BufferedImage jpeg = ImageIO.read(out.resolve(name).toFile());
            assertEquals(64, jpeg.getWidth(), "a frame smaller than the fit keeps its size");
            assertEquals(32, jpeg.getHeight());
            assertTrue(r.out().contains(out.resolve(name) + "  64x32"), r.out());
        }
        assertTrue(r.out().contains("2 frames written, 0 failed"), r.out());
    }

    @Test
    void writesASpecificationFileWithTheValuesSet() throws Exception {
        Path spec = dir.resolve("plate.json");
        Files.writeString(spec, """
                {"name": "cg-plate", "format": "exr", "colour": {"stage": "scene", "space": "ACEScg"}, "compression": "piz",
                 "resolution": {"fit": 32}, "naming": "{shot}_{plate}_v{version:03d}.{frame:04d}.exr"}
                """);
        Path out = dir.resolve("plates");
        CliRun r = CliRun.of("render", "--input", sequence.toString(), "--out", out.toString(), "--deliverable", spec.toString(),
                "--set", "shot=SH010", "--set", "plate=BG01", "--set", "version=3");
        assertEquals(0, r.code(), r.err());
        List<String> expected = clip.frames().stream().map(f -> String.format(Locale.ROOT, "SH010_BG01_v003.%04d.exr", f)).toList();
        assertEquals(expected, written(out));
        for (String name : expected) {
            byte[] head = Arrays.copyOf(Files.readAllBytes(out.resolve(name)), 4);
            assertArrayEquals(new byte[] {0x76, 0x2f, 0x31, 0x01}, head, "an OpenEXR file");
            assertTrue(r.out().contains(out.resolve(name) + "  32x16"), "fit 32 halves the 64x32 frame: " + r.out());
        }
    }

    @Test
    void neverGivesTwoFramesOneNameAndNumbersAMoviesFramesByIndex() throws Exception {
        Path card = dir.resolve("two-clips");
        SampleCard.write(card, new SampleCard.Options(2, 1, List.of("A"), 32, 16, 3));
        Path reel;
        try (Stream<Path> s = Files.list(card)) {
            reel = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Path out = dir.resolve("clash");
        CliRun r = CliRun.of("render", "--input", reel.toString(), "--out", out.toString(), "--deliverable", "aces-exr-plate",
                "--set", "shot=SH010", "--set", "plate=BG01", "--set", "version=3");
        assertEquals(2, r.code(), r.err());
        assertEquals(List.of("SH010_BG01_v003.0000.exr", "SH010_BG01_v003.86400.exr"), written(out),
                "the movie's one frame by its index, and the first clip's frame only: the second is not written over it");
        List<String> errors = r.err().lines().toList();
        assertEquals(1, errors.size(), r.err());
        assertTrue(errors.get(0).matches("rushes render: Cannot render: the name SH010_BG01_v003\\.86400\\.exr of .*C002.*\\.dng was given to"
                + " .*C001.*\\.dng already\\. Put \\{clip\\} and \\{frame\\} in the deliverable's naming template.*"), errors.get(0));
    }

    @Test
    void listsTheShippedDeliverables() {
        CliRun r = CliRun.of("render", "--list-deliverables");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(Deliverables.SHIPPED, lines.stream().map(l -> l.split(" ")[0]).toList());
        assertTrue(lines.get(Deliverables.SHIPPED.indexOf("prores-4444-review")).contains("Review movie: ProRes 4444"), r.out());
    }

    /** A review movie: one QuickTime file for the clip, every frame in it, ProRes 4444 with the clip's timecode track. */
    @Test
    void writesAReviewMovieOfTheClip() throws Exception {
        Path out = dir.resolve("movie");
        CliRun r = CliRun.of("render", "--input", sequence.toString(), "--out", out.toString(), "--deliverable", "prores-4444-review");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of(clip.name() + "_review.mov"), written(out));
        assertTrue(r.out().contains(clip.name() + "_review.mov  2 frames"), r.out());
        String bytes = new String(Files.readAllBytes(out.resolve(clip.name() + "_review.mov")), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(bytes.contains("ap4h") && bytes.contains("tmcd"), "ProRes 4444 ('ap4h') with a timecode track");
    }

    @Test
    void aDeliverableSizedByACanvasTemplateIsFramedByTheFdlGiven() throws Exception {
        // A 64x32 canvas at 2x squeeze: the decision's 48x24 de-squeezed is 96x24, fitted by width to 48: 48x12.
        Path fdl = Files.writeString(dir.resolve("a.fdl"), """
                {"uuid": "BCD142EB-3BAA-4EA8-ADD8-A46AE8DC4D97", "version": {"major": 2, "minor": 0},
                 "framing_intents": [{"id": "F", "aspect_ratio": {"width": 4, "height": 1}}],
                 "contexts": [{"canvases": [{"id": "S", "source_canvas_id": "S", "dimensions": {"width": 64, "height": 32},
                   "anamorphic_squeeze": 2.0, "framing_decisions": [{"id": "S-F", "framing_intent_id": "F",
                   "dimensions": {"width": 48, "height": 24}, "anchor_point": {"x": 8, "y": 4}}]}]}],
                 "canvas_templates": [{"id": "HALF", "target_dimensions": {"width": 48, "height": 12}, "target_anamorphic_squeeze": 1.0,
                   "fit_source": "framing_decision.dimensions", "fit_method": "width"}]}
                """);
        Path spec = Files.writeString(dir.resolve("framed.json"), """
                {"name": "framed", "format": "tiff32f", "colour": {"stage": "scene", "space": "ACES2065-1"},
                 "resolution": {"canvas_template": "HALF"}, "naming": "{clip}.{frame}.tif"}
                """);
        Path out = dir.resolve("framed");
        CliRun r = CliRun.of("render", "--input", sequence.toString(), "--out", out.toString(), "--deliverable", spec.toString(),
                "--fdl", fdl.toString(), "--framing-decision", "S-F");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("  48x12  "), "the template's canvas: " + r.out());

        CliRun unframed = CliRun.of("render", "--input", sequence.toString(), "--out", out.toString(), "--deliverable", spec.toString());
        assertEquals(2, unframed.code());
        assertTrue(unframed.err().contains("framed sizes each frame by the FDL canvas template 'HALF', and no FDL frames this render"),
                unframed.err());
        CliRun noDecision = CliRun.of("render", "--input", sequence.toString(), "--out", out.toString(), "--deliverable", spec.toString(),
                "--fdl", fdl.toString(), "--framing-decision", "NOPE");
        assertEquals(2, noDecision.code());
        assertTrue(noDecision.err().contains("the FDL has no framing decision 'NOPE'; its decisions: 'S-F'"), noDecision.err());
    }
}
