package io.rushes.engine.format.movie;

import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt;
import static org.bytedeco.ffmpeg.global.avutil.av_image_fill_linesizes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.ExternalTool;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Frames as Debian's {@code ffmpeg} CLI decodes them (FFmpeg 5.1, an independent build of the decoders), in the
 * stream's own pixel format: {@code -f rawvideo -pix_fmt <native>} passes the decoder's planes through untouched.
 */
final class FfmpegReference {
    private FfmpegReference() {
    }

    /** The pixel format ffprobe says the first video stream decodes to (listed again under its program in MPEG-TS). */
    static String nativePixelFormat(Path movie) throws Exception {
        return new String(ExternalTool.stdout("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=pix_fmt", "-of",
                "default=nw=1:nk=1", movie.toString()), StandardCharsets.US_ASCII).strip().split("\\s+")[0];
    }

    /** Frame {@code n} (0-based, in the order shown) of the first video stream, in {@code pixFmt}, as planes. */
    static Planes frame(Path movie, long n, String pixFmt, int width, int height) throws Exception {
        byte[] raw = ExternalTool.stdout("ffmpeg", "-v", "error", "-i", movie.toString(), "-map", "0:v:0", "-vf",
                String.format(Locale.ROOT, "select=eq(n\\,%d)", n), "-fps_mode", "passthrough", "-frames:v", "1", "-f", "rawvideo",
                "-pix_fmt", pixFmt, "-");
        return packed(pixFmt, width, height, raw);
    }

    /** {@code raw}: one frame of {@code -f rawvideo}, its planes one after another, rows unpadded. */
    static Planes packed(String pixFmt, int width, int height, byte[] raw) {
        int id = av_get_pix_fmt(pixFmt);
        PixelLayout layout = PixelLayout.of(id);
        assertTrue(layout != null, pixFmt + ": " + PixelLayout.refusal(id));
        int[] strides = new int[4];
        assertTrue(av_image_fill_linesizes(strides, id, width) >= 0, "line sizes of " + pixFmt);
        ByteBuffer[] planes = new ByteBuffer[layout.planeCount()];
        int offset = 0;
        for (int p = 0; p < planes.length; p++) {
            int bytes = strides[p] * layout.rows(p, height);
            planes[p] = ByteBuffer.wrap(raw, offset, bytes).slice();
            offset += bytes;
        }
        assertEquals(offset, raw.length, "bytes of one " + width + "x" + height + " " + pixFmt + " frame from ffmpeg");
        return new Planes(layout, width, height, planes, strides);
    }

    /** The largest difference between two frames' samples, component by component, in codes of their own depth. */
    static int largestDifference(Planes a, Planes b) {
        assertEquals(a.width(), b.width());
        assertEquals(a.height(), b.height());
        assertEquals(a.layout().components().length, b.layout().components().length, "components");
        int most = 0;
        int[] rowA = new int[a.width()];
        int[] rowB = new int[a.width()];
        Planes.Scratch scratchA = a.scratch();
        Planes.Scratch scratchB = b.scratch();
        for (int c = 0; c < a.layout().components().length; c++) {
            assertEquals(a.samples(c), b.samples(c), "samples a row of component " + c);
            int rows = a.rows(a.layout().components()[c].plane());
            for (int y = 0; y < rows; y++) {
                a.row(c, y, 0, a.samples(c), rowA, scratchA);
                b.row(c, y, 0, b.samples(c), rowB, scratchB);
                for (int x = 0; x < a.samples(c); x++) {
                    most = Math.max(most, Math.abs(rowA[x] - rowB[x]));
                }
            }
        }
        return most;
    }
}
