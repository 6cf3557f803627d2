package io.rushes.engine.color;

/**
 * Correlated colour temperature from xy and back, by Robertson's method on the CIE 1960 uv diagram with
 * the 31 isotemperature lines of Wyszecki & Stiles (the method the DNG specification's SDK uses).
 */
public final class ColorTemperature {
    /** Reciprocal megakelvin, u, v, slope of each isotemperature line. */
    private static final double[][] LINES = {
        {0, 0.18006, 0.26352, -0.24341}, {10, 0.18066, 0.26589, -0.25479}, {20, 0.18133, 0.26846, -0.26876},
        {30, 0.18208, 0.27119, -0.28539}, {40, 0.18293, 0.27407, -0.30470}, {50, 0.18388, 0.27709, -0.32675},
        {60, 0.18494, 0.28021, -0.35156}, {70, 0.18611, 0.28342, -0.37915}, {80, 0.18740, 0.28668, -0.40955},
        {90, 0.18880, 0.28997, -0.44278}, {100, 0.19032, 0.29326, -0.47888}, {125, 0.19462, 0.30141, -0.58204},
        {150, 0.19962, 0.30921, -0.70471}, {175, 0.20525, 0.31647, -0.84901}, {200, 0.21142, 0.32312, -1.0182},
        {225, 0.21807, 0.32909, -1.2168}, {250, 0.22511, 0.33439, -1.4512}, {275, 0.23247, 0.33904, -1.7298},
        {300, 0.24010, 0.34308, -2.0637}, {325, 0.24792, 0.34655, -2.4681}, {350, 0.25591, 0.34951, -2.9641},
        {375, 0.26400, 0.35200, -3.5814}, {400, 0.27218, 0.35407, -4.3633}, {425, 0.28039, 0.35577, -5.3762},
        {450, 0.28863, 0.35714, -6.7262}, {475, 0.29685, 0.35823, -8.5955}, {500, 0.30505, 0.35907, -11.324},
        {525, 0.31320, 0.35968, -15.628}, {550, 0.32129, 0.36011, -23.325}, {575, 0.32931, 0.36038, -40.770},
        {600, 0.33724, 0.36051, -116.45}};

    private ColorTemperature() {
    }

    /** CCT in kelvin of a chromaticity; NaN outside the table's range (1,667 K to infinity). */
    public static double kelvin(double x, double y) {
        double denom = -2 * x + 12 * y + 3;
        double u = 4 * x / denom;
        double v = 6 * y / denom;
        double previous = 0;
        for (int i = 0; i < LINES.length; i++) {
            double[] line = LINES[i];
            // Signed distance from the isotemperature line; it changes sign between the two lines that bracket (u, v).
            double d = ((v - line[2]) - line[3] * (u - line[1])) / Math.sqrt(1 + line[3] * line[3]);
            if (i > 0 && d / previous < 0) {
                double f = previous / (previous - d);
                double mired = LINES[i - 1][0] + f * (line[0] - LINES[i - 1][0]);
                return mired <= 0 ? Double.POSITIVE_INFINITY : 1e6 / mired;
            }
            if (d == 0) {
                return line[0] == 0 ? Double.POSITIVE_INFINITY : 1e6 / line[0];
            }
            previous = d;
        }
        return Double.NaN;
    }

    /** The xy on the Planckian locus (Robertson's lines) at a CCT, offset along the isotemperature line by tint 0. */
    public static double[] xy(double kelvin) {
        double mired = 1e6 / Math.max(kelvin, 1);
        for (int i = 1; i < LINES.length; i++) {
            if (mired <= LINES[i][0] || i == LINES.length - 1) {
                double f = (mired - LINES[i - 1][0]) / (LINES[i][0] - LINES[i - 1][0]);
                double u = LINES[i - 1][1] + f * (LINES[i][1] - LINES[i - 1][1]);
                double v = LINES[i - 1][2] + f * (LINES[i][2] - LINES[i - 1][2]);
                double d = 2 * u - 8 * v + 4;
                return new double[] {3 * u / d, 2 * v / d};
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
