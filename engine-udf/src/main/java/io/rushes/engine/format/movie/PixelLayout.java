package io.rushes.engine.format.movie;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_ALPHA;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_BAYER;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_BE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_BITSTREAM;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_FLOAT;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_HWACCEL;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_PAL;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_RGB;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_XYZ;
import static org.bytedeco.ffmpeg.global.avutil.av_pix_fmt_desc_get;

import java.util.Locale;
import org.bytedeco.ffmpeg.avutil.AVComponentDescriptor;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;

/**
 * Where the samples of a decoded frame are, read from FFmpeg's own description of its pixel format (AVPixFmtDescriptor),
 * so every planar, semi-planar and packed integer layout of up to 16 bits a sample (yuv420p … yuv444p16le, yuva444p12le,
 * nv12, gbrp10le, rgb48le, gray10le …) is read by one loop rather than a case per format. Components are Y', Cb, Cr for
 * Y'CbCr formats and R, G, B for RGB ones (a gray format has only Y'); alpha is not read.
 *
 * @param name the pixel format's FFmpeg name (yuv422p10le)
 * @param rgb whether the components are R, G, B rather than Y', Cb, Cr
 * @param chromaShiftX log2 of the horizontal chroma subsampling (1 for 4:2:2 and 4:2:0); 0 for RGB
 * @param chromaShiftY log2 of the vertical chroma subsampling (1 for 4:2:0)
 * @param components one (gray) or three colour components
 * @param planeCount how many planes the format has, alpha's included
 */
record PixelLayout(String name, boolean rgb, int chromaShiftX, int chromaShiftY, Component[] components, int planeCount) {
    /**
     * One component: its plane, the bytes from one sample to the next on a row, the byte offset of the row's first
     * sample, and its bits (8 or fewer in a byte, up to 16 in a little-endian 16-bit word).
     */
    record Component(int plane, int step, int offset, int depth) {
        int bytes() {
            return depth > 8 ? 2 : 1;
        }
    }

    /** Whether component {@code c} is subsampled (Cb and Cr of a Y'CbCr format). */
    boolean subsampled(int c) {
        return !rgb && c > 0;
    }

    /** Rows of plane {@code p} in a frame of {@code height}: the chroma planes of a vertically subsampled format have half as many, rounded up. */
    int rows(int p, int height) {
        for (int c = 1; c < components.length; c++) {
            if (components[c].plane() == p && subsampled(c)) {
                return -(-height >> chromaShiftY);
            }
        }
        return height;
    }

    int depth() {
        return components[0].depth();
    }

    boolean gray() {
        return components.length == 1;
    }

    /** The layout of FFmpeg pixel format {@code pixFmt}, or null when this reader cannot read its samples ({@link #refusal}). */
    static PixelLayout of(int pixFmt) {
        return refusal(pixFmt) == null ? read(av_pix_fmt_desc_get(pixFmt)) : null;
    }

    /** Why a pixel format cannot be read, or null when it can. */
    static String refusal(int pixFmt) {
        AVPixFmtDescriptor d = pixFmt < 0 ? null : av_pix_fmt_desc_get(pixFmt);
        if (d == null || d.isNull()) {
            return "pixel format " + pixFmt + " is not one FFmpeg describes";
        }
        String name = d.name().getString();
        long flags = d.flags();
        if ((flags & AV_PIX_FMT_FLAG_BAYER) != 0) {
            return "the frames are a colour filter mosaic (" + name + "), which needs raw development rather than a Y'CbCr conversion";
        }
        if ((flags & (AV_PIX_FMT_FLAG_HWACCEL | AV_PIX_FMT_FLAG_PAL | AV_PIX_FMT_FLAG_BITSTREAM | AV_PIX_FMT_FLAG_FLOAT | AV_PIX_FMT_FLAG_XYZ)) != 0) {
            return "the frames are in FFmpeg's pixel format " + name + " (palette, bit-packed, float, XYZ or hardware)";
        }
        int colours = d.nb_components() - ((flags & AV_PIX_FMT_FLAG_ALPHA) != 0 ? 1 : 0);
        if (colours != 1 && colours != 3) {
            return "the frames have " + colours + " colour components (" + name + ")";
        }
        for (int c = 0; c < colours; c++) {
            AVComponentDescriptor comp = d.comp(c);
            int bytes = comp.depth() > 8 ? 2 : 1;
            if (comp.shift() != 0 || comp.depth() > 16 || comp.depth() < 1 || comp.step() % bytes != 0 || comp.offset() % bytes != 0
                    || (bytes == 2 && (flags & AV_PIX_FMT_FLAG_BE) != 0)) {
                return String.format(Locale.ROOT, "the frames are in FFmpeg's pixel format %s, whose component %d is %d bits at bit %d of a %d-byte step",
                        name, c, comp.depth(), comp.shift(), comp.step());
            }
        }
        return null;
    }

    private static PixelLayout read(AVPixFmtDescriptor d) {
        boolean rgb = (d.flags() & AV_PIX_FMT_FLAG_RGB) != 0;
        int colours = d.nb_components() - ((d.flags() & AV_PIX_FMT_FLAG_ALPHA) != 0 ? 1 : 0);
        Component[] components = new Component[colours];
        int planes = 0;
        for (int c = 0; c < d.nb_components(); c++) {
            AVComponentDescriptor comp = d.comp(c);
            planes = Math.max(planes, comp.plane() + 1);
            if (c < colours) {
                components[c] = new Component(comp.plane(), comp.step(), comp.offset(), comp.depth());
            }
        }
        return new PixelLayout(d.name().getString(), rgb, rgb ? 0 : d.log2_chroma_w(), rgb ? 0 : d.log2_chroma_h(), components, planes);
    }
}
