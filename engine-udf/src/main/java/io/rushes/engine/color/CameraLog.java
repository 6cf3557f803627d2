package io.rushes.engine.color;

/**
 * Log encodings by their published formulas: the ACES log working spaces and the camera manufacturers' curves.
 * {@link #encode} takes scene-linear reflectance (0.18 = grey) to the normalised code value (0–1 full range),
 * {@link #decode} goes back. Each decode is the exact algebraic inverse of its encode, branch for branch.
 */
public enum CameraLog {
    /** ACEScc (S-2014-003). */
    ACESCC {
        @Override
        public double encode(double x) {
            if (x <= 0) {
                return (-16 + 9.72) / 17.52; // log2(2^-16)
            }
            return x < TWO_M15 ? (log2(TWO_M16 + x * 0.5) + 9.72) / 17.52 : (log2(x) + 9.72) / 17.52;
        }

        @Override
        public double decode(double y) {
            if (y < (9.72 - 15) / 17.52) {
                return (Math.pow(2, y * 17.52 - 9.72) - TWO_M16) * 2;
            }
            return y < (log2(65504) + 9.72) / 17.52 ? Math.pow(2, y * 17.52 - 9.72) : 65504;
        }
    },
    /** ACEScct (S-2016-001): ACEScc with a linear toe. */
    ACESCCT {
        private static final double X_BREAK = 0.0078125;
        private static final double Y_BREAK = 0.155251141552511;
        private static final double A = 10.5402377416545;
        private static final double B = 0.0729055341958355;

        @Override
        public double encode(double x) {
            return x <= X_BREAK ? A * x + B : (log2(x) + 9.72) / 17.52;
        }

        @Override
        public double decode(double y) {
            if (y <= Y_BREAK) {
                return (y - B) / A;
            }
            return y < (log2(65504) + 9.72) / 17.52 ? Math.pow(2, y * 17.52 - 9.72) : 65504;
        }
    },
    /** ARRI LogC3 at EI 800 (ALEXA Log C curve, v3). */
    ARRI_LOGC3 {
        private static final double CUT = 0.010591;
        private static final double A = 5.555556;
        private static final double B = 0.052272;
        private static final double C = 0.247190;
        private static final double D = 0.385537;
        private static final double E = 5.367655;
        private static final double F = 0.092809;

        @Override
        public double encode(double x) {
            return x > CUT ? C * Math.log10(A * x + B) + D : E * x + F;
        }

        @Override
        public double decode(double y) {
            return y > E * CUT + F ? (Math.pow(10, (y - D) / C) - B) / A : (y - F) / E;
        }
    },
    /** ARRI LogC4 (ALEXA 35). */
    ARRI_LOGC4 {
        private static final double A = (Math.pow(2, 18) - 16) / 117.45;
        private static final double B = (1023.0 - 95) / 1023;
        private static final double C = 95.0 / 1023;
        private static final double S = (7 * Math.log(2) * Math.pow(2, 7 - 14 * C / B)) / (A * B);
        private static final double T = (Math.pow(2, 14 * (-C / B) + 6) - 64) / A;

        @Override
        public double encode(double x) {
            return x >= T ? (log2(A * x + 64) - 6) / 14 * B + C : (x - T) / S;
        }

        @Override
        public double decode(double y) {
            return y >= 0 ? (Math.pow(2, 14 * (y - C) / B + 6) - 64) / A : y * S + T;
        }
    },
    /** Sony S-Log3. */
    SONY_SLOG3 {
        @Override
        public double encode(double x) {
            return x >= 0.01125 ? (420 + Math.log10((x + 0.01) / (0.18 + 0.01)) * 261.5) / 1023
                    : (x * (171.2102946929 - 95) / 0.01125 + 95) / 1023;
        }

        @Override
        public double decode(double y) {
            return y >= 171.2102946929 / 1023 ? Math.pow(10, (y * 1023 - 420) / 261.5) * (0.18 + 0.01) - 0.01
                    : (y * 1023 - 95) * 0.01125 / (171.2102946929 - 95);
        }
    },
    /** RED Log3G10 (IPP2). */
    RED_LOG3G10 {
        private static final double A = 0.224282;
        private static final double B = 155.975327;
        private static final double C = 0.01;
        private static final double G = 15.1927;

        @Override
        public double encode(double x) {
            double xc = x + C;
            return xc < 0 ? xc * G : A * Math.log10(xc * B + 1);
        }

        @Override
        public double decode(double y) {
            return y < 0 ? y / G - C : (Math.pow(10, y / A) - 1) / B - C;
        }
    },
    /** Canon Log 2 (on linear reflectance / 0.9, as Canon defines it). */
    CANON_LOG2 {
        @Override
        public double encode(double lin) {
            double x = lin / 0.9;
            return x < 0 ? -0.24136077 * Math.log10(-x * 87.09937546 + 1) + 0.092864125
                    : 0.24136077 * Math.log10(x * 87.09937546 + 1) + 0.092864125;
        }

        @Override
        public double decode(double y) {
            double x = y < 0.092864125 ? -(Math.pow(10, (0.092864125 - y) / 0.24136077) - 1) / 87.09937546
                    : (Math.pow(10, (y - 0.092864125) / 0.24136077) - 1) / 87.09937546;
            return x * 0.9;
        }
    },
    /** Canon Log 3. */
    CANON_LOG3 {
        @Override
        public double encode(double lin) {
            double x = lin / 0.9;
            if (x < -0.014) {
                return -0.36726845 * Math.log10(-x * 14.98325 + 1) + 0.12783901;
            }
            return x <= 0.014 ? 1.9754798 * x + 0.12512219 : 0.36726845 * Math.log10(x * 14.98325 + 1) + 0.12240537;
        }

        @Override
        public double decode(double y) {
            double x;
            if (y < 0.097465473) {
                x = -(Math.pow(10, (0.12783901 - y) / 0.36726845) - 1) / 14.98325;
            } else if (y <= 0.15277891) {
                x = (y - 0.12512219) / 1.9754798;
            } else {
                x = (Math.pow(10, (y - 0.12240537) / 0.36726845) - 1) / 14.98325;
            }
            return x * 0.9;
        }
    },
    /** Panasonic V-Log. */
    PANASONIC_VLOG {
        private static final double B = 0.00873;
        private static final double C = 0.241514;
        private static final double D = 0.598206;

        @Override
        public double encode(double x) {
            return x < 0.01 ? 5.6 * x + 0.125 : C * Math.log10(x + B) + D;
        }

        @Override
        public double decode(double y) {
            return y < 0.181 ? (y - 0.125) / 5.6 : Math.pow(10, (y - D) / C) - B;
        }
    },
    /** Blackmagic Film Generation 5. */
    BLACKMAGIC_FILM_GEN5 {
        private static final double A = 0.08692876065491224;
        private static final double B = 0.005494072432257808;
        private static final double C = 0.5300133392291939;
        private static final double D = 8.283605932402494;
        private static final double E = 0.09246575342465753;
        private static final double LIN_CUT = 0.005;

        @Override
        public double encode(double x) {
            return x < LIN_CUT ? D * x + E : A * Math.log(x + B) + C;
        }

        @Override
        public double decode(double y) {
            return y < D * LIN_CUT + E ? (y - E) / D : Math.exp((y - C) / A) - B;
        }
    },
    /**
     * DJI D-Log, as the ACES CSC CTL writes it: its forward and inverse constants are each rounded as published, so the two
     * agree to about 1e-6 (and the two breakpoints, 0.0078 and 0.14, to the third decimal).
     */
    DJI_DLOG {
        @Override
        public double encode(double x) {
            return x <= 0.0078 ? 6.025 * x + 0.0929 : Math.log10(x * 0.9892 + 0.0108) * 0.256663 + 0.584555;
        }

        @Override
        public double decode(double y) {
            return y <= 0.14 ? (y - 0.0929) / 6.025 : (Math.pow(10, 3.89616 * y - 2.27752) - 0.0108) / 0.9892;
        }
    },
    /** Apple Log (iPhone 15 Pro and later). */
    APPLE_LOG {
        private static final double R0 = -0.05641088;
        private static final double RT = 0.01;
        private static final double C = 47.28711236;
        private static final double BETA = 0.00964052;
        private static final double GAMMA = 0.08550479;
        private static final double DELTA = 0.69336945;

        @Override
        public double encode(double x) {
            if (x >= RT) {
                return GAMMA * log2(x + BETA) + DELTA;
            }
            return x >= R0 ? C * (x - R0) * (x - R0) : 0;
        }

        @Override
        public double decode(double y) {
            double yt = C * (RT - R0) * (RT - R0);
            if (y >= yt) {
                return Math.pow(2, (y - DELTA) / GAMMA) - BETA;
            }
            return y > 0 ? Math.sqrt(y / C) + R0 : R0;
        }
    };

    private static final double TWO_M15 = Math.pow(2, -15);
    private static final double TWO_M16 = Math.pow(2, -16);

    public abstract double encode(double linear);

    public abstract double decode(double code);

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
