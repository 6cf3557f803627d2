package io.rushes.engine.image;

/**
 * Ratio Corrected Demosaicing (Luis Sanz Rodríguez, v2.3 formulation), the high-quality mode. Chosen over
 * AMaZE because it matches it on real sensor data while being a fraction of the code and the arithmetic,
 * with no lookup tables or iterative refinement: every output pixel is a fixed, branch-light function of
 * its neighbourhood, which is what keeps it fast on one core and lets a region of interest be decoded with
 * a small margin. Steps: (1) vertical/horizontal discrimination from squared 6th-order high-pass
 * responses, refined by the diagonal neighbours' mean where that is more decided; (2) a low-pass image at
 * red/blue sites; (3) green at red/blue by gradient-weighted, ratio-corrected cardinal estimates; (4) red/blue
 * at blue/red by diagonal colour differences with their own (diagonal) discrimination, then red/blue at green
 * by cardinal colour differences. The 4-photosite frame border is bilinear. Inputs are clamped at 0 inside
 * the estimators (the ratios need non-negative data); recorded photosites keep their own values.
 *
 * <p>Streamed: each step runs one row behind the rows it reads, so loading mosaic row t finishes output row
 * t − {@link #LAG}; every quantity is kept in a {@link HalfRows.Ring} only as long as a later step looks back
 * at it. Rows are split into their two Bayer colours so every kernel is a unit-stride loop over one colour.
 */
final class RcdDemosaic {
    private static final float EPS = 1e-5f;
    private static final float EPSSQ = 1e-10f;
    private static final int BORDER = 4;
    /** Rows (and columns) from a photosite to the farthest photosite its output depends on. */
    static final int LAG = 11;

    // Each step's row, as an offset behind the newest mosaic row t.
    private static final int LOW_PASS = 1;
    private static final int ENERGY = 3;
    private static final int DIRECTION = 4;
    private static final int REFINED = 5;
    private static final int GREEN = 5;
    private static final int RED_BLUE_AT_RED_BLUE = 8;
    private static final int RED_BLUE_AT_GREEN = LAG;

    private final int w;
    private final int h;
    private final byte[] cfa;
    private final HalfRows l;
    private final HalfRows.Ring mosaic;
    private final HalfRows.Ring clamped;
    /** |c(y) − c(y − 2)| per column: the vertical terms of green's gradients, shared by five rows' sums. */
    private final HalfRows.Ring verticalStep;
    /** |c(x) − c(x − 2)| along the row green is working on: its horizontal terms, shared likewise. */
    private final float[] horizontalStep;
    private final HalfRows.Ring lowPass;
    private final HalfRows.Ring energyV;
    private final HalfRows.Ring energyH;
    private final HalfRows.Ring directionVH;
    private final HalfRows.Ring vh;
    private final HalfRows.Ring energyP;
    private final HalfRows.Ring energyQ;
    private final HalfRows.Ring directionPQ;
    private final HalfRows.Ring pq;
    private final HalfRows.Ring[] planes;
    private final float[][] loadRows = new float[3][];

    static boolean fits(int width, int height) {
        return width >= 2 * BORDER + 2 && height >= 2 * BORDER + 2;
    }

    RcdDemosaic(int width, int height, byte[] cfa) {
        this.w = width;
        this.h = height;
        this.cfa = cfa;
        this.l = new HalfRows(width);
        // Depth of each ring: from the step that writes a row to the last step that reads it, inclusive.
        mosaic = l.new Ring(3);
        clamped = l.new Ring(GREEN + 4 + 1);
        verticalStep = l.new Ring(GREEN + 2 + 1);
        horizontalStep = new float[l.length];
        lowPass = l.new Ring(GREEN + 2 - LOW_PASS + 1);
        energyV = l.new Ring(3);
        energyH = l.new Ring(2);
        directionVH = l.new Ring(3);
        vh = l.new Ring(RED_BLUE_AT_GREEN - REFINED + 1);
        energyP = l.new Ring(3);
        energyQ = l.new Ring(3);
        directionPQ = l.new Ring(3);
        pq = l.new Ring(RED_BLUE_AT_RED_BLUE - REFINED + 1);
        planes = new HalfRows.Ring[3];
        for (int c = 0; c < 3; c++) {
            planes[c] = l.new Ring(RED_BLUE_AT_GREEN + 3 + 1);
        }
    }

