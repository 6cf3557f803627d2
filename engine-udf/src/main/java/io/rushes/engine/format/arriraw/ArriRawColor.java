package io.rushes.engine.format.arriraw;

import io.rushes.engine.color.ChromaticAdaptation;
import io.rushes.engine.color.Chromaticities;
import io.rushes.engine.color.ColorTemperature;
import io.rushes.engine.color.Matrix3;
import io.rushes.engine.develop.DngColor;
import io.rushes.engine.error.Errors;

/**
 * The colour model of an ARRIRAW frame as a {@link DngColor}. Neither dcraw nor LibRaw has a colour matrix for ARRI
 * (their adobe_coeff tables hold none; they show camera RGB as is), so the matrix is ARRI's own: the ALEXA (SUP 3 and
 * later) raw input transform published with ACES (aces-dev, {@code idt/vendorSupplied/arri/alexa},
 * {@code AlexaParameters-2013-Nov-13/Alexa_aces_matrix.txt}, the IDT.ARRI.Alexa-v3-raw-* transforms), which takes
 * white-balanced camera RGB to ACES2065-1 for the colour temperature of the adopted white. Its rows sum to 1, so the
 * camera neutral lands on the ACES white. The public header gives the camera's white-balance gains but not that
 * colour temperature, so the 5600 K matrix (ARRI's daylight setting) is used; between 3200 K and 5600 K ARRI's
 * matrices differ by at most 0.081 per coefficient.
 */
public final class ArriRawColor {
    /** Alexa_aces_matrix.txt, CCT 5600: white-balanced ALEXA camera RGB to ACES2065-1, row by row. */
    static final Matrix3 CAMERA_TO_ACES_5600K = Matrix3.of(
            0.7988568404866, 0.152588521772288, 0.048554637741112,
            0.0770158157317898, 1.08970778432091, -0.166723600052704,
            0.0426049283386533, -0.280736426622673, 1.23813149828402);
    static final double MATRIX_KELVIN = 5600;

    private ArriRawColor() {
    }

    /**
     * The colour model at the camera's white balance (the header's gains; {@code kelvin} null). A white balance in
     * kelvin is refused: the public header says nothing of the camera's response to any other white.
     */
    public static DngColor of(ArriRawHeader header, String file, Double kelvin) {
        if (kelvin != null) {
            throw Errors.unsupportedFeature(file, ArriRawHeader.WHITE_BALANCE_AT, "a white balance of " + kelvin + " K for ARRIRAW",
                    "The public ARRIRAW header holds only the camera's white-balance gains: leave the white balance out to use them, "
                            + "or decode the frame with ARRI's SDK plug-in to set one in kelvin");
        }
        float[] gains = header.whiteBalance();
        double[] neutral = {1 / gains[0], 1 / gains[1], 1 / gains[2]};
        double max = Math.max(neutral[0], Math.max(neutral[1], neutral[2]));
        neutral = new double[] {neutral[0] / max, neutral[1] / max, neutral[2] / max};
        // Camera RGB → white balanced (1/neutral) → ACES (ARRI) → XYZ with the ACES white → Bradford to D50.
        Matrix3 toXyz = ChromaticAdaptation.bradford(Chromaticities.AP0.whiteXy(), Chromaticities.D50_XY)
                .times(Chromaticities.AP0.rgbToXyz())
                .times(CAMERA_TO_ACES_5600K)
                .times(Matrix3.diagonal(1 / neutral[0], 1 / neutral[1], 1 / neutral[2]));
        double y = toXyz.apply(neutral)[1];
        return new DngColor(neutral, toXyz.scaled(1 / y), ColorTemperature.xy(MATRIX_KELVIN), 0);
    }
}
