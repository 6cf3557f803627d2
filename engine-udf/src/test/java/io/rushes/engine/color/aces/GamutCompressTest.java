package io.rushes.engine.color.aces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ACES 1.3 Reference Gamut Compression against OpenColorIO 2.1's built-in look, and its inverse. */
class GamutCompressTest {
    @Test
    void agreesWithOpenColorIoAndInvertsInsideItsRange() throws Exception {
        List<String[]> rows;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                GamutCompressTest.class.getResourceAsStream("/reference/ocio-builtins.tsv"), StandardCharsets.UTF_8))) {
            rows = r.lines().skip(1).map(l -> l.split("\t")).filter(f -> f[0].startsWith("ACES-LMT")).toList();
        }
        assertEquals(512, rows.size());
        double worst = 0;
        for (String[] row : rows) {
            double[] in = {Double.parseDouble(row[1]), Double.parseDouble(row[2]), Double.parseDouble(row[3])};
            double[] rgb = in.clone();
            GamutCompress.forward(rgb);
            for (int c = 0; c < 3; c++) {
                double want = Double.parseDouble(row[4 + c]);
                worst = Math.max(worst, Math.abs(rgb[c] - want) / Math.max(0.01, Math.abs(want)));
            }
            GamutCompress.inverse(rgb);
            for (int c = 0; c < 3; c++) {
                assertEquals(in[c], rgb[c], 1e-9 * Math.max(1, Math.abs(in[c])), "round trip of " + String.join(" ", row));
            }
        }
        System.out.println("gamut compression vs OCIO worst relative " + worst);
        assertTrue(worst < 1e-5, "worst " + worst);
    }
}
