package io.rushes.engine.api;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.Samples;
import io.rushes.engine.TestInspect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every real sample camera file, cut short at many points and with bytes of its header overwritten:
 * every reader must answer each variant with a result or a user error (never a bug, a hang or an
 * allocation a header asked for).
 */
class MutatedSamplesTest {
    private static final int CUTS = 24;
    private static final int CORRUPTIONS = 24;

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicTest> everyReaderSurvivesMutatedSamples() throws IOException {
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
        ClipResult r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> TestInspect.one(f));
        for (ClipError e : r.errors()) {
            assertTrue(e.userError(), name + " (" + content.length + " bytes) gave a bug, not a user error: " + e.message());
        }
        Files.delete(f);
    }
}
