package io.rushes.engine.color;

/**
 * RGB triplets in, RGB triplets out, built once (per executor) and reused on every pixel: an exact compiled
 * {@link ColorPipeline}, or its {@link LutBake} where speed matters more than the last 1 % of code values.
 */
public interface ColorProcessor {
    /** One triplet, in place. */
    void apply(double[] rgb);

    /** What runs, for logs and the descriptions written into output files. */
    String describe();

    /** Interleaved RGB float pixels, in place. */
    default void applyImage(float[] rgb) {
        double[] px = new double[3];
        for (int i = 0; i + 2 < rgb.length; i += 3) {
            px[0] = rgb[i];
            px[1] = rgb[i + 1];
            px[2] = rgb[i + 2];
            apply(px);
            rgb[i] = (float) px[0];
            rgb[i + 1] = (float) px[1];
            rgb[i + 2] = (float) px[2];
        }
    }
}