    void run(Demosaic.MosaicRows in, Demosaic.RgbRows out) {
        float[] natural = new float[w];
        float[][] rows = new float[3][];
        for (int t = 0; t < h + LAG; t++) {
            if (t < h) {
                in.read(t, natural);
                load(t, natural);
            }
            if (t >= 1 && t - 1 < h) {
                planeRows(t - 1, rows);
                Demosaic.border(l, mosaic, h, cfa, BORDER, t - 1, rows);
            }
            if (inside(t - LOW_PASS, 2)) {
                lowPass(t - LOW_PASS);
            }
            if (inside(t - ENERGY, BORDER - 1)) {
                energies(t - ENERGY);
            }
            if (inside(t - DIRECTION, BORDER)) {
                directions(t - DIRECTION);
            }
            if (inside(t - REFINED, BORDER)) {
                refine(directionVH, vh, t - REFINED, false);
                refine(directionPQ, pq, t - REFINED, true);
            }
            if (inside(t - GREEN, BORDER)) {
                green(t - GREEN);
            }
            if (inside(t - RED_BLUE_AT_RED_BLUE, BORDER)) {
                redBlueAtRedBlue(t - RED_BLUE_AT_RED_BLUE);
            }
            int y = t - RED_BLUE_AT_GREEN;
            if (inside(y, BORDER)) {
                redBlueAtGreen(y);
            }
            if (y >= 0) {
                planeRows(y, rows);
                out.write(y, rows[0], rows[1], rows[2], l.odd);
            }
        }
    }

    /**
     * max(EPSSQ, energy) for the non-negative energies here: a compare the branch predictor gets right, where
     * Math.max pays for NaN and signed-zero handling on every call.
     */
    private static float atLeastEpsilon(float energy) {
        return energy > EPSSQ ? energy : EPSSQ;
    }

    private boolean inside(int y, int margin) {
        return y >= margin && y < h - margin;
    }

    private void planeRows(int y, float[][] rows) {
        for (int c = 0; c < 3; c++) {
            rows[c] = planes[c].row(y);
        }
    }

    private int greenParity(int y) {
        return cfa[(y & 1) * 2] == 1 ? 0 : 1;
    }

    private void load(int y, float[] natural) {
        float[] m = mosaic.row(y);
        l.split(natural, m);
        float[] c = clamped.row(y);
        for (int k = 0; k < l.length; k++) {
            c[k] = Math.max(0f, m[k]);
        }
        if (y >= 2) {
            float[] above = clamped.row(y - 2);
            float[] step = verticalStep.row(y);
            for (int k = 0; k < l.length; k++) {
                step[k] = Math.abs(c[k] - above[k]);
            }
        }
        planeRows(y, loadRows);
        Demosaic.scatterRecorded(l, cfa, y, m, loadRows);
    }

    /** The low-pass image at the red/blue photosites of row y (columns 2 .. w − 3, all that green reads). */
    private void lowPass(int y) {
        int p = 1 - greenParity(y);
        float[] up = clamped.row(y - 1);
        float[] cur = clamped.row(y);
        float[] dn = clamped.row(y + 1);
        float[] out = lowPass.row(y);
        int s = l.at(p, 0);
        int m1 = l.at(p, -1);
        int p1 = l.at(p, 1);
        for (int k = HalfRows.first(p, 2), end = HalfRows.end(p, w - 2); k < end; k++) {
            out[s + k] = cur[s + k] + 0.5f * (up[s + k] + dn[s + k] + cur[m1 + k] + cur[p1 + k])
                    + 0.25f * (up[m1 + k] + up[p1 + k] + dn[m1 + k] + dn[p1 + k]);
        }
    }

