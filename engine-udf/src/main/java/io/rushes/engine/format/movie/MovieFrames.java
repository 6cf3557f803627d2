package io.rushes.engine.format.movie;

import io.rushes.engine.format.FrameDecoder;
import io.rushes.engine.format.FrameReader;
import io.rushes.engine.io.ByteSource;
import java.util.Set;

/**
 * The frames of QuickTime/MP4, MXF and MPEG-TS movies (ProRes, DNxHD/DNxHR, H.264, HEVC, MPEG-2, JPEG 2000 and the
 * rest FFmpeg decodes), through FFmpeg's libraries: see {@link MovieReader}.
 */
public final class MovieFrames implements FrameDecoder {
    @Override
    public Set<String> formats() {
        return Set.of("quicktime", "mxf", "mpegts");
    }

    @Override
    public FrameReader open(ByteSource source) {
        return MovieReader.open(source);
    }
}
