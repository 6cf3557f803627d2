package io.rushes.engine.color.amf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.color.ColorProcessor;
import io.rushes.engine.color.LutBake;
import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processor an AMF pipeline runs as: exact, or a LUT bake admitted only within its measured error budget. */
class AmfPipelineTest {
    @Test
    void withoutALutTheExactPipelineRuns() {
        AmfPipeline p = AmfPipeline.defaultOutput();
        assertSame(p.pipeline(), p.processor(0, 0.02));
        assertTrue(p.pipeline().describe().contains("Output.Academy.Rec709-D65_100nit_in_Rec709-D65_BT1886"), p.pipeline().describe());
    }

    /** The default output (scene-linear in) baked at 65³ through the ACEScct shaper, checked here on other inputs. */
    @Test
    void aBakeWithinBudgetRunsAndStaysWithinIt() {
        AmfPipeline p = AmfPipeline.defaultOutput();
        assertEquals(LutBake.Shaper.ACESCCT, p.lutShaper());
        ColorProcessor baked = p.processor(65, 0.02);
        assertTrue(baked.describe().startsWith("65³ LUT (ACEScct shaper) of ACES 2.0 Output.Academy.Rec709"), baked.describe());
        Random random = new Random(42);
        int n = 20_000;
        double[] diffs = new double[3 * n];
        for (int i = 0; i < n; i++) {
            double grey = 0.18 * Math.pow(2, -8 + 14 * random.nextDouble());
            double[] exact = {grey * (0.6 + 0.8 * random.nextDouble()), grey, grey * (0.6 + 0.8 * random.nextDouble())};
            double[] fast = exact.clone();
            p.pipeline().apply(exact);
            baked.apply(fast);
            for (int c = 0; c < 3; c++) {
                diffs[3 * i + c] = Math.abs(exact[c] - fast[c]);
            }
        }
        Arrays.sort(diffs);
        System.out.printf("default output, 65³ bake vs exact on scene colours: p99 %.2e, max %.2e%n", diffs[(int) (0.99 * diffs.length)], diffs[diffs.length - 1]);
        // Within the budget, and far inside it on scene colours: 2.0e-3 measured (p99), where a lattice of ACEScct
        // values in AP0 instead of AP1 gives 5.8e-3.
        assertTrue(diffs[(int) (0.99 * diffs.length)] <= 3e-3, "p99 " + diffs[(int) (0.99 * diffs.length)]);
        assertTrue(diffs[diffs.length - 1] <= 1e-2, "max " + diffs[diffs.length - 1]);
        float[] image = {0.18f, 0.18f, 0.18f, 1f, 0.5f, 0.25f};
        float[] copy = image.clone();
        baked.applyImage(image);
        double[] px = {copy[3], copy[4], copy[5]};
        baked.apply(px);
        assertEquals((float) px[0], image[3]);
    }

