package io.rushes.jobs.cli;

import io.rushes.engine.integrity.HashAlgorithm;
import io.rushes.engine.integrity.MhlReport;
import io.rushes.engine.integrity.MhlVerifier;
import io.rushes.engine.integrity.MhlWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rushes mhl verify|seal}: ASC MHL v2 histories. */
@Command(name = "mhl", mixinStandardHelpOptions = true, description = "Verify or extend ASC MHL v2 histories.",
        subcommands = {MhlCommand.Verify.class, MhlCommand.Seal.class})
public final class MhlCommand {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Re-hash every file recorded in the folder's ascmhl/ histories; exit 1 when anything fails.")
    static final class Verify implements Callable<Integer> {
        @Parameters(paramLabel = "DIR")
        Path dir;

        @Override
        public Integer call() {
            MhlReport r = MhlVerifier.verify(dir);
            for (MhlReport.Issue i : r.issues()) {
                System.out.printf("%-16s %s  %s%n", i.kind(), i.path(), i.detail());
            }
            System.out.printf("%d files verified, %d issues: %s%n", r.verified(), r.issues().size(), r.passed() ? "PASSED" : "FAILED");
            return r.passed() ? 0 : 1;
        }
    }

    @Command(name = "seal", mixinStandardHelpOptions = true,
            description = "Write a new MHL generation for the folder, verifying files already in its history.")
    static final class Seal implements Callable<Integer> {
        @Parameters(paramLabel = "DIR")
        Path dir;

        @Option(names = "--hash", defaultValue = "xxh64", description = "Hash: xxh64, xxh3, xxh128, md5, sha1, c4 (default: ${DEFAULT-VALUE}).")
        String hash;

        @Override
        public Integer call() throws Exception {
            HashAlgorithm a = HashAlgorithm.fromName(hash);
            if (a == null) {
                System.err.println("Unknown hash '" + hash + "'");
                return 2;
            }
            MhlWriter.Sealed s = MhlWriter.seal(dir, a, Instant.now(), "rushes", "0.1.0", InetAddress.getLocalHost().getHostName());
            System.out.printf("%s: %d files, %d failed verification%n", s.generation(), s.files(), s.failed());
            return s.failed() == 0 ? 0 : 1;
        }
    }
}
