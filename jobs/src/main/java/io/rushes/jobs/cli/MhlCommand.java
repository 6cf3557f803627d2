package io.rushes.jobs.cli;

import io.rushes.engine.error.Errors;
import io.rushes.engine.integrity.HashAlgorithm;
import io.rushes.engine.integrity.MhlProgress;
import io.rushes.engine.integrity.MhlReport;
import io.rushes.engine.integrity.MhlVerifier;
import io.rushes.engine.integrity.MhlWriter;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rushes mhl verify|seal}: ASC MHL v2 histories. */
@Command(name = "mhl", mixinStandardHelpOptions = true, description = "Verify or extend ASC MHL v2 histories.",
        subcommands = {MhlCommand.Verify.class, MhlCommand.Seal.class})
public final class MhlCommand {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Re-hash every file recorded in the folder's ascmhl/ histories; exit 1 when anything fails "
                    + "or cannot be verified.")
    static final class Verify implements Callable<Integer> {
        @Parameters(paramLabel = "DIR")
        Path dir;

        @Override
        public Integer call() {
            card(dir);
            MhlReport r = MhlVerifier.verify(dir, new ProgressLine("verify", System.err, System::nanoTime));
            print(r.issues());
            System.out.printf(Locale.ROOT, "%d files verified, %d issues: %s%n", r.verified(), r.issues().size(), r.passed() ? "PASSED" : "FAILED");
            return r.passed() ? 0 : 1;
        }
    }

    /** The folder to verify or seal: a missing path is the user's mistake (exit 2), not a storage failure. */
    static Path card(Path dir) {
        if (!java.nio.file.Files.isDirectory(dir)) {
            throw java.nio.file.Files.exists(dir) ? Errors.invalidArgument(dir + " is a file", "Give the folder of the card (or reel) it is on")
                    : Errors.notFound(dir.toString(), "no such folder", "Check the path of the card");
        }
        return dir;
    }

    @Command(name = "seal", mixinStandardHelpOptions = true,
            description = "Write a new MHL generation for the folder, verifying files already in its history; exit 1 when "
                    + "a file fails verification, is gone, or cannot be sealed.")
    static final class Seal implements Callable<Integer> {
        @Parameters(paramLabel = "DIR")
        Path dir;

        @Option(names = "--hash", defaultValue = "xxh64", description = "Hash: xxh64, xxh3, xxh128, md5, sha1, c4 (default: ${DEFAULT-VALUE}).")
        String hash;

        @Override
        public Integer call() throws Exception {
            HashAlgorithm a = HashAlgorithm.fromName(hash);
            if (a == null) {
                String known = java.util.Arrays.stream(HashAlgorithm.values()).map(HashAlgorithm::mhlName)
                        .collect(java.util.stream.Collectors.joining(", "));
                throw Errors.invalidArgument("the hash '" + hash + "' is unknown", "Use --hash with one of " + known);
            }
            card(dir);
            String host = InetAddress.getLocalHost().getHostName();
            MhlWriter.Sealed s = MhlWriter.seal(dir, a, Instant.now(), "rushes", "0.1.0", host, new ProgressLine("seal", System.err, System::nanoTime));
            print(s.issues());
            System.out.printf(Locale.ROOT, "%s: %d files, %d failed verification, %d not sealed%n", s.generation(), s.files(), s.failed(),
                    s.issues().size());
            return s.complete() ? 0 : 1;
        }
    }

    private static void print(List<MhlReport.Issue> issues) {
        for (MhlReport.Issue i : issues) {
            System.out.printf(Locale.ROOT, "%-16s %s  %s%n", i.kind(), i.path(), i.detail());
        }
    }

    /** At most one line every two seconds on stderr, so a quick run prints nothing and a long one shows where it is. */
    static final class ProgressLine implements MhlProgress {
        static final long INTERVAL_NANOS = 2_000_000_000L;
        private final String verb;
        private final PrintStream err;
        private final LongSupplier nanoClock;
        private long next;

        ProgressLine(String verb, PrintStream err, LongSupplier nanoClock) {
            this.verb = verb;
            this.err = err;
            this.nanoClock = nanoClock;
            this.next = nanoClock.getAsLong() + INTERVAL_NANOS;
        }

        @Override
        public void hashing(long files, long totalFiles, long bytes, long totalBytes, String current) {
            long now = nanoClock.getAsLong();
            if (now - next < 0) {
                return;
            }
            next = now + INTERVAL_NANOS;
            err.printf(Locale.ROOT, "%s: %d/%d files, %.0f/%.0f MB (%.0f%%), at %s%n", verb, files, totalFiles, bytes / 1e6,
                    totalBytes / 1e6, totalBytes == 0 ? 100.0 : 100.0 * bytes / totalBytes, current);
        }
    }
}
