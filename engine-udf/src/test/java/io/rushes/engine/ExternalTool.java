package io.rushes.engine;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An independent tool (exrheader, oiiotool, exiftool, ffprobe) found on the PATH. A test that needs one skips with a
 * message when it is absent, and fails under CI=true, where .ci/run installs it.
 */
public record ExternalTool(Path executable) {
    public static ExternalTool require(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return new ExternalTool(candidate);
            }
        }
        String message = name + " is not on the PATH (Debian: apt-get install openexr openimageio-tools libimage-exiftool-perl ffmpeg)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but " + message);
        }
        assumeTrue(false, message + ": skipping");
        throw new AssertionError("unreachable");
    }

    /** Exit status and the merged stdout and stderr of one run. */
    public record Result(int exitCode, String output) {
    }

    /** What {@code tool} printed for {@code arguments}; a non-zero exit fails the test with that output. */
    public static String output(String tool, String... arguments) throws IOException, InterruptedException {
        Result r = require(tool).run(arguments);
        if (r.exitCode() != 0) {
            fail(tool + " " + String.join(" ", arguments) + " failed (exit " + r.exitCode() + "):\n" + r.output());
        }
        return r.output();
    }

    /** What {@code tool} wrote on standard output, as bytes (raw frames); a non-zero exit fails the test with its stderr. */
    public static byte[] stdout(String tool, String... arguments) throws IOException, InterruptedException {
        ExternalTool t = require(tool);
        List<String> command = new ArrayList<>();
        command.add(t.executable().toString());
        command.addAll(List.of(arguments));
        Path errors = Files.createTempFile("rushes-tool", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(command + " did not finish in 120 s");
            }
            if (p.exitValue() != 0) {
                fail(String.join(" ", command) + " failed (exit " + p.exitValue() + "):\n" + Files.readString(errors, StandardCharsets.UTF_8));
            }
            return out;
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    public Result run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(arguments));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(command + " did not finish in 120 s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
