package io.rushes.engine.deliver.burnin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.ExternalTool;
import io.rushes.engine.card.SampleCard;
import io.rushes.engine.deliver.spec.Deliverable;
import io.rushes.engine.deliver.spec.Deliverables;
import io.rushes.engine.develop.DngDevelop;
import io.rushes.engine.image.Demosaic;
import io.rushes.engine.image.RgbImage;
import io.rushes.engine.io.FileByteSink;
import io.rushes.engine.io.FileByteSource;
import io.rushes.engine.render.FrameOverlay;
import io.rushes.engine.render.FrameRenderer;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Burn-ins through the renderer and the deliverables: stills and movies, against the same render without them. */
class BurnInRenderTest {
    private static final Map<String, String> SHOT = Map.of("shot", "SH010", "version", "3");
    private static final Deliverable.Development HQ = new Deliverable.Development(Demosaic.Method.RCD, null, null, 0, 0.02);
    private static final int WIDTH = 480;
    private static final int HEIGHT = 270;

    @TempDir
    static Path dir;
    static List<Path> frames;

    @BeforeAll
    static void card() throws Exception {
        SampleCard.write(dir.resolve("card"), new SampleCard.Options(1, 2, List.of("A"), WIDTH, HEIGHT, 3));
        try (Stream<Path> s = Files.walk(dir.resolve("card"))) {
            frames = s.filter(p -> p.toString().endsWith(".dng")).sorted().toList();
        }
    }

    private static FrameRenderer.Options display(FrameRenderer.Format format, int fit, FrameOverlay overlay) {
        return new FrameRenderer.Options(FrameRenderer.Stage.DISPLAY, format, DngDevelop.Output.ACES2065_1, Demosaic.Method.BILINEAR, null,
                null, null, fit, null, overlay);
    }

    private static RgbImage image(FrameRenderer.Options options, Path frame, FrameOverlay.MoviePosition position) throws Exception {
        try (FileByteSource source = new FileByteSource(frame)) {
            return new FrameRenderer(options).image(source, position);
        }
    }

