package io.rushes.engine.discovery;

import java.io.Serializable;
import java.util.List;

/**
 * A unit of inspection: a frame sequence, a movie file, or a movie spanned over several segment files.
 *
 * @param frames frame numbers of {@code files}, in the same order; empty unless a sequence
 * @param missingFrames frame numbers absent between the first and last frame (capped at {@link ClipDiscovery#MAX_LISTED_GAPS})
 * @param missingFrameCount how many frames are absent in all
 */
public record Clip(String name, Kind kind, String directory, List<FileEntry> files, List<Long> frames,
                   List<Long> missingFrames, long missingFrameCount) implements Serializable {

    public enum Kind { SEQUENCE, MOVIE, SPANNED, SINGLE }

    public long totalBytes() {
        long total = 0;
        for (FileEntry f : files) {
            total += f.size();
        }
        return total;
    }

    public Long firstFrame() {
        return frames.isEmpty() ? null : frames.get(0);
    }

    public Long lastFrame() {
        return frames.isEmpty() ? null : frames.get(frames.size() - 1);
    }
}
