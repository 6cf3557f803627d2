package io.rushes.engine.color;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.color.clf.ClfNode;
import io.rushes.engine.color.clf.ClfReader;
import io.rushes.engine.color.clf.ProcessList;
import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ColorPipelineTest {
    private static final String LOGC3 = "urn:ampas:aces:transformId:v2.0:CSC.Arri.LogC3_to_ACES.a2.v1";
    private static final String CCT_TO_ACES = "urn:ampas:aces:transformId:v1.5:ACEScsc.Academy.ACEScct_to_ACES.a1.0.3";

    /** LogC3 in, a CDL graded in ACEScct, the ACES 1.3 Rec.709 output: what an on-set AMF declares. */
    private static List<ColorOp> showPipeline() {
        List<ColorOp> ops = new ArrayList<>(TransformRegistry.ops(LOGC3, false, "t"));
        ops.addAll(TransformRegistry.ops(CCT_TO_ACES, true, "t"));
        ClfNode.Cdl cdl = new ClfNode.Cdl("Fwd", new double[] {1.1, 1.0, 0.9}, new double[] {-0.02, 0.01, 0.03}, new double[] {1.1, 1, 0.95}, 0.85);
        ops.add(new ColorOp.StepOp("CDL", cdl::apply));
        ops.addAll(TransformRegistry.ops(CCT_TO_ACES, false, "t"));
        ops.addAll(TransformRegistry.ops("urn:ampas:aces:transformId:v1.5:RRT.a1.0.3", false, "t"));
        ops.addAll(TransformRegistry.ops("urn:ampas:aces:transformId:v1.5:ODT.Academy.Rec709_100nits_dim.a1.0.3", false, "t"));
        return ops;
    }

    @Test
    void theCompiledPipelineMatchesTheDeclaredOneAndIsShorter() {
        ColorPipeline p = new ColorPipeline(showPipeline());
        assertTrue(p.compiled().size() < p.declared().size(), p.compiled().stream().map(ColorOp::name).toList().toString());
        // AWG3 → AP0 and AP0 → AP1 became one matrix.
        assertTrue(p.compiled().stream().anyMatch(o -> o.name().equals("AWG3 to AP0 · AP0 to AP1")), p.compiled().toString());
        Random random = new Random(5);
        double worst = 0;
        for (int n = 0; n < 20000; n++) {
            double[] a = {random.nextDouble(), random.nextDouble(), random.nextDouble()};
            double[] b = a.clone();
            p.apply(a);
            p.reference(b);
            for (int i = 0; i < 3; i++) {
                worst = Math.max(worst, Math.abs(a[i] - b[i]));
            }
        }
        assertTrue(worst < 1e-5, "compiled vs declared: " + worst);
    }

    @Test
    void aTransformFollowedByItsInverseCompilesToNothing() {
        List<ColorOp> ops = new ArrayList<>(TransformRegistry.ops(CCT_TO_ACES, false, "t"));
        ops.addAll(TransformRegistry.ops(CCT_TO_ACES, true, "t"));
        assertEquals(List.of(), new ColorPipeline(ops).compiled());
        List<ColorOp> logc = new ArrayList<>(TransformRegistry.ops(LOGC3, true, "t"));
        logc.addAll(TransformRegistry.ops(LOGC3, false, "t"));
        assertEquals(List.of(), new ColorPipeline(logc).compiled());
    }

    @Test
    void aBakedLutStaysWithinItsMeasuredBudgetAndExportsFaithfully() {
        ColorPipeline exact = new ColorPipeline(showPipeline());
        LutBake lut33 = LutBake.bake(exact, 33, LutBake.Shaper.NONE);
        LutBake lut65 = LutBake.bake(exact, 65, LutBake.Shaper.NONE);
        LutBake.Error e33 = lut33.error(exact, 20000, 1);
        LutBake.Error e65 = lut65.error(exact, 20000, 1);
        System.out.println("LUT bake error (display code values), LogC3 in: 33³ " + e33 + ", 65³ " + e65);
        assertTrue(e65.p99() < e33.p99() && e65.mean() < e33.mean(), "a finer lattice is closer");
        // Uniform over the whole input cube, most samples are saturated far beyond any display: the clip at the gamut
        // boundary is what a lattice cannot follow. The mean and the 99th percentile are the budget reported.
        assertTrue(e65.mean() < 1.5e-3, "65³: " + e65);
        // The CLF export, read back, is the same LUT.
        ProcessList back = ClfReader.read(lut33.toClf("show", "test").getBytes(StandardCharsets.UTF_8), "show.clf");
        double[] x = {0.31, 0.52, 0.47};
        double[] y = x.clone();
        lut33.apply(x);
        back.apply(y);
        for (int i = 0; i < 3; i++) {
            assertEquals(x[i], y[i], 1e-6);
        }
        // The .cube lists red fastest: its second entry is the lattice point (1, 0, 0).
        String[] cube = lut33.toCube("show").split("\n");
        double[] point = {1 / 32.0, 0, 0};
        exact.apply(point);
        String[] second = cube[5].trim().split(" ");
        assertEquals(point[0], Double.parseDouble(second[0]), 1e-6);
    }

    /** A lattice of 0, 1 or a million points per axis is refused before anything is allocated, as a user error. */
    @Test
    void aLatticeSizeOutsideTwoTo129IsRefused() {
        ColorPipeline exact = new ColorPipeline(showPipeline());
        for (int size : new int[] {0, 1, -1, 130, 1_000_000}) {
            RushesException e = assertThrows(RushesException.class, () -> LutBake.bake(exact, size, LutBake.Shaper.NONE));
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
            assertEquals("Cannot go on: the LUT size " + size + " is outside 2 to 129 points per axis. Use 33 for monitors or 65 for grading",
                    e.getMessage());
        }
    }

    @Test
    void aShaperBakesSceneLinearInput() {
        List<ColorOp> ops = new ArrayList<>(TransformRegistry.ops("urn:ampas:aces:transformId:v1.5:RRT.a1.0.3", false, "t"));
        ops.addAll(TransformRegistry.ops("urn:ampas:aces:transformId:v1.5:ODT.Academy.Rec709_100nits_dim.a1.0.3", false, "t"));
        ColorPipeline exact = new ColorPipeline(ops);
        LutBake lut = LutBake.bake(exact, 65, LutBake.Shaper.ACESCCT);
        LutBake.Error e = lut.error(exact, 20000, 2);
        System.out.println("ACES2065-1 → Rec.709 through an ACEScct shaper, 65³: " + e);
        assertTrue(e.mean() < 1.5e-3, "shaped 65³: " + e);
        ProcessList back = ClfReader.read(lut.toClf("rrt", "RRT+ODT").getBytes(StandardCharsets.UTF_8), "rrt.clf");
        double[] x = {0.18, 0.05, 2.0};
        double[] y = x.clone();
        lut.apply(x);
        back.apply(y);
        for (int i = 0; i < 3; i++) {
            assertEquals(x[i], y[i], 1e-5, "the CLF's Log node is the ACEScct shaper");
        }
    }

    /** The ACES 1.3 RRT followed by any ODT compiles to one fused step that computes what the two compute apart. */
    @Test
    void theRrtFusesWithTheOdtAfterIt() {
        for (io.rushes.engine.color.aces.Aces13.Display d : io.rushes.engine.color.aces.Aces13.Display.values()) {
            List<ColorOp> ops = new ArrayList<>(TransformRegistry.ops("urn:ampas:aces:transformId:v1.5:RRT.a1.0.3", false, "t"));
            ops.addAll(TransformRegistry.ops("urn:ampas:aces:transformId:v1.5:ODT.Academy." + d.id() + ".a1.0.3", false, "t"));
            ColorPipeline p = new ColorPipeline(ops);
            assertEquals(List.of("ACES 1.3 RRT + ODT.Academy." + d.id()), p.compiled().stream().map(ColorOp::name).toList());
            double worst = 0;
            for (double y : new double[] {0, 1e-4, 0.005, 0.18, 1, 16, 500}) {
                for (double[] tint : new double[][] {{1, 1, 1}, {1.4, 1, 0.6}, {0.5, 1, 1.6}, {1, 0.3, 1}, {0, 0, 1}}) {
                    double[] fused = {y * tint[0], y * tint[1], y * tint[2]};
                    double[] apart = fused.clone();
                    p.apply(fused);
                    p.reference(apart);
                    for (int c = 0; c < 3; c++) {
                        worst = Math.max(worst, Math.abs(fused[c] - apart[c]));
                    }
                }
            }
            assertTrue(worst < 1e-12, d + ": " + worst);
        }
        // An RRT followed by anything else stays as it is.
        List<ColorOp> rrtThenMatrix = new ArrayList<>(TransformRegistry.ops("urn:ampas:aces:transformId:v1.5:RRT.a1.0.3", false, "t"));
        rrtThenMatrix.add(new ColorOp.MatrixOp("scale", Matrix3.diagonal(2, 2, 2)));
        assertEquals(2, new ColorPipeline(rrtThenMatrix).compiled().size());
    }
}
