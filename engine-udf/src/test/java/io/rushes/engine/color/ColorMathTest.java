package io.rushes.engine.color;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Colour maths against published values. */
class ColorMathTest {
    @Test
    void correlatedColourTemperatureOfStandardIlluminants() {
        // CIE: illuminant A is 2856 K, D65 6504 K, D50 5003 K (published CCTs of the standard illuminants).
        assertEquals(2856, ColorTemperature.kelvin(0.44757, 0.40745), 3);
        assertEquals(6504, ColorTemperature.kelvin(0.31271, 0.32902), 6);
        assertEquals(5003, ColorTemperature.kelvin(0.34567, 0.35850), 6);
    }

    @Test
    void locusPointsGiveTheirTemperatureBack() {
        for (double k : new double[] {2000, 2856, 3200, 4300, 5600, 6500, 9000}) {
            double[] xy = ColorTemperature.xy(k);
            assertEquals(k, ColorTemperature.kelvin(xy[0], xy[1]), k * 1e-3, "round trip at " + k);
        }
    }

    @Test
    void ap0MatrixMatchesSt2065() {
        // SMPTE ST 2065-1 / the ACES CTL's AP0_2_XYZ_MAT (published to 10 digits).
        assertArrayEquals(new double[] {0.9525523959, 0.0, 0.0000936786, 0.3439664498, 0.7281660966, -0.0721325464, 0.0, 0.0, 1.0088251844},
                Chromaticities.AP0.rgbToXyz().m(), 1e-9);
    }

    @Test
    void bradfordD65ToD50MatchesLindbloom() {
        // Bruce Lindbloom's published Bradford D65→D50 matrix (rounded to 7 digits there).
        assertArrayEquals(new double[] {1.0478112, 0.0228866, -0.0501270, 0.0295424, 0.9904844, -0.0170491, -0.0092345, 0.0150436, 0.7521316},
                ChromaticAdaptation.bradford(new double[] {0.31271, 0.32902}, Chromaticities.D50_XY).m(), 2e-4);
    }
}
