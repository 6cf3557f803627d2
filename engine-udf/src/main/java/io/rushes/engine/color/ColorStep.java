package io.rushes.engine.color;

/** One colour operation on an RGB triplet, in place (double precision). */
@FunctionalInterface
public interface ColorStep {
    void apply(double[] rgb);

    /** A step made of a matrix. */
    static ColorStep matrix(Matrix3 m) {
        double[] a = m.m();
        return c -> {
            double r = c[0];
            double g = c[1];
            double b = c[2];
            c[0] = a[0] * r + a[1] * g + a[2] * b;
            c[1] = a[3] * r + a[4] * g + a[5] * b;
            c[2] = a[6] * r + a[7] * g + a[8] * b;
        };
    }

    /** A step applying one curve to each channel. */
    static ColorStep curve(java.util.function.DoubleUnaryOperator f) {
        return c -> {
            c[0] = f.applyAsDouble(c[0]);
            c[1] = f.applyAsDouble(c[1]);
            c[2] = f.applyAsDouble(c[2]);
        };
    }

    default ColorStep then(ColorStep next) {
        return c -> {
            apply(c);
            next.apply(c);
        };
    }
}
