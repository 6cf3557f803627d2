package io.rushes.engine.deliver.movie;

/**
 * The file a movie is wrapped in, by FFmpeg's muxer: QuickTime (any codec; {@code moov} before {@code mdat}, so it plays
 * while it downloads) or MXF OP1a (DNxHR and ProRes, as Avid and broadcast take them; H.264 long-GOP is not mapped).
 */
public enum MovieContainer {
    MOV("mov", "mov"),
    MXF("mxf", "mxf");

    private final String muxer;
    private final String extension;

    MovieContainer(String muxer, String extension) {
        this.muxer = muxer;
        this.extension = extension;
    }

    /** FFmpeg's muxer name. */
    public String muxer() {
        return muxer;
    }

    /** The file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** Whether this container carries {@code codec}. */
    public boolean carries(MovieCodec codec) {
        return this == MOV || codec != MovieCodec.H264_HIGH;
    }
}
