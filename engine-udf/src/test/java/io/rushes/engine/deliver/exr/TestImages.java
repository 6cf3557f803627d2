package io.rushes.engine.deliver.exr;

import io.rushes.engine.image.RgbImage;
import java.util.Random;

/** Seeded test pictures: smooth ramps (which every codec shrinks), flat patches, noise, and extreme values. */
final class TestImages {
    private TestImages() {
    }

    static RgbImage picture(int width, int height, long seed) {
        Random random = new Random(seed);
        float[] d = new float[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                for (int c = 0; c < 3; c++) {
                    float ramp = (float) (x + 2 * y + c) / (width + 2 * height) * 4f - 0.5f;
                    d[i + c] = switch ((x / 16 + y / 8) % 4) {
                        case 0 -> ramp;
                        case 1 -> 0.18f;
                        case 2 -> (float) (random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6));
                        default -> ramp + (float) random.nextGaussian() * 0.01f;
                    };
                }
            }
        }
        if (d.length >= 12) {
            d[0] = Float.POSITIVE_INFINITY;
            d[4] = Float.NaN;
            d[8] = 70000f; // past the largest half: infinity in HALF, kept in FLOAT
            d[11] = -1e-7f; // a half denormal
        }
        return new RgbImage(width, height, d);
    }

    static float[] alpha(int width, int height, long seed) {
        Random random = new Random(seed);
        float[] a = new float[width * height];
        for (int i = 0; i < a.length; i++) {
            a[i] = i % 5 == 0 ? random.nextFloat() : 1f;
        }
        return a;
    }
}
