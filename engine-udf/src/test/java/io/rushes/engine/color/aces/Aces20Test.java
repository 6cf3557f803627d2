package io.rushes.engine.color.aces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.color.Matrix3;
import org.junit.jupiter.api.Test;

/**
 * ACES 2.0 output transforms. Independent references: the test vectors OpenColorIO publishes for its ACES 2.0
 * implementation (tests/cpu/ops/fixedfunction/FixedFunctionOpCPU_tests.cpp, aces_output_transform_20 and
 * aces_ot_20_edge_cases; tests/cpu/transforms/BuiltinTransform_tests.cpp, OCIO 2.4–2.5), which OCIO validated against
 * the CTL; greys derived by hand from the CTL (an achromatic input stays achromatic through JMh, so the output is the
 * tone scale's luminance in every channel); round trips through the inverse.
 */
class Aces20Test {
    /** ACEScg primaries and secondaries ×4, then colours and a grey ramp, in ACES2065-1 (OCIO's input set). */
    private static final double[][] OCIO_IN = {
        {2.781808965, 0.179178253, -0.022103530}, {3.344523751, 3.617862727, -0.006002689}, {0.562714786, 3.438684474, 0.016100841},
        {1.218191035, 3.820821747, 4.022103530}, {0.655476249, 0.382137273, 4.006002689}, {3.437285214, 0.561315526, 3.983899159},
        {0.11, 0.02, 0.04}, {0.71, 0.51, 0.81}, {0.43, 0.82, 0.71}, {0.11877, 0.08709, 0.05895}, {0.40002, 0.31916, 0.23736},
        {0.18476, 0.20398, 0.31311}, {0.10901, 0.13511, 0.06493}, {0.26684, 0.24604, 0.40932}, {0.32283, 0.46208, 0.40606},
        {0.38605, 0.22743, 0.05777}, {0.13822, 0.13037, 0.33703}, {0.30202, 0.13752, 0.12758}, {0.0931, 0.06347, 0.13525},
        {0.34876, 0.43654, 0.10613}, {0.48655, 0.36685, 0.08061}, {0.08732, 0.07443, 0.27274}, {0.15366, 0.25692, 0.09071},
        {0.21742, 0.0707, 0.0513}, {0.58919, 0.53943, 0.09157}, {0.30904, 0.14818, 0.27426}, {0.14901, 0.23378, 0.35939},
        {0.86653, 0.86792, 0.85818}, {0.57356, 0.57256, 0.57169}, {0.35346, 0.35337, 0.35391}, {0.20253, 0.20243, 0.20287},
        {0.09467, 0.0952, 0.09637}, {0.03745, 0.03766, 0.03895}, {0.18, 0.18, 0.18}, {0.97784, 0.97784, 0.97784}};
    /** OCIO's expected display-linear P3-D65 at 1000 cd/m² (1.0 = 100 cd/m², before the clamp to peak). */
    private static final double[][] OCIO_P3_1000 = {
        {4.966013432, -0.033002287, 0.041583523}, {3.969460726, 3.825797558, -0.056160748}, {-0.075460039, 3.689072609, 0.270235062},
        {-0.095436633, 3.650521517, 3.459975719}, {-0.028881177, 0.196473420, 2.796123743}, {4.900828362, -0.064385533, 3.838270903},
        {0.096890487, -0.001135427, 0.018971475}, {0.809613585, 0.479857147, 0.814239979}, {0.107417941, 0.920530438, 0.726379037},
        {0.115475342, 0.050812997, 0.030212998}, {0.484880149, 0.301042914, 0.226769030}, {0.098463453, 0.160814837, 0.277010798},
        {0.071130276, 0.107334509, 0.035097614}, {0.207111374, 0.198474824, 0.375326097}, {0.195447117, 0.481112540, 0.393299103},
        {0.571913302, 0.196873263, 0.041634843}, {0.045791976, 0.069875412, 0.291233569}, {0.424848884, 0.083199054, 0.102153927},
        {0.059589352, 0.022219239, 0.091246955}, {0.360364884, 0.478741497, 0.086726815}, {0.695661962, 0.371994466, 0.068298057},
        {0.011806240, 0.021665439, 0.199594870}, {0.076526135, 0.256237596, 0.060564563}, {0.300064713, 0.023416281, 0.030360531},
        {0.805483222, 0.596904039, 0.082996234}, {0.388385385, 0.079899333, 0.245818958}, {0.010951802, 0.196106046, 0.307181537},
        {0.921020269, 0.921707630, 0.912857533}, {0.590191603, 0.588424563, 0.587825298}, {0.337743223, 0.337686002, 0.338155240},
        {0.169266403, 0.169178575, 0.169557154}, {0.058346011, 0.059387885, 0.060296256}, {0.012581199, 0.012947144, 0.013654212},
        {0.145115077, 0.145115703, 0.145115480}, {1.041565537, 1.041566610, 1.041566253}};

