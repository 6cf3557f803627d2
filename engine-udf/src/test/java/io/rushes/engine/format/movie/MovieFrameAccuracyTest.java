package io.rushes.engine.format.movie;

import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt;
import static org.bytedeco.ffmpeg.global.avutil.av_image_fill_linesizes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.ExternalTool;
import io.rushes.engine.io.FileByteSource;
import io.rushes.engine.metadata.Timecode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Frame-accurate access on long-GOP movies made here with the ffmpeg CLI (a key frame every 24 frames, B-frames, HEVC
 * with open GOPs): frame N read by number in random order, backwards, and by timecode is the N-th frame of ffmpeg's
 * full sequential decode (its framemd5 of the decoder's own samples); reading in order makes no seek.
 */
class MovieFrameAccuracyTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "h264.mov | 120 | 01:00:59;28 | -f lavfi -i testsrc2=size=320x240:rate=30000/1001 -frames:v 120 -c:v libx264 -g 24 -bf 3 -pix_fmt yuv420p -timecode 01:00:59;28",
            "hevc.mp4 | 100 | 10:00:00:00 | -f lavfi -i testsrc2=size=320x240:rate=25 -frames:v 100 -c:v libx265 -x265-params keyint=24:min-keyint=24:bframes=4:open-gop=1:log-level=error -pix_fmt yuv420p10le -tag:v hvc1 -timecode 10:00:00:00",
            "h264.ts | 100 | | -f lavfi -i testsrc2=size=320x240:rate=25 -frames:v 100 -c:v libx264 -g 24 -bf 2 -pix_fmt yuv420p"})
    void frameNByNumberAndTimecodeIsTheNthFrameOfAFullDecode(String file, int frames, String timecode, String arguments) throws Exception {
        Path movie = dir.resolve(file);
        List<String> command = new ArrayList<>(List.of("-v", "error"));
        command.addAll(List.of(arguments.split(" ")));
        command.add(movie.toString());
        ExternalTool.output("ffmpeg", command.toArray(String[]::new));
        String pixFmt = FfmpegReference.nativePixelFormat(movie);
        List<String> reference = framemd5(movie, pixFmt);
        assertEquals(frames, reference.size(), "frames ffmpeg decodes");

        try (FileByteSource source = new FileByteSource(movie); MovieReader reader = MovieReader.open(source)) {
            assertEquals(frames, reader.frameCount());
            for (int n = 0; n < frames; n++) {
                assertEquals(reference.get(n), md5(reader.decoded(n), pixFmt), file + " frame " + n + " read in order");
            }
            assertEquals(0, reader.seeks(), "reading in order decodes on without seeking");
            Random random = new Random(file.hashCode());
            for (int i = 0; i < 40; i++) {
                int n = random.nextInt(frames);
                assertEquals(reference.get(n), md5(reader.decoded(n), pixFmt), file + " frame " + n + ", read at random (pick " + i + ")");
            }
            for (int n = frames - 1; n >= 0; n -= 7) {
                assertEquals(reference.get(n), md5(reader.decoded(n), pixFmt), file + " frame " + n + ", read backwards");
            }
            if (timecode != null) {
                Timecode start = reader.startTimecode();
                assertEquals(Timecode.parse(timecode, start.rate()), start);
                for (int n : new int[] {0, 2, 3, frames - 1, 47, 48, 23}) {
                    Timecode at = start.plusFrames(n);
                    assertEquals(n, reader.frameAt(at), at + " is frame " + n);
                    assertEquals(reference.get(n), md5(reader.decoded(reader.frameAt(at)), pixFmt), file + " at " + at);
                }
            }
        }
    }

    @Test
    void dropFrameTimecodeSkipsItsLabelsAtTheMinute() throws Exception {
        Path movie = dir.resolve("drop.mov");
        ExternalTool.output("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=64x64:rate=30000/1001", "-frames:v", "4", "-c:v", "libx264",
                "-timecode", "01:00:59;28", movie.toString());
        try (FileByteSource source = new FileByteSource(movie); MovieReader reader = MovieReader.open(source)) {
            assertEquals(new Timecode(1, 0, 59, 28, 30, true), reader.startTimecode());
            assertEquals(2, reader.frameAt(Timecode.parse("01:01:00;02", 30)), "01:01:00;00 and ;01 are dropped: ;02 follows 00:59;29");
        }
    }

    /** The MD5 of each frame ffmpeg decodes, in order, of its samples in {@code pixFmt} packed without row padding. */
    private static List<String> framemd5(Path movie, String pixFmt) throws Exception {
        String out = new String(ExternalTool.stdout("ffmpeg", "-v", "error", "-i", movie.toString(), "-map", "0:v:0", "-fps_mode", "passthrough",
                "-pix_fmt", pixFmt, "-f", "framemd5", "-"), StandardCharsets.US_ASCII);
        List<String> md5s = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String[] fields = line.split(",");
                md5s.add(fields[fields.length - 1].strip());
            }
        }
        return md5s;
    }

    private static String md5(Planes planes, String pixFmt) throws Exception {
        int[] tight = new int[4];
        assertTrue(av_image_fill_linesizes(tight, av_get_pix_fmt(pixFmt), planes.width()) >= 0);
        MessageDigest digest = MessageDigest.getInstance("MD5");
        for (int p = 0; p < planes.layout().planeCount(); p++) {
            byte[] row = new byte[tight[p]];
            for (int y = 0; y < planes.rows(p); y++) {
                ByteBuffer plane = planes.planes()[p];
                plane.get(y * planes.strides()[p], row);
                digest.update(row);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
