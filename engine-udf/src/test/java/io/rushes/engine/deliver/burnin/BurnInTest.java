package io.rushes.engine.deliver.burnin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.ExternalTool;
import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.image.RgbImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Burn-in templates read and checked, and the overlay drawn: where it changes pixels, and what it draws there. */
class BurnInTest {
    private static final Map<String, String> SHOT = Map.of("shot", "SH010", "version", "3");
    /** DejaVu Sans Mono's advance: 1233 of 2048 font units per em, the same for every glyph. */
    private static final double ADVANCE_EM = 1233.0 / 2048;

    @TempDir
    Path dir;

    /** A mid-grey noisy image: every pixel a box darkens or text lightens changes. */
    private static RgbImage noisy(int width, int height, long seed) {
        Random random = new Random(seed);
        float[] data = new float[width * height * 3];
        for (int i = 0; i < data.length; i++) {
            data[i] = 0.2f + 0.6f * random.nextFloat();
        }
        return new RgbImage(width, height, data);
    }

    private static RgbImage copy(RgbImage image) {
        return new RgbImage(image.width(), image.height(), image.data().clone());
    }

    private static boolean changed(RgbImage a, RgbImage b, int x, int y) {
        int p = (y * a.width() + x) * 3;
        return a.data()[p] != b.data()[p] || a.data()[p + 1] != b.data()[p + 1] || a.data()[p + 2] != b.data()[p + 2];
    }

