package io.rushes.engine.format;

import io.rushes.engine.image.Region;
import io.rushes.engine.metadata.Timecode;

/**
 * The frames of one open file: one for a still or a frame of a sequence, many for a movie. A reader decodes only
 * what a frame (or a region of it) needs and may keep decoder state between calls, so reading frames in order
 * costs one decode each; it is used by one thread and closed by whoever opened it (the source stays the caller's).
 */
public interface FrameReader extends AutoCloseable {
    /** Width of a frame as stored (before orientation), in pixels or photosites. */
    int width();

    /** Height of a frame as stored (before orientation). */
    int height();

    /** How many frames the file holds (1 for a still or one frame of a sequence). */
    long frameCount();

    /**
     * Whether the file's frames are numbered by their index in it (a movie, even of one frame), rather than the file
     * being one image (a still, or one frame of a sequence numbered by its file name).
     */
    default boolean numbersFramesByIndex() {
        return frameCount() > 1;
    }

    /** The TIFF Orientation (1–8) a frame is shown in, applied after development; 1 when the file has none. */
    default int orientation() {
        return 1;
    }

    /** The timecode of the file's first frame, or null when the file has none. */
    default Timecode startTimecode() {
        return null;
    }

    /**
     * Frame {@code index} (0 is the file's first), only {@code region} of it (null: all of it; a mosaic's caller adds the
     * demosaic's margin itself). The pixels returned are the caller's to change: a reader never hands out an array it
     * keeps or returns again. Throws {@code RushesException} for an index outside the file or a damaged frame.
     */
    SourceFrame read(long index, Region region);

    /** Releases what the decoder holds; never throws. */
    @Override
    default void close() {
    }
}
