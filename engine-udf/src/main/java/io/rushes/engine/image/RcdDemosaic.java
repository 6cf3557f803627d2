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
 * at it. Rows are split into their two Bayer colours so every kernel ({@link RcdKernels}) is a unit-stride loop
 * over one colour.
 */
final class RcdDemosaic {
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
    /** Column offsets of the neighbours d = −4 .. 4 of a photosite of each column parity. */
    private final int[][] at = new int[2][9];
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
    private final float[][] rows = new float[3][];

    static boolean fits(int width, int height) {
        return width >= 2 * BORDER + 2 && height >= 2 * BORDER + 2;
    }

    RcdDemosaic(int width, int height, byte[] cfa) {
        this.w = width;
        this.h = height;
        this.cfa = cfa;
        this.l = new HalfRows(width);
        for (int p = 0; p < 2; p++) {
            for (int d = -4; d <= 4; d++) {
                at[p][d + 4] = l.at(p, d);
            }
        }
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
        for (int t = 0; t < h + LAG; t++) {
            if (t < h) {
                in.read(t, natural);
                load(t, natural);
            }
            if (t >= 1 && t - 1 < h) {
                planeRows(t - 1);
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
                planeRows(y);
                out.write(y, rows[0], rows[1], rows[2], l.odd);
            }
        }
    }

    private boolean inside(int y, int margin) {
        return y >= margin && y < h - margin;
    }

    private void planeRows(int y) {
        for (int c = 0; c < 3; c++) {
            rows[c] = planes[c].row(y);
        }
    }

    /** Rows y + from .. y + to of a ring, oldest first. */
    private static float[][] window(HalfRows.Ring ring, int y, int from, int to) {
        float[][] out = new float[to - from + 1][];
        for (int d = from; d <= to; d++) {
            out[d - from] = ring.row(y + d);
        }
        return out;
    }

    private int greenParity(int y) {
        return cfa[(y & 1) * 2] == 1 ? 0 : 1;
    }

    private int first(int p, int margin) {
        return HalfRows.first(p, margin);
    }

    private int end(int p, int margin) {
        return HalfRows.end(p, w - margin);
    }

    private void load(int y, float[] natural) {
        float[] m = mosaic.row(y);
        l.split(natural, m);
        RcdKernels.clampAndStep(m, clamped.row(y), y >= 2 ? clamped.row(y - 2) : null, verticalStep.row(y), l.length);
        planeRows(y);
        Demosaic.scatterRecorded(l, cfa, y, m, rows);
    }

    /** The low-pass image at the red/blue photosites of row y (columns 2 .. w − 3, all that green reads). */
    private void lowPass(int y) {
        int p = 1 - greenParity(y);
        RcdKernels.lowPass(window(clamped, y, -1, 1), lowPass.row(y), at[p], first(p, 2), end(p, 2));
    }

    /** Squared 6th-order high-pass responses of row y: vertical and horizontal everywhere, the two diagonals at red/blue. */
    private void energies(int y) {
        float[][] c = window(clamped, y, -3, 3);
        int rb = 1 - greenParity(y);
        for (int p = 0; p < 2; p++) {
            RcdKernels.energies(c, energyV.row(y), energyH.row(y), p == rb ? energyP.row(y) : null, p == rb ? energyQ.row(y) : null,
                    at[p], first(p, 3), end(p, 3));
        }
    }

    /** Direction weights of row y: vertical share (all photosites) and NW–SE share (red/blue), summed over three taps. */
    private void directions(int y) {
        float[][] v = window(energyV, y, -1, 1);
        for (int p = 0; p < 2; p++) {
            RcdKernels.directionVH(v, energyH.row(y), directionVH.row(y), at[p], first(p, BORDER), end(p, BORDER));
        }
        int p = 1 - greenParity(y);
        RcdKernels.directionPQ(window(energyP, y, -1, 1), window(energyQ, y, -1, 1), directionPQ.row(y), at[p], first(p, BORDER), end(p, BORDER));
    }

    /** Row y of a direction weight, replaced by the mean of its four diagonal neighbours where that is further from 0.5. */
    private void refine(HalfRows.Ring raw, HalfRows.Ring refined, int y, boolean redBlueOnly) {
        float[] out = refined.row(y);
        System.arraycopy(raw.row(y), 0, out, 0, l.length);
        if (y < BORDER + 1 || y >= h - BORDER - 1) {
            return;
        }
        float[][] d = window(raw, y, -1, 1);
        int rb = 1 - greenParity(y);
        for (int p = redBlueOnly ? rb : 0; p < (redBlueOnly ? rb + 1 : 2); p++) {
            RcdKernels.refine(d, out, at[p], first(p, BORDER + 1), end(p, BORDER + 1));
        }
    }

    /** Green at the red/blue photosites of row y. */
    private void green(int y) {
        float[] c = clamped.row(y);
        for (int q = 0; q < 2; q++) {
            RcdKernels.horizontalStep(c, horizontalStep, at[q], first(q, 2), end(q, 0));
        }
        int p = 1 - greenParity(y);
        RcdKernels.green(window(clamped, y, -1, 1), window(verticalStep, y, -2, 4), horizontalStep,
                new float[][] {lowPass.row(y - 2), lowPass.row(y), lowPass.row(y + 2)}, vh.row(y), planes[1].row(y),
                at[p], first(p, BORDER), end(p, BORDER));
    }

    /** Blue at the red photosites (or red at blue) of row y, from diagonal colour differences. */
    private void redBlueAtRedBlue(int y) {
        int p = 1 - greenParity(y);
        int other = 2 - cfa[(y & 1) * 2 + p];
        RcdKernels.redBlueAtRedBlue(window(planes[1], y, -2, 2), window(planes[other], y, -3, 3), pq.row(y),
                at[p], first(p, BORDER), end(p, BORDER));
    }

    /** Red and blue at the green photosites of row y, from cardinal colour differences. */
    private void redBlueAtGreen(int y) {
        int p = greenParity(y);
        RcdKernels.redBlueAtGreen(window(planes[1], y, -2, 2), window(planes[0], y, -3, 3), window(planes[2], y, -3, 3), vh.row(y),
                at[p], first(p, BORDER), end(p, BORDER));
    }
}
