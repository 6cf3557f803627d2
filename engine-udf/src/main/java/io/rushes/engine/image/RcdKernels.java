package io.rushes.engine.image;

/**
 * The inner loops of {@link RcdDemosaic}, each over the photosites of one Bayer colour of one row: k runs from
 * {@code first} to {@code end}, the photosite is at {@code at[4] + k} and its neighbour d columns away at
 * {@code at[d + 4] + k} ({@link HalfRows#at}). Rows come as windows, oldest first, centred on the row worked on.
 * Each loop is a method of its own: compiled apart, with its arrays and offsets in registers, they run about
 * 15 % faster than the same loops written inside the steps that fetch the rows.
 */
final class RcdKernels {
    static final float EPS = 1e-5f;
    static final float EPSSQ = 1e-10f;

    private RcdKernels() {
    }

    static void clampAndStep(float[] m, float[] c, float[] above, float[] step, int length) {
        for (int k = 0; k < length; k++) {
            c[k] = Math.max(0f, m[k]);
        }
        if (above != null) {
            for (int k = 0; k < length; k++) {
                step[k] = Math.abs(c[k] - above[k]);
            }
        }
    }

    static void lowPass(float[][] c, float[] out, int[] at, int first, int end) {
        float[] up = c[0];
        float[] cur = c[1];
        float[] dn = c[2];
        int s = at[4];
        int m1 = at[3];
        int p1 = at[5];
        for (int k = first; k < end; k++) {
            out[s + k] = cur[s + k] + 0.5f * (up[s + k] + dn[s + k] + cur[m1 + k] + cur[p1 + k])
                    + 0.25f * (up[m1 + k] + up[p1 + k] + dn[m1 + k] + dn[p1 + k]);
        }
    }

