package io.rushes.engine.format.dng;

import io.rushes.engine.error.Errors;
import io.rushes.engine.image.SiteCorrection;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A DNG's OpcodeList2 (DNG 1.6 §7: applied to the raw image after linearization, black subtraction and scaling to
 * 0–1, before demosaicking), as a {@link SiteCorrection}: GainMap (opcode 9: lens shading, as phones and action cameras
 * record it, one map per CFA phase) and MapPolynomial (opcode 8). Positions are relative to the active area, a gain map
 * is sampled at pixel centres ((row + 0.5) / height) and interpolated bilinearly, clamped at its edges, as the DNG SDK's
 * dng_gain_map_interpolator does. An opcode Rushes does not implement is skipped when the file marks it optional and
 * refused when it does not, so a frame is never developed with a correction silently missing. The list is big-endian
 * whatever the TIFF's byte order (§7.1).
 */
final class DngOpcodes {
    private static final int GAIN_MAP = 9;
    private static final int MAP_POLYNOMIAL = 8;
    private static final int OPTIONAL = 1;
    /** Opcodes in one list: real files have a handful (four gain maps, three polynomials). */
    private static final long MAX_OPCODES = 4096;
    private static final int MAX_MAP_POINTS = 1 << 20;
    private static final int MAX_DEGREE = 8;

    private DngOpcodes() {
    }

    /** One opcode's area: rows top–bottom and columns left–right of the active area, every pitch-th, planes plane… */
    private record Area(int top, int left, int bottom, int right, int plane, int planes, int rowPitch, int colPitch) {
        boolean coversRow(int y) {
            return y >= top && y < bottom && (y - top) % rowPitch == 0;
        }

        /** Plane 0 (the CFA's one plane) is in the area. */
        boolean coversPlaneZero() {
            return plane == 0 && planes >= 1;
        }
    }

    private interface Op {
        Area area();

        /**
         * Corrects row {@code y} of the active area, held in {@code row} from column {@code x0}: its columns {@code first},
         * {@code first + colPitch}… before {@code end}.
         */
        void applyRow(int y, float[] row, int x0, int first, int end);
    }

    private record GainMap(Area area, int pointsV, int pointsH, double spacingV, double spacingH, double originV, double originH,
                           int mapPlanes, float[] gains, int imageWidth, int imageHeight) implements Op {
        /** The row's map first interpolated vertically (once a row), then each photosite's gain horizontally along it. */
        @Override
        public void applyRow(int y, float[] row, int x0, int first, int end) {
            double gv = Math.max(0, Math.min(pointsV - 1, (((y + 0.5) / imageHeight) - originV) / spacingV));
            int v0 = (int) gv;
            int v1 = Math.min(v0 + 1, pointsV - 1);
            double fv = gv - v0;
            double[] across = new double[pointsH];
            for (int h = 0; h < pointsH; h++) {
                across[h] = entry(v0, h) + (entry(v1, h) - entry(v0, h)) * fv;
            }
            for (int x = first; x < end; x += area.colPitch()) {
                double gh = Math.max(0, Math.min(pointsH - 1, (((x + 0.5) / imageWidth) - originH) / spacingH));
                int h0 = (int) gh;
                int h1 = Math.min(h0 + 1, pointsH - 1);
                row[x - x0] = (float) (row[x - x0] * (across[h0] + (across[h1] - across[h0]) * (gh - h0)));
            }
        }

        private float entry(int row, int col) {
            return gains[(row * pointsH + col) * mapPlanes]; // map plane 0: a CFA image has one plane
        }
    }

    private record Polynomial(Area area, double[] coefficients) implements Op {
        @Override
        public void applyRow(int y, float[] row, int x0, int first, int end) {
            for (int x = first; x < end; x += area.colPitch()) {
                double v = row[x - x0];
                double out = 0;
                for (int k = coefficients.length - 1; k >= 0; k--) {
                    out = out * v + coefficients[k];
                }
                row[x - x0] = (float) out;
            }
        }
    }

    /**
     * The correction of OpcodeList2 {@code list} for an image held from ({@code x0}, {@code y0}) of an active area of
     * {@code width} × {@code height}; null when the list is empty or holds only skipped optional opcodes.
     */
    static SiteCorrection parse(byte[] list, String file, long offset, int width, int height, int x0, int y0) {
        if (list == null || list.length == 0) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(list).order(ByteOrder.BIG_ENDIAN);
        long count = u32(b, 0, list, file, offset);
        if (count > MAX_OPCODES) {
            throw Errors.corrupt(file, offset, "its OpcodeList2 declares " + count + " opcodes (at most " + MAX_OPCODES + " are read)");
        }
        List<Op> ops = new ArrayList<>();
        Map<String, Integer> applied = new TreeMap<>();
        int at = 4;
        for (long i = 0; i < count; i++) {
            long id = u32(b, at, list, file, offset);
            long flags = u32(b, at + 8, list, file, offset);
            long size = u32(b, at + 12, list, file, offset);
            int params = at + 16;
            if (size > list.length - params) {
                throw Errors.corrupt(file, offset + at, "OpcodeList2 opcode " + i + " (id " + id + ") says " + size + " bytes of parameters; "
                        + (list.length - params) + " remain in the list");
            }
            ByteBuffer p = ByteBuffer.wrap(list, params, (int) size).slice().order(ByteOrder.BIG_ENDIAN);
            if (id == GAIN_MAP) {
                ops.add(gainMap(p, file, offset + params, width, height));
                applied.merge("GainMap", 1, Integer::sum);
            } else if (id == MAP_POLYNOMIAL) {
                ops.add(polynomial(p, file, offset + params));
                applied.merge("MapPolynomial", 1, Integer::sum);
            } else if ((flags & OPTIONAL) == 0) {
                throw Errors.unsupportedFeature(file, offset + at, "DNG OpcodeList2 opcode " + id + " (not optional)",
                        "Rushes applies GainMap and MapPolynomial; convert the file with Adobe DNG Converter, which applies the rest");
            }
            at = params + (int) size;
        }
        if (ops.isEmpty()) {
            return null;
        }
        String description = "OpcodeList2: " + String.join(", ", applied.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList());
        return new SiteCorrection() {
            @Override
            public void apply(int y, float[] row, int rowWidth) {
                int ya = y + y0;
                for (Op op : ops) {
                    Area a = op.area();
                    if (!a.coversRow(ya) || !a.coversPlaneZero()) {
                        continue;
                    }
                    // The first column of the area at or after the held image's first, on the area's pitch.
                    int first = Math.max(a.left(), x0);
                    first += Math.floorMod(a.left() - first, a.colPitch());
                    op.applyRow(ya, row, x0, first, Math.min(a.right(), x0 + rowWidth));
                }
            }

            @Override
            public String describe() {
                return description;
            }
        };
    }

