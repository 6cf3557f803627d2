package io.rushes.engine.deliver.movie;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV422P10LE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV444P10LE;

/**
 * The review and editorial codecs Rushes writes, each an FFmpeg encoder of the LGPL build with its profile and the
 * Y'CbCr layout it is fed. H.264 comes from Cisco's OpenH264 (BSD; 8-bit 4:2:0): libx264 and HEVC's libx265 exist
 * only in FFmpeg's GPL build.
 */
public enum MovieCodec {
    PRORES_422_HQ("prores_ks", "hq", true, false, 10, AV_PIX_FMT_YUV422P10LE),
    PRORES_4444("prores_ks", "4444", false, false, 10, AV_PIX_FMT_YUV444P10LE),
    PRORES_4444_XQ("prores_ks", "4444xq", false, false, 10, AV_PIX_FMT_YUV444P10LE),
    DNXHR_HQX("dnxhd", "dnxhr_hqx", true, false, 10, AV_PIX_FMT_YUV422P10LE),
    DNXHR_444("dnxhd", "dnxhr_444", false, false, 10, AV_PIX_FMT_YUV444P10LE),
    /** H.264 High, 8-bit 4:2:0, at a review bit rate (see {@link #bitsPerPixel()}). */
    H264_HIGH("libopenh264", "high", true, true, 8, AV_PIX_FMT_YUV420P);

    private final String encoder;
    private final String profile;
    private final boolean halfWidthChroma;
    private final boolean halfHeightChroma;
    private final int bits;
    private final int pixelFormat;

    MovieCodec(String encoder, String profile, boolean halfWidthChroma, boolean halfHeightChroma, int bits, int pixelFormat) {
        this.encoder = encoder;
        this.profile = profile;
        this.halfWidthChroma = halfWidthChroma;
        this.halfHeightChroma = halfHeightChroma;
        this.bits = bits;
        this.pixelFormat = pixelFormat;
    }

    /** The FFmpeg encoder's name. */
    public String encoder() {
        return encoder;
    }

    /** The encoder's {@code profile} option, as the {@code ffmpeg} CLI takes it in {@code -profile:v}. */
    public String profile() {
        return profile;
    }

    /** Whether chroma is halved horizontally (4:2:2 and 4:2:0). */
    public boolean halfWidthChroma() {
        return halfWidthChroma;
    }

    /** Whether chroma is halved vertically too (4:2:0). */
    public boolean halfHeightChroma() {
        return halfHeightChroma;
    }

    /** Bits per sample fed to the encoder. */
    public int bits() {
        return bits;
    }

    /** The bit rate of a rate-controlled codec, in bits per pixel and frame (H.264: 0.35, about 17 Mb/s at 1080p24); 0 for the intra codecs whose profile fixes it. */
    public double bitsPerPixel() {
        return this == H264_HIGH ? 0.35 : 0;
    }

    int pixelFormat() {
        return pixelFormat;
    }
}