    /** OCIO's error measure: absolute below 1, relative above. */
    private static double error(double actual, double expected) {
        return Math.abs(actual - expected) / Math.max(1, Math.abs(expected));
    }

    @Test
    void renderingMatchesOpenColorIoAt1000NitsP3() {
        Aces20Rendering r = new Aces20Rendering(1000, Aces20.P3_D65);
        double worst = 0;
        for (int i = 0; i < OCIO_IN.length; i++) {
            double[] rgb = OCIO_IN[i].clone();
            r.forward(rgb, new double[3]);
            for (int c = 0; c < 3; c++) {
                worst = Math.max(worst, error(rgb[c], OCIO_P3_1000[i][c]));
            }
        }
        System.out.printf("ACES 2.0 1000 nit P3-D65 vs OCIO: worst %.3g%n", worst);
        assertTrue(worst < 1e-4, "worst " + worst);
    }

    @Test
    void edgeCasesMatchOpenColorIoAt100NitsRec709() {
        Aces20Rendering r = new Aces20Rendering(100, Aces20.REC709_D65);
        double[] black = {0, 0, 0};
        r.forward(black, new double[3]);
        assertEquals(0, black[0]);
        assertEquals(0, black[1]);
        assertEquals(0, black[2]);
        double[] rgb = {0.742242277, 0.0931933373, 0.321542144};
        r.forward(rgb, new double[3]);
        double[] want = {0.74736571311951, -0.0019352473318577, 0.19451357424259};
        for (int c = 0; c < 3; c++) {
            assertTrue(error(rgb[c], want[c]) < 1e-4, c + ": " + rgb[c] + " vs " + want[c]);
        }
        // BuiltinTransform ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - SDR-100nit-REC709_2.0: (0.5, 0.4, 0.3) → XYZ D65.
        Aces20 sdr = Aces20.of(Aces20.preset("Output.Academy.Rec709-D65_100nit_in_Rec709-D65_BT1886"));
        double[] cv = {0.5, 0.4, 0.3};
        sdr.forward(cv);
        Aces20.decode(Aces20.Eotf.BT1886, cv);
        double[] xyz = Aces20.REC709_D65.rgbToXyz().apply(cv);
        double[] wantXyz = {0.26260215, 0.25207460, 0.20617345};
        for (int c = 0; c < 3; c++) {
            assertTrue(error(xyz[c], wantXyz[c]) < 1e-4, c + ": " + xyz[c] + " vs " + wantXyz[c]);
        }
    }

    @Test
    void greysFollowTheToneScaleInEveryPreset() {
        double worst = 0;
        for (Aces20.Preset p : Aces20.PRESETS) {
            Aces20 t = Aces20.of(p);
            Aces20Rendering.Tonescale ts = new Aces20Rendering.Tonescale(p.peakLuminance());
            Matrix3 toDisplay = p.encoding().xyzToRgb().times(p.limiting().rgbToXyz());
            double[] white = toDisplay.apply(new double[] {1, 1, 1});
            double scale = p.scaleWhite() ? 1 / Math.max(white[0], Math.max(white[1], white[2])) : 1;
            for (double stops = -10; stops <= 12; stops += 0.5) {
                double x = 0.18 * Math.pow(2, stops);
                double[] cv = {x, x, x};
                t.forward(cv);
                double y = Math.min(ts.forward(x) / 100, p.peakLuminance() / 100) * scale;
                double[] want = toDisplay.apply(new double[] {y, y, y});
                for (int c = 0; c < 3; c++) {
                    want[c] *= p.linearScale();
                }
                Aces20.encode(p.eotf(), want);
                for (int c = 0; c < 3; c++) {
                    worst = Math.max(worst, Math.abs(cv[c] - want[c]));
                }
            }
        }
        System.out.printf("ACES 2.0 greys vs tone scale, 54 presets: worst %.3g%n", worst);
        assertTrue(worst < 1e-6, "worst " + worst);
    }

    @Test
    void everyPresetIsRegistered() {
        assertEquals(54, Aces20.PRESETS.size());
        assertNotNull(Aces20.preset(Aces20.DEFAULT_OUTPUT));
    }

