package io.rushes.engine.api;

import java.util.List;

/**
 * One unit of render work: frames of one clip, in order (a whole clip, or a sub-segment of a long shot). A movie
 * plan makes one file of the unit; a still plan one file per frame.
 *
 * @param clip the clip's name, for file names and messages
 */
public record RenderUnit(String clip, List<Frame> frames) {
    /**
     * One source frame.
     *
     * @param location where its file is (the host's ByteSourceFactory opens it)
     * @param frame its number in the clip's sequence, or null for a single file
     */
    public record Frame(String location, Long frame) {
    }

    public RenderUnit {
        frames = List.copyOf(frames);
    }
}
