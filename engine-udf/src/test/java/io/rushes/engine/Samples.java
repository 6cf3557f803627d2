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

    /**
     * The camera files among the samples, sorted: every raw and video file, and the OpenEXR/DPX images the hostile-input
     * tests mutate (a few of each kind; not every OpenEXR test image).
     */
    public static java.util.List<Path> cameraFiles() throws java.io.IOException {
        Path samples = dir();
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.walk(samples.resolve("raw")).filter(java.nio.file.Files::isRegularFile);
             java.util.stream.Stream<Path> v = java.nio.file.Files.walk(samples.resolve("video")).filter(java.nio.file.Files::isRegularFile);
             java.util.stream.Stream<Path> x = java.nio.file.Files.walk(samples.resolve("exr_dpx")).filter(java.nio.file.Files::isRegularFile)) {
            return java.util.stream.Stream.concat(java.util.stream.Stream.concat(s, v),
                            x.filter(p -> p.toString().matches(".*(Beachball|exiftool|oiio|Carrots).*\\.(exr|dpx)")))
                    .filter(p -> !p.toString().endsWith(".json") && !p.toString().endsWith(".txt") && !p.toString().endsWith(".tif"))
                    .sorted().toList();
        }
    }

    /**
     * Hands {@code each} the variants of {@code file} the hostile-input tests try, each with a name keeping its
     * extension: cut at {@code cuts} points (the first leaves it empty), then {@code corruptions} copies with 8 random bytes of its
     * first 64 KiB overwritten (seeded by the file's name, so a failure repeats).
     */
    public static void mutations(Path file, int cuts, int corruptions, java.util.function.BiConsumer<byte[], String> each)
            throws java.io.IOException {
        byte[] original = java.nio.file.Files.readAllBytes(file);
        java.util.Random random = new java.util.Random(file.getFileName().toString().hashCode());
        String ext = file.getFileName().toString().replaceAll(".*\\.", "");
        for (int i = 0; i < cuts; i++) {
            int length = i == 0 ? 0 : (int) ((long) original.length * i / cuts) + random.nextInt(64);
            each.accept(java.util.Arrays.copyOf(original, Math.min(length, original.length)), "cut" + i + "." + ext);
        }
        int headerSpan = Math.min(original.length, 64 * 1024);
        for (int i = 0; i < corruptions; i++) {
            byte[] b = original.clone();
            for (int k = 0; k < 8; k++) {
                b[random.nextInt(headerSpan)] = (byte) random.nextInt(256);
            }
            each.accept(b, "flip" + i + "." + ext);
        }
    }
}
