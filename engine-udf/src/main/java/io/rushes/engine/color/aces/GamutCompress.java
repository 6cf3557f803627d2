package io.rushes.engine.color.aces;

import io.rushes.engine.color.Chromaticities;
import io.rushes.engine.color.Matrix3;

/**
 * The ACES 1.3 Reference Gamut Compression look (LMT.Academy.ReferenceGamutCompress, and its inverse): distances from
 * the achromatic axis in AP1, compressed per channel above a threshold towards a limit, so out-of-gamut camera colours
 * come back inside AP1 without touching the colours already well inside it.
 */
public final class GamutCompress {
    private static final double[] LIMIT = {1.147, 1.264, 1.312}; // cyan, magenta, yellow
    private static final double[] THRESHOLD = {0.815, 0.803, 0.880};
    private static final double POWER = 1.2;
    private static final Matrix3 AP0_TO_AP1 = Chromaticities.AP1.xyzToRgb().times(Chromaticities.AP0.rgbToXyz());
    private static final Matrix3 AP1_TO_AP0 = AP0_TO_AP1.inverse();

    private GamutCompress() {
    }

    public static void forward(double[] aces) {
        apply(aces, false);
    }

    public static void inverse(double[] aces) {
        apply(aces, true);
    }

    private static void apply(double[] aces, boolean inverse) {
        double[] ap1 = AP0_TO_AP1.apply(aces);
        double ach = Math.max(ap1[0], Math.max(ap1[1], ap1[2]));
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            double dist = ach == 0 ? 0 : (ach - ap1[i]) / Math.abs(ach);
            double d = inverse ? uncompress(dist, LIMIT[i], THRESHOLD[i]) : compress(dist, LIMIT[i], THRESHOLD[i]);
            out[i] = ach - d * Math.abs(ach);
        }
        System.arraycopy(AP1_TO_AP0.apply(out), 0, aces, 0, 3);
    }

    private static double scale(double lim, double thr) {
        return (lim - thr) / Math.pow(Math.pow((1 - thr) / (lim - thr), -POWER) - 1, 1 / POWER);
    }

    static double compress(double dist, double lim, double thr) {
        if (dist < thr) {
            return dist;
        }
        double scl = scale(lim, thr);
        double nd = (dist - thr) / scl;
        return thr + scl * nd / Math.pow(1 + Math.pow(nd, POWER), 1 / POWER);
    }

    static double uncompress(double dist, double lim, double thr) {
        if (dist < thr) {
            return dist;
        }
        double scl = scale(lim, thr);
        if (dist > thr + scl) {
            return dist; // beyond the curve's asymptote: the CTL leaves it
        }
        double p = Math.pow((dist - thr) / scl, POWER);
        return thr + scl * Math.pow(-(p / (p - 1)), 1 / POWER);
    }
}
