package io.rushes.engine;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared sample files ({@code ../shared/samples}). Tests that need them skip with a message on a
 * fresh clone without them, and fail under CI=true, where they must run.
 */
public final class Samples {
    private Samples() {
    }

    public static Path dir() {
        String configured = System.getenv("RUSHES_SAMPLES");
        Path p = configured == null ? Path.of("../../shared/samples") : Path.of(configured);
        if (!Files.isDirectory(p)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but the shared samples are missing at " + p.toAbsolutePath() + " (set RUSHES_SAMPLES)");
            }
            assumeTrue(false, "shared samples not found at " + p.toAbsolutePath() + ": skipping (set RUSHES_SAMPLES)");
        }
        return p.toAbsolutePath().normalize();
    }
}
