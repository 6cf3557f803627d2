package io.rushes.jobs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rushes demo}: make a sample card and inspect it. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Make a sample card (if absent) and inspect it.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--card", defaultValue = "rushes-demo-card", description = "Where the sample card goes (default: ${DEFAULT-VALUE}).")
    Path card;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(card)) {
            int rc = RushesCli.run("make-card", card.toString(), "--cameras", "A,B", "--clips", "2", "--frames", "12");
            if (rc != 0) {
                return rc;
            }
        }
        return RushesCli.run("inspect", card.toString());
    }
}
