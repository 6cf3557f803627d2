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

    /** Row buffers for {@link #row}, reused from row to row. */
    record Scratch(byte[] bytes, short[] words) {
    }

    /** Buffers {@link #row} needs for a whole row of any component. */
    Scratch scratch() {
        int bytes = 0;
        for (int c = 0; c < layout.components().length; c++) {
            PixelLayout.Component comp = layout.components()[c];
            bytes = Math.max(bytes, samples(c) * comp.step() + comp.bytes());
        }
        return new Scratch(new byte[bytes], new short[bytes / 2 + 1]);
    }

    /** Component {@code c}'s samples {@code x0 .. x0 + count - 1} of its row {@code row}, as codes, into {@code out}. */
    void row(int c, int row, int x0, int count, int[] out, Scratch scratch) {
        PixelLayout.Component comp = layout.components()[c];
        ByteBuffer plane = planes[comp.plane()];
        int base = row * strides[comp.plane()] + comp.offset() + x0 * comp.step();
        int step = comp.step();
        if (comp.bytes() == 2 && step == 2) { // planar 16-bit words: one bulk copy (the 10- to 16-bit formats)
            short[] words = scratch.words();
            plane.asShortBuffer().get(base / 2, words, 0, count);
            for (int i = 0; i < count; i++) {
                out[i] = words[i] & 0xFFFF;
            }
            return;
        }
        byte[] bytes = scratch.bytes();
        plane.get(base, bytes, 0, (count - 1) * step + comp.bytes());
        if (comp.bytes() == 1) {
            for (int i = 0, o = 0; i < count; i++, o += step) {
                out[i] = bytes[o] & 0xFF;
            }
        } else {
            for (int i = 0, o = 0; i < count; i++, o += step) {
                out[i] = (bytes[o] & 0xFF) | (bytes[o + 1] & 0xFF) << 8;
            }
        }
    }
}
