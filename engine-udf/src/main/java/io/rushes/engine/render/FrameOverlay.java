package io.rushes.engine.render;

import io.rushes.engine.image.RgbImage;
import io.rushes.engine.io.ByteSource;
import io.rushes.engine.metadata.ClipMetadata;
import java.util.List;
import java.util.function.Supplier;

/**
 * What is drawn on a display image after the output transform and any fit, just before it is written: burn-ins and
 * framing lines ({@code deliver/burnin}). Compiled once per deliverable and shared by every frame, so it keeps no
 * per-frame state.
 */
public interface FrameOverlay {
    /**
     * Where a frame stands in a movie: its timecode and frame number counted forward from the movie's first frame (what
     * the {@code tmcd} track shows), rather than read from the frame itself as for a still.
     *
     * @param timecode the frame's timecode in the movie (null: the first frame had none)
     * @param number the frame's number in the movie (null: the first frame's name had none)
     */
    record MoviePosition(String timecode, Long number) {
    }

    /**
     * One frame to draw on.
     *
     * @param source the frame's file (its name gives the clip and frame number)
     * @param metadata the frame's camera metadata (reel, timecode, camera…), read on first use
     * @param developedWidth width of the frame as developed and oriented, before any fit: the FDL canvas it maps to
     * @param developedHeight height likewise
     * @param movie in a movie: its place there; null for a still
     */
    record Frame(ByteSource source, Supplier<ClipMetadata> metadata, int developedWidth, int developedHeight, MoviePosition movie) {
    }

    /** Draws on {@code image} (display code values, changed in place); returns warnings for the user. */
    List<String> draw(RgbImage image, Frame frame);
}
