package io.rushes.jobs.cli;

import io.rushes.engine.error.RushesException;
import io.rushes.engine.io.Documents;
import io.rushes.engine.pull.PullListFormat;
import io.rushes.engine.pull.PullLists;
import io.rushes.engine.pull.Shot;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rushes pull check}: read pull lists (CSV, CMX3600 EDL, ALE, OTIO) and show the shots they ask for. */
@Command(name = "pull", mixinStandardHelpOptions = true, description = "Pull lists.", subcommands = {PullCommand.Check.class})
public final class PullCommand {
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Read pull lists (CSV, CMX3600 EDL, Avid ALE, OpenTimelineIO; told by content) and print one line per shot,",
                    "then every error with its line and field; exit 1 when a shot could not be read."})
    static final class Check implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<Path> files;

        @Option(names = "--rate", defaultValue = "24", description = "Timecode rate of lists that do not give theirs (CSV, EDL) (default: ${DEFAULT-VALUE}).")
        int rate;

        @Override
        public Integer call() {
            if (rate < 1 || rate > 1000) {
                throw io.rushes.engine.error.Errors.invalidArgument("--rate " + rate + " is not a timecode rate", "Give 24, 25, 30…");
            }
            boolean clean = true;
            for (Path file : files) {
                byte[] bytes = Documents.read(file, PullLists.MAX_BYTES, "pull list");
                PullLists.Read r = PullListFormat.read(bytes, file.toString(), rate);
                System.out.printf(Locale.ROOT, "%s: %s, %d shots, %d errors%n", file, PullListFormat.detect(bytes), r.shots().size(), r.errors().size());
                for (Shot s : r.shots()) {
                    String range = s.in() != null ? s.in() + "-" + s.last() : s.first() + "-" + s.lastFrame();
                    System.out.printf(Locale.ROOT, "  %-20s %-32s %-12s %s (%d frames, handles %d)%s%n", s.shot(), s.clip() == null ? "-" : s.clip(),
                            s.reel() == null ? "-" : s.reel(), range, s.length(), s.handles(), s.cdl() == null ? "" : ", CDL");
                }
                r.notes().forEach(n -> System.out.println("  note: " + n));
                for (RushesException e : r.errors()) {
                    System.out.println("  error: " + e.getMessage());
                }
                clean &= r.errors().isEmpty();
            }
            return clean ? 0 : 1;
        }
    }
}
