package io.rushes.engine.format;

import io.rushes.engine.error.Errors;
import io.rushes.engine.image.Region;

/** The reader of a file that holds one frame (a still, or one frame of a sequence): frame 0, and no other. */
public abstract class StillFrame implements FrameReader {
    private final String file;

    protected StillFrame(String file) {
        this.file = file;
    }

    @Override
    public final long frameCount() {
        return 1;
    }

    @Override
    public final SourceFrame read(long index, Region region) {
        if (index != 0) {
            throw Errors.invalidArgument("frame " + index + " of a file holding one frame", "Give frame 0").inFile(file);
        }
        return decode(region);
    }

    /** The frame, only {@code region} of it (null: all of it). */
    protected abstract SourceFrame decode(Region region);
}
