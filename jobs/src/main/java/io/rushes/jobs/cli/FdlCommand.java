package io.rushes.jobs.cli;

import io.rushes.engine.fdl.Fdl;
import io.rushes.engine.fdl.FdlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rushes fdl …}: ASC Framing Decision Lists. */
@Command(name = "fdl", mixinStandardHelpOptions = true, description = "ASC Framing Decision Lists.",
        subcommands = {FdlCommand.Validate.class})
public final class FdlCommand {

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check FDLs against the ASC schema of their version and the rules of the specification (ids, framing inside",
                    "protection inside effective area inside canvas, sizes); print every problem with its JSON path; exit 1 if any is invalid."})
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", arity = "1..*")
        List<Path> files;

        @Override
        public Integer call() {
            int invalid = 0;
            for (Path f : files) {
                FdlReader.Result r;
                try {
                    if (Files.size(f) > FdlReader.MAX_BYTES) {
                        System.out.printf("%s: INVALID%n  error at $: %d bytes, above the %d-byte limit for an FDL%n", f, Files.size(f), FdlReader.MAX_BYTES);
                        invalid++;
                        continue;
                    }
                    r = FdlReader.read(Files.readAllBytes(f), f.toString());
                } catch (IOException e) {
                    System.out.printf("%s: UNREADABLE (%s)%n", f, e.getMessage());
                    invalid++;
                    continue;
                }
                if (r.valid()) {
                    Fdl fdl = r.fdl();
                    System.out.printf("%s: valid (FDL %d.%d, %d framing intents, %d contexts, %d canvases, %d framing decisions, %d canvas templates)%n",
                            f, fdl.major(), fdl.minor(), fdl.framingIntents().size(), fdl.contexts().size(), fdl.canvases().size(),
                            fdl.canvases().stream().mapToInt(c -> c.framingDecisions().size()).sum(), fdl.canvasTemplates().size());
                } else {
                    System.out.printf("%s: INVALID%n", f);
                    invalid++;
                }
                r.problems().forEach(p -> System.out.println("  " + p));
            }
            return invalid == 0 ? 0 : 1;
        }
    }
}
