package io.rushes.engine.render;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.rushes.engine.Samples;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.format.FrameReader;
import io.rushes.engine.image.Region;
import io.rushes.engine.io.FileByteSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every real sample, cut short and with bytes of its first 64 KiB overwritten, through the frame decoders: opening it
 * and decoding its first and last frames (a region of a large one) must give pixels or a user error, never a bug, a
 * crash of a native decoder or a hang. The inspection side has the same test (MutatedSamplesTest).
 */
class MutatedFramesTest {
    private static final int CUTS = 8;
    private static final int CORRUPTIONS = 8;

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicTest> everyDecoderSurvivesMutatedSamples() throws IOException {
        java.util.List<Path> files = Samples.cameraFiles();
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> mutate(f)));
    }

    private static void mutate(Path file) throws IOException {
        Samples.mutations(file, CUTS, CORRUPTIONS, (content, name) -> {
            try {
                check(content, name);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static void check(byte[] content, String name) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> decode(f, content.length));
        Files.delete(f);
    }

    private static void decode(Path f, int size) {
        try (FileByteSource src = new FileByteSource(f); FrameRenderer.Input in = FrameRenderer.Input.open(src)) {
            FrameReader reader = in.reader();
            Region region = (long) reader.width() * reader.height() > 1 << 20
                    ? new Region(reader.width() / 2, reader.height() / 2, Math.min(64, reader.width() / 2), Math.min(64, reader.height() / 2))
                    : null;
            reader.read(0, region);
            if (reader.frameCount() > 1) {
                reader.read(reader.frameCount() - 1, region);
            }
        } catch (RushesException e) {
            assertTrue(e.code().isUserError(), f.getFileName() + " (" + size + " bytes) gave a bug, not a user error: " + e.getMessage());
        } catch (Exception | Error e) {
            fail(f.getFileName() + " (" + size + " bytes) threw " + e, e);
        }
    }
}