    static void energies(float[][] c, float[] ev, float[] eh, float[] ep, float[] eq, int[] at, int first, int end) {
        float[] c3 = c[0];
        float[] c2 = c[1];
        float[] c1 = c[2];
        float[] c0 = c[3];
        float[] d1 = c[4];
        float[] d2 = c[5];
        float[] d3 = c[6];
        int s = at[4];
        int m1 = at[3];
        int m2 = at[2];
        int m3 = at[1];
        int p1 = at[5];
        int p2 = at[6];
        int p3 = at[7];
        if (ep != null) {
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

    static void directionVH(float[][] v, float[] h, float[] out, int[] at, int first, int end) {
        float[] vUp = v[0];
        float[] vc = v[1];
        float[] vDn = v[2];
        int s = at[4];
        int m1 = at[3];
        int p1 = at[5];
        for (int k = first; k < end; k++) {
            float sa = atLeastEpsilon(vUp[s + k] + vc[s + k] + vDn[s + k]);
            float sb = atLeastEpsilon(h[m1 + k] + h[s + k] + h[p1 + k]);
            out[s + k] = sa / (sa + sb);
        }
    }

    static void directionPQ(float[][] p, float[][] q, float[] out, int[] at, int first, int end) {
        float[] pUp = p[0];
        float[] pc = p[1];
        float[] pDn = p[2];
        float[] qUp = q[0];
        float[] qc = q[1];
        float[] qDn = q[2];
        int s = at[4];
        int m1 = at[3];
        int p1 = at[5];
        for (int k = first; k < end; k++) {
            float sa = atLeastEpsilon(pUp[m1 + k] + pc[s + k] + pDn[p1 + k]);
            float sb = atLeastEpsilon(qUp[p1 + k] + qc[s + k] + qDn[m1 + k]);
            out[s + k] = sa / (sa + sb);
        }
    }

    /**
     * max(EPSSQ, energy) for the non-negative energies here: a compare the branch predictor gets right, where
     * Math.max pays for NaN and signed-zero handling on every call.
     */
    private static float atLeastEpsilon(float energy) {
        return energy > EPSSQ ? energy : EPSSQ;
    }

    static void refine(float[][] d, float[] out, int[] at, int first, int end) {
        float[] up = d[0];
        float[] cur = d[1];
        float[] dn = d[2];
        int s = at[4];
        int m1 = at[3];
        int p1 = at[5];
        for (int k = first; k < end; k++) {
            float central = cur[s + k];
            float neighbours = 0.25f * (up[m1 + k] + up[p1 + k] + dn[m1 + k] + dn[p1 + k]);
            // Branch-free select (the choice is a coin toss on real data, so a branch mispredicts half the time):
            // the sign bit of the difference is 1 exactly when the neighbours are more decided; 1·a + 0·b is exact.
            float moreDecided = Float.floatToRawIntBits(Math.abs(0.5f - central) - Math.abs(0.5f - neighbours)) >>> 31;
            out[s + k] = moreDecided * neighbours + (1 - moreDecided) * central;
        }
    }

    static void horizontalStep(float[] c, float[] hs, int[] at, int first, int end) {
        int s = at[4];
        int m2 = at[2];
        for (int k = first; k < end; k++) {
            hs[s + k] = Math.abs(c[s + k] - c[m2 + k]);
        }
    }

    static void green(float[][] c, float[][] vs, float[] hs, float[][] lp, float[] vh, float[] out, int[] at, int first, int end) {
        float[] n1 = c[0];
        float[] c0 = c[1];
        float[] s1 = c[2];
        float[] vN2 = vs[0];
        float[] vN1 = vs[1];
        float[] v0 = vs[2];
        float[] vS2 = vs[4];
        float[] vS3 = vs[5];
        float[] vS4 = vs[6];
        float[] lpN = lp[0];
        float[] lp0 = lp[1];
        float[] lpS = lp[2];
        int s = at[4];
        int w1 = at[3];
        int w2 = at[2];
        int e1 = at[5];
        int e2 = at[6];
        int e3 = at[7];
        int e4 = at[8];
        for (int k = first; k < end; k++) {
            int i = s + k;
            float n = n1[i];
            float so = s1[i];
            float we = c0[w1 + k];
            float ea = c0[e1 + k];
            float across = Math.abs(n - so);
            float along = Math.abs(we - ea);
            float nGrad = EPS + across + v0[i] + vN1[i] + vN2[i];
            float sGrad = EPS + across + vS2[i] + vS3[i] + vS4[i];
            float wGrad = EPS + along + hs[i] + hs[w1 + k] + hs[w2 + k];
            float eGrad = EPS + along + hs[e2 + k] + hs[e3 + k] + hs[e4 + k];
            float lo = lp0[i];
            // Each neighbour's green, corrected by the ratio of the low-pass image here and beyond it.
            float nEst = n * 2 * lo / (EPS + lo + lpN[i]);
            float sEst = so * 2 * lo / (EPS + lo + lpS[i]);
            float wEst = we * 2 * lo / (EPS + lo + lp0[w2 + k]);
            float eEst = ea * 2 * lo / (EPS + lo + lp0[e2 + k]);
            float vEst = (sGrad * nEst + nGrad * sEst) / (nGrad + sGrad);
            float hEst = (wGrad * eEst + eGrad * wEst) / (eGrad + wGrad);
            out[i] = vh[i] * hEst + (1 - vh[i]) * vEst;
        }
    }

    static void redBlueAtRedBlue(float[][] g, float[][] col, float[] pq, int[] at, int first, int end) {
        float[] gN2 = g[0];
        float[] gN1 = g[1];
        float[] g0 = g[2];
        float[] gS1 = g[3];
        float[] gS2 = g[4];
        float[] cN3 = col[0];
        float[] cN1 = col[2];
        float[] out = col[3];
        float[] cS1 = col[4];
        float[] cS3 = col[6];
        int s = at[4];
        int w1 = at[3];
        int w2 = at[2];
        int w3 = at[1];
        int e1 = at[5];
        int e2 = at[6];
        int e3 = at[7];
        for (int k = first; k < end; k++) {
            int i = s + k;
            float gc = g0[i];
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
            out[i] = gc + (1 - pq[i]) * pEst + pq[i] * qEst;
        }
    }

    static void redBlueAtGreen(float[][] g, float[][] r, float[][] b, float[] vh, int[] at, int first, int end) {
        float[] gN2 = g[0];
        float[] gN1 = g[1];
        float[] g0 = g[2];
        float[] gS1 = g[3];
        float[] gS2 = g[4];
        float[] rN3 = r[0];
        float[] rN1 = r[2];
        float[] r0 = r[3];
        float[] rS1 = r[4];
        float[] rS3 = r[6];
        float[] bN3 = b[0];
        float[] bN1 = b[2];
        float[] b0 = b[3];
        float[] bS1 = b[4];
        float[] bS3 = b[6];
        int s = at[4];
        int w1 = at[3];
        int w2 = at[2];
        int w3 = at[1];
        int e1 = at[5];
        int e2 = at[6];
        int e3 = at[7];
        for (int k = first; k < end; k++) {
            int i = s + k;
            float gc = g0[i];
            // The green terms open every gradient sum of both colours: summed once, in the same order.
            float nGreen = EPS + Math.abs(gc - gN2[i]);
            float sGreen = EPS + Math.abs(gc - gS2[i]);
            float wGreen = EPS + Math.abs(gc - g0[w2 + k]);
            float eGreen = EPS + Math.abs(gc - g0[e2 + k]);
            float gn = gN1[i];
            float gs = gS1[i];
            float gw = g0[w1 + k];
            float ge = g0[e1 + k];
            float v = vh[i];
            r0[i] = colourAtGreen(gc, v, nGreen, sGreen, wGreen, eGreen, gn, gs, gw, ge,
                    rN1[i], rS1[i], r0[w1 + k], r0[e1 + k], rN3[i], rS3[i], r0[w3 + k], r0[e3 + k]);
            b0[i] = colourAtGreen(gc, v, nGreen, sGreen, wGreen, eGreen, gn, gs, gw, ge,
                    bN1[i], bS1[i], b0[w1 + k], b0[e1 + k], bN3[i], bS3[i], b0[w3 + k], b0[e3 + k]);
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
