package io.rushes.engine.format.tiff;

import io.rushes.engine.error.Errors;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.metadata.ClipMetadata;

/**
 * What the directories of a TIFF-structured file say about its image data, checked without reading a
 * pixel: each directory's size within the engine's limit, and every strip or tile inside the file. A
 * file cut short keeps its header, so the cut shows as a strip or tile that ends past the end of the file.
 */
public final class ImageExtents {
    /** 200 MP: above any sensor in production; a larger header is lying. */
    public static final long MAX_PIXELS = 200_000_000L;
    private static final int CLASSIC_TIFF = 42;

    private ImageExtents() {
    }

    /**
     * Refuses a directory whose image is larger than {@link #MAX_PIXELS} (LIMIT_EXCEEDED), and
     * records in {@code md} a TRUNCATED problem for the first strip or tile of each directory that lies past
     * the end of the file, or whose table does.
     */
    public static void check(TiffStructure tiff, ClipMetadata md) {
        BinaryReader in = tiff.reader();
        for (TiffIfd ifd : tiff.ifds()) {
            checkSize(in, ifd);
        }
        if (tiff.magic() != CLASSIC_TIFF) {
            return; // RW2 and ORF locate their raw data with their own tags (RawDataOffset…), not the strip table
        }
        for (TiffIfd ifd : tiff.ifds()) {
            checkData(tiff, ifd, TiffTags.STRIP_OFFSETS, TiffTags.STRIP_BYTE_COUNTS, "strip", md);
            checkData(tiff, ifd, TiffTags.TILE_OFFSETS, TiffTags.TILE_BYTE_COUNTS, "tile", md);
        }
        for (TiffStructure.Beyond b : tiff.beyondEnd()) {
            if (isDataTable(b.tag())) {
                md.problem(Errors.truncated(in.name(), b.valueOffset(), "the " + TiffTags.name(b.tag()) + " table of " + b.ifd()
                        + " (bytes " + b.valueOffset() + " to " + (b.valueOffset() + b.length()) + " of a " + in.size() + "-byte file)"));
            }
        }
    }

    private static boolean isDataTable(int tag) {
        return tag == TiffTags.STRIP_OFFSETS || tag == TiffTags.STRIP_BYTE_COUNTS
                || tag == TiffTags.TILE_OFFSETS || tag == TiffTags.TILE_BYTE_COUNTS;
    }

    private static void checkSize(BinaryReader in, TiffIfd ifd) {
        Long width = ifd.unsigned(TiffTags.IMAGE_WIDTH);
        Long height = ifd.unsigned(TiffTags.IMAGE_LENGTH);
        if (width == null || height == null || width <= 0 || height <= 0) {
            return;
        }
        long side = Math.max(width, height);
        if (side > MAX_PIXELS) { // one side alone is past the limit (and the product could overflow)
            throw Errors.limitExceeded(in.name(), ifd.offset(), "the image " + (width >= height ? "width" : "height") + " of " + ifd.name()
                    + " (" + width + "x" + height + ") in pixels", side, MAX_PIXELS);
        }
        if (width * height > MAX_PIXELS) {
            throw Errors.limitExceeded(in.name(), ifd.offset(), "the image size of " + ifd.name() + " (" + width + "x" + height
                    + ") in pixels", width * height, MAX_PIXELS);
        }
    }

    private static void checkData(TiffStructure tiff, TiffIfd ifd, int offsetsTag, int countsTag, String unit, ClipMetadata md) {
        TiffEntry offsetsEntry = ifd.entry(offsetsTag);
        TiffEntry countsEntry = ifd.entry(countsTag);
        if (offsetsEntry == null || countsEntry == null || !offsetsEntry.numeric() || !countsEntry.numeric()
                || offsetsEntry.count() > TiffIfd.MAX_VALUES || countsEntry.count() > TiffIfd.MAX_VALUES) {
            return; // no table, or one too long to be header data: nothing the header can show
        }
        double[] offsets = ifd.numbers(offsetsTag);
        double[] counts = ifd.numbers(countsTag);
        long size = tiff.reader().size();
        int n = Math.min(offsets.length, counts.length);
        for (int i = 0; i < n; i++) {
            long start = tiff.base() + (long) offsets[i];
            long end = start + (long) counts[i];
            if (counts[i] > 0 && end > size) {
                md.problem(Errors.truncated(tiff.reader().name(), start, unit + " " + (i + 1) + " of " + n + " of " + ifd.name()
                        + " (bytes " + start + " to " + end + " of a " + size + "-byte file)"));
                return;
            }
        }
    }
}
