package io.rushes.engine.deliver.exr;

import io.rushes.engine.error.Errors;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One OpenEXR header attribute as stored: its name, its type name ({@code string}, {@code float}, {@code rational},
 * {@code chromaticities}…) and its little-endian value. The factories build the standard types and refuse
 * non-finite numbers; the accessors decode them and return null when the attribute is of another type or size.
 * {@link ExrStandardAttributes} names the standard attributes.
 */
public record ExrAttribute(String name, String type, byte[] value) {
    /** Longest attribute or type name a file without the long-names flag may hold (31 bytes plus the NUL). */
    static final int SHORT_NAME = 31;
    static final int LONG_NAME = 255;

    public ExrAttribute {
        if (name == null || name.isEmpty() || name.getBytes(StandardCharsets.UTF_8).length > LONG_NAME || name.indexOf('\0') >= 0) {
            throw Errors.invalidArgument("OpenEXR attribute name '" + name + "' is empty, has a NUL or is longer than " + LONG_NAME
                    + " bytes", "Name the attribute with 1 to " + LONG_NAME + " bytes");
        }
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    public static ExrAttribute string(String name, String text) {
        return new ExrAttribute(name, "string", text.getBytes(StandardCharsets.UTF_8));
    }

    public static ExrAttribute floatValue(String name, double v) {
        return new ExrAttribute(name, "float", le(4).putFloat(finite(name, v)).array());
    }

    public static ExrAttribute intValue(String name, int v) {
        return new ExrAttribute(name, "int", le(4).putInt(v).array());
    }

    /** A rational, e.g. 24000/1001 frames per second; the denominator is positive. */
    public static ExrAttribute rational(String name, int numerator, int denominator) {
        if (denominator <= 0) {
            throw Errors.invalidArgument("OpenEXR attribute " + name + " would be " + numerator + "/" + denominator,
                    "Give a rational with a positive denominator, such as 24000/1001");
        }
        return new ExrAttribute(name, "rational", le(8).putInt(numerator).putInt(denominator).array());
    }

    public static ExrAttribute v2f(String name, double x, double y) {
        return new ExrAttribute(name, "v2f", le(8).putFloat(finite(name, x)).putFloat(finite(name, y)).array());
    }

    /** Red, green, blue and white CIE xy, in that order (8 values). */
    public static ExrAttribute chromaticities(String name, double... xy) {
        if (xy.length != 8) {
            throw Errors.invalidArgument("OpenEXR chromaticities need 8 values (red, green, blue, white xy), not " + xy.length,
                    "Give the xy of the red, green and blue primaries and of the white point");
        }
        ByteBuffer b = le(32);
        for (double v : xy) {
            b.putFloat(finite(name, v));
        }
        return new ExrAttribute(name, "chromaticities", b.array());
    }

    static ExrAttribute box2i(String name, ExrWindow w) {
        return new ExrAttribute(name, "box2i", le(16).putInt(w.xMin()).putInt(w.yMin()).putInt(w.xMax()).putInt(w.yMax()).array());
    }

    public String asString() {
        return type.equals("string") ? new String(value, StandardCharsets.UTF_8) : null;
    }

    public Float asFloat() {
        return type.equals("float") && value.length == 4 ? read().getFloat(0) : null;
    }

    public Integer asInt() {
        return type.equals("int") && value.length == 4 ? read().getInt(0) : null;
    }

    /** Numerator and denominator, or null. */
    public int[] asRational() {
        return type.equals("rational") && value.length == 8 ? new int[] {read().getInt(0), read().getInt(4)} : null;
    }

    /** The floats of a v2f, chromaticities, v3f or m44f value, or null for other types. */
    public float[] asFloats() {
        boolean floats = switch (type) {
            case "v2f", "v3f", "chromaticities", "m33f", "m44f", "float" -> true;
            default -> false;
        };
        if (!floats || value.length % 4 != 0) {
            return null;
        }
        float[] out = new float[value.length / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = read().getFloat(i * 4);
        }
        return out;
    }

    /** The inclusive bounds of a box2i, or null. */
    public ExrWindow asWindow() {
        if (!type.equals("box2i") || value.length != 16) {
            return null;
        }
        ByteBuffer b = read();
        int xMin = b.getInt(0);
        int yMin = b.getInt(4);
        int xMax = b.getInt(8);
        int yMax = b.getInt(12);
        return xMax >= xMin && yMax >= yMin ? new ExrWindow(xMin, yMin, xMax, yMax) : null;
    }

    private ByteBuffer read() {
        return ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
    }

    static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static float finite(String name, double v) {
        if (!Double.isFinite(v) || Math.abs(v) > Float.MAX_VALUE) {
            throw Errors.invalidArgument("OpenEXR attribute " + name + " would be " + v, "Give a finite number within the float range");
        }
        return (float) v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExrAttribute a && a.name.equals(name) && a.type.equals(type) && Arrays.equals(a.value, value);
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + type.hashCode()) * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return name + " (" + type + ", " + value.length + " bytes)";
    }
}
