package io.rushes.engine.color.aces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ACES 1.3 RRT + SDR ODTs and the HDR (PQ) output transforms against OpenColorIO 2.1's built-ins on a dense sweep
 * (reference/ocio-aces13.tsv, from scripts/reference/ocio-aces13.py). Greys agree to float precision except at black,
 * where OCIO's float32 arithmetic leaves ~1e-10 of display light that the 1/2.4 power lifts to 9e-5. Colours agree to
 * 9.4e-5 in SDR and 3.3e-4 in HDR (on saturated colours, where OCIO 2.1 orders the RRT's sweeteners differently from
 * the CTL; the CTL is normative).
 */
class Aces13Test {
    @Test
    void outputTransformsAgreeWithOpenColorIo() throws Exception {
        List<String[]> rows;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Aces13Test.class.getResourceAsStream("/reference/ocio-aces13.tsv"), StandardCharsets.UTF_8))) {
            rows = r.lines().skip(1).map(l -> l.split("\t")).toList();
        }
        assertTrue(rows.size() > 3000);
        double worst = 0;
        double worstGrey = 0;
        double worstGreyAboveBlack = 0;
        double worstHdrGreyAboveBlack = 0;
        String at = "";
        for (String[] row : rows) {
            if (row[0].startsWith("INV_")) {
                continue; // inverseTransformsAgreeWithOpenColorIoAndRoundTrip
            }
            double[] rgb = {Double.parseDouble(row[1]), Double.parseDouble(row[2]), Double.parseDouble(row[3])};
            boolean grey = rgb[0] == rgb[1] && rgb[1] == rgb[2];
            if (row[0].endsWith("ST2084")) {
                Aces13Hdr.apply(Aces13Hdr.Output.valueOf(row[0]), rgb);
            } else {
                Aces13.rrt(rgb);
                Aces13.odt(Aces13.Display.valueOf(row[0]), rgb);
            }
            for (int c = 0; c < 3; c++) {
                // OCIO 2.1 leaves out the CTL's final clamp of display-linear values to [0, 1]: clamping its (monotonic,
                // 0 → 0, 1 → 1) encoded output restores what the CTL computes.
                double want = Math.min(Math.max(Double.parseDouble(row[4 + c]), 0), 1);
                double err = Math.abs(rgb[c] - want);
                if (grey) {
                    worstGrey = Math.max(worstGrey, err);
                    if (Double.parseDouble(row[1]) >= 0.002 && row[0].endsWith("ST2084")) {
                        worstHdrGreyAboveBlack = Math.max(worstHdrGreyAboveBlack, err);
                    } else if (Double.parseDouble(row[1]) >= 0.002) {
                        worstGreyAboveBlack = Math.max(worstGreyAboveBlack, err);
                    }
                }
                if (err > worst) {
                    worst = err;
                    at = String.join(" ", row) + " -> " + rgb[0] + " " + rgb[1] + " " + rgb[2];
                }
            }
        }
        System.out.println("ACES 1.3 output transforms vs OCIO: worst " + worst + " (greys " + worstGrey + ", above black "
                + worstGreyAboveBlack + ", HDR above black " + worstHdrGreyAboveBlack + ") at " + at);
        assertEquals(0, worstGreyAboveBlack, 1e-6, "the SDR tone scales and encodings");
        assertEquals(0, worstHdrGreyAboveBlack, 1e-4, "the SSTS and PQ (OCIO's float32 spline near peak: 5e-5)");
        assertEquals(0, worstGrey, 2e-4, "black: OCIO's float32 residue lifted by the encoding's power");
        assertEquals(0, worst, 1e-3, at); // OCIO's known deviation on saturated colours (the issue: up to ~1e-3)
    }

    /** Display code values back to ACES (InvODT then InvRRT) against OCIO's inverse, and forward again to the same codes. */
    @Test
    void inverseTransformsAgreeWithOpenColorIoAndRoundTrip() throws Exception {
        List<String[]> rows;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Aces13Test.class.getResourceAsStream("/reference/ocio-aces13.tsv"), StandardCharsets.UTF_8))) {
            rows = r.lines().skip(1).map(l -> l.split("\t")).filter(f -> f[0].startsWith("INV_")).toList();
        }
        assertEquals(3 * 343, rows.size());
        double worst = 0;
        double worstTrip = 0;
        for (String[] row : rows) {
            Aces13.Display display = Aces13.Display.valueOf(row[0].substring(4));
            double[] code = {Double.parseDouble(row[1]), Double.parseDouble(row[2]), Double.parseDouble(row[3])};
            double[] aces = code.clone();
            Aces13.inverseOdt(display, aces);
            Aces13.inverseRrt(aces);
            for (int c = 0; c < 3; c++) {
                double want = Double.parseDouble(row[4 + c]);
                worst = Math.max(worst, Math.abs(aces[c] - want) / Math.max(0.01, Math.abs(want)));
            }
            // Saturated display colours near the gamut corners have no scene colour the forward transform sends there (the
            // inverse clamps in AP1): the round trip holds for the display colours the forward transform reaches.
            double max = Math.max(code[0], Math.max(code[1], code[2]));
            double min = Math.min(code[0], Math.min(code[1], code[2]));
            if (max <= 0.9 && min >= 0.1 && (max - min) / max <= 0.3) {
                double[] again = aces.clone();
                Aces13.rrt(again);
                Aces13.odt(display, again);
                for (int c = 0; c < 3; c++) {
                    worstTrip = Math.max(worstTrip, Math.abs(again[c] - code[c]));
                }
            }
        }
        System.out.println("ACES 1.3 inverse SDR vs OCIO: worst relative " + worst + "; code values after the round trip within " + worstTrip);
        // The CTL's inverse glow reads the saturation of its output where the forward read its input, so InvRRT undoes
        // the RRT exactly on neutrals and to a few 1e-4 on moderately saturated colours (measured 4.0e-4).
        assertTrue(worstTrip < 1e-3, "round trip " + worstTrip);
        assertTrue(worst < 1e-3, "vs OCIO " + worst);
    }
}
