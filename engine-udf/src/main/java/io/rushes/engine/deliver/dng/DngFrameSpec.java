package io.rushes.engine.deliver.dng;

import io.rushes.engine.metadata.Timecode;

/**
 * What a CinemaDNG frame says about itself: camera, lens, exposure, timecode and colour calibration.
 *
 * @param colorMatrix1 XYZ→camera under standard illuminant A, row-major 3×3
 * @param colorMatrix2 XYZ→camera under D65, row-major 3×3
 * @param asShotNeutral camera response to the scene white, green = 1
 */
public record DngFrameSpec(String make, String model, String serial, String firmware, String cameraLabel, String reelName,
                           int width, int height, int bitsPerSample, int whiteLevel, int blackLevel, double fps,
                           Timecode timecode, double exposureTime, int iso, double tStop, double fNumber,
                           double focalLength, String lensModel, String dateTimeOriginal,
                           double[] colorMatrix1, double[] colorMatrix2, double[] asShotNeutral) {
}