    /** Squared 6th-order high-pass responses of row y: vertical and horizontal everywhere, the two diagonals at red/blue. */
    private void energies(int y) {
        float[] c3 = clamped.row(y - 3);
        float[] c2 = clamped.row(y - 2);
        float[] c1 = clamped.row(y - 1);
        float[] c0 = clamped.row(y);
        float[] d1 = clamped.row(y + 1);
        float[] d2 = clamped.row(y + 2);
        float[] d3 = clamped.row(y + 3);
        float[] ev = energyV.row(y);
        float[] eh = energyH.row(y);
        float[] ep = energyP.row(y);
        float[] eq = energyQ.row(y);
        int rb = 1 - greenParity(y);
        for (int p = 0; p < 2; p++) {
            int s = l.at(p, 0);
            int m1 = l.at(p, -1);
            int m2 = l.at(p, -2);
            int m3 = l.at(p, -3);
            int p1 = l.at(p, 1);
            int p2 = l.at(p, 2);
            int p3 = l.at(p, 3);
            int first = HalfRows.first(p, 3);
            int end = HalfRows.end(p, w - 3);
            if (p == rb) {
                // Red/blue photosites: all four directions in one pass over the seven rows.
                for (int k = first; k < end; k++) {
                    int i = s + k;
                    float centre = 6 * c0[i];
                    float v = (c3[i] - c1[i] - d1[i] + d3[i]) - 3 * (c2[i] + d2[i]) + centre;
                    ev[i] = v * v;
                    float hz = (c0[m3 + k] - c0[m1 + k] - c0[p1 + k] + c0[p3 + k]) - 3 * (c0[m2 + k] + c0[p2 + k]) + centre;
                    eh[i] = hz * hz;
                    float vp = (c3[m3 + k] - c1[m1 + k] - d1[p1 + k] + d3[p3 + k]) - 3 * (c2[m2 + k] + d2[p2 + k]) + centre;
                    ep[i] = vp * vp;
                    float vq = (c3[p3 + k] - c1[p1 + k] - d1[m1 + k] + d3[m3 + k]) - 3 * (c2[p2 + k] + d2[m2 + k]) + centre;
                    eq[i] = vq * vq;
                }
            } else {
                for (int k = first; k < end; k++) {
                    int i = s + k;
                    float centre = 6 * c0[i];
                    float v = (c3[i] - c1[i] - d1[i] + d3[i]) - 3 * (c2[i] + d2[i]) + centre;
                    ev[i] = v * v;
                    float hz = (c0[m3 + k] - c0[m1 + k] - c0[p1 + k] + c0[p3 + k]) - 3 * (c0[m2 + k] + c0[p2 + k]) + centre;
                    eh[i] = hz * hz;
                }
            }
        }
    }

    /** Direction weights of row y: vertical share (all photosites) and NW–SE share (red/blue), summed over three taps. */
    private void directions(int y) {
        float[] vUp = energyV.row(y - 1);
        float[] v = energyV.row(y);
        float[] vDn = energyV.row(y + 1);
        float[] eh = energyH.row(y);
        float[] out = directionVH.row(y);
        for (int p = 0; p < 2; p++) {
            int s = l.at(p, 0);
            int m1 = l.at(p, -1);
            int p1 = l.at(p, 1);
            for (int k = HalfRows.first(p, BORDER), end = HalfRows.end(p, w - BORDER); k < end; k++) {
                float sa = atLeastEpsilon(vUp[s + k] + v[s + k] + vDn[s + k]);
                float sb = atLeastEpsilon(eh[m1 + k] + eh[s + k] + eh[p1 + k]);
                out[s + k] = sa / (sa + sb);
            }
        }
        int p = 1 - greenParity(y);
        int s = l.at(p, 0);
        int m1 = l.at(p, -1);
        int p1 = l.at(p, 1);
        float[] pUp = energyP.row(y - 1);
        float[] pc = energyP.row(y);
        float[] pDn = energyP.row(y + 1);
        float[] qUp = energyQ.row(y - 1);
        float[] qc = energyQ.row(y);
        float[] qDn = energyQ.row(y + 1);
        float[] pqOut = directionPQ.row(y);
        for (int k = HalfRows.first(p, BORDER), end = HalfRows.end(p, w - BORDER); k < end; k++) {
            float sa = atLeastEpsilon(pUp[m1 + k] + pc[s + k] + pDn[p1 + k]);
            float sb = atLeastEpsilon(qUp[p1 + k] + qc[s + k] + qDn[m1 + k]);
            pqOut[s + k] = sa / (sa + sb);
        }
    }

