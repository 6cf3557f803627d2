package io.rushes.engine.format.stillraw;

import io.rushes.engine.format.tiff.ExifMapper;
import io.rushes.engine.format.tiff.TiffIfd;
import io.rushes.engine.format.tiff.TiffStructure;
import io.rushes.engine.format.tiff.TiffTags;
import io.rushes.engine.io.BinaryReader;

/**
 * A TIFF-structured stills raw (NEF, CR2, ARW, PEF, KDC, IIQ, ORF, RW2…) or plain TIFF: its directory tree
 * and the recorded image size, taken from the full-resolution CFA directory, else the EXIF pixel
 * dimensions, else the largest directory.
 */
public record StillRawHeader(TiffStructure tiff, int width, int height) {

    public static StillRawHeader read(BinaryReader in) {
        TiffStructure tiff = TiffStructure.read(in, 0);
        TiffIfd raw = ExifMapper.mainRawImage(tiff);
        if (raw != null) {
            return new StillRawHeader(tiff, num(raw.unsigned(TiffTags.IMAGE_WIDTH)), num(raw.unsigned(TiffTags.IMAGE_LENGTH)));
        }
        Double ew = tiff.number(TiffTags.EXIF_IMAGE_WIDTH);
        Double eh = tiff.number(TiffTags.EXIF_IMAGE_HEIGHT);
        if (ew != null && eh != null && ew > 1 && eh > 1) {
            return new StillRawHeader(tiff, ew.intValue(), eh.intValue());
        }
        long best = 0;
        int w = 0;
        int h = 0;
        for (TiffIfd ifd : tiff.ifds()) {
            Long iw = ifd.unsigned(TiffTags.IMAGE_WIDTH);
            Long ih = ifd.unsigned(TiffTags.IMAGE_LENGTH);
            if (iw != null && ih != null && iw * ih > best) {
                best = iw * ih;
                w = num(iw);
                h = num(ih);
            }
        }
        return new StillRawHeader(tiff, w, h);
    }

    private static int num(Long v) {
        return v == null ? 0 : (int) Math.min(Integer.MAX_VALUE, v);
    }
}
