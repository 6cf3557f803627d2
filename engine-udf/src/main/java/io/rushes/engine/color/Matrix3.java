package io.rushes.engine.color;

import java.util.Arrays;

/** An immutable 3×3 matrix acting on column vectors (row-major storage), with the few operations colour maths needs. */
public record Matrix3(double[] m) {
    public static final Matrix3 IDENTITY = diagonal(1, 1, 1);

    public Matrix3 {
        if (m.length != 9) {
            throw new IllegalArgumentException("a 3x3 matrix has 9 values, not " + m.length);
        }
        m = m.clone();
    }

    public static Matrix3 of(double... values) {
        return new Matrix3(values);
    }

    public static Matrix3 diagonal(double a, double b, double c) {
        return new Matrix3(new double[] {a, 0, 0, 0, b, 0, 0, 0, c});
    }

    public Matrix3 times(Matrix3 o) {
        double[] r = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[i * 3 + j] = m[i * 3] * o.m[j] + m[i * 3 + 1] * o.m[3 + j] + m[i * 3 + 2] * o.m[6 + j];
            }
        }
        return new Matrix3(r);
    }

    public double[] apply(double[] v) {
        return new double[] {
            m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
            m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
            m[6] * v[0] + m[7] * v[1] + m[8] * v[2]};
    }

    /** This matrix times {@code v}, written back into {@code v} (no allocation: used per pixel). */
    public void applyInPlace(double[] v) {
        double r = v[0];
        double g = v[1];
        double b = v[2];
        v[0] = m[0] * r + m[1] * g + m[2] * b;
        v[1] = m[3] * r + m[4] * g + m[5] * b;
        v[2] = m[6] * r + m[7] * g + m[8] * b;
    }

    public Matrix3 scaled(double s) {
        double[] r = m.clone();
        for (int i = 0; i < 9; i++) {
            r[i] *= s;
        }
        return new Matrix3(r);
    }

    public Matrix3 inverse() {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], k = m[8];
        double det = a * (e * k - f * h) - b * (d * k - f * g) + c * (d * h - e * g);
        if (Math.abs(det) < 1e-12) {
            throw new ArithmeticException("matrix is singular: " + this);
        }
        return new Matrix3(new double[] {
            (e * k - f * h) / det, (c * h - b * k) / det, (b * f - c * e) / det,
            (f * g - d * k) / det, (a * k - c * g) / det, (c * d - a * f) / det,
            (d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det});
    }

    /** Linear interpolation {@code (1-w)·this + w·o}. */
    public Matrix3 lerp(Matrix3 o, double w) {
        double[] r = new double[9];
        for (int i = 0; i < 9; i++) {
            r[i] = (1 - w) * m[i] + w * o.m[i];
        }
        return new Matrix3(r);
    }

    public boolean isIdentity(double tolerance) {
        for (int i = 0; i < 9; i++) {
            if (Math.abs(m[i] - IDENTITY.m[i]) > tolerance) {
                return false;
            }
        }
        return true;
    }

    @Override
    public double[] m() {
        return m.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix3 other && Arrays.equals(m, other.m);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m);
    }

    @Override
    public String toString() {
        return Arrays.toString(m);
    }
}
