package io.rushes.jobs.cli;

import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rushes}: one command per unit of work; each is stateless, so kill and relaunch is always safe. */
@Command(name = "rushes", mixinStandardHelpOptions = true, version = "rushes 0.1.0",
        description = "Headless processing of camera original files.",
        footer = {"", "Benchmarks beside their peers: rushes bench --help (the bench module; not in the spark-submit jar)."},
        subcommands = {InspectCommand.class, IngestCommand.class, SqlCommand.class, OptimizeCommand.class, RenderCommand.class,
                MakeCardCommand.class, MhlCommand.class, FdlCommand.class, AmfCommand.class, ColorCommand.class, LutCommand.class,
                PullCommand.class, PlatesCommand.class,
                DemoCommand.class, CommandLine.HelpCommand.class})
public final class RushesCli implements Runnable {
    /** What each command was asked to do, so its errors read "Cannot seal …" rather than "Cannot read …". */
    private static final Map<String, String> ACTIONS = Map.ofEntries(Map.entry("rushes inspect", "inspect"),
            Map.entry("rushes ingest", "ingest"), Map.entry("rushes sql", "query"), Map.entry("rushes optimize", "optimize"),
            Map.entry("rushes render", "render"), Map.entry("rushes make-card", "make the card"), Map.entry("rushes mhl verify", "verify"),
            Map.entry("rushes mhl seal", "seal"), Map.entry("rushes fdl validate", "validate"), Map.entry("rushes fdl apply", "apply"),
            Map.entry("rushes fdl frame", "frame"), Map.entry("rushes amf validate", "validate"), Map.entry("rushes amf apply", "apply"),
            Map.entry("rushes color apply", "apply"), Map.entry("rushes lut bake", "bake"), Map.entry("rushes pull check", "check"), Map.entry("rushes plates", "render the plates"),
            Map.entry("rushes demo", "run the demo"));

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return configure(new CommandLine(new RushesCli())).execute(args);
    }

    /** The house rules for any Rushes command line (the benchmarks' too): enum values in any case, errors in one line. */
    public static CommandLine configure(CommandLine commandLine) {
        return commandLine.setCaseInsensitiveEnumValuesAllowed(true).setParameterExceptionHandler(RushesCli::badArguments)
                .setExecutionExceptionHandler(RushesCli::failed);
    }

    /** A usage mistake: one line naming the command, what is wrong and where the help is (not the whole usage text). */
    private static int badArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        String message = e.getMessage().strip();
        command.getErr().println(name + ": " + message + (message.endsWith(".") ? "" : ".") + " See '" + name + " --help'");
        return 2;
    }

    /**
     * A user error (bad input, bad option value) is one line and exit code 2; a storage failure (missing file, no
     * permission) one line and 1; anything else is a bug: its stack trace and 1.
     */
    private static int failed(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        String name = command.getCommandSpec().qualifiedName();
        if (e instanceof RushesException r) {
            String action = ACTIONS.get(name);
            command.getErr().println(name + ": " + (action == null ? r : r.during(action)).getMessage());
            return r.isUserError() ? 2 : r.code() == ErrorCode.IO ? 1 : fail(e, command);
        }
        if (e instanceof java.io.IOException io) {
            command.getErr().println(name + ": Cannot " + ACTIONS.getOrDefault(name, "go on") + ": " + describe(io)
                    + ". Check that the path exists, is readable and the storage is online");
            return 1;
        }
        return fail(e, command);
    }

    /** An I/O failure in words: the file and the system's reason, not the exception's class name. */
    static String describe(java.io.IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs) {
            String reason = fs.getReason() != null ? fs.getReason()
                    : e instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileAlreadyExistsException ? "already exists" : "file system error";
            return fs.getFile() + ": " + reason;
        }
        return e.getMessage() != null ? e.getMessage() : "I/O error";
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
