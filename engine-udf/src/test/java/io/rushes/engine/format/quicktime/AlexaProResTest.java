package io.rushes.engine.format.quicktime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.ExternalTool;
import io.rushes.engine.color.InputTransforms;
import io.rushes.engine.color.TransformRegistry;
import io.rushes.engine.deliver.exr.ExrFile;
import io.rushes.engine.deliver.exr.OpenExrReader;
import io.rushes.engine.deliver.movie.MovieCodec;
import io.rushes.engine.deliver.movie.MovieSettings;
import io.rushes.engine.deliver.movie.MovieWriter;
import io.rushes.engine.develop.DngDevelop;
import io.rushes.engine.image.Demosaic;
import io.rushes.engine.image.RgbImage;
import io.rushes.engine.io.FileByteSink;
import io.rushes.engine.io.FileByteSource;
import io.rushes.engine.metadata.ClipField;
import io.rushes.engine.metadata.ClipMetadata;
import io.rushes.engine.metadata.Timecode;
import io.rushes.engine.render.FrameRenderer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ProRes movie carrying the metadata keys an ALEXA writes (moov/meta 'mdta': com.arri.camera.ColorGammaSxS "LOG-C",
 * ExposureIndexAsa…), written by Rushes' own movie writer: FFmpeg's ffprobe reads the keys back, and inspection maps
 * them to LogC3 on ARRI Wide Gamut 3 at EI 800, and so to the ALEXA EI 800 input transform.
 */
class AlexaProResTest {
    @TempDir
    Path dir;

    static final Map<String, String> ALEXA_MINI = Map.of("com.arri.camera.ColorGammaSxS", "LOG-C", "com.arri.camera.ExposureIndexAsa", "800",
            "com.arri.camera.CameraModel", "ALEXA Mini", "com.arri.camera.CameraSerialNumber", "K1.0024581",
            "com.arri.camera.WhiteBalanceKelvin", "5600", "com.arri.camera.ReelName", "A001R1BB");

    /** Writes {@code frames} frames of an ALEXA Mini LogC3 ProRes 4444 at 24 fps from 10:00:00:00. */
    static Path alexaMovie(Path dir, int frames, java.util.function.IntFunction<RgbImage> frame) throws Exception {
        Path movie = dir.resolve("A001C003_230612_R1BB.mov");
        MovieSettings settings = MovieSettings.of(MovieCodec.PRORES_4444, 24, 1).withTimecode(Timecode.parse("10:00:00:00", 24), "A001R1BB")
                .withMetadata(ALEXA_MINI);
        try (MovieWriter writer = MovieWriter.open(new FileByteSink(movie), dir, 64, 32, settings)) {
            for (int i = 0; i < frames; i++) {
                writer.write(frame.apply(i));
            }
            writer.finish();
        }
        return movie;
    }

    static RgbImage grey(float code) {
        float[] d = new float[64 * 32 * 3];
        java.util.Arrays.fill(d, code);
        return new RgbImage(64, 32, d);
    }

    @Test
    void alexaKeysAreWrittenAndReadAsLogC3AtItsEi() throws Exception {
        Path movie = alexaMovie(dir, 3, i -> grey(0.391f));
        String probe = ExternalTool.output("ffprobe", "-v", "error", "-show_entries", "format_tags", "-of", "default=nw=1", movie.toString());
        assertTrue(probe.contains("TAG:com.arri.camera.ColorGammaSxS=LOG-C") && probe.contains("TAG:com.arri.camera.ExposureIndexAsa=800"), probe);
        ClipMetadata md;
        try (FileByteSource src = new FileByteSource(movie)) {
            md = new QuickTimeFormat().read(src);
        }
        assertEquals("ARRI LogC3", md.string(ClipField.TRANSFER));
        assertEquals("ARRI Wide Gamut 3", md.string(ClipField.COLOUR_PRIMARIES));
        assertEquals(800, md.number(ClipField.ISO).intValue());
        assertEquals("ALEXA Mini", md.string(ClipField.CAMERA_MODEL));
        assertEquals("K1.0024581", md.string(ClipField.CAMERA_SERIAL));
        assertEquals(5600, md.number(ClipField.WHITE_BALANCE_KELVIN).intValue());
        assertEquals("IDT.ARRI.Alexa-v3-logC-EI800", TransformRegistry.name(InputTransforms.id(md)));
        // Ingest records it in the catalog's aces_input_transform_id.
        ClipMetadata inspected = io.rushes.engine.TestInspect.inspect(movie).get(0).metadata();
        assertEquals("IDT.ARRI.Alexa-v3-logC-EI800", TransformRegistry.name(inspected.string(ClipField.ACES_INPUT_TRANSFORM)));
    }

    /**
     * Rendered to ACES, the movie goes through the ALEXA EI 800 input transform its metadata names, without being told:
     * LogC3's published 18 % grey code (0.3910068, ARRI) lands on 0.18, and the EXR's comments name the transform.
     */
    @Test
    void aLogC3ProResGoesToAcesThroughItsIdtAutomatically() throws Exception {
        Path movie = alexaMovie(dir, 3, i -> grey(0.3910068f));
        Path exr = dir.resolve("grey.exr");
        try (FileByteSource src = new FileByteSource(movie); FrameRenderer.Input in = FrameRenderer.Input.open(src)) {
            assertEquals(3, in.reader().frameCount());
            new FrameRenderer(new FrameRenderer.Options(FrameRenderer.Stage.ACES, FrameRenderer.Format.EXR, DngDevelop.Output.ACES2065_1,
                    Demosaic.Method.RCD, null)).render(in, 1, new FileByteSink(exr));
        }
        try (FileByteSource src = new FileByteSource(exr)) {
            ExrFile file = OpenExrReader.read(src);
            String comments = file.attribute("comments").asString();
            assertTrue(comments.contains("IDT.ARRI.Alexa-v3-logC-EI800") && comments.contains("ARRI LogC3"), comments);
            float[] aces = file.rgb().data();
            for (int i = 0; i < aces.length; i++) {
                // ProRes 4444 keeps 12 bits of a flat grey: a code off by 1/4095 is 0.2 % of 0.18 in LogC3.
                assertEquals(0.18, aces[i], 0.18 * 0.01, "sample " + i);
            }
        }
    }
}