    @Test
    void aBakeOverBudgetIsRefusedWithTheMeasuredError() {
        RushesException e = assertThrows(RushesException.class, () -> AmfPipeline.defaultOutput().processor(17, 1e-4));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.isUserError());
        assertTrue(e.getMessage().contains("17³ LUT") && e.getMessage().contains("over the budget of 1.00e-04")
                && e.getMessage().contains("Use a larger LUT"), e.getMessage());
    }

    /** With an input transform the bake takes the camera's code values as they are. */
    @Test
    void aCameraPipelineBakesWithoutAShaper() throws Exception {
        String xml = """
                <aces:acesMetadataFile version="2.0" xmlns:aces="urn:ampas:aces:amf:v2.0">
                  <aces:amfInfo><aces:uuid>urn:uuid:54bfd6af-57c0-4bd1-8f95-0952c4f25f86</aces:uuid></aces:amfInfo>
                  <aces:pipeline>
                    <aces:inputTransform applied="false"><aces:transformId>urn:ampas:aces:transformId:v1.5:IDT.ARRI.Alexa-v3-logC-EI1600.a1.v2</aces:transformId></aces:inputTransform>
                    <aces:outputTransform applied="false"><aces:transformId>urn:ampas:aces:transformId:v2.0:Output.Academy.Rec709-D65_100nit_in_Rec709-D65_BT1886.a2.v1</aces:transformId></aces:outputTransform>
                  </aces:pipeline>
                </aces:acesMetadataFile>""";
        Amf amf = AmfReader.read(xml.getBytes(StandardCharsets.UTF_8), "camera.amf");
        AmfPipeline camera = AmfPipeline.build(amf, null);
        assertEquals(LutBake.Shaper.NONE, camera.lutShaper());
        assertEquals(LutBake.Shaper.ACESCCT, AmfPipeline.build(amf, null, true).lutShaper(), "input skipped: ACES in");
        assertTrue(camera.processor(33, 0.05).describe().startsWith("33³ LUT of LogC3 EI1600 decode, AWG3 to AP0, ACES 2.0 Output"), camera.processor(33, 0.05).describe());
    }

    /** A LUT size or an error budget out of range is refused where it enters, with the value and what is allowed. */
    @Test
    void aBadLutSizeOrBudgetIsRefusedBeforeBaking() {
        AmfPipeline p = AmfPipeline.defaultOutput();
        for (int size : new int[] {1, -3, 130, 100_000, Integer.MIN_VALUE}) {
            RushesException e = assertThrows(RushesException.class, () -> p.processor(size, 0.02));
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
            assertEquals("Cannot go on: the LUT size " + size + " is outside 2 to 129 points per axis (0: run the exact pipeline)."
                    + " Use 33 for monitors or 65 for grading", e.getMessage());
        }
        for (double budget : new double[] {Double.NaN, -0.01, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            for (int size : new int[] {0, 33}) {
                RushesException e = assertThrows(RushesException.class, () -> p.processor(size, budget));
                assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
                assertEquals("Cannot go on: the LUT error budget " + budget + " is not a finite number >= 0."
                        + " Give the largest 99th-percentile error to accept in output values, such as 0.02", e.getMessage());
            }
        }
    }

    private static final String LOOK = """
            <ProcessList id="look" compCLFversion="3.0"><Matrix inBitDepth="32f" outBitDepth="32f"><Array dim="3 3">2 0 0 0 2 0 0 0 2</Array></Matrix></ProcessList>""";

    private static Amf amfNaming(String ref, Path file) {
        String xml = """
                <aces:acesMetadataFile version="2.0" xmlns:aces="urn:ampas:aces:amf:v2.0">
                  <aces:amfInfo/><aces:pipeline><aces:lookTransform applied="false"><aces:file>%s</aces:file></aces:lookTransform>
                  </aces:pipeline></aces:acesMetadataFile>""".formatted(ref);
        return AmfReader.read(xml.getBytes(StandardCharsets.UTF_8), file.toString());
    }

    /** The folder check is on real paths: a link in the AMF's folder to a CLF elsewhere is refused, one that stays inside is read. */
    @Test
    void aClfReferenceLinkingOutOfTheAmfFolderIsRefused(@TempDir Path dir) throws Exception {
        Path show = Files.createDirectories(dir.resolve("show"));
        Path outside = Files.writeString(dir.resolve("elsewhere.clf"), LOOK);
        Files.createSymbolicLink(show.resolve("look.clf"), outside);
        RushesException e = assertThrows(RushesException.class, () -> AmfPipeline.build(amfNaming("look.clf", show.resolve("a.amf")), show));
        assertEquals(ErrorCode.INVALID_DOCUMENT, e.code());
        assertEquals("Cannot read " + show.resolve("a.amf") + ": at pipeline/lookTransform[1]: the file look.clf is a link to "
                + outside.toRealPath() + ", outside the AMF's folder " + show.toRealPath()
                + ". Copy the CLF into the AMF's folder (or below it) instead of linking to it", e.getMessage());
        Files.createSymbolicLink(show.resolve("shared"), dir);
        RushesException folder = assertThrows(RushesException.class,
                () -> AmfPipeline.build(amfNaming("shared/elsewhere.clf", show.resolve("a.amf")), show));
        assertTrue(folder.getMessage().contains("the file shared/elsewhere.clf is a link to " + outside.toRealPath() + ", outside"),
                folder.getMessage());
        Files.writeString(Files.createDirectories(show.resolve("looks")).resolve("grade.clf"), LOOK);
        Files.createSymbolicLink(show.resolve("current.clf"), show.resolve("looks/grade.clf"));
        double[] rgb = {0.1, 0.2, 0.3};
        AmfPipeline.build(amfNaming("current.clf", show.resolve("a.amf")), show).apply(rgb);
        assertEquals(0.4, rgb[1], 1e-12, "a link that stays in the folder is followed");
    }
}
