package io.rushes.jobs.cli;

import io.rushes.engine.color.amf.Amf;
import io.rushes.engine.color.amf.AmfPipeline;
import io.rushes.engine.color.amf.AmfReader;
import io.rushes.engine.error.RushesException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rushes amf …}: ACES Metadata Files. */
@Command(name = "amf", mixinStandardHelpOptions = true, description = "ACES Metadata Files.", subcommands = {AmfCommand.Validate.class})
public final class AmfCommand {

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Parse AMF v1.0/v2.0 files and build each one's pipeline (transforms not yet applied, CLF references",
                    "resolved next to the AMF); print the plan, or what cannot be built and why. Exit 1 if any fails."})
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", arity = "1..*")
        List<Path> files;

        @Override
        public Integer call() {
            int failed = 0;
            for (Path f : files) {
                try {
                    Amf amf = AmfReader.read(Files.readAllBytes(f), f.toString());
                    AmfPipeline p = AmfPipeline.build(amf, f.toAbsolutePath().getParent());
                    System.out.printf("%s: valid (AMF %s%s), pipeline of %d steps%n", f, amf.version(),
                            amf.clipId() == null || amf.clipId().clipName() == null ? "" : ", clip " + amf.clipId().clipName(), p.plan().size());
                    p.plan().forEach(s -> System.out.println("  " + s));
                } catch (RushesException e) {
                    System.out.printf("%s: %s%n  %s%n", f, e.code().isUserError() ? "CANNOT BUILD" : "ERROR", e.getMessage());
                    failed++;
                } catch (IOException e) {
                    System.out.printf("%s: UNREADABLE (%s)%n", f, e.getMessage());
                    failed++;
                }
            }
            return failed == 0 ? 0 : 1;
        }
    }
}
