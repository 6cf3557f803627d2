package io.rushes.jobs.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rushes}: one command per unit of work; each is stateless, so kill and relaunch is always safe. */
@Command(name = "rushes", mixinStandardHelpOptions = true, version = "rushes 0.1.0",
        description = "Headless processing of camera original files.",
        subcommands = {InspectCommand.class, IngestCommand.class, SqlCommand.class, OptimizeCommand.class, RenderCommand.class, MakeCardCommand.class, MhlCommand.class, FdlCommand.class, AmfCommand.class, ColorCommand.class, LutCommand.class, DemoCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class RushesCli implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return new CommandLine(new RushesCli()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