    /** Rectangles [x0, y0, x1, y1) where a burn-in of {@code overlay} draws on an image of this size: what it changes on a grey one. */
    private static int[] changedIn(RgbImage a, RgbImage b, int x0, int y0, int x1, int y1) {
        int[] box = null;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int p = (y * a.width() + x) * 3;
                if (a.data()[p] != b.data()[p] || a.data()[p + 1] != b.data()[p + 1] || a.data()[p + 2] != b.data()[p + 2]) {
                    box = box == null ? new int[] {x, y, x + 1, y + 1}
                            : new int[] {Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x + 1), Math.max(box[3], y + 1)};
                }
            }
        }
        return box;
    }

    @Test
    void aStillWithBurnInsIsTheSameRenderBitForBitOutsideItsBoxes() throws Exception {
        BurnIn burnIn = BurnIn.compile(BurnInTemplates.shipped("review"), SHOT, "test");
        Path plainPng = dir.resolve("plain.png");
        Path burntPng = dir.resolve("burnt.png");
        try (FileByteSource source = new FileByteSource(frames.get(0))) {
            new FrameRenderer(display(FrameRenderer.Format.PNG, 0, null)).render(source, new FileByteSink(plainPng));
            new FrameRenderer(display(FrameRenderer.Format.PNG, 0, burnIn)).render(source, new FileByteSink(burntPng));
        }
        BufferedImage plain = ImageIO.read(plainPng.toFile());
        BufferedImage burnt = ImageIO.read(burntPng.toFile());
        // Where the boxes are: what the same overlay changes on a flat grey frame of this size (every box pixel darkens).
        RgbImage grey = new RgbImage(WIDTH, HEIGHT, new float[WIDTH * HEIGHT * 3]);
        java.util.Arrays.fill(grey.data(), 0.5f);
        RgbImage drawn = new RgbImage(WIDTH, HEIGHT, grey.data().clone());
        burnIn.draw(drawn, key -> Map.of("clip", "A001C001_261124_RDB", "reel", "A001RDB", "timecode", "10:02:00:03",
                "frame", "86400").get(key), WIDTH, HEIGHT);
        int changed = 0;
        int changedOutside = 0;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                if (plain.getRGB(x, y) != burnt.getRGB(x, y)) {
                    changed++;
                    int p = (y * WIDTH + x) * 3;
                    if (drawn.data()[p] == 0.5f && y > HEIGHT / 5 && y < HEIGHT * 4 / 5) {
                        changedOutside++;
                    }
                }
            }
        }
        assertEquals(0, changedOutside, "no pixel between the top and bottom rows of boxes changes");
        int[] top = changedIn(grey, drawn, 0, 0, WIDTH, HEIGHT / 5);
        int[] bottom = changedIn(grey, drawn, 0, HEIGHT * 4 / 5, WIDTH, HEIGHT);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                boolean inRows = y >= top[1] && y < top[3] || y >= bottom[1] && y < bottom[3];
                if (!inRows) {
                    assertEquals(plain.getRGB(x, y), burnt.getRGB(x, y), "pixel " + x + "," + y + " outside the boxes' rows");
                }
            }
        }
        assertTrue(changed > 2000, "the boxes and text changed " + changed + " pixels");
    }

    /** A still's fields come from its own file: the sample card starts clip 1 of seed 3 at 10:02:00:03, one frame a number. */
    @Test
    void aStillBurnsInItsOwnClipReelTimecodeAndFrameNumber() throws Exception {
        BurnIn burnIn = BurnIn.compile(BurnInTemplates.shipped("review"), SHOT, "test");
        RgbImage plain = image(display(FrameRenderer.Format.PNG, 0, null), frames.get(1), null);
        RgbImage burnt = image(display(FrameRenderer.Format.PNG, 0, burnIn), frames.get(1), null);
        assertTrue(frames.get(1).getFileName().toString().equals("A001C001_261124_R1DB.0086401.dng"), frames.get(1).toString());
        Map<String, String> expected = Map.of("clip", "A001C001_261124_R1DB", "reel", "A001R1DB", "timecode", "10:02:00:04", "frame", "86401");
        burnIn.draw(plain, expected::get, WIDTH, HEIGHT);
        assertTrue(java.util.Arrays.equals(plain.data(), burnt.data()), "the renderer burnt in " + expected);
    }

    @Test
    void burnInsAreRefusedOnAStageThatIsNotDisplay() {
        BurnIn burnIn = BurnIn.compile(BurnInTemplates.shipped("review"), SHOT, "test");
        io.rushes.engine.error.RushesException e = org.junit.jupiter.api.Assertions.assertThrows(io.rushes.engine.error.RushesException.class,
                () -> new FrameRenderer.Options(FrameRenderer.Stage.ACES, FrameRenderer.Format.EXR, DngDevelop.Output.ACES2065_1,
                        Demosaic.Method.BILINEAR, null, null, null, 0, null, burnIn));
        assertEquals("Cannot go on: burn-ins on the aces stage: they are drawn in display code values, after the output transform. Burn in on"
                + " the display stage only", e.getMessage());
    }

    @Test
    void framingLinesLandOnTheDecisionAfterAFit() throws Exception {
        Path fdl = Files.writeString(dir.resolve("card.fdl"), String.format(Locale.ROOT, """
                {"uuid": "d1b0a6b6-3f7e-4a0a-9d1f-3a4c2c9b8e12", "version": {"major": 2, "minor": 0}, "fdl_creator": "test",
                 "framing_intents": [{"id": "FI1", "aspect_ratio": {"width": 16, "height": 9}, "protection": 0}],
                 "contexts": [{"label": "A", "canvases": [{"id": "CV1", "source_canvas_id": "CV1", "dimensions": {"width": %d, "height": %d},
                   "framing_decisions": [{"id": "CV1-FI1", "framing_intent_id": "FI1", "dimensions": {"width": 384, "height": 216},
                     "anchor_point": {"x": 48, "y": 27}}]}]}]}""", WIDTH, HEIGHT));
        BurnIn lines = BurnIn.compile(BurnInTemplates.load("""
                {"name": "lines", "framing": {"style": "lines", "width": 1, "colour": [1, 0, 0]}}""".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "lines.json", dir), Map.of(BurnIn.FDL_VALUE, fdl.toString()), "test");
        RgbImage plain = image(display(FrameRenderer.Format.TIFF32F, 240, null), frames.get(0), null);
        RgbImage framed = image(display(FrameRenderer.Format.TIFF32F, 240, lines), frames.get(0), null);
        assertEquals(240, framed.width());
        assertEquals(135, framed.height());
        // 48..432 × 27..243 of the 480×270 frame, halved: columns 24 and 215, rows round(13.5) = 14 and round(121.5) - 1 = 121.
        for (int y = 0; y < 135; y++) {
            for (int x = 0; x < 240; x++) {
                boolean inside = x >= 24 && x < 216 && y >= 14 && y < 122;
                boolean onLine = inside && (x == 24 || x == 215 || y == 14 || y == 121);
                int p = (y * 240 + x) * 3;
                assertEquals(onLine, plain.data()[p] != framed.data()[p] || plain.data()[p + 1] != framed.data()[p + 1],
                        "pixel " + x + "," + y);
            }
        }
    }

    /** ffmpeg's decode of every frame of a movie as 8-bit RGB. */
    private static byte[] decoded(Path movie) throws Exception {
        return ExternalTool.stdout("ffmpeg", "-v", "error", "-i", movie.toString(), "-f", "rawvideo", "-pix_fmt", "rgb24", "-");
    }

    /** Mean absolute difference in 8-bit codes of frame {@code fa} of {@code a} and {@code fb} of {@code b} over [x0, x1) × [y0, y1). */
    private static double difference(byte[] a, int fa, byte[] b, int fb, int x0, int y0, int x1, int y1) {
        long sum = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                for (int c = 0; c < 3; c++) {
                    int i = (y * WIDTH + x) * 3 + c;
                    sum += Math.abs((a[fa * WIDTH * HEIGHT * 3 + i] & 0xff) - (b[fb * WIDTH * HEIGHT * 3 + i] & 0xff));
                }
            }
        }
        return sum / (3.0 * (x1 - x0) * (y1 - y0));
    }

    private static long write(Deliverable d, List<Path> locations, Path movie) throws Exception {
        return d.writeMovie(locations.stream().map(l -> new io.rushes.engine.api.RenderUnit.Frame(l.toString(), null)).toList(), location -> new FileByteSource(Path.of(location)),
                new FileByteSink(movie), dir);
    }

    /**
     * The shipped ProRes review with and without burn-ins, and H.264 (a spec naming the review template beside the
     * shipped h264-review), each decoded back by ffmpeg; the tolerance away from the boxes is the codec's.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"prores-4444-review, prores-4444-review-burnin, 0.5", "h264-review, h264-burnin.json, 2.0"})
    void aReviewMovieWithBurnInsDecodesWithItsBoxesAndTheTimecodeCountingOn(String plainSpec, String burntSpec, double tolerance)
            throws Exception {
        ExternalTool.require("ffmpeg");
        Files.writeString(dir.resolve("h264-burnin.json"), """
                {"name": "h264-burnin", "format": "h264", "colour": {"stage": "display"}, "bit_depth": 8, "burn_in": "review",
                 "naming": "{clip}_burnin.mov"}""");
        Path plainMovie = dir.resolve(plainSpec + ".mov");
        Path burntMovie = dir.resolve(burntSpec + ".mov");
        assertEquals(2, write(Deliverables.prepare(plainSpec, Map.of(), HQ), frames, plainMovie));
        // The first frame twice: the same picture, so only what is burnt in can tell the two apart.
        List<Path> same = List.of(frames.get(0), frames.get(0));
        String burnt = burntSpec.endsWith(".json") ? dir.resolve(burntSpec).toString() : burntSpec;
        assertEquals(2, write(Deliverables.prepare(burnt, SHOT, HQ), same, burntMovie));
        byte[] plain = decoded(plainMovie);
        byte[] burntFrames = decoded(burntMovie);
        assertEquals(2L * WIDTH * HEIGHT * 3, burntFrames.length);
        assertEquals(2L * WIDTH * HEIGHT * 3, plain.length);

        BurnIn burnIn = BurnIn.compile(BurnInTemplates.shipped("review"), SHOT, "test");
        RgbImage grey = new RgbImage(WIDTH, HEIGHT, new float[WIDTH * HEIGHT * 3]);
        java.util.Arrays.fill(grey.data(), 0.5f);
        RgbImage drawn = new RgbImage(WIDTH, HEIGHT, grey.data().clone());
        burnIn.draw(drawn, key -> key.equals("timecode") ? "10:02:00:03" : null, WIDTH, HEIGHT);
        int[] timecodeBox = changedIn(grey, drawn, WIDTH / 2, 0, WIDTH, HEIGHT / 2);
        double inBox = difference(plain, 0, burntFrames, 0, timecodeBox[0], timecodeBox[1], timecodeBox[2], timecodeBox[3]);
        double centre = difference(plain, 0, burntFrames, 0, WIDTH / 4, HEIGHT / 4, WIDTH * 3 / 4, HEIGHT * 3 / 4);
        // The timecode's last digits: the two frames of the same picture differ there as 10:02:00:0x counts on.
        int[] lastDigits = {timecodeBox[2] - timecodeBox[3], timecodeBox[1], timecodeBox[2], timecodeBox[3]};
        double counted = difference(burntFrames, 0, burntFrames, 1, lastDigits[0], lastDigits[1], lastDigits[2], lastDigits[3]);
        double elsewhere = difference(burntFrames, 0, burntFrames, 1, 0, HEIGHT / 4, WIDTH, HEIGHT * 3 / 4);
        System.out.printf(Locale.ROOT, "%s: burnt vs plain first frame, 8-bit codes: timecode box %.2f, centre %.3f; burnt frame 0 vs 1: last digits"
                + " %.2f, middle rows %.3f%n", burntSpec, inBox, centre, counted, elsewhere);
        assertTrue(inBox > 20, "the timecode box is burnt in: " + inBox);
        assertTrue(centre < tolerance, "the picture away from the boxes is the plain one within the codec's error: " + centre);
        assertTrue(counted > 2, "the timecode counts on from frame to frame: " + counted);
        assertTrue(elsewhere < tolerance / 4, "the same picture elsewhere: " + elsewhere);
    }
}
