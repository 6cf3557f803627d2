package io.rushes.engine.image;

/**
 * Bayer demosaicking of a per-photosite float mosaic (already black-subtracted, scaled and white balanced),
 * streamed: rows come in from a {@link MosaicRows} and leave, finished, through an {@link RgbRows}, so a whole
 * development passes over the frame once with a working set of a few dozen rows ({@link HalfRows}).
 * {@link Method#BILINEAR}: each missing colour is the mean of the same-colour photosites in the 3×3
 * neighbourhood (2 or 4 of them on a Bayer grid), for proxies and as the reference for quality.
 */
public final class Demosaic {
    public enum Method {
        /** Fast: bilinear, for proxies and thumbnails. */
        BILINEAR,
        /** High quality: Ratio Corrected Demosaicing ({@link RcdDemosaic}). */
        RCD
    }

    /** Where mosaic rows come from: fills {@code row} (natural column order) with row {@code y}; called once per row, in order. */
    @FunctionalInterface
    public interface MosaicRows {
        void read(int y, float[] row);
    }

    /**
     * Where finished rows go, in order: row {@code y} as three planes, each holding the row's even columns followed
     * by its odd columns from index {@code odd} (column x at {@code (x & 1) * odd + x / 2}); valid only during the call.
     */
    @FunctionalInterface
    public interface RgbRows {
        void write(int y, float[] red, float[] green, float[] blue, int odd);
    }

    private Demosaic() {
    }

    /** Demosaics a whole mosaic held in memory into interleaved RGB. */
    public static RgbImage run(Method method, float[] mosaic, int width, int height, byte[] cfa, int cfaWidth, int cfaHeight) {
        checkBayer(cfaWidth, cfaHeight);
        float[] out = new float[width * height * 3];
        stream(method, width, height, cfa,
                (y, row) -> System.arraycopy(mosaic, y * width, row, 0, width),
                (y, r, g, b, odd) -> HalfRows.interleave(r, g, b, odd, width, out, y * width * 3));
        return new RgbImage(width, height, out);
    }

    /** Demosaics row by row: each input row is read once, each output row written once, top to bottom. */
    public static void stream(Method method, int width, int height, byte[] cfa, MosaicRows in, RgbRows out) {
        if (method == Method.RCD && RcdDemosaic.fits(width, height)) {
            new RcdDemosaic(width, height, cfa).run(in, out);
        } else {
            bilinear(width, height, cfa, in, out);
        }
    }

    /**
     * Photosites of context a crop needs on each side for its demosaicked pixels to equal the whole frame's:
     * RCD's estimates reach {@value RcdDemosaic#LAG} photosites (discrimination and its refinement, green, then the
     * colour differences of already-estimated neighbours), bilinear one.
     */
    public static int margin(Method method) {
        return method == Method.RCD ? RcdDemosaic.LAG : 1;
    }

    static void checkBayer(int cfaWidth, int cfaHeight) {
        if (cfaWidth != 2 || cfaHeight != 2) {
            throw new IllegalArgumentException("Bayer demosaicking needs a 2x2 CFA, not " + cfaWidth + "x" + cfaHeight);
        }
    }

    private static void bilinear(int w, int h, byte[] cfa, MosaicRows in, RgbRows out) {
        HalfRows layout = new HalfRows(w);
        HalfRows.Ring mosaic = layout.new Ring(3);
        float[] natural = new float[w];
        float[][] planes = {new float[layout.length], new float[layout.length], new float[layout.length]};
        for (int t = 0; t <= h; t++) {
            if (t < h) {
                in.read(t, natural);
                layout.split(natural, mosaic.row(t));
            }
            int r = t - 1; // row r needs rows r - 1 .. r + 1
            if (r < 0) {
                continue;
            }
            scatterRecorded(layout, cfa, r, mosaic.row(r), planes);
            if (r >= 1 && r < h - 1) {
                bilinearRow(layout, cfa, r, mosaic.row(r - 1), mosaic.row(r), mosaic.row(r + 1), planes);
            }
            border(layout, mosaic, h, cfa, 1, r, planes);
            out.write(r, planes[0], planes[1], planes[2], layout.odd);
        }
    }

