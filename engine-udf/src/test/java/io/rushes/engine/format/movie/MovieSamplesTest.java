package io.rushes.engine.format.movie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.Samples;
import io.rushes.engine.color.PixelEncoding;
import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.format.FrameDecoders;
import io.rushes.engine.format.FrameReader;
import io.rushes.engine.format.SourceFrame;
import io.rushes.engine.image.Region;
import io.rushes.engine.image.RgbImage;
import io.rushes.engine.io.FileByteSource;
import io.rushes.engine.metadata.Timecode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every movie in {@code ../shared/samples/video} that the ffmpeg CLI decodes, read through the frame decoder registry:
 * the first, a middle and the last frame's samples equal Debian ffmpeg's rawvideo of the same frame in the stream's own
 * pixel format (an independent build, FFmpeg 5.1, of the decoders), and the RGB frame is the same conversion of
 * ffmpeg's samples. Those it cannot decode give one clear error.
 */
class MovieSamplesTest {
    /** 1 code value at 10 bits, in RGB: a sample off by that moves R', G' or B' by at most 2.1 codes (the B' of Pb's gain). */
    private static final double ONE_CODE_AT_10_BITS = 1 / 1023.0;

    private static Path sample(String file) {
        return Samples.dir().resolve("video").resolve(file);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "bmx_d10_qt_klv_sample.mxf, MPEG-2 D10 4:2:2 interlaced",
            "filetype_fixture.mxf, MPEG-2 long GOP 4:2:0 in an MXF without index tables",
            "regxmllib_video1.mxf, JPEG 2000 10-bit 4:2:2",
            "regxmllib_video2.mxf, JPEG 2000 rgb48",
            "exiv2_sample_640x360.mov, H.264 untagged",
            "exiv2_small_video.mp4, HEVC",
            "gopro_karma.mp4, GoPro full-range H.264"})
    void framesEqualFfmpegsOfTheSameFrame(String file, String covers) throws Exception {
        Path movie = sample(file);
        String nativeFormat = FfmpegReference.nativePixelFormat(movie);
        try (FileByteSource source = new FileByteSource(movie);
             FrameReader opened = FrameDecoders.loadDefault().open(source, "rendered")) {
            MovieReader reader = (MovieReader) opened;
            long last = reader.frameCount() - 1;
            for (long n : new long[] {last / 2, 0, last}) {
                Planes reference = FfmpegReference.frame(movie, n, nativeFormat, reader.width(), reader.height());
                Planes mine = reader.decoded(n);
                int depth = mine.layout().depth();
                int tolerance = depth > 10 ? 1 << (depth - 10) : depth == 10 ? 1 : 0;
                int difference = FfmpegReference.largestDifference(mine, reference);
                assertTrue(difference <= tolerance, covers + " frame " + n + ": samples differ from ffmpeg's by " + difference);

                SourceFrame.Rgb frame = (SourceFrame.Rgb) reader.read(n, null);
                RgbImage expected = reader.conversion().toRgb(reference, null);
                double allowed = difference == 0 ? 0 : 2.1 * ONE_CODE_AT_10_BITS;
                assertEquals(0, largestDifference(expected, frame.image()), allowed, covers + " frame " + n + " in RGB");
                Region region = new Region(reader.width() / 3, reader.height() / 4, reader.width() / 2, reader.height() / 3);
                SourceFrame.Rgb part = (SourceFrame.Rgb) reader.read(n, region);
                assertEquals(0, largestDifference(frame.image().crop(region), part.image()), 0, covers + ": a region is the frame's pixels");
            }
        }
    }

    @Test
    void theD10SampleIsInterlacedTopFieldFirstOnSdPrimariesWithTheContainersTimecode() throws Exception {
        try (FileByteSource source = new FileByteSource(sample("bmx_d10_qt_klv_sample.mxf")); MovieReader reader = MovieReader.open(source)) {
            assertEquals(FieldOrder.TOP_FIELD_FIRST, reader.fieldOrder());
            assertEquals(new Timecode(23, 58, 30, 0, 25, false), reader.startTimecode());
            assertEquals(2, reader.frameCount());
            assertEquals(new YCbCrConversion(YCbCrMatrix.BT601, false, 3), reader.conversion()); // smpte170m, tv, topleft
            PixelEncoding encoding = reader.encoding();
            // Rec.709's curve on BT.470BG primaries is SD video: converted on its display to Rec.709's primaries first.
            assertTrue(encoding.known() && encoding.description().startsWith("BT.601 625-line (BT.470BG) video"), encoding.description());
            assertTrue(encoding.description().contains("interlaced, top field first (decoded as whole frames, not deinterlaced)"), encoding.description());
        }
    }

    @Test
    void theGoProSampleIsFullRangeRec709WithItsTimecode() throws Exception {
        try (FileByteSource source = new FileByteSource(sample("gopro_karma.mp4")); MovieReader reader = MovieReader.open(source)) {
            assertEquals(new YCbCrConversion(YCbCrMatrix.BT709, true, 1), reader.conversion());
            assertEquals(PixelEncoding.REC709_VIDEO.id(), reader.encoding().id());
            assertEquals(PixelEncoding.REC709_VIDEO.toAces(), reader.encoding().toAces());
            assertEquals(new Timecode(19, 26, 48, 4, 30, false), reader.startTimecode());
            assertEquals(362, reader.frameCount());
            assertEquals(FieldOrder.PROGRESSIVE, reader.fieldOrder());
        }
    }

    @Test
    void untaggedVideoTakesTheStatedDefaultsAndSaysSo() throws Exception {
        try (FileByteSource source = new FileByteSource(sample("exiv2_sample_640x360.mov")); MovieReader reader = MovieReader.open(source)) {
            assertEquals(new YCbCrConversion(YCbCrMatrix.BT601, false, 1), reader.conversion(), "360 lines: BT.601, limited range");
            assertEquals(PixelEncoding.REC709_VIDEO.id(), reader.encoding().id());
            String description = reader.encoding().description();
            assertTrue(description.contains("untagged colour: Rec.709 video assumed"), description);
            assertTrue(description.contains("defaults used (limited range, BT.601 (BT.470BG, SMPTE 170M) matrix for 360 lines)"), description);
        }
        try (FileByteSource source = new FileByteSource(sample("regxmllib_video1.mxf")); MovieReader reader = MovieReader.open(source)) {
            assertEquals(YCbCrMatrix.BT709, reader.conversion().matrix(), "tagged BT.709");
            assertTrue(reader.encoding().description().contains("Y'CbCr 10-bit, BT.709 matrix, limited range"), reader.encoding().description());
            assertTrue(reader.encoding().description().contains("defaults used (limited range)"), reader.encoding().description());
        }
    }

    @Test
    void moviesFfmpegCannotDecodeEitherGiveOneClearError() throws Exception {
        RushesException stripped = open("exiftool_QuickTime.mov");
        assertEquals(ErrorCode.TRUNCATED, stripped.code());
        assertTrue(stripped.getMessage().contains("exiftool_QuickTime.mov at byte 3871: the file ends before the first video frame"), stripped.getMessage());
        RushesException cut = open("exiftool_M2TS.mts");
        assertEquals(ErrorCode.TRUNCATED, cut.code());
        assertTrue(cut.getMessage().contains("exiftool_M2TS.mts at byte 1344: the file ends before the first video frame"), cut.getMessage());
        RushesException noPicture = open("exiftool_MXF.mxf");
        assertEquals(ErrorCode.UNSUPPORTED_FORMAT, noPicture.code());
        assertTrue(noPicture.getMessage().contains("exiftool_MXF.mxf: it holds no video stream FFmpeg's mxf demuxer can decode"), noPicture.getMessage());
    }

    @Test
    void aFrameOutsideTheMovieIsRefusedWithItsRange() throws Exception {
        try (FileByteSource source = new FileByteSource(sample("exiv2_small_video.mp4")); MovieReader reader = MovieReader.open(source)) {
            RushesException e = assertThrows(RushesException.class, () -> reader.read(20, null));
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
            assertTrue(e.getMessage().contains("there is no frame 20: the movie holds 20 frames (0 to 19)"), e.getMessage());
        }
    }

    private static RushesException open(String file) throws Exception {
        try (FileByteSource source = new FileByteSource(sample(file))) {
            return assertThrows(RushesException.class, () -> FrameDecoders.loadDefault().open(source, "rendered").close());
        }
    }

    static double largestDifference(RgbImage a, RgbImage b) {
        assertEquals(a.width(), b.width());
        assertEquals(a.height(), b.height());
        double most = 0;
        for (int i = 0; i < a.data().length; i++) {
            most = Math.max(most, Math.abs(a.data()[i] - b.data()[i]));
        }
        return most;
    }
}
