package io.rushes.jobs.cli;

import io.rushes.engine.color.LutBake;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --lut N [--lut-budget E]}: run a colour pipeline as its N³ bake when the bake's measured error allows. */
final class LutOptions {
    @Option(names = "--lut", defaultValue = "0", paramLabel = "N", converter = SizeOrExact.class,
            description = "Run the pipeline as an N³ LUT (33 or 65; 0, the default: exact). The bake is measured against the exact "
                    + "pipeline first and refused if over --lut-budget.")
    int size;

    @Option(names = "--lut-budget", defaultValue = "0.02", paramLabel = "E", converter = Budget.class,
            description = "Largest 99th-percentile error of a baked LUT, in output values (default: ${DEFAULT-VALUE}).")
    double budget;

    /** A lattice size, 2 to 129 points per axis; {@code outside} adds what else the option takes. */
    static int latticeSize(String value, String outside) {
        int size;
        try {
            size = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number of points per axis");
        }
        if (!LutBake.isLatticeSize(size)) {
            throw new TypeConversionException(size + " is outside " + LutBake.MIN_SIZE + " to " + LutBake.MAX_SIZE + " points per axis"
                    + outside + "; use 33 for monitors or 65 for grading");
        }
        return size;
    }

    /** {@code --lut}: 0 (exact) or a lattice size. */
    static final class SizeOrExact implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return value.strip().equals("0") ? 0 : latticeSize(value, " (0: exact)");
        }
    }

    /** {@code --lut-budget}: a finite number >= 0 (NaN would refuse every bake, infinity accept any). */
    static final class Budget implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double budget;
            try {
                budget = Double.parseDouble(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a number");
            }
            if (!(budget >= 0 && budget < Double.POSITIVE_INFINITY)) {
                throw new TypeConversionException(value.strip() + " is not a finite number >= 0; give the largest error to accept, such as 0.02");
            }
            return budget;
        }
    }
}
