package io.rushes.engine.format.movie;

/**
 * The Y'CbCr matrices of ITU-T H.273 a movie's {@code matrix_coefficients} tag (FFmpeg's AVColorSpace) names, by their
 * luma weights Kr and Kb (H.273 table 4). IDENTITY is matrix 0: the three components are G, B, R as coded.
 */
enum YCbCrMatrix {
    BT709("BT.709", 0.2126, 0.0722),
    BT601("BT.601 (BT.470BG, SMPTE 170M)", 0.299, 0.114),
    BT2020_NCL("BT.2020 non-constant luminance", 0.2627, 0.0593),
    SMPTE240M("SMPTE 240M", 0.212, 0.087),
    FCC("FCC 73.682", 0.30, 0.11),
    IDENTITY("identity (G, B, R coded as Y', Cb, Cr)", 0, 0);

    private final String label;
    private final double kr;
    private final double kb;

    YCbCrMatrix(String label, double kr, double kb) {
        this.label = label;
        this.kr = kr;
        this.kb = kb;
    }

    String label() {
        return label;
    }

    /** R' = Y' + this × Pr. */
    float crToR() {
        return (float) (2 * (1 - kr));
    }

    /** B' = Y' + this × Pb. */
    float cbToB() {
        return (float) (2 * (1 - kb));
    }

    /** G' = Y' + this × Pb + {@link #crToG()} × Pr (from Y' = Kr R' + Kg G' + Kb B'). */
    float cbToG() {
        return (float) (-2 * kb * (1 - kb) / (1 - kr - kb));
    }

    float crToG() {
        return (float) (-2 * kr * (1 - kr) / (1 - kr - kb));
    }
}