    /** The bounding box [x0, y0, x1, y1) of the changed pixels inside [x0, x1) × [y0, y1), or null when none changed. */
    private static int[] changedBounds(RgbImage a, RgbImage b, int x0, int y0, int x1, int y1) {
        int[] box = null;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (changed(a, b, x, y)) {
                    box = box == null ? new int[] {x, y, x + 1, y + 1}
                            : new int[] {Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x + 1), Math.max(box[3], y + 1)};
                }
            }
        }
        return box;
    }

    private static BurnInTemplate template(String json) {
        return BurnInTemplates.load(json.getBytes(StandardCharsets.UTF_8), "t.json", Path.of("."));
    }

    private static Map<String, String> frame(String timecode) {
        return Map.of("clip", "A001C002_261124_R1BB", "reel", "A001R1BB", "timecode", timecode, "frame", "86401");
    }

    @Test
    void theReviewTemplateChangesOnlyItsFourBoxesEachWhereItSaysAndAsLargeAsItsText() {
        BurnIn burnIn = BurnIn.compile(BurnInTemplates.shipped("review"), SHOT, "test");
        RgbImage plain = noisy(960, 540, 1);
        RgbImage burnt = copy(plain);
        Map<String, String> values = frame("10:04:00:01");
        assertEquals(java.util.List.of(), burnIn.draw(burnt, key -> values.getOrDefault(key, SHOT.get(key)), 960, 540));

        int size = (int) Math.round(0.03 * 540); // 16 px
        int margin = (int) Math.round(0.02 * 540); // 11 px
        int pad = (int) Math.round(0.25 * size); // 4 px
        int[][] expected = {
            {margin, margin, "A001C002_261124_R1BB  A001R1BB".length()},          // top left
            {960 - margin, margin, "10:04:00:01".length()},                        // top right, right-aligned
            {margin, 540 - margin, "SH010 v003".length()},                         // bottom left, bottom-aligned
            {960 - margin, 540 - margin, "86401".length()},                        // bottom right
        };
        int[][] quadrants = {{0, 0, 480, 270}, {480, 0, 960, 270}, {0, 270, 480, 540}, {480, 270, 960, 540}};
        int boxHeight = -1;
        long outside = 0;
        for (int q = 0; q < 4; q++) {
            int[] b = changedBounds(plain, burnt, quadrants[q][0], quadrants[q][1], quadrants[q][2], quadrants[q][3]);
            int width = (int) Math.round(expected[q][2] * ADVANCE_EM * size) + 2 * pad;
            assertEquals(q % 2 == 0 ? expected[q][0] : expected[q][0] - width, b[0], "left edge of box " + q);
            assertEquals(q % 2 == 0 ? expected[q][0] + width : expected[q][0], b[2], "right edge of box " + q);
            assertEquals(q < 2 ? expected[q][1] : b[1], b[1]);
            assertEquals(q < 2 ? b[3] : expected[q][1], b[3], "bottom edge of box " + q);
            if (q < 2) {
                assertEquals(margin, b[1], "top edge of box " + q);
            }
            boxHeight = boxHeight < 0 ? b[3] - b[1] : boxHeight;
            assertEquals(boxHeight, b[3] - b[1], "every box is one line high");
            for (int y = b[1]; y < b[3]; y++) {
                for (int x = b[0]; x < b[2]; x++) {
                    assertTrue(changed(plain, burnt, x, y), "the box is filled at " + x + "," + y);
                }
            }
        }
        // A line is the font's ascent and descent (0.928 + 0.236 em in DejaVu Sans Mono) and the padding above and below.
        assertEquals(Math.ceil(0.928 * size) + Math.ceil(0.236 * size) + 2 * pad, boxHeight, 1.0);
        for (int y = 0; y < 540; y++) {
            for (int x = 0; x < 960; x++) {
                boolean inBox = (y < 270 ? y < margin + boxHeight && y >= margin : y >= 540 - margin - boxHeight && y < 540 - margin);
                if (!inBox && changed(plain, burnt, x, y)) {
                    outside++;
                }
            }
        }
        assertEquals(0, outside, "no pixel outside the box rows changes");
    }

    @Test
    void twoTimecodesDifferOnlyInTheTimecodeBox() {
        BurnIn burnIn = BurnIn.compile(BurnInTemplates.shipped("review"), SHOT, "test");
        RgbImage plain = noisy(960, 540, 2);
        RgbImage first = copy(plain);
        RgbImage second = copy(plain);
        Map<String, String> a = frame("10:04:00:01");
        Map<String, String> b = frame("10:04:00:02");
        burnIn.draw(first, key -> a.getOrDefault(key, SHOT.get(key)), 960, 540);
        burnIn.draw(second, key -> b.getOrDefault(key, SHOT.get(key)), 960, 540);
        int[] differs = changedBounds(first, second, 0, 0, 960, 540);
        int[] timecodeBox = changedBounds(plain, first, 480, 0, 960, 270);
        assertTrue(differs[0] >= timecodeBox[0] && differs[1] >= timecodeBox[1] && differs[2] <= timecodeBox[2] && differs[3] <= timecodeBox[3],
                "the frames differ only inside the timecode's box " + java.util.Arrays.toString(timecodeBox) + ": "
                        + java.util.Arrays.toString(differs));
        // Only the last digit differs: its cell is the rightmost advance of the text, inside the padding.
        int size = 16;
        int cellLeft = timecodeBox[2] - 4 - (int) Math.ceil(ADVANCE_EM * size) - 1;
        assertTrue(differs[0] >= cellLeft, "only the frames digit changes: " + differs[0] + " ≥ " + cellLeft);
    }

    /** FreeType through drawtext, unhinted as Java2D draws with fractional metrics: the same outlines, rasterised by another. */
    @Test
    void textIsAsTallAsAskedAndMatchesFfmpegDrawtextWithTheSameFont() throws Exception {
        ExternalTool.require("ffmpeg");
        int size = 40;
        int width = 400;
        int height = 400; // text_size 0.1 of 400 lines: 40 px
        BurnIn burnIn = BurnIn.compile(template("""
                {"name": "t", "text_size": 0.1, "margin": 0, "box": {"opacity": 0, "padding": 0},
                 "items": [{"position": "top-left", "text": "10:02:00:01"}]}"""), Map.of(), "test");
        RgbImage ours = new RgbImage(width, height, new float[width * height * 3]);
        burnIn.draw(ours, key -> null, width, height);
        Path font = dir.resolve("DejaVuSansMono.ttf");
        try (var in = GlyphRasters.class.getResourceAsStream(GlyphRasters.FONT_RESOURCE)) {
            Files.copy(in, font);
        }
        byte[] theirs = ExternalTool.stdout("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "color=c=black:s=" + width + "x" + height,
                "-vf", "format=gray,drawtext=fontfile=" + font + ":text='10\\:02\\:00\\:01':fontsize=" + size + ":fontcolor=white:x=0:y=0:ft_load_flags=no_hinting",
                "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "gray", "-");
        // drawtext writes white as video-range 235 on the grey plane: full coverage is the brightest value it wrote.
        int white = 0;
        for (byte v : theirs) {
            white = Math.max(white, v & 0xff);
        }
        assertEquals(235, white);
        float[] ffmpeg = new float[width * height];
        float[] rushes = new float[width * height];
        for (int i = 0; i < ffmpeg.length; i++) {
            ffmpeg[i] = (theirs[i] & 0xff) / (float) white;
            rushes[i] = ours.data()[i * 3];
        }
        int[] a = ink(rushes, width, height);
        int[] b = ink(ffmpeg, width, height);
        // The 0 is DejaVu Sans Mono's tallest digit: 0.742 em above the baseline and 0.014 below (its overshoot), 30.2 px at 40.
        assertEquals(0.756 * size, a[3] - a[1], 1.0, "digit height in pixels");
        assertEquals(b[3] - b[1], a[3] - a[1], 1, "ink height as FFmpeg's drawtext draws it");
        assertEquals(b[2] - b[0], a[2] - a[0], 2, "ink width as FFmpeg's drawtext draws it");
        double sumOurs = 0;
        double sumTheirs = 0;
        double difference = 0;
        for (int y = 0; y < a[3] - a[1]; y++) {
            for (int x = 0; x < a[2] - a[0]; x++) {
                float o = rushes[(a[1] + y) * width + a[0] + x];
                float t = b[1] + y < height && b[0] + x < width ? ffmpeg[(b[1] + y) * width + b[0] + x] : 0;
                sumOurs += o;
                sumTheirs += t;
                difference += Math.abs(o - t);
            }
        }
        System.out.printf(Locale.ROOT, "glyph coverage vs ffmpeg drawtext: ours %.1f, theirs %.1f, mean |diff| over the ink box %.4f%n",
                sumOurs, sumTheirs, difference / ((a[3] - a[1]) * (a[2] - a[0])));
        assertEquals(sumTheirs, sumOurs, 0.02 * sumTheirs, "the same amount of ink");
        assertTrue(difference / ((a[3] - a[1]) * (a[2] - a[0])) < 0.06, "the same glyphs where they lie: " + difference);
    }

    /** The bounding box [x0, y0, x1, y1) of coverage above one half. */
    private static int[] ink(float[] coverage, int width, int height) {
        int[] box = {width, height, 0, 0};
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (coverage[y * width + x] > 0.5f) {
                    box = new int[] {Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x + 1), Math.max(box[3], y + 1)};
                }
            }
        }
        return box;
    }

    private Path fdl(double canvasWidth, double canvasHeight, double x, double y, double w, double h) throws Exception {
        return Files.writeString(dir.resolve("show.fdl"), String.format(Locale.ROOT, """
                {"uuid": "d1b0a6b6-3f7e-4a0a-9d1f-3a4c2c9b8e11", "version": {"major": 2, "minor": 0},
                 "fdl_creator": "test", "default_framing_intent": "FI1",
                 "framing_intents": [{"id": "FI1", "label": "2.00", "aspect_ratio": {"width": 2, "height": 1}, "protection": 0}],
                 "contexts": [{"label": "A", "canvases": [{"id": "CV1", "source_canvas_id": "CV1", "label": "open gate",
                   "dimensions": {"width": %s, "height": %s}, "anamorphic_squeeze": 1,
                   "framing_decisions": [{"id": "CV1-FI1", "framing_intent_id": "FI1", "dimensions": {"width": %s, "height": %s},
                     "anchor_point": {"x": %s, "y": %s}}]}]}]}""", canvasWidth, canvasHeight, w, h, x, y));
    }

    private BurnIn framing(String style, Path fdl) {
        return BurnIn.compile(template("{\"name\": \"f\", \"framing\": " + style + "}"), Map.of(BurnIn.FDL_VALUE, fdl.toString()), "test");
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({
        "960, 540, 96, 864, 54, 486",   // the frame as developed: canvas pixels
        "480, 270, 48, 432, 27, 243",   // fitted to half: every edge halves
        "512, 288, 51, 461, 29, 259",   // fitted to 512: 96 × 0.5333 = 51.2 → 51, 864 × 0.5333 = 460.8 → 461, 54 × 0.5333 = 28.8 → 29
    })
    void framingLinesLandOnTheDecisionsEdgesScaledAsTheFitScaledTheFrame(int width, int height, int x0, int x1, int y0, int y1) throws Exception {
        BurnIn burnIn = framing("{\"style\": \"lines\", \"width\": 2, \"colour\": [1, 1, 0]}", fdl(960, 540, 96, 54, 768, 432));
        RgbImage plain = noisy(width, height, 3);
        RgbImage drawn = copy(plain);
        assertEquals(java.util.List.of(), burnIn.draw(drawn, key -> null, 960, 540));
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean inRect = x >= x0 && x < x1 && y >= y0 && y < y1;
                boolean onLine = inRect && (x < x0 + 2 || x >= x1 - 2 || y < y0 + 2 || y >= y1 - 2);
                assertEquals(onLine, changed(plain, drawn, x, y), "pixel " + x + "," + y);
                if (onLine) {
                    int p = (y * width + x) * 3;
                    assertArrayEquals(new float[] {1, 1, 0}, new float[] {drawn.data()[p], drawn.data()[p + 1], drawn.data()[p + 2]});
                }
            }
        }
    }

    @Test
    void textSizeIsBoundedOnTinyAndHugeImages() {
        BurnIn burnIn = BurnIn.compile(BurnInTemplates.shipped("review"), SHOT, "test");
        assertEquals(8, burnIn.textPixels(90), "3 % of 90 lines is 3 px: drawn at the smallest legible size");
        assertEquals(32, burnIn.textPixels(1080));
        assertEquals(1024, burnIn.textPixels(60000), "the glyph rasters kept stay a few MB");
    }

    @Test
    void aDecisionReachingFarPastTheImageDrawsOnlyTheEdgesInside() throws Exception {
        // An FDL for other media (a canvas of 2e12 px): its right and bottom edges lie past what an int holds.
        BurnIn burnIn = framing("{\"width\": 3}", fdl(2e12, 2e12, 100, 100, 1e12, 1e12));
        RgbImage plain = noisy(960, 540, 6);
        RgbImage drawn = copy(plain);
        assertEquals(1, burnIn.draw(drawn, key -> null, 960, 540).size(), "warned that the canvas is not the frame");
        assertEquals(java.util.List.of(100, 101, 102), java.util.stream.IntStream.range(0, 960).filter(x -> changed(plain, drawn, x, 300))
                .boxed().toList(), "only the left edge on a middle row");
        assertEquals(java.util.List.of(100, 101, 102), java.util.stream.IntStream.range(0, 540).filter(y -> changed(plain, drawn, 300, y))
                .boxed().toList(), "only the top edge on a middle column");
    }

    @Test
    void glyphsKeptAreBoundedWhateverTheTextAsks() {
        GlyphRasters rasters = new GlyphRasters(16);
        GlyphRasters.Glyph a = rasters.glyph('A');
        assertTrue(a == rasters.glyph('A'), "a glyph is rasterised once and kept");
        for (int c = 0x400; c < 0x400 + 2 * GlyphRasters.MAX_KEPT; c++) { // Cyrillic and beyond: glyphs the font has
            rasters.glyph(c);
        }
        assertEquals(GlyphRasters.MAX_KEPT, rasters.kept());
        assertEquals(java.util.Arrays.toString(rasters.glyph('?').coverage()), java.util.Arrays.toString(rasters.glyph(0x4E00).coverage()),
                "a character the font lacks (CJK) is drawn as '?'");
    }

    @Test
    void aMaskDarkensOnlyWhatLiesOutsideTheDecisionByItsOpacity() throws Exception {
        BurnIn burnIn = framing("{\"style\": \"mask\", \"opacity\": 0.75}", fdl(960, 540, 0, 30, 960, 480));
        RgbImage plain = noisy(960, 540, 4);
        RgbImage drawn = copy(plain);
        burnIn.draw(drawn, key -> null, 960, 540);
        for (int y = 0; y < 540; y++) {
            int p = (y * 960 + 500) * 3;
            float expected = y < 30 || y >= 510 ? plain.data()[p] * 0.25f : plain.data()[p];
            assertEquals(expected, drawn.data()[p], 1e-6f, "row " + y);
        }
    }

    @Test
    void anFdlForOtherMediaIsDrawnAsCanvasPixelsWithAWarning() throws Exception {
        BurnIn burnIn = framing("{}", fdl(4096, 2160, 0, 0, 4096, 2160));
        assertEquals(java.util.List.of("FDL canvas 'CV1' is 4096x2160 but the frame is 960x540: the FDL may belong to other media (ASC FDL §5.3);"
                + " its framing is drawn as canvas pixels on the frame as it is"), burnIn.draw(noisy(960, 540, 5), key -> null, 960, 540));
    }

    @Test
    void aFramingDecisionIsFoundByIdOrRefusedWithTheIdsThereAre() throws Exception {
        Path fdl = fdl(960, 540, 96, 54, 768, 432);
        RushesException e = assertThrows(RushesException.class, () -> BurnIn.compile(template("{\"name\": \"f\", \"framing\": {}}"),
                Map.of(BurnIn.FDL_VALUE, fdl.toString(), BurnIn.DECISION_VALUE, "CV9"), "test"));
        assertEquals("Cannot read " + fdl + ": no framing decision 'CV9'; its decisions: CV1-FI1. Give one of these ids", e.getMessage());
        RushesException none = assertThrows(RushesException.class, () -> BurnIn.compile(template("{\"name\": \"f\", \"framing\": {}}"),
                Map.of(), "test"));
        assertEquals("Cannot go on: the burn-in template f of test draws framing lines but names no FDL. Give the FDL of the source media:"
                + " --set fdl=PATH (and --set framing_decision=ID for another than the default)", none.getMessage());
    }

    @Test
    void aGivenFieldWithoutAValueIsRefusedBeforeAnyFrame() {
        RushesException e = assertThrows(RushesException.class, () -> BurnIn.compile(BurnInTemplates.shipped("review"), Map.of("shot", "SH010"),
                "prores-4444-review-burnin"));
        assertEquals("Cannot go on: the burn-in template review of prores-4444-review-burnin uses {version} ($.items[2].text), which has no"
                + " value. Give it: --set version=1", e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown field | {\"name\": \"t\", \"items\": [{\"position\": \"top-left\", \"text\": \"{clip} {lens}\"}]}"
                + " | $.items[0].text: unknown field {lens}: the fields are clip, reel, timecode, frame, shot, plate, version or a clip catalog"
                + " column such as lens_model, iso, camera_serial (rushes inspect --json shows them)",
        "bad position | {\"name\": \"t\", \"items\": [{\"position\": \"middle\", \"text\": \"{clip}\"}]}"
                + " | $.items[0].position: does not have a value in the enumeration [\"top-left\", \"top-centre\", \"top-right\", \"bottom-left\","
                + " \"bottom-centre\", \"bottom-right\"]",
        "huge font | {\"name\": \"t\", \"text_size\": 0.5, \"items\": [{\"position\": \"top-left\", \"text\": \"{clip}\"}]}"
                + " | $.text_size: must have a maximum value of 0.2",
        "infinite | {\"name\": \"t\", \"text_size\": 1e999, \"items\": [{\"position\": \"top-left\", \"text\": \"{clip}\"}]}"
                + " | $.text_size: not a finite number (beyond the ±1.8e308 a double holds)",
        "infinite colour | {\"name\": \"t\", \"text_colour\": [1, -1e999, 0], \"items\": [{\"position\": \"top-left\", \"text\": \"{clip}\"}]}"
                + " | $.text_colour[1]: not a finite number (beyond the ±1.8e308 a double holds)",
        "padded text | {\"name\": \"t\", \"items\": [{\"position\": \"top-left\", \"text\": \"{clip:04d}\"}]}"
                + " | $.items[0].text: {clip} is not a whole number to pad: write {clip}",
        "unknown key | {\"name\": \"t\", \"font\": \"Arial\", \"items\": [{\"position\": \"top-left\", \"text\": \"{clip}\"}]}"
                + " | $.font: unknown key 'font': property 'font' is not defined in the schema and the schema does not allow additional properties",
        "nothing | {\"name\": \"t\"} | $: the template draws nothing: give items (text) or framing",
    })
    void aBadTemplateIsOneErrorAtItsJsonPath(String what, String json, String expected) {
        BurnInTemplates.Result r = BurnInTemplates.read(json.getBytes(StandardCharsets.UTF_8), "t.json", Path.of("."));
        assertEquals(1, r.problems().size(), r.problems().toString());
        assertEquals(expected, r.problems().get(0).toString());
        RushesException e = assertThrows(RushesException.class, () -> template(json));
        assertEquals(ErrorCode.INVALID_DOCUMENT, e.code());
        assertEquals("Cannot read t.json: at " + expected + ". Fix the burn-in template (its schema is burnin.schema.json;"
                + " the shipped one is review)", e.getMessage());
    }

    @Test
    void catalogFieldsAndPaddingExpand() {
        BurnInText text = BurnInText.parse("{lens_model} {focal_length_mm}mm ISO {iso} #{frame:07d}");
        Map<String, String> values = Map.of("lens_model", "Rushes Prime 35mm T2.8", "focal_length_mm", BurnInText.format(35.0),
                "iso", BurnInText.format(800), "frame", "86401");
        assertEquals("Rushes Prime 35mm T2.8 35mm ISO 800 #0086401", text.expand(values::get));
        assertEquals(" mm ISO  #", text.expand(key -> null), "a frame without the values leaves them blank");
        assertNotEquals(BurnInText.format(0.1 + 0.2), "0.30000000000000004");
    }
}
