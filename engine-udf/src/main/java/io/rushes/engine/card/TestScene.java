package io.rushes.engine.card;

/**
 * A procedural outdoor scene in linear Rec.709 light: sky gradient, a sun that clips, textured grass, a
 * 24-patch colour chart and a ball that moves with time. Deterministic; evaluated per pixel so any
 * resolution and any frame can be rendered without storing anything.
 */
public final class TestScene {
    private static final double[][] CHART = {
        {0.17, 0.10, 0.07}, {0.55, 0.35, 0.27}, {0.17, 0.22, 0.35}, {0.11, 0.15, 0.07}, {0.27, 0.25, 0.45}, {0.20, 0.50, 0.42},
        {0.65, 0.27, 0.05}, {0.11, 0.12, 0.40}, {0.55, 0.12, 0.13}, {0.12, 0.06, 0.15}, {0.36, 0.50, 0.06}, {0.72, 0.42, 0.03},
        {0.04, 0.06, 0.30}, {0.07, 0.30, 0.07}, {0.45, 0.04, 0.04}, {0.80, 0.60, 0.02}, {0.52, 0.10, 0.30}, {0.00, 0.24, 0.38},
        {0.90, 0.90, 0.90}, {0.59, 0.59, 0.59}, {0.36, 0.36, 0.36}, {0.19, 0.19, 0.19}, {0.09, 0.09, 0.09}, {0.03, 0.03, 0.03},
    };

    private final long seed;

    public TestScene(long seed) {
        this.seed = seed;
    }

    /** Linear Rec.709 radiance at normalised position (x, y in [0,1], y down) and time t (seconds). */
    public void sample(double x, double y, double t, double[] rgb) {
        double horizon = 0.55 + 0.03 * Math.sin(x * 5 + seed % 7);
        if (y < horizon) {
            double k = y / horizon;
            rgb[0] = 0.10 + 0.45 * k;
            rgb[1] = 0.20 + 0.45 * k;
            rgb[2] = 0.55 + 0.25 * k;
            double cloud = fbm(x * 6 + t * 0.05, y * 12, 3);
            double c = Math.max(0, cloud - 0.55) * 2.2;
            rgb[0] += c;
            rgb[1] += c;
            rgb[2] += c * 0.95;
            double dx = x - 0.8;
            double dy = (y - 0.15) * 0.5625;
            double glow = Math.exp(-(dx * dx + dy * dy) / 0.0015);
            rgb[0] += 6.0 * glow;
            rgb[1] += 5.4 * glow;
            rgb[2] += 4.5 * glow;
        } else {
            double g = 0.6 + 0.8 * fbm(x * 40, y * 60, 3);
            double shade = 1.2 - 0.7 * (y - horizon) / (1 - horizon);
            rgb[0] = 0.06 * g * shade;
            rgb[1] = 0.12 * g * shade;
            rgb[2] = 0.03 * g * shade;
        }
        if (x >= 0.06 && x < 0.42 && y >= 0.60 && y < 0.84) {
            int col = (int) ((x - 0.06) / 0.06);
            int row = (int) ((y - 0.60) / 0.06);
            double fx = (x - 0.06) / 0.06 - col;
            double fy = (y - 0.60) / 0.06 - row;
            if (fx > 0.08 && fx < 0.92 && fy > 0.08 && fy < 0.92) {
                double[] p = CHART[Math.min(23, row * 6 + Math.min(5, col))];
                rgb[0] = 0.8 * p[0];
                rgb[1] = 0.8 * p[1];
                rgb[2] = 0.8 * p[2];
            } else {
                rgb[0] = rgb[1] = rgb[2] = 0.01;
            }
        }
        double bx = 0.5 + 0.35 * Math.sin(t * 1.3 + seed);
        double by = 0.72;
        double r = 0.06;
        double dx = (x - bx) / r;
        double dy = (y - by) / (r * 16 / 9);
        double d2 = dx * dx + dy * dy;
        if (d2 < 1) {
            double light = 0.25 + 0.75 * Math.max(0, -0.5 * dx - 0.6 * dy + 0.62 * Math.sqrt(1 - d2));
            rgb[0] = 0.70 * light;
            rgb[1] = 0.08 * light;
            rgb[2] = 0.05 * light;
        }
    }

    private double fbm(double x, double y, int octaves) {
        double sum = 0;
        double amp = 0.5;
        for (int i = 0; i < octaves; i++) {
            sum += amp * valueNoise(x, y);
            x *= 2.03;
            y *= 2.03;
            amp *= 0.5;
        }
        return sum / (1 - Math.pow(0.5, octaves));
    }

    private double valueNoise(double x, double y) {
        long xi = (long) Math.floor(x);
        long yi = (long) Math.floor(y);
        double fx = x - xi;
        double fy = y - yi;
        double u = fx * fx * (3 - 2 * fx);
        double v = fy * fy * (3 - 2 * fy);
        double a = lattice(xi, yi);
        double b = lattice(xi + 1, yi);
        double c = lattice(xi, yi + 1);
        double d = lattice(xi + 1, yi + 1);
        return a + (b - a) * u + (c - a) * v + (a - b - c + d) * u * v;
    }

    private double lattice(long x, long y) {
        long h = x * 0x9E3779B97F4A7C15L ^ y * 0xC2B2AE3D27D4EB4FL ^ seed * 0x165667B19E3779F9L;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return (h >>> 11) * 0x1.0p-53;
    }
}
