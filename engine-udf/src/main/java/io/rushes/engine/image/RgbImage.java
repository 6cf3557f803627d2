package io.rushes.engine.image;

/** A linear (or encoded) three-channel float image, interleaved RGB, row-major. */
public record RgbImage(int width, int height, float[] data) {
    public RgbImage {
        if ((long) width * height * 3 != data.length) {
            throw new IllegalArgumentException(width + "x" + height + " RGB does not hold " + data.length + " values");
        }
    }

    /** The pixels of {@code region}, which must lie inside this image. */
    public RgbImage crop(Region region) {
        if (region.x() < 0 || region.y() < 0 || (long) region.x() + region.width() > width || (long) region.y() + region.height() > height) {
            throw new IllegalArgumentException(region + " is outside " + width + "x" + height);
        }
        float[] out = new float[region.width() * region.height() * 3];
        for (int row = 0; row < region.height(); row++) {
            System.arraycopy(data, ((region.y() + row) * width + region.x()) * 3, out, row * region.width() * 3, region.width() * 3);
        }
        return new RgbImage(region.width(), region.height(), out);
    }

    public float get(int x, int y, int c) {
        return data[(y * width + x) * 3 + c];
    }

    /** Applies a TIFF Orientation (1–8) so the image reads upright; 1 and unknown values return this image. */
    public RgbImage oriented(int orientation) {
        if (orientation < 2 || orientation > 8) {
            return this;
        }
        boolean transpose = orientation >= 5;
        int w = transpose ? height : width;
        int h = transpose ? width : height;
        float[] out = new float[data.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = width - 1 - x; sy = y; }          // mirror horizontal
                    case 3 -> { sx = width - 1 - x; sy = height - 1 - y; } // rotate 180
                    case 4 -> { sx = x; sy = height - 1 - y; }         // mirror vertical
                    case 5 -> { sx = y; sy = x; }                      // transpose
                    case 6 -> { sx = y; sy = height - 1 - x; }         // rotate 90 CW
                    case 7 -> { sx = width - 1 - y; sy = height - 1 - x; } // transverse
                    default -> { sx = width - 1 - y; sy = x; }         // 8: rotate 270 CW
                }
                System.arraycopy(data, (sy * width + sx) * 3, out, (y * w + x) * 3, 3);
            }
        }
        return new RgbImage(w, h, out);
    }
}
