package io.rushes.jobs.cli;

import picocli.CommandLine.Option;

/** {@code --lut N [--lut-budget E]}: run a colour pipeline as its N³ bake when the bake's measured error allows. */
final class LutOptions {
    @Option(names = "--lut", defaultValue = "0", paramLabel = "N",
            description = "Run the pipeline as an N³ LUT (33 or 65; 0, the default: exact). The bake is measured against the exact "
                    + "pipeline first and refused if over --lut-budget.")
    int size;

    @Option(names = "--lut-budget", defaultValue = "0.02", paramLabel = "E",
            description = "Largest 99th-percentile error of a baked LUT, in output values (default: ${DEFAULT-VALUE}).")
    double budget;
}
