package io.rushes.engine.api;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.Samples;
import io.rushes.engine.TestInspect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
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
        byte[] original = Files.readAllBytes(file);
        Random random = new Random(file.getFileName().toString().hashCode());
        String ext = file.getFileName().toString().replaceAll(".*\\.", "");
        for (int i = 0; i < CUTS; i++) {
            int length = i == 0 ? 0 : (int) ((long) original.length * i / CUTS) + random.nextInt(64);
            check(Arrays.copyOf(original, Math.min(length, original.length)), "cut" + i + "." + ext);
        }
        int headerSpan = Math.min(original.length, 64 * 1024);
        for (int i = 0; i < CORRUPTIONS; i++) {
            byte[] b = original.clone();
            for (int k = 0; k < 8; k++) {
                b[random.nextInt(headerSpan)] = (byte) random.nextInt(256);
            }
            check(b, "flip" + i + "." + ext);
        }
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
