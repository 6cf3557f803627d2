package io.rushes.engine.color;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Camera log curves and gamuts: the published 18 % grey code values, exact round trips, and OpenColorIO 2.1's built-in
 * ACES input transforms on a sweep (reference/ocio-builtins.tsv, from scripts/reference/ocio-builtins.py). OCIO 2.1
 * clamps Canon Log 2 and 3 code values below 0 where the ACES CTL (CSC.Canon.CLog2/3_CGamut_to_ACES) does not: Rushes
 * follows the CTL, so those rows are left out.
 */
class CameraInputsTest {
    /** Manufacturers' and the Academy's published code values for 18 % grey (normalised, full range). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "ACESCC, 0.4135884", "ACESCCT, 0.4135884",
            "ARRI_LOGC3, 0.3910068", // ARRI: 400/1023 at EI 800
            "ARRI_LOGC4, 0.2783963", // ARRI LogC4 specification
            "SONY_SLOG3, 0.4105572", // Sony: 420/1023
            "RED_LOG3G10, 0.3333333", // RED: Log3G10 puts grey at one third
            "CANON_LOG3, 0.3433890", // Canon: 34.3 %
            "PANASONIC_VLOG, 0.4233114", // Panasonic's V-Log formula; its documents round this to 433/1023
            "BLACKMAGIC_FILM_GEN5, 0.3835616", // Blackmagic Gen 5: 38.4 %
            "APPLE_LOG, 0.4882720"}) // Apple Log profile white paper
    void greyLandsOnThePublishedCodeValue(CameraLog curve, double code) {
        assertEquals(code, curve.encode(0.18), 5e-7);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CameraLog.class)
    void decodeInvertsEncode(CameraLog curve) {
        for (double x = -0.02; x < 40; x = x < 0.01 ? x + 0.0011 : x * 1.37) {
            if (curve == CameraLog.APPLE_LOG && x < -0.0564 || curve == CameraLog.ACESCC && x <= 0) {
                continue; // Apple Log clips below R0; ACEScc has one code for everything at or below 0
            }
            // D-Log's published forward and inverse constants are rounded separately: they agree to ~1e-5 near its breaks.
            double tolerance = curve == CameraLog.DJI_DLOG ? 1e-4 : 1e-9;
            assertEquals(x, curve.decode(curve.encode(x)), tolerance * Math.max(1, Math.abs(x)), curve + " at " + x);
        }
    }

    private static final Map<String, Object[]> BUILTINS = Map.ofEntries(
            Map.entry("ACEScc_to_ACES2065-1", new Object[] {CameraLog.ACESCC, Gamut.AP1}),
            Map.entry("ACEScct_to_ACES2065-1", new Object[] {CameraLog.ACESCCT, Gamut.AP1}),
            Map.entry("ACEScg_to_ACES2065-1", new Object[] {null, Gamut.AP1}),
            Map.entry("ARRI_ALEXA-LOGC-EI800-AWG_to_ACES2065-1", new Object[] {CameraLog.ARRI_LOGC3, Gamut.ARRI_WIDE_GAMUT_3}),
            Map.entry("SONY_SLOG3-SGAMUT3_to_ACES2065-1", new Object[] {CameraLog.SONY_SLOG3, Gamut.SONY_S_GAMUT3}),
            Map.entry("SONY_SLOG3-SGAMUT3.CINE_to_ACES2065-1", new Object[] {CameraLog.SONY_SLOG3, Gamut.SONY_S_GAMUT3_CINE}),
            Map.entry("RED_LOG3G10-RWG_to_ACES2065-1", new Object[] {CameraLog.RED_LOG3G10, Gamut.RED_WIDE_GAMUT_RGB}),
            Map.entry("CANON_CLOG2-CGAMUT_to_ACES2065-1", new Object[] {CameraLog.CANON_LOG2, Gamut.CANON_CINEMA_GAMUT}),
            Map.entry("CANON_CLOG3-CGAMUT_to_ACES2065-1", new Object[] {CameraLog.CANON_LOG3, Gamut.CANON_CINEMA_GAMUT}),
            Map.entry("PANASONIC_VLOG-VGAMUT_to_ACES2065-1", new Object[] {CameraLog.PANASONIC_VLOG, Gamut.PANASONIC_V_GAMUT}),
            Map.entry("SONY_SLOG3-SGAMUT3-VENICE_to_ACES2065-1", new Object[] {CameraLog.SONY_SLOG3, Gamut.SONY_VENICE_S_GAMUT3}),
            Map.entry("SONY_SLOG3-SGAMUT3.CINE-VENICE_to_ACES2065-1", new Object[] {CameraLog.SONY_SLOG3, Gamut.SONY_VENICE_S_GAMUT3_CINE}));

    /** OCIO evaluates in 32-bit float: agreement is to float precision. */
    @Test
    void cameraInputsAgreeWithOpenColorIo() throws Exception {
        List<String[]> rows;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                CameraInputsTest.class.getResourceAsStream("/reference/ocio-builtins.tsv"), StandardCharsets.UTF_8))) {
            rows = r.lines().skip(1).map(l -> l.split("\t")).toList();
        }
        assertTrue(rows.size() >= 150);
        double worst = 0;
        String at = "";
        for (String[] row : rows) {
            if (row[0].startsWith("ACESproxy")) {
                continue; // its own test below
            }
            Object[] how = BUILTINS.get(row[0]);
            if (how == null) {
                continue; // the look in the same table: GamutCompressTest
            }
            if (row[0].startsWith("CANON_") && Double.parseDouble(row[1]) < 0) {
                continue;
            }
            CameraLog curve = (CameraLog) how[0];
            Matrix3 m = ((Gamut) how[1]).toAces();
            double[] rgb = new double[3];
            for (int c = 0; c < 3; c++) {
                double code = Double.parseDouble(row[1 + c]);
                rgb[c] = curve == null ? code : curve.decode(code);
            }
            double[] aces = m.apply(rgb);
            for (int c = 0; c < 3; c++) {
                double want = Double.parseDouble(row[4 + c]);
                // Relative, and absolute below 0.01: OCIO's float32 subtractions near the toe lose digits there.
                double err = Math.abs(aces[c] - want) / Math.max(0.01, Math.abs(want));
                if (err > worst) {
                    worst = err;
                    at = String.join(" ", row) + " -> " + aces[0] + " " + aces[1] + " " + aces[2];
                }
            }
        }
        System.out.println("camera inputs vs OCIO worst relative difference " + worst + " at " + at);
        assertEquals(0, worst, 2e-5, at);
    }

    /**
     * ACESproxy 10i against OCIO 2.1, inside the legal code range 64–940: OCIO clamps codes outside it where the CTL does
     * not, and evaluates codes as continuous values where the CTL truncates to integers (so OCIO's rows are compared at
     * code values that are whole 10-bit codes, n / 1023, evaluated our way).
     */
    @Test
    void acesProxyAgreesWithOpenColorIoInsideTheLegalRange() throws Exception {
        List<String[]> rows;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                CameraInputsTest.class.getResourceAsStream("/reference/ocio-builtins.tsv"), StandardCharsets.UTF_8))) {
            rows = r.lines().skip(1).map(l -> l.split("\t")).filter(f -> f[0].startsWith("ACESproxy10i")).toList();
        }
        ColorStep proxy = TransformRegistry.resolve("urn:ampas:aces:transformId:v2.0:CSC.Academy.ACESproxy10i_to_ACES.a2.v1", false, "t");
        int compared = 0;
        for (String[] row : rows) {
            double[] code = {Double.parseDouble(row[1]), Double.parseDouble(row[2]), Double.parseDouble(row[3])};
            boolean legal = true;
            for (double c : code) {
                legal &= c * 1023 >= 64 && c * 1023 <= 940 && Math.abs(c * 1023 - Math.rint(c * 1023)) < 1e-9;
            }
            if (!legal) {
                continue;
            }
            double[] rgb = code.clone();
            for (int c = 0; c < 3; c++) {
                rgb[c] = Math.rint(rgb[c] * 1023) / 1023 + 1e-9; // the whole code, nudged above the truncation edge
            }
            proxy.apply(rgb);
            for (int c = 0; c < 3; c++) {
                double want = Double.parseDouble(row[4 + c]);
                assertEquals(want, rgb[c], 2e-5 * Math.max(0.01, Math.abs(want)), String.join(" ", row));
            }
            compared++;
        }
        assertTrue(compared > 0, "no legal whole-code rows");
    }

    /**
     * Sony S-Log1 and S-Log2 (CSC.Sony.*, ACES 2): Sony's published 18 % grey codes (S-Log1 394, S-Log2 347 of 1023;
     * ×4 in 12-bit) land on 0.18 within their rounding, grey stays grey through S-Gamut (daylight and tungsten), and the
     * inverse returns the code values.
     */
    @Test
    void sonySLog1AndSLog2InputTransforms() {
        String[][] cases = {
            {"CSC.Sony.SLog1_SGamut_10i_to_ACES", "394", "1023"}, {"CSC.Sony.SLog1_SGamut_12i_to_ACES", "1576", "4095"},
            {"CSC.Sony.SLog2_SGamut_Daylight_10i_to_ACES", "347", "1023"}, {"CSC.Sony.SLog2_SGamut_Tungsten_10i_to_ACES", "347", "1023"},
            {"CSC.Sony.SLog2_SGamut_Daylight_12i_to_ACES", "1388", "4095"}, {"IDT.Sony.SLog2_SGamut_Tungsten_12i", "1388", "4095"}};
        for (String[] c : cases) {
            String id = "urn:ampas:aces:transformId:v2.0:" + c[0] + ".a2.v1";
            double code = Double.parseDouble(c[1]) / Double.parseDouble(c[2]);
            double[] rgb = {code, code, code};
            TransformRegistry.resolve(id, false, "test").apply(rgb);
            for (double v : rgb) {
                assertEquals(0.18, v, 1.5e-3, c[0]);
                // The CTL's S-Gamut matrix is printed to 9 decimals: its columns sum to 1 within 6e-6.
                assertEquals(rgb[0], v, 2e-6, c[0] + ": grey stays grey");
            }
            for (double[] in : new double[][] {{0.05, 0.3, 0.7}, {0.09, 0.088, 0.0}, {0.9, 0.5, 0.2}}) {
                double[] x = in.clone();
                TransformRegistry.resolve(id, false, "test").apply(x);
                TransformRegistry.resolve(id, true, "test").apply(x);
                for (int i = 0; i < 3; i++) {
                    assertEquals(in[i], x[i], 1e-9, c[0] + " round trip");
                }
            }
        }
    }

    /** ADX film scans: the LAD grey patch (ADX10 445, ADX16 7120) is ACES 0.18; the table meets the line at density 0.6. */
    @Test
    void adxLadGreyIsEighteenPercent() {
        for (String[] c : new String[][] {{"CSC.Academy.ADX10_to_ACES", "445", "1023"}, {"ACEScsc.Academy.ADX16_to_ACES", "7120", "65535"}}) {
            double code = Double.parseDouble(c[1]) / Double.parseDouble(c[2]);
            double[] rgb = {code, code, code};
            TransformRegistry.resolve("urn:ampas:aces:transformId:v2.0:" + c[0] + ".a2.v1", false, "test").apply(rgb);
            for (double v : rgb) {
                assertEquals(0.18, v, 1e-5, c[0]);
            }
        }
        ColorStep adx = TransformRegistry.resolve("urn:ampas:aces:transformId:v2.0:CSC.Academy.ADX10_to_ACES.a2.v1", false, "test");
        double[] below = {(0.6 * 500 + 95 - 1e-6) / 1023, (0.6 * 500 + 95 - 1e-6) / 1023, (0.6 * 500 + 95 - 1e-6) / 1023};
        double[] above = {(0.6 * 500 + 95 + 1e-6) / 1023, (0.6 * 500 + 95 + 1e-6) / 1023, (0.6 * 500 + 95 + 1e-6) / 1023};
        adx.apply(below);
        adx.apply(above);
        assertEquals(below[1], above[1], 1e-7, "continuous at density 0.6");
    }

    /**
     * Canon's ACES 1 IDTs for daylight and tungsten white balance: the v1 CTL's own Canon Log 3 formula agrees with the
     * curve Rushes shares with the ACES 2 CSC, and grey stays grey through each fixed matrix (rows sum to 1).
     */
    @Test
    void canonWhiteBalanceIdts() {
        for (double clog3 = 0.02; clog3 < 1; clog3 += 0.01) {
            double v1 = clog3 < 0.097465473 ? -(Math.pow(10, (0.12783901 - clog3) / 0.36726845) - 1) / 14.98325
                    : clog3 <= 0.15277891 ? (clog3 - 0.12512219) / 1.9754798 : (Math.pow(10, (clog3 - 0.12240537) / 0.36726845) - 1) / 14.98325;
            assertEquals(0.9 * v1, CameraLog.CANON_LOG3.decode(clog3), 2e-6 * Math.max(1, Math.abs(v1)), "Canon Log 3 at " + clog3);
        }
        for (String id : new String[] {"CanonLog2_CinemaGamut_D55", "CanonLog2_CinemaGamut_Tng", "CanonLog2_BT2020_D55", "CanonLog2_BT2020_Tng",
            "CanonLog3_CinemaGamut_D55", "CanonLog3_CinemaGamut_Tng", "CanonLog3_BT2020_D55", "CanonLog3_BT2020_Tng"}) {
            CameraLog curve = id.startsWith("CanonLog2") ? CameraLog.CANON_LOG2 : CameraLog.CANON_LOG3;
            double code = curve.encode(0.18);
            double[] rgb = {code, code, code};
            TransformRegistry.resolve("urn:ampas:aces:transformId:v1.5:IDT.Canon." + id + ".a1.v2", false, "test").apply(rgb);
            for (double v : rgb) {
                assertEquals(0.18, v, 1e-6, id);
            }
        }
    }
}