    /** Row y of a direction weight, replaced by the mean of its four diagonal neighbours where that is further from 0.5. */
    private void refine(HalfRows.Ring raw, HalfRows.Ring refined, int y, boolean redBlueOnly) {
        float[] cur = raw.row(y);
        float[] out = refined.row(y);
        System.arraycopy(cur, 0, out, 0, l.length);
        if (y < BORDER + 1 || y >= h - BORDER - 1) {
            return;
        }
        float[] up = raw.row(y - 1);
        float[] dn = raw.row(y + 1);
        int rb = 1 - greenParity(y);
        for (int p = redBlueOnly ? rb : 0; p < (redBlueOnly ? rb + 1 : 2); p++) {
            int s = l.at(p, 0);
            int m1 = l.at(p, -1);
            int p1 = l.at(p, 1);
            for (int k = HalfRows.first(p, BORDER + 1), end = HalfRows.end(p, w - BORDER - 1); k < end; k++) {
                float central = cur[s + k];
                float neighbours = 0.25f * (up[m1 + k] + up[p1 + k] + dn[m1 + k] + dn[p1 + k]);
                // Branch-free select (the choice is a coin toss on real data, so a branch mispredicts half the time):
                // the sign bit of the difference is 1 exactly when the neighbours are more decided; 1·a + 0·b is exact.
                float moreDecided = Float.floatToRawIntBits(Math.abs(0.5f - central) - Math.abs(0.5f - neighbours)) >>> 31;
                out[s + k] = moreDecided * neighbours + (1 - moreDecided) * central;
            }
        }
    }

