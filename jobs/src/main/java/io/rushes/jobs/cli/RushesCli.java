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
        return new CommandLine(new RushesCli()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(RushesCli::failed).execute(args);
    }

    /**
     * A user error (bad input, bad option value) is one line and exit code 2; a storage failure (missing file, no
     * permission) one line and 1; anything else is a bug: its stack trace and 1.
     */
    private static int failed(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        if (e instanceof io.rushes.engine.error.RushesException r) {
            command.getErr().println("rushes " + command.getCommandName() + ": " + r.getMessage());
            return r.isUserError() ? 2 : r.code() == io.rushes.engine.error.ErrorCode.IO ? 1 : fail(e, command);
        }
        if (e instanceof java.io.IOException) {
            command.getErr().println("rushes " + command.getCommandName() + ": " + e);
            return 1;
        }
        return fail(e, command);
    }

    private static int fail(Exception bug, CommandLine command) {
        bug.printStackTrace(command.getErr());
        return 1;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
