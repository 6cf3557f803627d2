package io.rushes.engine.api;

import io.rushes.engine.error.RushesException;
import java.util.List;

/**
 * One output of a render, or the failure to make it: a failed frame is a result, never an exception out of the
 * unit, so the other frames are still rendered and recorded.
 *
 * @param source   the first source frame's location
 * @param frame    the source frame number (null for a single file or a movie)
 * @param name     the file name (null when the failure came before a name could be given)
 * @param output   where it was written (the sink's name), null when it failed
 * @param size     the image size, "WxH"
 * @param frames   frames in the file (1 for a still)
 * @param bytes    bytes written
 * @param xxh128   the xxh128 of the bytes written, lower-case hex
 * @param nanos    wall time the frame took
 * @param warnings what the user should know (values clipped…)
 * @param error    why it failed, or null
 */
public record RenderedFile(String source, Long frame, String name, String output, String size, long frames, long bytes, String xxh128,
                           long nanos, List<String> warnings, RushesException error) {
    public boolean ok() {
        return error == null;
    }

    public static RenderedFile failed(String source, Long frame, String name, long nanos, RushesException error) {
        return new RenderedFile(source, frame, name, null, null, 0, 0, null, nanos, List.of(), error);
    }
}
