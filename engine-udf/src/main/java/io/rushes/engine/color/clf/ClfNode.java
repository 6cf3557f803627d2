package io.rushes.engine.color.clf;

/**
 * One CLF process node, rescaled at parse time to 32f in and out (CLF §Bit Depth: bit depths only scale parameters), so
 * a ProcessList is a chain of functions on normalised RGB. Evaluation is in double precision.
 */
public sealed interface ClfNode permits ClfNode.Matrix, ClfNode.Range, ClfNode.Lut1d, ClfNode.Lut3d, ClfNode.Log, ClfNode.Exponent,
        ClfNode.Cdl {

    /** Transforms one RGB triplet in place. */
    void apply(double[] rgb);

    /** A 3×4 matrix (row-major, fourth column the offsets). */
    record Matrix(double[] m) implements ClfNode {
        @Override
        public void apply(double[] c) {
            double r = c[0];
            double g = c[1];
            double b = c[2];
            c[0] = m[0] * r + m[1] * g + m[2] * b + m[3];
            c[1] = m[4] * r + m[5] * g + m[6] * b + m[7];
            c[2] = m[8] * r + m[9] * g + m[10] * b + m[11];
        }
    }

    /** Scale and offset with optional clamping; a missing pair means no clamp on that side (values already in 32f scaling). */
    record Range(Double minIn, Double maxIn, Double minOut, Double maxOut, boolean clamp) implements ClfNode {
        @Override
        public void apply(double[] c) {
            for (int i = 0; i < 3; i++) {
                double v = c[i];
                if (minIn != null && maxIn != null) {
                    double scale = (maxOut - minOut) / (maxIn - minIn);
                    v = v * scale + minOut - minIn * scale;
                }
                if (clamp) {
                    if (minOut != null) {
                        v = Math.max(minOut, v);
                    }
                    if (maxOut != null) {
                        v = Math.min(maxOut, v);
                    }
                }
                c[i] = v;
            }
        }
    }

    /** A 1D or 3×1D LUT over [0, 1] (or, with halfDomain, indexed by the input's half-float bit pattern). */
    record Lut1d(float[][] tables, boolean halfDomain) implements ClfNode {
        @Override
        public void apply(double[] c) {
            for (int i = 0; i < 3; i++) {
                float[] t = tables[tables.length == 1 ? 0 : i];
                c[i] = halfDomain ? halfLookup(t, c[i]) : lookup(t, c[i]);
            }
        }

        private static double lookup(float[] t, double v) {
            int n = t.length;
            double x = Math.min(Math.max(v, 0), 1) * (n - 1);
            if (Double.isNaN(x)) {
                return t[0];
            }
            int i = Math.min((int) x, n - 2);
            double f = x - i;
            return t[i] + f * (t[i + 1] - t[i]);
        }

        /** Half-domain tables give the exact entry for every half; values between halfs interpolate between neighbours. */
        private static double halfLookup(float[] t, double v) {
            float f = (float) v;
            int bits = Half.fromFloat(f);
            float at = Half.toFloat(bits);
            if (at == f || Float.isNaN(f) || Float.isInfinite(at)) {
                return t[bits];
            }
            int other = (Math.abs(f) > Math.abs(at)) ? bits + 1 : bits - 1;
            if ((bits & 0x7FFF) == 0 && Math.abs(f) < Math.abs(at)) {
                other = bits ^ 0x8000; // across zero
            }
            float atOther = Half.toFloat(other & 0xFFFF);
            double w = (f - at) / (atOther - at);
            return t[bits] + w * (t[other & 0xFFFF] - t[bits]);
        }
    }

    /** A cube of n³ RGB entries (blue fastest), over [0, 1]³, tetrahedral or trilinear. */
    record Lut3d(int n, float[] table, boolean tetrahedral) implements ClfNode {
        @Override
        public void apply(double[] c) {
            double r = clamp(c[0]) * (n - 1);
            double g = clamp(c[1]) * (n - 1);
            double b = clamp(c[2]) * (n - 1);
            int r0 = Math.min((int) r, n - 2);
            int g0 = Math.min((int) g, n - 2);
            int b0 = Math.min((int) b, n - 2);
            double fr = r - r0;
            double fg = g - g0;
            double fb = b - b0;
            for (int ch = 0; ch < 3; ch++) {
                double c000 = at(r0, g0, b0, ch);
                double c111 = at(r0 + 1, g0 + 1, b0 + 1, ch);
                if (tetrahedral) {
                    double v;
                    if (fr > fg) {
                        if (fg > fb) {
                            v = (1 - fr) * c000 + (fr - fg) * at(r0 + 1, g0, b0, ch) + (fg - fb) * at(r0 + 1, g0 + 1, b0, ch) + fb * c111;
                        } else if (fr > fb) {
                            v = (1 - fr) * c000 + (fr - fb) * at(r0 + 1, g0, b0, ch) + (fb - fg) * at(r0 + 1, g0, b0 + 1, ch) + fg * c111;
                        } else {
                            v = (1 - fb) * c000 + (fb - fr) * at(r0, g0, b0 + 1, ch) + (fr - fg) * at(r0 + 1, g0, b0 + 1, ch) + fg * c111;
                        }
                    } else {
                        if (fb > fg) {
                            v = (1 - fb) * c000 + (fb - fg) * at(r0, g0, b0 + 1, ch) + (fg - fr) * at(r0, g0 + 1, b0 + 1, ch) + fr * c111;
                        } else if (fb > fr) {
                            v = (1 - fg) * c000 + (fg - fb) * at(r0, g0 + 1, b0, ch) + (fb - fr) * at(r0, g0 + 1, b0 + 1, ch) + fr * c111;
                        } else {
                            v = (1 - fg) * c000 + (fg - fr) * at(r0, g0 + 1, b0, ch) + (fr - fb) * at(r0 + 1, g0 + 1, b0, ch) + fb * c111;
                        }
                    }
                    c[ch] = v;
                } else {
                    double c100 = at(r0 + 1, g0, b0, ch);
                    double c010 = at(r0, g0 + 1, b0, ch);
                    double c001 = at(r0, g0, b0 + 1, ch);
                    double c110 = at(r0 + 1, g0 + 1, b0, ch);
                    double c101 = at(r0 + 1, g0, b0 + 1, ch);
                    double c011 = at(r0, g0 + 1, b0 + 1, ch);
                    double c00 = c000 + fr * (c100 - c000);
                    double c01 = c001 + fr * (c101 - c001);
                    double c10 = c010 + fr * (c110 - c010);
                    double c11 = c011 + fr * (c111 - c011);
                    double c0 = c00 + fg * (c10 - c00);
                    double c1 = c01 + fg * (c11 - c01);
                    c[ch] = c0 + fb * (c1 - c0);
                }
            }
        }

        private double at(int r, int g, int b, int ch) {
            return table[((r * n + g) * n + b) * 3 + ch];
        }

        private static double clamp(double v) {
            return v > 0 ? Math.min(v, 1) : 0; // NaN → 0
        }
    }

    /** The log styles, one parameter set per channel. */
    record Log(String style, LogParams[] params) implements ClfNode {
        private static final double FLT_MIN = 1.175494e-38;

        @Override
        public void apply(double[] c) {
            for (int i = 0; i < 3; i++) {
                c[i] = apply(c[i], params == null ? null : params[i]);
            }
        }

        private double apply(double x, LogParams p) {
            return switch (style) {
                case "log10" -> Math.log10(Math.max(x, FLT_MIN));
                case "antiLog10" -> Math.pow(10, x);
                case "log2" -> Math.log(Math.max(x, FLT_MIN)) / Math.log(2);
                case "antiLog2" -> Math.pow(2, x);
                case "linToLog" -> p.linToLog(x);
                case "logToLin" -> p.logToLin(x);
                case "cameraLinToLog" -> x <= p.linSideBreak() ? p.linearSlope() * x + p.linearOffset() : p.linToLog(x);
                case "cameraLogToLin" -> x <= p.logSideBreak() ? (x - p.linearOffset()) / p.linearSlope() : p.logToLin(x);
                default -> throw new IllegalStateException(style);
            };
        }
    }

    /** CLF LogParams, with the derived break values of the camera styles. */
    record LogParams(double base, double logSideSlope, double logSideOffset, double linSideSlope, double linSideOffset,
                     double linSideBreak, double linearSlope, double logSideBreak, double linearOffset) {
        static LogParams of(double base, double logSlope, double logOffset, double linSlope, double linOffset, Double linBreak, Double linearSlope) {
            if (linBreak == null) {
                return new LogParams(base, logSlope, logOffset, linSlope, linOffset, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            double logBreak = logSlope * Math.log(linSlope * linBreak + linOffset) / Math.log(base) + logOffset;
            double slope = linearSlope != null ? linearSlope : logSlope * (linSlope / ((linSlope * linBreak + linOffset) * Math.log(base)));
            return new LogParams(base, logSlope, logOffset, linSlope, linOffset, linBreak, slope, logBreak, logBreak - slope * linBreak);
        }

        double linToLog(double x) {
            return logSideSlope * Math.log(Math.max(linSideSlope * x + linSideOffset, Log.FLT_MIN)) / Math.log(base) + logSideOffset;
        }

        double logToLin(double y) {
            return (Math.pow(base, (y - logSideOffset) / logSideSlope) - linSideOffset) / linSideSlope;
        }
    }

    /** The power-law styles, one (exponent, offset) per channel. */
    record Exponent(String style, double[] exponent, double[] offset) implements ClfNode {
        @Override
        public void apply(double[] c) {
            for (int i = 0; i < 3; i++) {
                c[i] = apply(c[i], exponent[i], offset[i]);
            }
        }

        private double apply(double x, double g, double k) {
            return switch (style) {
                case "basicFwd" -> Math.pow(Math.max(0, x), g);
                case "basicRev" -> Math.pow(Math.max(0, x), 1 / g);
                case "basicMirrorFwd" -> x >= 0 ? Math.pow(x, g) : -Math.pow(-x, g);
                case "basicMirrorRev" -> x >= 0 ? Math.pow(x, 1 / g) : -Math.pow(-x, 1 / g);
                case "basicPassThruFwd" -> x >= 0 ? Math.pow(x, g) : x;
                case "basicPassThruRev" -> x >= 0 ? Math.pow(x, 1 / g) : x;
                case "monCurveFwd" -> monCurveFwd(x, g, k);
                case "monCurveRev" -> monCurveRev(x, g, k);
                case "monCurveMirrorFwd" -> x >= 0 ? monCurveFwd(x, g, k) : -monCurveFwd(-x, g, k);
                case "monCurveMirrorRev" -> x >= 0 ? monCurveRev(x, g, k) : -monCurveRev(-x, g, k);
                default -> throw new IllegalStateException(style);
            };
        }

        private static double monCurveFwd(double x, double g, double k) {
            if (g == 1) {
                return (x + k) / (1 + k); // the curve is a line: both segments agree
            }
            if (k == 0) {
                return x >= 0 ? Math.pow(x, g) : 0; // no linear segment (its slope tends to 0)
            }
            double xBreak = k / (g - 1);
            if (x >= xBreak) {
                return Math.pow((x + k) / (1 + k), g);
            }
            return x * slope(g, k);
        }

        private static double monCurveRev(double y, double g, double k) {
            if (g == 1) {
                return y * (1 + k) - k;
            }
            if (k == 0) {
                return y >= 0 ? Math.pow(y, 1 / g) : 0;
            }
            double yBreak = Math.pow(k * g / ((g - 1) * (1 + k)), g);
            if (y >= yBreak) {
                return (1 + k) * Math.pow(y, 1 / g) - k;
            }
            return y / slope(g, k);
        }

        private static double slope(double g, double k) {
            return (g - 1) / k * Math.pow(k * g / ((g - 1) * (1 + k)), g);
        }
    }

    /** ASC CDL v1.2 (slope, offset, power, saturation with Rec.709 luma), forward or reverse, clamped or not. */
    record Cdl(String style, double[] slope, double[] offset, double[] power, double saturation) implements ClfNode {
        @Override
        public void apply(double[] c) {
            switch (style) {
                case "Fwd" -> forward(c, true);
                case "FwdNoClamp" -> forward(c, false);
                case "Rev" -> reverse(c, true);
                case "RevNoClamp" -> reverse(c, false);
                default -> throw new IllegalStateException(style);
            }
        }

        private void forward(double[] c, boolean clamp) {
            for (int i = 0; i < 3; i++) {
                double v = c[i] * slope[i] + offset[i];
                if (clamp) {
                    v = Math.pow(clamp01(v), power[i]);
                } else if (v >= 0) {
                    v = Math.pow(v, power[i]);
                }
                c[i] = v;
            }
            double luma = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
            for (int i = 0; i < 3; i++) {
                double v = luma + saturation * (c[i] - luma);
                c[i] = clamp ? clamp01(v) : v;
            }
        }

        private void reverse(double[] c, boolean clamp) {
            if (clamp) {
                for (int i = 0; i < 3; i++) {
                    c[i] = clamp01(c[i]);
                }
            }
            double luma = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
            for (int i = 0; i < 3; i++) {
                double v = luma + (c[i] - luma) / saturation;
                if (clamp) {
                    v = Math.pow(clamp01(v), 1 / power[i]);
                } else if (v >= 0) {
                    v = Math.pow(v, 1 / power[i]);
                }
                v = (v - offset[i]) / slope[i];
                c[i] = clamp ? clamp01(v) : v;
            }
        }

        private static double clamp01(double v) {
            return v < 0 ? 0 : Math.min(v, 1);
        }
    }
}