    /**
     * Green at the red/blue photosites of row y. Each gradient sums four absolute differences; the three that are
     * two photosites apart recur in the sums of neighbouring photosites and rows, so they are taken once
     * ({@link #verticalStep}, {@link #horizontalStep}) and summed in the original order (|a − b| = |b − a| exactly).
     */
    private void green(int y) {
        int p = 1 - greenParity(y);
        float[] n1 = clamped.row(y - 1);
        float[] c = clamped.row(y);
        float[] s1 = clamped.row(y + 1);
        float[] vN2 = verticalStep.row(y - 2);
        float[] vN1 = verticalStep.row(y - 1);
        float[] v0 = verticalStep.row(y);
        float[] vS2 = verticalStep.row(y + 2);
        float[] vS3 = verticalStep.row(y + 3);
        float[] vS4 = verticalStep.row(y + 4);
        float[] hs = horizontalStep;
        for (int q = 0; q < 2; q++) {
            int s = l.at(q, 0);
            int m2 = l.at(q, -2);
            for (int k = HalfRows.first(q, 2), end = HalfRows.end(q, w); k < end; k++) {
                hs[s + k] = Math.abs(c[s + k] - c[m2 + k]);
            }
        }
        float[] lpN = lowPass.row(y - 2);
        float[] lp = lowPass.row(y);
        float[] lpS = lowPass.row(y + 2);
        float[] dir = vh.row(y);
        float[] out = planes[1].row(y);
        int s = l.at(p, 0);
        int w1 = l.at(p, -1);
        int w2 = l.at(p, -2);
        int e1 = l.at(p, 1);
        int e2 = l.at(p, 2);
        int e3 = l.at(p, 3);
        int e4 = l.at(p, 4);
        for (int k = HalfRows.first(p, BORDER), end = HalfRows.end(p, w - BORDER); k < end; k++) {
            int i = s + k;
            float n = n1[i];
            float so = s1[i];
            float we = c[w1 + k];
            float ea = c[e1 + k];
            float across = Math.abs(n - so);
            float along = Math.abs(we - ea);
            float nGrad = EPS + across + v0[i] + vN1[i] + vN2[i];
            float sGrad = EPS + across + vS2[i] + vS3[i] + vS4[i];
            float wGrad = EPS + along + hs[i] + hs[w1 + k] + hs[w2 + k];
            float eGrad = EPS + along + hs[e2 + k] + hs[e3 + k] + hs[e4 + k];
            float lo = lp[i];
            // Each neighbour's green, corrected by the ratio of the low-pass image here and beyond it.
            float nEst = n * 2 * lo / (EPS + lo + lpN[i]);
            float sEst = so * 2 * lo / (EPS + lo + lpS[i]);
            float wEst = we * 2 * lo / (EPS + lo + lp[w2 + k]);
            float eEst = ea * 2 * lo / (EPS + lo + lp[e2 + k]);
            float vEst = (sGrad * nEst + nGrad * sEst) / (nGrad + sGrad);
            float hEst = (wGrad * eEst + eGrad * wEst) / (eGrad + wGrad);
            out[i] = dir[i] * hEst + (1 - dir[i]) * vEst;
        }
    }

    /** Blue at the red photosites (or red at blue) of row y, from diagonal colour differences. */
    private void redBlueAtRedBlue(int y) {
        int p = 1 - greenParity(y);
        int other = 2 - cfa[(y & 1) * 2 + p];
        HalfRows.Ring colour = planes[other];
        HalfRows.Ring green = planes[1];
        float[] g = green.row(y);
        float[] gN2 = green.row(y - 2);
        float[] gN1 = green.row(y - 1);
        float[] gS1 = green.row(y + 1);
        float[] gS2 = green.row(y + 2);
        float[] cN3 = colour.row(y - 3);
        float[] cN1 = colour.row(y - 1);
        float[] cS1 = colour.row(y + 1);
        float[] cS3 = colour.row(y + 3);
        float[] weight = pq.row(y);
        float[] out = colour.row(y);
        int s = l.at(p, 0);
        int w1 = l.at(p, -1);
        int w2 = l.at(p, -2);
        int w3 = l.at(p, -3);
        int e1 = l.at(p, 1);
        int e2 = l.at(p, 2);
        int e3 = l.at(p, 3);
        for (int k = HalfRows.first(p, BORDER), end = HalfRows.end(p, w - BORDER); k < end; k++) {
            int i = s + k;
            float gc = g[i];
            float nw = cN1[w1 + k];
            float ne = cN1[e1 + k];
            float sw = cS1[w1 + k];
            float se = cS1[e1 + k];
            float nwSe = EPS + Math.abs(nw - se);
            float neSw = EPS + Math.abs(ne - sw);
            float nwGrad = nwSe + Math.abs(nw - cN3[w3 + k]) + Math.abs(gc - gN2[w2 + k]);
            float neGrad = neSw + Math.abs(ne - cN3[e3 + k]) + Math.abs(gc - gN2[e2 + k]);
            float swGrad = neSw + Math.abs(sw - cS3[w3 + k]) + Math.abs(gc - gS2[w2 + k]);
            float seGrad = nwSe + Math.abs(se - cS3[e3 + k]) + Math.abs(gc - gS2[e2 + k]);
            float nwEst = nw - gN1[w1 + k];
            float neEst = ne - gN1[e1 + k];
            float swEst = sw - gS1[w1 + k];
            float seEst = se - gS1[e1 + k];
            float pEst = (nwGrad * seEst + seGrad * nwEst) / (nwGrad + seGrad);
            float qEst = (neGrad * swEst + swGrad * neEst) / (neGrad + swGrad);
            out[i] = gc + (1 - weight[i]) * pEst + weight[i] * qEst;
        }
    }