    /** Puts each photosite's recorded value into the plane of its own colour. */
    static void scatterRecorded(HalfRows layout, byte[] cfa, int y, float[] mosaicRow, float[][] planes) {
        int evenColour = cfa[(y & 1) * 2];
        int oddColour = cfa[(y & 1) * 2 + 1];
        System.arraycopy(mosaicRow, 0, planes[evenColour], 0, layout.odd);
        System.arraycopy(mosaicRow, layout.odd, planes[oddColour], layout.odd, layout.length - layout.odd);
    }

    /** Interior photosites of row y (columns 1 .. w − 2), one Bayer colour at a time. */
    private static void bilinearRow(HalfRows l, byte[] cfa, int y, float[] up, float[] cur, float[] dn, float[][] planes) {
        int greenParity = cfa[(y & 1) * 2] == 1 ? 0 : 1;
        int siteParity = 1 - greenParity;
        int own = cfa[(y & 1) * 2 + siteParity]; // red or blue: the colour beside the greens of this row
        float[] g = planes[1];
        float[] side = planes[own];
        float[] across = planes[2 - own];
        // Green photosites: the colour beside them left/right, the other one above/below.
        int s = l.at(greenParity, 0);
        int left = l.at(greenParity, -1);
        int right = l.at(greenParity, 1);
        for (int k = HalfRows.first(greenParity, 1), end = HalfRows.end(greenParity, l.width - 1); k < end; k++) {
            side[s + k] = (cur[left + k] + cur[right + k]) * 0.5f;
            across[s + k] = (up[s + k] + dn[s + k]) * 0.5f;
        }
        // Red/blue photosites: green from the four cardinal neighbours, the other colour from the four diagonals.
        s = l.at(siteParity, 0);
        left = l.at(siteParity, -1);
        right = l.at(siteParity, 1);
        for (int k = HalfRows.first(siteParity, 1), end = HalfRows.end(siteParity, l.width - 1); k < end; k++) {
            g[s + k] = (cur[left + k] + cur[right + k] + up[s + k] + dn[s + k]) * 0.25f;
            across[s + k] = (up[left + k] + up[right + k] + dn[left + k] + dn[right + k]) * 0.25f;
        }
    }

    /**
     * Bilinear values for the photosites of row y within {@code border} of the frame's edge (every column of the
     * first and last rows, else the columns at each side) that a wider kernel cannot reach: the mean of whichever
     * same-colour neighbours exist. Needs mosaic rows y − 1 .. y + 1 (those inside the frame) in the ring.
     */
    static void border(HalfRows l, HalfRows.Ring mosaic, int h, byte[] cfa, int border, int y, float[][] planes) {
        int w = l.width;
        boolean band = y < border || y >= h - border;
        for (int x = 0; x < w; x++) {
            if (!band && x == border) {
                x = Math.max(x, w - border); // skip the interior
            }
            float r = 0;
            float g = 0;
            float b = 0;
            int nr = 0;
            int ng = 0;
            int nb = 0;
            for (int yy = y - 1; yy <= y + 1; yy++) {
                if (yy < 0 || yy >= h) {
                    continue;
                }
                float[] row = mosaic.row(yy);
                for (int xx = x - 1; xx <= x + 1; xx++) {
                    if (xx < 0 || xx >= w) {
                        continue;
                    }
                    float v = row[l.index(xx)];
                    switch (cfa[(yy & 1) * 2 + (xx & 1)]) {
                        case 0 -> { r += v; nr++; }
                        case 1 -> { g += v; ng++; }
                        default -> { b += v; nb++; }
                    }
                }
            }
            int own = cfa[(y & 1) * 2 + (x & 1)];
            int i = l.index(x);
            if (own != 0) {
                planes[0][i] = nr == 0 ? 0 : r / nr;
            }
            if (own != 1) {
                planes[1][i] = ng == 0 ? 0 : g / ng;
            }
            if (own != 2) {
                planes[2][i] = nb == 0 ? 0 : b / nb;
            }
        }
    }
}
