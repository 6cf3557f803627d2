package io.rushes.engine.deliver.dng;

import io.rushes.engine.deliver.tiff.TiffWriter;
import io.rushes.engine.format.tiff.TiffEntry;
import io.rushes.engine.format.tiff.TiffTags;
import io.rushes.engine.metadata.SmpteTimecodeBytes;

/**
 * Writes an RGGB CinemaDNG frame: DNG 1.4 tags, the CinemaDNG timecode, frame rate, T-stop, reel and
 * camera label, and the Bayer samples packed at 12 bits (MSB first, as TIFF packs samples), stored at 16
 * bits, or compressed with lossless JPEG.
 */
public final class DngWriter {
    public static final int UNCOMPRESSED = 1;
    public static final int LOSSLESS_JPEG = 7;

    private DngWriter() {
    }

    public static byte[] header(DngFrameSpec s, long pixelBytes) {
        return header(s, pixelBytes, UNCOMPRESSED);
    }

    public static byte[] header(DngFrameSpec s, long pixelBytes, int compression) {
        TiffWriter w = new TiffWriter();
        w.longs(false, TiffTags.NEW_SUBFILE_TYPE, 0)
                .longs(false, TiffTags.IMAGE_WIDTH, s.width())
                .longs(false, TiffTags.IMAGE_LENGTH, s.height())
                .shorts(false, TiffTags.BITS_PER_SAMPLE, s.bitsPerSample())
                .shorts(false, TiffTags.COMPRESSION, compression)
                .shorts(false, TiffTags.PHOTOMETRIC, 32803)
                .ascii(false, TiffTags.MAKE, s.make())
                .ascii(false, TiffTags.MODEL, s.model())
                .shorts(false, TiffTags.ORIENTATION, 1)
                .shorts(false, TiffTags.SAMPLES_PER_PIXEL, 1)
                .longs(false, TiffTags.ROWS_PER_STRIP, s.height())
                .shorts(false, TiffTags.PLANAR_CONFIGURATION, 1)
                .ascii(false, TiffTags.SOFTWARE, s.firmware())
                .ascii(false, TiffTags.DATE_TIME, s.dateTimeOriginal())
                .shorts(false, TiffTags.CFA_REPEAT_PATTERN_DIM, 2, 2)
                .bytes(false, TiffTags.CFA_PATTERN, TiffEntry.BYTE, (byte) 0, (byte) 1, (byte) 1, (byte) 2)
                .bytes(false, TiffTags.DNG_VERSION, TiffEntry.BYTE, (byte) 1, (byte) 4, (byte) 0, (byte) 0)
                .bytes(false, 50707, TiffEntry.BYTE, (byte) 1, (byte) 3, (byte) 0, (byte) 0)
                .ascii(false, TiffTags.UNIQUE_CAMERA_MODEL, s.make() + " " + s.model())
                .bytes(false, TiffTags.CFA_PLANE_COLOR, TiffEntry.BYTE, (byte) 0, (byte) 1, (byte) 2)
                .shorts(false, TiffTags.CFA_LAYOUT, 1)
                .longs(false, TiffTags.BLACK_LEVEL, s.blackLevel())
                .longs(false, TiffTags.WHITE_LEVEL, s.whiteLevel())
                .longs(false, TiffTags.DEFAULT_CROP_ORIGIN, 0, 0)
                .longs(false, TiffTags.DEFAULT_CROP_SIZE, s.width(), s.height())
                .srationals(false, TiffTags.COLOR_MATRIX_1, 10000, s.colorMatrix1())
                .srationals(false, TiffTags.COLOR_MATRIX_2, 10000, s.colorMatrix2())
                .rationals(false, TiffTags.ANALOG_BALANCE, 1, 1, 1, 1)
                .rationals(false, TiffTags.AS_SHOT_NEUTRAL, 1_000_000, s.asShotNeutral())
                .srationals(false, TiffTags.BASELINE_EXPOSURE, 100, 0)
                .ascii(false, TiffTags.CAMERA_SERIAL_NUMBER, s.serial())
                .rationals(false, TiffTags.LENS_INFO, 10, s.focalLength(), s.focalLength(), s.fNumber(), s.fNumber())
                .shorts(false, TiffTags.CALIBRATION_ILLUMINANT_1, 17)
                .shorts(false, TiffTags.CALIBRATION_ILLUMINANT_2, 21)
                .longs(false, TiffTags.ACTIVE_AREA, 0, 0, s.height(), s.width())
                .bytes(false, TiffTags.TIME_CODES, TiffEntry.BYTE, SmpteTimecodeBytes.encode(s.timecode()))
                .srationals(false, TiffTags.FRAME_RATE, fpsDenominator(s.fps()), s.fps())
                .rationals(false, TiffTags.T_STOP, 10, s.tStop())
                .ascii(false, TiffTags.REEL_NAME, s.reelName())
                .ascii(false, TiffTags.CAMERA_LABEL, s.cameraLabel());
        w.rationals(true, TiffTags.EXPOSURE_TIME, 1_000_000, s.exposureTime())
                .rationals(true, TiffTags.F_NUMBER, 10, s.fNumber())
                .shorts(true, TiffTags.ISO_SPEED, s.iso())
                .ascii(true, TiffTags.DATE_TIME_ORIGINAL, s.dateTimeOriginal())
                .rationals(true, TiffTags.FOCAL_LENGTH, 10, s.focalLength())
                .ascii(true, TiffTags.BODY_SERIAL_NUMBER, s.serial())
                .ascii(true, TiffTags.LENS_MODEL, s.lensModel());
        return w.header(pixelBytes);
    }

    /** 23.976 is 24000/1001: a denominator that makes the NTSC rates exact. */
    private static long fpsDenominator(double fps) {
        return Math.abs(fps * 1001 - Math.round(fps * 1001)) < 1e-6 && fps != Math.rint(fps) ? 1001 : 1000;
    }

    public static long pixelBytes(DngFrameSpec s) {
        return s.bitsPerSample() == 12 ? (long) s.width() * s.height() * 3 / 2 : (long) s.width() * s.height() * 2;
    }

    /**
     * One frame of samples (row-major) as a single-strip lossless JPEG of the frame's bit depth, each row coded
     * as two interleaved components (its two CFA colours), the layout most DNG writers use.
     */
    public static byte[] losslessJpeg(DngFrameSpec s, int[] samples) {
        return LosslessJpegEncoder.encode(samples, s.width(), s.height(), 2, s.bitsPerSample());
    }

    /** Packs one frame of samples (row-major) as the frame's BitsPerSample says. */
    public static byte[] pack(DngFrameSpec s, int[] samples) {
        byte[] out = new byte[(int) pixelBytes(s)];
        if (s.bitsPerSample() == 12) {
            int o = 0;
            for (int i = 0; i + 1 < samples.length; i += 2) {
                int a = samples[i];
                int b = samples[i + 1];
                out[o++] = (byte) (a >> 4);
                out[o++] = (byte) ((a & 0xF) << 4 | (b >> 8));
                out[o++] = (byte) b;
            }
        } else {
            for (int i = 0; i < samples.length; i++) {
                out[2 * i] = (byte) samples[i];
                out[2 * i + 1] = (byte) (samples[i] >> 8);
            }
        }
        return out;
    }
}
