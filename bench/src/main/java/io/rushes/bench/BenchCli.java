package io.rushes.bench;

import io.rushes.jobs.cli.RushesCli;
import picocli.CommandLine;

/** {@code rushes bench …}: the launcher hands the arguments after {@code bench} to this entry point. */
public final class BenchCli {
    private BenchCli() {
    }

    public static void main(String[] args) {
        System.exit(RushesCli.configure(new CommandLine(new BenchCommand()).setCommandName("rushes bench")).execute(args));
    }
}
