package io.rushes.engine.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.card.SampleCard;
import io.rushes.engine.develop.DngDevelop;
import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.fdl.CanvasTemplateApplication;
import io.rushes.engine.fdl.Fdl;
import io.rushes.engine.fdl.FdlReader;
import io.rushes.engine.image.Demosaic;
import io.rushes.engine.image.ImageLimits;
import io.rushes.engine.image.Lanczos;
import io.rushes.engine.image.RgbImage;
import io.rushes.engine.io.FileByteSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Framing a real developed frame: only the needed region is developed, and the pixels equal framing the whole frame. */
class FdlFramingTest {
    @TempDir
    Path dir;

    private Path dng() throws Exception {
        SampleCard.write(dir, new SampleCard.Options(1, 1, List.of("A"), 640, 360, 3));
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".dng")).findFirst().orElseThrow();
        }
    }

    private static Fdl fdl(int canvasW, int canvasH) {
        String text = """
                {"uuid": "BCD142EB-3BAA-4EA8-ADD8-A46AE8DC4D97", "version": {"major": 2, "minor": 0},
                 "framing_intents": [{"id": "F", "aspect_ratio": {"width": 2, "height": 1}}],
                 "contexts": [{"canvases": [{"id": "S", "source_canvas_id": "S", "dimensions": {"width": %d, "height": %d},
                   "anamorphic_squeeze": 2.0, "framing_decisions": [{"id": "S-F", "framing_intent_id": "F",
                   "dimensions": {"width": 280.0, "height": 150.5}, "anchor_point": {"x": 100.5, "y": 60.25}}]}]}],
                 "canvas_templates": [{"id": "T", "target_dimensions": {"width": 480, "height": 258}, "target_anamorphic_squeeze": 1.0,
                   "fit_source": "framing_decision.dimensions", "fit_method": "width",
                   "maximum_dimensions": {"width": 480, "height": 270}, "pad_to_maximum": true}]}
                """.formatted(canvasW, canvasH);
        return FdlReader.load(text.getBytes(StandardCharsets.UTF_8), "test.fdl");
    }

    @Test
    void aRegionIsDevelopedAndTheFramingEqualsFramingTheWholeFrame() throws Exception {
        Path dng = dng();
        CanvasTemplateApplication a = CanvasTemplateApplication.apply(fdl(640, 360), null, null, "T", "OUT");
        assertEquals(480, a.canvas().width());
        assertEquals(270, a.canvas().height());
        assertEquals(480 / 560.0 * 2, a.scaleX(), 1e-12, "de-squeezed 2x, then 560 -> 480");
        FrameRenderer developer = new FrameRenderer(new FrameRenderer.Options(FrameRenderer.Stage.ACES, FrameRenderer.Format.TIFF32F,
                DngDevelop.Output.ACES2065_1, Demosaic.Method.RCD, null));
        try (FileByteSource src = new FileByteSource(dng); FrameRenderer.Input in = FrameRenderer.Input.open(src)) {
            FdlFraming.Result framed = FdlFraming.render(in.reader(), dng.toString(), a, r -> developer.develop(in, 0, r, DngDevelop.Output.ACES2065_1));
            assertTrue(framed.warnings().isEmpty(), framed.warnings().toString());
            assertNotNull(framed.developed());
            assertTrue(framed.developed().width() < 300 && framed.developed().height() < 170,
                    "only the framing plus the filter's reach is developed: " + framed.developed());
            RgbImage whole = developer.develop(in, 0, null, DngDevelop.Output.ACES2065_1);
            RgbImage reference = Lanczos.resample(whole, new Lanczos.Axis(a.scaleX(), a.originX(), a.translationX()),
                    new Lanczos.Axis(a.scaleY(), a.originY(), a.translationY()), 480, 270, a.effective().x(), a.effective().y(),
                    a.effective().x() + a.effective().width(), a.effective().y() + a.effective().height());
            assertArrayEquals(reference.data(), framed.image().data());
            // Letterboxed: the padding rows are black, the picture is not.
            assertEquals(0f, framed.image().get(240, 0, 1));
            assertTrue(framed.image().get(240, 135, 1) > 0);
        }
    }

    /** A valid template with a target of {@code w x h}, fitting the framing decision's width. */
    private static Fdl withTarget(long w, long h) {
        String text = """
                {"uuid": "BCD142EB-3BAA-4EA8-ADD8-A46AE8DC4D97", "version": {"major": 2, "minor": 0},
                 "framing_intents": [{"id": "F", "aspect_ratio": {"width": 1, "height": 1}}],
                 "contexts": [{"canvases": [{"id": "S", "source_canvas_id": "S", "dimensions": {"width": 640, "height": 360},
                   "framing_decisions": [{"id": "S-F", "framing_intent_id": "F",
                   "dimensions": {"width": 360.0, "height": 360.0}, "anchor_point": {"x": 140.0, "y": 0.0}}]}]}],
                 "canvas_templates": [{"id": "BIG", "target_dimensions": {"width": %d, "height": %d}, "target_anamorphic_squeeze": 1.0,
                   "fit_source": "framing_decision.dimensions", "fit_method": "width"}]}
                """.formatted(w, h);
        return FdlReader.load(text.getBytes(StandardCharsets.UTF_8), "big.fdl");
    }

    /** 30000x30000 is within the side limit but 900 M pixels (10.8 GB of float RGB): refused before anything is developed. */
    @Test
    void aFramedImageBeyondThePixelLimitIsRefusedBeforeDeveloping() throws Exception {
        Path dng = dng();
        CanvasTemplateApplication a = CanvasTemplateApplication.apply(withTarget(30000, 30000), null, null, "BIG", "OUT");
        assertEquals(30000, a.canvas().width());
        FrameRenderer developer = new FrameRenderer(new FrameRenderer.Options(FrameRenderer.Stage.ACES, FrameRenderer.Format.TIFF32F,
                DngDevelop.Output.ACES2065_1, Demosaic.Method.BILINEAR, null));
        try (FileByteSource src = new FileByteSource(dng); FrameRenderer.Input in = FrameRenderer.Input.open(src)) {
            RushesException e = assertThrows(RushesException.class, () -> FdlFraming.render(in.reader(), dng.toString(), a,
                    r -> developer.develop(in, 0, r, DngDevelop.Output.ACES2065_1)));
            assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
            assertTrue(e.getMessage().contains("30000x30000") && e.getMessage().contains("900000000")
                    && e.getMessage().contains(String.valueOf(ImageLimits.MAX_PIXELS)) && e.getMessage().contains("$.canvas_templates[0]"),
                    e.getMessage());
        }
    }

    /** 100000x100000 breaks the side limit: the template itself is refused when applied, naming its JSON path. */
    @Test
    void aTemplateBeyondTheSideLimitIsRefusedWhenApplied() {
        RushesException e = assertThrows(RushesException.class,
                () -> CanvasTemplateApplication.apply(withTarget(100000, 100000), null, null, "BIG", "OUT"));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
        assertTrue(e.getMessage().contains("$.canvas_templates[0].target_dimensions.width") && e.getMessage().contains("100000")
                && e.getMessage().contains("32768"), e.getMessage());
    }

    @Test
    void aCanvasThatDoesNotMatchTheMediaIsWarnedAbout() throws Exception {
        Path dng = dng();
        CanvasTemplateApplication a = CanvasTemplateApplication.apply(fdl(1920, 1080), null, null, "T", "OUT");
        FrameRenderer developer = new FrameRenderer(new FrameRenderer.Options(FrameRenderer.Stage.ACES, FrameRenderer.Format.TIFF32F,
                DngDevelop.Output.ACES2065_1, Demosaic.Method.BILINEAR, null));
        try (FileByteSource src = new FileByteSource(dng); FrameRenderer.Input in = FrameRenderer.Input.open(src)) {
            FdlFraming.Result framed = FdlFraming.render(in.reader(), dng.toString(), a, r -> developer.develop(in, 0, r, DngDevelop.Output.ACES2065_1));
            assertEquals(1, framed.warnings().size());
            assertTrue(framed.warnings().get(0).contains("1920x1080") && framed.warnings().get(0).contains("640x360"), framed.warnings().get(0));
        }
    }
}
