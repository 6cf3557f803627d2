package io.rushes.engine.deliver.movie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's ffprobe/ffmpeg, the independent check of what MovieWriter wrote; a test skips when the tool is
 * absent, and fails under CI=true, where .ci/run installs it.
 */
final class ExternalTool {
    private ExternalTool() {
    }

    static void require(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return;
            }
        }
        String message = tool + " is not on the PATH: skipping the check with it (Debian: apt-get install ffmpeg)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but " + message);
        }
        assumeTrue(false, message);
    }

    /** The tool's standard output as bytes; fails the test on a non-zero exit, with what it printed on stderr. */
    static byte[] run(String... command) throws IOException, InterruptedException {
        require(command[0]);
        Path errors = Files.createTempFile("rushes-tool", ".err");
        try {
            Process p = new ProcessBuilder(List.of(command)).redirectError(errors.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            p.waitFor(120, TimeUnit.SECONDS);
            assertEquals(0, p.exitValue(), String.join(" ", command) + " failed:\n" + Files.readString(errors, StandardCharsets.UTF_8));
            return out;
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}
