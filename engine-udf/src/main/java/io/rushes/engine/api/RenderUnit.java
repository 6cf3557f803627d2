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
     * @param frame its number in the clip (in a sequence, from its file name; in a movie, its index), or null for a single file
     * @param index which frame of the file it is (0 for a still or a frame of a sequence; a movie's frame from 0)
     */
    public record Frame(String location, Long frame, long index) {
        public Frame {
            if (index < 0) {
                throw new IllegalArgumentException("frame index " + index + " of " + location);
            }
        }

        /** The one frame of a still, or of a sequence's file. */
        public Frame(String location, Long frame) {
            this(location, frame, 0);
        }
    }

    public RenderUnit {
        frames = List.copyOf(frames);
    }
}
