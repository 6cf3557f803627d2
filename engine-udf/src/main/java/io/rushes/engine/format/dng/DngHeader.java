package io.rushes.engine.format.dng;

import io.rushes.engine.error.Errors;
import io.rushes.engine.format.tiff.ExifMapper;
import io.rushes.engine.format.tiff.TiffIfd;
import io.rushes.engine.format.tiff.TiffStructure;
import io.rushes.engine.format.tiff.TiffTags;
import io.rushes.engine.io.BinaryReader;

/** A DNG's directory tree and its full-resolution raw image directory. */
public record DngHeader(TiffStructure tiff, TiffIfd raw) {

    public static DngHeader read(BinaryReader in) {
        return of(TiffStructure.read(in, 0), in);
    }

    /** The DNG whose directory tree {@code tiff} (read from {@code in}) is: one parse of the TIFF serves both. */
    public static DngHeader of(TiffStructure tiff, BinaryReader in) {
        if (!tiff.ifd0().has(TiffTags.DNG_VERSION)) {
            throw Errors.corrupt(in.name(), 0, "a TIFF file without the DNGVersion tag is not a DNG");
        }
        TiffIfd raw = ExifMapper.mainRawImage(tiff);
        if (raw == null) {
            for (TiffStructure.Beyond cut : tiff.beyondEnd()) {
                if (cut.length() == 0) { // a directory past the end: the raw image may be the part cut off
                    throw Errors.truncated(in.name(), cut.valueOffset(), "the image directory " + cut.ifd() + " at byte " + cut.valueOffset()
                            + ", where the raw image may be (the file has " + in.size() + " bytes)");
                }
            }
            throw Errors.corrupt(in.name(), tiff.ifd0().offset(),
                    "the DNG has no full-resolution raw image (no directory with NewSubfileType 0 and CFA or LinearRaw data)");
        }
        return new DngHeader(tiff, raw);
    }

    /** CFA layout as letters (RGGB…) from CFARepeatPatternDim, CFAPattern and CFAPlaneColor; null if not CFA. */
    public String cfaPattern() {
        double[] dim = raw.numbers(TiffTags.CFA_REPEAT_PATTERN_DIM);
        double[] pattern = raw.numbers(TiffTags.CFA_PATTERN);
        if (dim == null || pattern == null || dim.length != 2 || pattern.length != (int) dim[0] * (int) dim[1]) {
            return null;
        }
        double[] planes = tiff.ifd0().numbers(TiffTags.CFA_PLANE_COLOR);
        String letters = "RGBCMYW";
        StringBuilder sb = new StringBuilder();
        for (double p : pattern) {
            int colour = planes != null && p < planes.length ? (int) planes[(int) p] : (int) p;
            sb.append(colour >= 0 && colour < letters.length() ? letters.charAt(colour) : '?');
        }
        return sb.toString();
    }
}
