package io.rushes.engine.image;

import io.rushes.engine.error.Errors;
import java.util.Locale;

/**
 * The largest image Rushes makes, checked before a pixel is allocated. No deliverable needs more: 32768 per side is
 * above any sensor or DCI/IMF container (17K sensors are 17520 wide), and 2^27 pixels (16384x8192, 1.5 GiB of float
 * RGB before its TIFF copy) keeps a frame and its encoded copy inside a default heap and every array index inside an
 * int.
 */
public final class ImageLimits {
    public static final int MAX_SIDE = 32768;
    public static final long MAX_PIXELS = 1L << 27;

    private ImageLimits() {
    }

    /**
     * Refuses an output of {@code width x height}: not at least 1x1 (INVALID_ARGUMENT), or past either limit
     * (LIMIT_EXCEEDED), naming the limit and {@code fix}. Takes doubles so NaN, infinities and 1e308 are caught before
     * any cast to int.
     */
    public static void check(String what, double width, double height, String fix) {
        String size = num(width) + "x" + num(height);
        if (!(width >= 1) || !(height >= 1) || Double.isInfinite(width) || Double.isInfinite(height)) {
            throw Errors.invalidArgument(what + " would be " + size + ": an image needs a finite size of at least 1x1", fix);
        }
        if (width > MAX_SIDE || height > MAX_SIDE) {
            throw Errors.outputTooLarge(null, what + " (" + size + ") has a side that", (long) Math.max(width, height), MAX_SIDE, fix);
        }
        long pixels = (long) width * (long) height;
        if (pixels > MAX_PIXELS) {
            throw Errors.outputTooLarge(null, what + " (" + size + ") in pixels", pixels, MAX_PIXELS, fix);
        }
    }

    /**
     * Refuses an image a file declares (OpenEXR data window, DPX element) before its pixels are allocated: a side past
     * {@link #MAX_SIDE} or more than {@link #MAX_PIXELS}, as LIMIT_EXCEEDED at {@code offset} in {@code file}.
     */
    public static void checkDeclared(String file, long offset, String what, long width, long height) {
        if (width > MAX_SIDE || height > MAX_SIDE) {
            throw Errors.limitExceeded(file, offset, "a side of " + what + " (" + width + "x" + height + ")", Math.max(width, height), MAX_SIDE);
        }
        if (width * height > MAX_PIXELS) {
            throw Errors.limitExceeded(file, offset, what + " (" + width + "x" + height + ") in pixels", width * height, MAX_PIXELS);
        }
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6g", v);
    }
}