    /**
     * ACES colours → forward → inverse → forward gives the same code values, for every preset (the inverse recovers a
     * scene colour the forward renders identically): ColorChecker, OCIO's colours, greys and random ACEScg mixtures up
     * to 4.
     */
    @Test
    void inverseRoundTripsEveryPreset() {
        java.util.Random random = new java.util.Random(20);
        java.util.List<double[]> inputs = new java.util.ArrayList<>(java.util.Arrays.asList(OCIO_IN));
        Matrix3 ap1ToAp0 = io.rushes.engine.color.Chromaticities.AP0.xyzToRgb().times(io.rushes.engine.color.Chromaticities.AP1.rgbToXyz());
        for (int i = 0; i < 400; i++) {
            double scale = 4 * random.nextDouble() * random.nextDouble();
            inputs.add(ap1ToAp0.apply(new double[] {scale * random.nextDouble(), scale * random.nextDouble(), scale * random.nextDouble()}));
        }
        double worstSdr = 0;
        double worstHdr = 0;
        String worstAt = "";
        for (Aces20.Preset p : Aces20.PRESETS) {
            Aces20 t = Aces20.of(p);
            boolean sdr = p.peakLuminance() <= 100;
            for (double[] in : inputs) {
                double[] cv = in.clone();
                t.forward(cv);
                double[] x = cv.clone();
                t.inverse(x);
                t.forward(x);
                for (int c = 0; c < 3; c++) {
                    double e = Math.abs(x[c] - cv[c]);
                    if (sdr && e > worstSdr) {
                        worstSdr = e;
                        worstAt = p.name() + " " + java.util.Arrays.toString(in) + ": " + java.util.Arrays.toString(cv) + " -> "
                                + java.util.Arrays.toString(x);
                    }
                    worstHdr = sdr || p.scaleWhite() ? worstHdr : Math.max(worstHdr, e);
                }
            }
        }
        System.out.printf("ACES 2.0 forward -> inverse -> forward: SDR worst %.3g (%s), HDR (D65 white) worst %.3g%n", worstSdr, worstAt, worstHdr);
        assertTrue(worstSdr < 1e-4, worstAt);
        assertTrue(worstHdr < 1e-4, "HDR " + worstHdr);
    }

    /** Every Output/InvOutput CTL of aces-output 2.0 is registered, with the parameters its CTL declares. */
    @Test
    void presetsAreTheCtlsParameters() throws java.io.IOException {
        java.nio.file.Path root = io.rushes.engine.Samples.dir().resolveSibling("specs").resolve("aces/v2/aces-output");
        java.util.List<java.nio.file.Path> ctls;
        try (var walk = java.nio.file.Files.walk(root)) {
            ctls = walk.filter(f -> f.getFileName().toString().matches("(Inv)?Output\\..*\\.ctl")).sorted().toList();
        }
        assertEquals(108, ctls.size());
        java.util.regex.Pattern number = java.util.regex.Pattern.compile("-?[0-9.]+(?:\\s*/\\s*[0-9.]+)?");
        for (java.nio.file.Path f : ctls) {
            String ctl = java.nio.file.Files.readString(f);
            String id = find(ctl, "<ACEStransformID>(urn:[^<]+)</ACEStransformID>");
            String name = io.rushes.engine.color.TransformRegistry.name(id);
            assertTrue(io.rushes.engine.color.TransformRegistry.supports(id), id);
            Aces20.Preset p = Aces20.preset(name.replaceFirst("^Inv", ""));
            assertNotNull(p, name);
            assertEquals(eval(find(ctl, "peakLuminance = ([^;]+);"), number), p.peakLuminance(), 1e-9, name);
            assertEquals(Boolean.parseBoolean(find(ctl, "scale_white = (\\w+);")), p.scaleWhite(), name);
            assertEquals(Integer.parseInt(find(ctl, "eotf_enum = (\\d+);")), p.eotf().ordinal(), name);
            assertEquals(eval(find(ctl, "linear_scale_factor = ([^;]+);"), number), p.linearScale(), 1e-12, name);
            assertChromaticities(ctl, "limitingPri", p.limiting(), number, name);
            assertChromaticities(ctl, "encodingPri", p.encoding(), number, name);
        }
    }

    private static String find(String text, String regex) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex);
        return m.group(1).strip();
    }

    private static double eval(String expression, java.util.regex.Pattern number) {
        String[] parts = expression.split("/");
        double v = Double.parseDouble(parts[0].strip());
        return parts.length == 2 ? v / Double.parseDouble(parts[1].strip()) : v;
    }

    private static void assertChromaticities(String ctl, String variable, io.rushes.engine.color.Chromaticities want,
            java.util.regex.Pattern number, String name) {
        String block = find(ctl, "(?s)" + variable + " =[^{]*\\{(.*?)\\};");
        java.util.regex.Matcher m = number.matcher(block.replaceAll("//[^\\n]*", ""));
        double[] v = new double[8];
        for (int i = 0; i < 8; i++) {
            assertTrue(m.find(), name + " " + variable);
            v[i] = eval(m.group(), number);
        }
        double[] have = {want.rx(), want.ry(), want.gx(), want.gy(), want.bx(), want.by(), want.wx(), want.wy()};
        for (int i = 0; i < 8; i++) {
            assertEquals(v[i], have[i], 1e-12, name + " " + variable + "[" + i + "]");
        }
    }
}
