package io.rushes.engine.color;

import java.util.function.DoubleUnaryOperator;

/**
 * One declared colour operation, the unit a {@link ColorPipeline} compiles: a 3×3 matrix (adjacent ones fuse), a curve
 * applied to each channel (a curve followed by its named inverse cancels), or any other named operation (which may
 * know how to fuse with the one after it).
 */
public sealed interface ColorOp permits ColorOp.MatrixOp, ColorOp.CurveOp, ColorOp.StepOp {

    String name();

    void apply(double[] rgb);

    record MatrixOp(String name, Matrix3 matrix) implements ColorOp {
        @Override
        public void apply(double[] c) {
            matrix.applyInPlace(c);
        }
    }

    /** A curve on each channel; {@code inverseName} names the curve that undoes it (null if none). */
    record CurveOp(String name, String inverseName, DoubleUnaryOperator curve) implements ColorOp {
        @Override
        public void apply(double[] c) {
            c[0] = curve.applyAsDouble(c[0]);
            c[1] = curve.applyAsDouble(c[1]);
            c[2] = curve.applyAsDouble(c[2]);
        }
    }

    /**
     * An operation given as code. {@code fusion}, where set, may replace this step and the one after it by a single
     * step computing the same (null: it never does).
     */
    record StepOp(String name, ColorStep step, Fusion fusion) implements ColorOp {
        public StepOp(String name, ColorStep step) {
            this(name, step, null);
        }

        @Override
        public void apply(double[] c) {
            step.apply(c);
        }
    }

    /** Joins a step with the next operation into one, or returns null when it does not know how. */
    @FunctionalInterface
    interface Fusion {
        StepOp withNext(ColorOp next);
    }
}
