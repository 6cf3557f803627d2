package io.rushes.engine.deliver.exr;

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
 * An independent tool (exrheader, oiiotool) found on the PATH. A test that needs one skips with a message when it is
 * absent, and fails under CI=true, where .ci/run installs it.
 */
record ExternalTool(Path executable) {
    static ExternalTool require(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return new ExternalTool(candidate);
            }
        }
        String message = name + " is not on the PATH (Debian: apt-get install openexr openimageio-tools)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but " + message);
        }
        assumeTrue(false, message + ": skipping");
        throw new AssertionError("unreachable");
    }

    /** Exit status and the merged stdout and stderr of one run. */
    record Result(int exitCode, String output) {
    }

    Result run(String... arguments) throws IOException, InterruptedException {
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
