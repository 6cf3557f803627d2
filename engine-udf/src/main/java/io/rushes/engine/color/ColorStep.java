package io.rushes.engine.color;

/** One colour operation on an RGB triplet, in place (double precision). */
@FunctionalInterface
public interface ColorStep {
    void apply(double[] rgb);

    /** A step made of a matrix. */
    static ColorStep matrix(Matrix3 m) {
        return m::applyInPlace;
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
