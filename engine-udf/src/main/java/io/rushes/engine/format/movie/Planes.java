package io.rushes.engine.format.movie;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The samples of one decoded frame as FFmpeg lays them out: up to four planes, each {@code strides[p]} bytes a row,
 * read in place (a native AVFrame's buffers, or a byte array of {@code ffmpeg -f rawvideo} output in tests).
 *
 * @param layout where each component is
 * @param width frame width in luma samples
 * @param height frame height in rows
 * @param planes each plane's bytes, little-endian
 * @param strides bytes from one row of a plane to the next
 */
record Planes(PixelLayout layout, int width, int height, ByteBuffer[] planes, int[] strides) {
    Planes {
        for (int p = 0; p < layout.planeCount(); p++) {
            planes[p] = planes[p].duplicate().order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    /** Rows of plane {@code p}. */
    int rows(int p) {
        return layout.rows(p, height);
    }

    /** Samples of component {@code c} a row: the subsampled chroma of a 4:2:x format has half as many, rounded up. */
    int samples(int c) {
        return layout.subsampled(c) ? -(-width >> layout.chromaShiftX()) : width;
    }

    /** Component {@code c}'s samples {@code x0 .. x0 + count - 1} of its row {@code row}, as codes, into {@code out}. */
    void row(int c, int row, int x0, int count, int[] out, byte[] scratch) {
        PixelLayout.Component comp = layout.components()[c];
        ByteBuffer plane = planes[comp.plane()];
        int base = row * strides[comp.plane()] + comp.offset() + x0 * comp.step();
        int span = (count - 1) * comp.step() + comp.bytes();
        plane.get(base, scratch, 0, span);
        int step = comp.step();
        if (comp.bytes() == 1) {
            for (int i = 0, o = 0; i < count; i++, o += step) {
                out[i] = scratch[o] & 0xFF;
            }
        } else {
            for (int i = 0, o = 0; i < count; i++, o += step) {
                out[i] = (scratch[o] & 0xFF) | (scratch[o + 1] & 0xFF) << 8;
            }
        }
    }

    /** Bytes of scratch {@link #row} needs for a whole row of any component. */
    int scratchBytes() {
        int most = 0;
        for (int c = 0; c < layout.components().length; c++) {
            PixelLayout.Component comp = layout.components()[c];
            most = Math.max(most, samples(c) * comp.step() + comp.bytes());
        }
        return most;
    }
}
