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
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

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
}