    private static Area area(ByteBuffer p, String file, long offset) {
        need(p, 32, file, offset, "an area");
        Area a = new Area(p.getInt(0), p.getInt(4), p.getInt(8), p.getInt(12), p.getInt(16), p.getInt(20), p.getInt(24), p.getInt(28));
        if (a.rowPitch() < 1 || a.colPitch() < 1 || a.top() < 0 || a.left() < 0 || a.planes() < 1) {
            throw Errors.corrupt(file, offset, String.format(Locale.ROOT, "an OpcodeList2 area %d,%d,%d,%d with pitch %d,%d and %d planes "
                    + "from plane %d", a.top(), a.left(), a.bottom(), a.right(), a.rowPitch(), a.colPitch(), a.planes(), a.plane()));
        }
        return a;
    }

    private static GainMap gainMap(ByteBuffer p, String file, long offset, int width, int height) {
        Area a = area(p, file, offset);
        need(p, 76, file, offset, "a GainMap");
        int pointsV = p.getInt(32);
        int pointsH = p.getInt(36);
        double spacingV = p.getDouble(40);
        double spacingH = p.getDouble(48);
        double originV = p.getDouble(56);
        double originH = p.getDouble(64);
        int mapPlanes = p.getInt(72);
        if (pointsV < 1 || pointsH < 1 || mapPlanes < 1 || (long) pointsV * pointsH * mapPlanes > MAX_MAP_POINTS
                || !(spacingV > 0) || !(spacingH > 0) || !Double.isFinite(spacingV) || !Double.isFinite(spacingH)
                || !Double.isFinite(originV) || !Double.isFinite(originH)) {
            throw Errors.corrupt(file, offset, String.format(Locale.ROOT, "a GainMap of %dx%d points, %d planes, spacing %s,%s, origin %s,%s",
                    pointsV, pointsH, mapPlanes, spacingV, spacingH, originV, originH));
        }
        int n = pointsV * pointsH * mapPlanes;
        need(p, 76 + 4L * n, file, offset, "a GainMap's " + n + " gains");
        float[] gains = new float[n];
        for (int i = 0; i < n; i++) {
            gains[i] = p.getFloat(76 + 4 * i);
            if (!Float.isFinite(gains[i])) {
                throw Errors.corrupt(file, offset + 76 + 4L * i, "a GainMap gain is " + gains[i]);
            }
        }
        return new GainMap(a, pointsV, pointsH, spacingV, spacingH, originV, originH, mapPlanes, gains, width, height);
    }

    private static Polynomial polynomial(ByteBuffer p, String file, long offset) {
        Area a = area(p, file, offset);
        need(p, 36, file, offset, "a MapPolynomial");
        int degree = p.getInt(32);
        if (degree < 0 || degree > MAX_DEGREE) {
            throw Errors.corrupt(file, offset + 32, "a MapPolynomial of degree " + degree + " (the DNG specification allows up to " + MAX_DEGREE + ")");
        }
        need(p, 36 + 8L * (degree + 1), file, offset, "a MapPolynomial's coefficients");
        double[] c = new double[degree + 1];
        for (int k = 0; k <= degree; k++) {
            c[k] = p.getDouble(36 + 8 * k);
            if (!Double.isFinite(c[k])) {
                throw Errors.corrupt(file, offset + 36 + 8L * k, "a MapPolynomial coefficient is " + c[k]);
            }
        }
        return new Polynomial(a, c);
    }

    private static void need(ByteBuffer p, long bytes, String file, long offset, String what) {
        if (p.capacity() < bytes) {
            throw Errors.corrupt(file, offset, what + " needs " + bytes + " bytes of parameters; the opcode has " + p.capacity());
        }
    }

    private static long u32(ByteBuffer b, int at, byte[] list, String file, long offset) {
        if (at < 0 || at + 4 > list.length) {
            throw Errors.corrupt(file, offset + at, "OpcodeList2 ends inside an opcode header (" + list.length + " bytes)");
        }
        return Integer.toUnsignedLong(b.getInt(at));
    }
}
