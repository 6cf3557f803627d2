package io.rushes.engine.image;

/**
 * A raw sensor image as stored: one unsigned 16-bit value per photosite, row-major, inside the sensor's
 * active area, after the file's linearization table (if any) and before black subtraction, scaling,
 * cropping or orientation. {@code cfa} names the colour of each position of the repeating pattern
 * ({@code 0} red, {@code 1} green, {@code 2} blue), {@code cfaWidth × cfaHeight} of them, phase-aligned
 * to the active area's top-left photosite. {@code correction}, when not null, corrects the normalised values by position
 * before white balance (a DNG's OpcodeList2).
 */
public record RawImage(int width, int height, char[] data, int cfaWidth, int cfaHeight, byte[] cfa, double[] blackLevels,
                       int blackRepeatWidth, int blackRepeatHeight, double whiteLevel, SiteCorrection correction) {
    public RawImage {
        if ((long) width * height != data.length) {
            throw new IllegalArgumentException(width + "x" + height + " does not hold " + data.length + " values");
        }
    }

    /** A raw image without a stage-2 correction. */
    public RawImage(int width, int height, char[] data, int cfaWidth, int cfaHeight, byte[] cfa, double[] blackLevels,
                    int blackRepeatWidth, int blackRepeatHeight, double whiteLevel) {
        this(width, height, data, cfaWidth, cfaHeight, cfa, blackLevels, blackRepeatWidth, blackRepeatHeight, whiteLevel, null);
    }

    public int get(int x, int y) {
        return data[y * width + x];
    }

    /** Colour index (0 R, 1 G, 2 B) of photosite (x, y). */
    public int colour(int x, int y) {
        return cfa[(y % cfaHeight) * cfaWidth + (x % cfaWidth)];
    }

    /** The black level under photosite (x, y) (BlackLevel repeats over BlackLevelRepeatDim). */
    public double black(int x, int y) {
        return blackLevels[(y % blackRepeatHeight) * blackRepeatWidth + (x % blackRepeatWidth)];
    }
}
