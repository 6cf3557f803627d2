package io.rushes.engine.format.dng;

/** Test-side door to the package-private lossless JPEG codec, for benchmarks. */
public final class LosslessJpegAccess {
    private LosslessJpegAccess() {
    }

    public static byte[] encode(int[] samples, int width, int height, int components, int precision) {
        return LosslessJpeg.encode(samples, width, height, components, precision);
    }

    public static Object decode(byte[] data, long maxSamples) {
        return LosslessJpeg.decode(data, "benchmark", 0, maxSamples);
    }
}
