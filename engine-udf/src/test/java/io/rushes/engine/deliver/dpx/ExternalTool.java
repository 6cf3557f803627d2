package io.rushes.engine.deliver.dpx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a reference tool (oiiotool, exiftool) found on the PATH; a test that needs an absent tool skips, saying which. */
final class ExternalTool {
    private ExternalTool() {
    }

    static void require(String tool) {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                found = true;
                break;
            }
        }
        assumeTrue(found, tool + " is not on the PATH: skipping the comparison with it (Debian: apt-get install "
                + (tool.equals("oiiotool") ? "openimageio-tools" : "libimage-exiftool-perl") + ")");
    }

    /** The tool's standard output; fails the test on a non-zero exit, with what it printed. */
    static String run(String... command) throws IOException, InterruptedException {
        require(command[0]);
        List<String> cmd = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor(120, TimeUnit.SECONDS);
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + " failed:\n" + text);
        return text;
    }
}
