package io.rushes.engine.image;

/**
 * A correction of a raw image's normalised values by photosite position, applied after black subtraction and scaling
 * to 0–1 and before white balance, clipping and demosaicking: the DNG's stage-2 opcodes (lens shading gain maps,
 * polynomial maps). It keeps no state between rows, so rows may be corrected in any order.
 */
public interface SiteCorrection {
    /** Corrects row {@code y} of the image as held ({@code row[0..width)}, normalised values) in place. */
    void apply(int y, float[] row, int width);

    /** What it does, for file descriptions ("OpcodeList2: 4 GainMap"). */
    String describe();
}
