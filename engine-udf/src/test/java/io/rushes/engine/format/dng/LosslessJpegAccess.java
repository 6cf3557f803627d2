package io.rushes.engine.format.dng;

/** Test-side door to the package-private lossless JPEG decoder, for benchmarks. */
public final class LosslessJpegAccess {
    private LosslessJpegAccess() {
    }

    public static Object decode(byte[] data, long maxSamples) {
        return LosslessJpeg.decode(data, "benchmark", 0, maxSamples);
    }
}
