package io.rushes.engine.deliver.movie;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV422P10LE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV444P10LE;

/**
 * The review and editorial codecs Rushes writes, each an FFmpeg encoder of the LGPL build with its profile and the
 * 10-bit Y'CbCr layout it is fed. H.264/HEVC are not here: they need libx264/libx265, which only FFmpeg's GPL build has.
 */
public enum MovieCodec {
    PRORES_422_HQ("prores_ks", "hq", true),
    PRORES_4444("prores_ks", "4444", false),
    PRORES_4444_XQ("prores_ks", "4444xq", false),
    DNXHR_HQX("dnxhd", "dnxhr_hqx", true),
    DNXHR_444("dnxhd", "dnxhr_444", false);

    private final String encoder;
    private final String profile;
    private final boolean chroma422;

    MovieCodec(String encoder, String profile, boolean chroma422) {
        this.encoder = encoder;
        this.profile = profile;
        this.chroma422 = chroma422;
    }

    /** The FFmpeg encoder's name. */
    public String encoder() {
        return encoder;
    }

    /** The encoder's {@code profile} option, as the {@code ffmpeg} CLI takes it in {@code -profile:v}. */
    public String profile() {
        return profile;
    }

    /** Whether chroma is halved horizontally (4:2:2), which needs an even width. */
    public boolean chroma422() {
        return chroma422;
    }

    int pixelFormat() {
        return chroma422 ? AV_PIX_FMT_YUV422P10LE : AV_PIX_FMT_YUV444P10LE;
    }
}
