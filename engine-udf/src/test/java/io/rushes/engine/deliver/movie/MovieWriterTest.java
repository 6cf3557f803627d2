package io.rushes.engine.deliver.movie;

import io.rushes.engine.ExternalTool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rushes.engine.image.RgbImage;
import io.rushes.engine.io.FileByteSink;
import io.rushes.engine.metadata.Timecode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every codec written, read back by Debian's ffprobe (stream fields) and ffmpeg (the first frame's pixels). */
class MovieWriterTest {
    static final int WIDTH = 320;
    static final int HEIGHT = 180;
    static final int FRAMES = 10;

    @TempDir
    Path dir;

    /** A smooth gradient with a white bar that moves 24 px a frame. */
    static RgbImage frame(int index) {
        float[] d = new float[WIDTH * HEIGHT * 3];
        int barLeft = 16 + 24 * index;
        for (int y = 0, i = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++, i += 3) {
                boolean bar = x >= barLeft && x < barLeft + 16;
                d[i] = bar ? 0.9f : x / (WIDTH - 1f);
                d[i + 1] = bar ? 0.9f : y / (HEIGHT - 1f);
                d[i + 2] = bar ? 0.9f : 1 - 0.5f * (x + y) / (WIDTH + HEIGHT - 2f);
            }
        }
        return new RgbImage(WIDTH, HEIGHT, d);
    }

    @ParameterizedTest
    @EnumSource(MovieCodec.class)
    void ffprobeReadsTheStreamAndTheFirstFrameMatches(MovieCodec codec) throws Exception {
        ExternalTool.require("ffprobe");
        ExternalTool.require("ffmpeg");
        Path movie = dir.resolve("review.mov");
        MovieSettings settings = MovieSettings.of(codec, 24000, 1001).withTimecode(Timecode.parse("01:00:00:00", 24), "A001R1BB");
        try (MovieWriter writer = MovieWriter.open(new FileByteSink(movie), dir, WIDTH, HEIGHT, settings)) {
            for (int i = 0; i < FRAMES; i++) {
                writer.write(frame(i));
            }
            writer.finish();
        }
        try (var left = Files.list(dir)) {
            assertEquals(1, left.count(), "only the movie is left: the scratch file is gone");
        }

        JsonNode probe = new ObjectMapper().readTree(ExternalTool.stdout("ffprobe", "-v", "error", "-show_optional_fields", "always",
                "-show_streams", "-show_format", "-of", "json", movie.toString()));
        JsonNode video = null;
        JsonNode timecodeTrack = null;
        for (JsonNode s : probe.get("streams")) {
            if ("video".equals(s.path("codec_type").asText())) {
                video = s;
            } else if ("tmcd".equals(s.path("codec_tag_string").asText())) {
                timecodeTrack = s;
            }
        }
        assertTrue(video != null, "a video stream in " + probe);
        String expectedProfile = switch (codec) {
            case PRORES_422_HQ -> "HQ";
            case PRORES_4444 -> "4444";
            case PRORES_4444_XQ -> "XQ";
            case DNXHR_HQX -> "DNXHR HQX";
            case DNXHR_444 -> "DNXHR 444";
            case H264_HIGH -> "High";
        };
        assertEquals(switch (codec.encoder()) {
            case "prores_ks" -> "prores";
            case "libopenh264" -> "h264";
            default -> "dnxhd";
        }, video.get("codec_name").asText());
        assertEquals(expectedProfile, video.get("profile").asText());
        // Written as 10-bit; FFmpeg's ProRes decoder reports 4444 as the 12-bit the bitstream can carry.
        String decodedFormat = codec.halfHeightChroma() ? "yuv420p" : codec.halfWidthChroma() ? "yuv422p10le"
                : codec.encoder().equals("prores_ks") ? "yuv444p12le" : "yuv444p10le";
        assertEquals(decodedFormat, video.get("pix_fmt").asText());
        assertEquals("bt709", video.get("color_primaries").asText());
        assertEquals("bt709", video.get("color_transfer").asText());
        assertEquals("bt709", video.get("color_space").asText());
        assertEquals("tv", video.get("color_range").asText());
        assertEquals("24000/1001", video.get("r_frame_rate").asText());
        assertEquals(Integer.toString(FRAMES), video.get("nb_frames").asText());
        assertEquals("01:00:00:00", video.path("tags").path("timecode").asText());
        assertTrue(timecodeTrack != null, "a tmcd track in " + probe);
        assertEquals("A001R1BB", timecodeTrack.path("tags").path("reel_name").asText(), "reel name on the timecode track: " + timecodeTrack);
        assertEquals(1, probe.get("format").get("nb_streams").asInt() - 1, "video and timecode only, no audio: " + probe.get("format"));

        // Decoded by ffmpeg to the stream's own planar layout (no swscale matrix: Debian 12's BT.709 rgb48 conversion is itself
        // off by ~0.5 8-bit codes), then turned into R'G'B' here with BT.709's inverse, limited range.
        int bits = decodedFormat.contains("12") ? 12 : decodedFormat.contains("10") ? 10 : 8;
        int chromaWidth = codec.halfWidthChroma() ? WIDTH / 2 : WIDTH;
        int chromaHeight = codec.halfHeightChroma() ? HEIGHT / 2 : HEIGHT;
        int sampleBytes = bits > 8 ? 2 : 1;
        byte[] planes = ExternalTool.stdout("ffmpeg", "-v", "error", "-i", movie.toString(), "-frames:v", "1", "-f", "rawvideo",
                "-pix_fmt", decodedFormat, "-");
        assertEquals((WIDTH * HEIGHT + 2 * chromaWidth * chromaHeight) * sampleBytes, planes.length);
        float[] decoded = toRgb(ByteBuffer.wrap(planes).order(ByteOrder.LITTLE_ENDIAN), chromaWidth, chromaHeight, bits);
        float[] source = frame(0).data();
        double sum = 0;
        double max = 0;
        double maxAwayFromEdges = 0;
        int barLeft = 16; // frame 0's bar: 4:2:2 chroma cannot follow its hard edges, so they are measured apart
        for (int i = 0; i < source.length; i++) {
            double error = Math.abs(decoded[i] - source[i]) * 255;
            sum += error;
            max = Math.max(max, error);
            int x = i / 3 % WIDTH;
            if (Math.abs(x - barLeft) > 2 && Math.abs(x - (barLeft + 16)) > 2) {
                maxAwayFromEdges = Math.max(maxAwayFromEdges, error);
            }
        }
        double mean = sum / source.length;
        System.out.printf(Locale.ROOT, "%s: first frame decoded by ffmpeg vs source, 8-bit codes: mean %.3f, max %.3f, max away from the bar's edges %.3f%n",
                codec, mean, max, maxAwayFromEdges);
        double[] bound = expectedError(codec);
        assertTrue(mean <= bound[0] && max <= bound[1] && maxAwayFromEdges <= bound[2], String.format(Locale.ROOT,
                "%s: mean %.3f (bound %.2f), max %.3f (bound %.2f), max away from edges %.3f (bound %.2f)", codec, mean, bound[0], max, bound[1],
                maxAwayFromEdges, bound[2]));
    }

    @org.junit.jupiter.api.Test
    void aMovieClosedUnfinishedLeavesNoFile() throws Exception {
        Path movie = dir.resolve("review.mov");
        try (MovieWriter writer = MovieWriter.open(new FileByteSink(movie), dir, WIDTH, HEIGHT, MovieSettings.of(MovieCodec.PRORES_4444, 25, 1))) {
            writer.write(frame(0));
        }
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "neither the movie nor its scratch file");
        }
    }

    @org.junit.jupiter.api.Test
    void anOddWidthIsRefusedFor422WithTheFix() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.rushes.engine.error.RushesException.class, () -> MovieWriter.open(
                new FileByteSink(dir.resolve("odd.mov")), dir, 321, 180, MovieSettings.of(MovieCodec.DNXHR_HQX, 24, 1)));
        assertEquals(io.rushes.engine.error.ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().contains("needs an even width and height, not 321x180") && e.getMessage().contains("4:4:4"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void aFrameOfAnotherSizeIsRefused() throws Exception {
        try (MovieWriter writer = MovieWriter.open(new FileByteSink(dir.resolve("m.mov")), dir, WIDTH, HEIGHT, MovieSettings.of(MovieCodec.PRORES_422_HQ, 24, 1))) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(io.rushes.engine.error.RushesException.class,
                    () -> writer.write(new RgbImage(2, 2, new float[12])));
            assertTrue(e.getMessage().contains("frame 0 for") && e.getMessage().contains("is 2x2, the movie is 320x180"), e.getMessage());
        }
    }

    @org.junit.jupiter.api.Test
    void aFrameTooSmallForDnxhrIsRefusedBeforeFfmpeg() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.rushes.engine.error.RushesException.class, () -> MovieWriter.open(
                new FileByteSink(dir.resolve("small.mov")), dir, 64, 32, MovieSettings.of(MovieCodec.DNXHR_444, 24, 1)));
        assertTrue(e.getMessage().contains("needs at least 256x120, not 64x32") && e.getMessage().contains("write ProRes"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void aSinkFailingMidwayLeavesNoFileAndSaysWhy() throws Exception {
        Path movie = dir.resolve("review.mov");
        FileByteSink file = new FileByteSink(movie);
        io.rushes.engine.io.ByteSink fullDisk = new io.rushes.engine.io.ByteSink() {
            @Override
            public String name() {
                return file.name();
            }

            @Override
            public void write(Content content) throws java.io.IOException {
                file.write(out -> content.writeTo(new java.io.FilterOutputStream(out) {
                    private long written;

                    @Override
                    public void write(byte[] b, int off, int len) throws java.io.IOException {
                        written += len;
                        if (written > 4096) {
                            throw new java.io.IOException("No space left on device");
                        }
                        out.write(b, off, len);
                    }
                }));
            }
        };
        try (MovieWriter writer = MovieWriter.open(fullDisk, dir, WIDTH, HEIGHT, MovieSettings.of(MovieCodec.PRORES_4444, 25, 1))) {
            writer.write(frame(0));
            var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, writer::finish);
            assertEquals("No space left on device", e.getMessage());
        }
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "neither a partial movie nor the scratch file");
        }
    }

    @org.junit.jupiter.api.Test
    void dropFrameTimecodeAt2997ReachesFfprobe() throws Exception {
        ExternalTool.require("ffprobe");
        Path movie = dir.resolve("df.mov");
        MovieSettings settings = MovieSettings.of(MovieCodec.PRORES_422_HQ, 30000, 1001).withTimecode(Timecode.parse("10:00:00;00", 30), null);
        try (MovieWriter writer = MovieWriter.open(new FileByteSink(movie), dir, WIDTH, HEIGHT, settings)) {
            writer.write(frame(0));
            writer.write(frame(1));
            writer.finish();
        }
        JsonNode video = new ObjectMapper().readTree(ExternalTool.stdout("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_streams",
                "-of", "json", movie.toString())).get("streams").get(0);
        assertEquals("30000/1001", video.get("r_frame_rate").asText());
        assertEquals("10:00:00;00", video.path("tags").path("timecode").asText());
        assertEquals("2", video.get("nb_frames").asText());
    }

    @org.junit.jupiter.api.Test
    void aQuickTimeMovieHasItsMoovBeforeItsMdatToPlayWhileItDownloads() throws Exception {
        Path movie = dir.resolve("stream.mov");
        MovieSettings settings = MovieSettings.of(MovieCodec.PRORES_422_HQ, 24, 1).withTimecode(Timecode.parse("01:00:00:00", 24), "A001");
        try (MovieWriter writer = MovieWriter.open(new FileByteSink(movie), dir, WIDTH, HEIGHT, settings)) {
            writer.write(frame(0));
            writer.write(frame(1));
            writer.finish();
        }
        java.util.List<String> atoms = topLevelAtoms(Files.readAllBytes(movie));
        assertEquals(java.util.List.of("ftyp", "moov", "mdat"), atoms.stream().filter(a -> !a.equals("free") && !a.equals("wide")).toList(),
                "top-level atoms in order: " + atoms);
    }

    /** The types of a QuickTime file's top-level atoms, in file order (32-bit sizes, 64-bit when the size is 1). */
    private static java.util.List<String> topLevelAtoms(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file);
        java.util.List<String> types = new java.util.ArrayList<>();
        long at = 0;
        while (at + 8 <= file.length) {
            long size = Integer.toUnsignedLong(b.getInt((int) at));
            types.add(new String(file, (int) at + 4, 4, java.nio.charset.StandardCharsets.US_ASCII));
            if (size == 1) {
                size = b.getLong((int) at + 8);
            }
            assertTrue(size >= 8, "atom " + types.get(types.size() - 1) + " at " + at + " has size " + size);
            at += size;
        }
        assertEquals(file.length, at, "the atoms end where the file does");
        return types;
    }

    @ParameterizedTest
    @EnumSource(value = MovieCodec.class, names = {"DNXHR_HQX", "DNXHR_444"})
    void dnxhrInMxfOp1aReachesFfprobeWithItsProfileTimecodeRateAndFrames(MovieCodec codec) throws Exception {
        ExternalTool.require("ffprobe");
        Path movie = dir.resolve("editorial.mxf");
        MovieSettings settings = MovieSettings.of(codec, 24000, 1001).withTimecode(Timecode.parse("01:00:00:00", 24), "A001R1BB")
                .in(MovieContainer.MXF);
        try (MovieWriter writer = MovieWriter.open(new FileByteSink(movie), dir, WIDTH * 2, HEIGHT * 2, settings)) {
            for (int i = 0; i < FRAMES; i++) {
                writer.write(scaled(frame(i)));
            }
            writer.finish();
        }
        try (var left = Files.list(dir)) {
            assertEquals(1, left.count(), "only the movie is left: the scratch file is gone");
        }
        JsonNode probe = new ObjectMapper().readTree(ExternalTool.stdout("ffprobe", "-v", "error", "-count_frames", "-show_streams",
                "-show_format", "-of", "json", movie.toString()));
        JsonNode format = probe.get("format");
        assertEquals("mxf", format.get("format_name").asText());
        // SMPTE ST 378: OP1a's label is 06.0e.2b.34.04.01.01.01.0d.01.02.01.01.01.xx.xx
        assertTrue(format.path("tags").path("operational_pattern_ul").asText().startsWith("060e2b34.04010101.0d010201.01010"), format.toString());
        assertEquals("01:00:00:00", format.path("tags").path("timecode").asText(), format.toString());
        JsonNode video = probe.get("streams").get(0);
        assertEquals("dnxhd", video.get("codec_name").asText());
        assertEquals(codec == MovieCodec.DNXHR_HQX ? "DNXHR HQX" : "DNXHR 444", video.get("profile").asText());
        assertEquals(codec == MovieCodec.DNXHR_HQX ? "yuv422p10le" : "yuv444p10le", video.get("pix_fmt").asText());
        assertEquals("24000/1001", video.get("r_frame_rate").asText());
        assertEquals(Integer.toString(FRAMES), video.get("nb_read_frames").asText());
        assertEquals("A001R1BB", video.path("tags").path("reel_name").asText(), "the reel as the tape source package: " + video);
        assertEquals(1, format.get("nb_streams").asInt(), "video only, no audio: " + format);
    }

    /** {@code image} at twice its size (DNxHR needs at least 256x120 and an MXF rate's frame). */
    private static RgbImage scaled(RgbImage image) {
        int w = image.width() * 2;
        int h = image.height() * 2;
        float[] out = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                System.arraycopy(image.data(), ((y / 2) * image.width() + x / 2) * 3, out, (y * w + x) * 3, 3);
            }
        }
        return new RgbImage(w, h, out);
    }

    @org.junit.jupiter.api.Test
    void h264IsRefusedInMxfWithTheFix() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.rushes.engine.error.RushesException.class,
                () -> MovieSettings.of(MovieCodec.H264_HIGH, 24, 1).in(MovieContainer.MXF));
        assertEquals(io.rushes.engine.error.ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().contains("H264_HIGH cannot be wrapped in MXF") && e.getMessage().contains("QuickTime movie (.mov)"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void anMxfAtARateItCannotStoreIsRefusedWithTheRatesItTakes() {
        MovieSettings settings = MovieSettings.of(MovieCodec.DNXHR_HQX, 18, 1).in(MovieContainer.MXF);
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.rushes.engine.error.RushesException.class,
                () -> MovieWriter.open(new FileByteSink(dir.resolve("odd.mxf")), dir, WIDTH * 2, HEIGHT * 2, settings).close());
        assertEquals(io.rushes.engine.error.ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().contains("muxer refused DNXHR_HQX") && e.getMessage().contains("18/1 fps")
                && e.getMessage().contains("MXF takes the broadcast rates"), e.getMessage());
        assertEquals(0, dir.toFile().list().length, "no scratch file left");
    }

    @org.junit.jupiter.api.Test
    void aTimecodeAtAnotherRateIsRefused() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.rushes.engine.error.RushesException.class,
                () -> MovieSettings.of(MovieCodec.PRORES_4444, 25, 1).withTimecode(Timecode.parse("01:00:00:00", 24), null));
        assertTrue(e.getMessage().contains("counts at 24 fps, not at the frame rate 25/1"), e.getMessage());
    }

    /**
     * BT.709 Y'CbCr (limited range, {@code bits} per sample) to R'G'B' 0..1; halved chroma interpolated linearly from
     * its sites: co-sited with even columns, and for 4:2:0 midway between two rows.
     */
    private static float[] toRgb(ByteBuffer planes, int chromaWidth, int chromaHeight, int bits) {
        double scale = 1 << (bits - 8);
        int lumaSize = WIDTH * HEIGHT;
        int chromaSize = chromaWidth * chromaHeight;
        float[] rgb = new float[lumaSize * 3];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double luma = (sample(planes, y * WIDTH + x, bits) / scale - 16) / 219;
                double cx = chromaWidth == WIDTH ? x : x / 2.0;
                double cy = chromaHeight == HEIGHT ? y : Math.max(0, Math.min(chromaHeight - 1, (y - 0.5) / 2));
                double[] chroma = new double[2];
                for (int c = 0; c < 2; c++) {
                    int base = lumaSize + c * chromaSize;
                    int x0 = (int) cx;
                    int y0 = (int) cy;
                    int x1 = Math.min(chromaWidth - 1, x0 + 1);
                    int y1 = Math.min(chromaHeight - 1, y0 + 1);
                    double fx = cx - x0;
                    double fy = cy - y0;
                    double top = sample(planes, base + y0 * chromaWidth + x0, bits) * (1 - fx) + sample(planes, base + y0 * chromaWidth + x1, bits) * fx;
                    double bottom = sample(planes, base + y1 * chromaWidth + x0, bits) * (1 - fx) + sample(planes, base + y1 * chromaWidth + x1, bits) * fx;
                    chroma[c] = ((top * (1 - fy) + bottom * fy) / scale - 128) / 224;
                }
                double r = luma + 1.5748 * chroma[1];
                double b = luma + 1.8556 * chroma[0];
                double g = (luma - 0.2126 * r - 0.0722 * b) / 0.7152;
                int i = (y * WIDTH + x) * 3;
                rgb[i] = (float) r;
                rgb[i + 1] = (float) g;
                rgb[i + 2] = (float) b;
            }
        }
        return rgb;
    }

    private static int sample(ByteBuffer planes, int index, int bits) {
        return bits > 8 ? planes.getShort(index * 2) & 0xFFFF : planes.get(index) & 0xFF;
    }

    /** Mean, max and max away from the bar's edges, in 8-bit codes: measured here, with a margin above it. */
    private static double[] expectedError(MovieCodec codec) {
        return switch (codec) {
            case PRORES_422_HQ -> new double[] {0.55, 90, 1.5};   // measured 0.475, 86.6 (bar edge), 1.31
            case PRORES_4444 -> new double[] {0.10, 0.5, 0.5};    // measured 0.080, 0.412
            case PRORES_4444_XQ -> new double[] {0.10, 0.5, 0.5}; // measured 0.080, 0.412
            case DNXHR_HQX -> new double[] {0.55, 90, 1.3};       // measured 0.490, 86.3 (bar edge), 1.15
            case DNXHR_444 -> new double[] {0.16, 0.85, 0.85};    // measured 0.132, 0.722
            case H264_HIGH -> new double[] {1.5, 92, 12};         // measured 1.337, 88.7 (bar edge), 10.5: 8-bit 4:2:0 at 0.35 bit/pixel
        };
    }
}
