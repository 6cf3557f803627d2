package io.rushes.engine.render;

import io.rushes.engine.io.ByteSource;
import io.rushes.engine.io.ByteSourceFactory;
import java.io.IOException;

/**
 * The source last opened for rendering, kept open while the frames that follow come from the same file (a movie's
 * frames are decoded forward from one reader, without reopening or seeking), closed when another file's frame comes.
 * Used by one thread.
 */
public final class OpenSource implements AutoCloseable {
    private final ByteSourceFactory sources;
    private String location;
    private ByteSource source;
    private FrameRenderer.Input input;

    public OpenSource(ByteSourceFactory sources) {
        this.sources = sources;
    }

    /** The frames of the file at {@code wanted}, opened once for as long as the frames asked for are its. */
    public FrameRenderer.Input input(String wanted) throws IOException {
        if (!wanted.equals(location)) {
            close();
            source = sources.open(wanted);
            location = wanted;
        }
        if (input == null) {
            input = FrameRenderer.Input.open(source);
        }
        return input;
    }

    @Override
    public void close() {
        if (input != null) {
            input.close();
        }
        if (source != null) {
            try {
                source.close();
            } catch (IOException e) {
                // a source is only read: closing it loses nothing
            }
        }
        input = null;
        source = null;
        location = null;
    }
}