    /** Red and blue at the green photosites of row y, from cardinal colour differences. */
    private void redBlueAtGreen(int y) {
        int p = greenParity(y);
        HalfRows.Ring green = planes[1];
        float[] g = green.row(y);
        float[] gN2 = green.row(y - 2);
        float[] gN1 = green.row(y - 1);
        float[] gS1 = green.row(y + 1);
        float[] gS2 = green.row(y + 2);
        float[] dir = vh.row(y);
        int s = l.at(p, 0);
        int w1 = l.at(p, -1);
        int w2 = l.at(p, -2);
        int w3 = l.at(p, -3);
        int e1 = l.at(p, 1);
        int e2 = l.at(p, 2);
        int e3 = l.at(p, 3);
        float[] rN3 = planes[0].row(y - 3);
        float[] rN1 = planes[0].row(y - 1);
        float[] r = planes[0].row(y);
        float[] rS1 = planes[0].row(y + 1);
        float[] rS3 = planes[0].row(y + 3);
        float[] bN3 = planes[2].row(y - 3);
        float[] bN1 = planes[2].row(y - 1);
        float[] b = planes[2].row(y);
        float[] bS1 = planes[2].row(y + 1);
        float[] bS3 = planes[2].row(y + 3);
        for (int k = HalfRows.first(p, BORDER), end = HalfRows.end(p, w - BORDER); k < end; k++) {
            int i = s + k;
            float gc = g[i];
            // The green terms open every gradient sum of both colours: summed once, in the same order.
            float nGreen = EPS + Math.abs(gc - gN2[i]);
            float sGreen = EPS + Math.abs(gc - gS2[i]);
            float wGreen = EPS + Math.abs(gc - g[w2 + k]);
            float eGreen = EPS + Math.abs(gc - g[e2 + k]);
            float gn = gN1[i];
            float gs = gS1[i];
            float gw = g[w1 + k];
            float ge = g[e1 + k];
            float v = dir[i];
            r[i] = colourAtGreen(gc, v, nGreen, sGreen, wGreen, eGreen, gn, gs, gw, ge,
                    rN1[i], rS1[i], r[w1 + k], r[e1 + k], rN3[i], rS3[i], r[w3 + k], r[e3 + k]);
            b[i] = colourAtGreen(gc, v, nGreen, sGreen, wGreen, eGreen, gn, gs, gw, ge,
                    bN1[i], bS1[i], b[w1 + k], b[e1 + k], bN3[i], bS3[i], b[w3 + k], b[e3 + k]);
        }
    }

    /** One colour at a green photosite from its four cardinal neighbours (n, s, w, e) and those three away. */
    private static float colourAtGreen(float gc, float v, float nGreen, float sGreen, float wGreen, float eGreen,
                                       float gn, float gs, float gw, float ge,
                                       float n, float so, float we, float ea, float n3, float s3, float w3, float e3) {
        float vertical = Math.abs(n - so);
        float horizontal = Math.abs(we - ea);
        float nGrad = nGreen + vertical + Math.abs(n - n3);
        float sGrad = sGreen + vertical + Math.abs(so - s3);
        float wGrad = wGreen + horizontal + Math.abs(we - w3);
        float eGrad = eGreen + horizontal + Math.abs(ea - e3);
        float nEst = n - gn;
        float sEst = so - gs;
        float wEst = we - gw;
        float eEst = ea - ge;
        float vEst = (nGrad * sEst + sGrad * nEst) / (nGrad + sGrad);
        float hEst = (eGrad * wEst + wGrad * eEst) / (eGrad + wGrad);
        return gc + (1 - v) * vEst + v * hEst;
    }
}
