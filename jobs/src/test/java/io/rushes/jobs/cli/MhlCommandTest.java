package io.rushes.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.integrity.FileHasher;
import io.rushes.engine.integrity.HashAlgorithm;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code rushes mhl verify|seal}: what cannot be verified or sealed fails the command with a line saying why. */
class MhlCommandTest {
    private static Path onlyGeneration(Path dir) throws Exception {
        try (Stream<Path> gens = Files.list(dir.resolve("ascmhl"))) {
            return gens.filter(p -> p.toString().endsWith(".mhl")).findFirst().orElseThrow();
        }
    }

    @Test
    void verifyFailsOnAFileRecordedOnlyWithAHashRushesCannotCompute(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("A001.mov"), "frames");
        assertEquals(0, CliRun.of("mhl", "seal", dir.toString()).code());
        Path generation = onlyGeneration(dir);
        String sealed = FileHasher.hash(Files.readAllBytes(generation), HashAlgorithm.C4);
        Files.writeString(generation, Files.readString(generation).replace("xxh64", "sha512"));
        Path chain = dir.resolve("ascmhl/ascmhl_chain.xml"); // the chain still seals the edited generation
        Files.writeString(chain, Files.readString(chain).replace(sealed, FileHasher.hash(Files.readAllBytes(generation), HashAlgorithm.C4)));
        Files.writeString(dir.resolve("A001.mov"), "framez");
        CliRun r = CliRun.of("mhl", "verify", dir.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("UNVERIFIABLE     A001.mov  recorded only with sha512, which Rushes cannot compute"), r.out());
        assertTrue(r.out().contains("0 files verified, 1 issues: FAILED"), r.out());
    }

    @Test
    void sealRefusesALinkOutOfTheCardAndSealsTheRest(@TempDir Path tmp) throws Exception {
        Path card = Files.createDirectories(tmp.resolve("card"));
        Files.writeString(card.resolve("A001.mov"), "frames");
        Path outside = Files.writeString(tmp.resolve("passwords.txt"), "secret");
        Files.createSymbolicLink(card.resolve("B001.mov"), outside);
        CliRun r = CliRun.of("mhl", "seal", card.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("LINK_OUTSIDE     B001.mov  a link to " + outside.toRealPath() + ", outside " + card.toRealPath()), r.out());
        assertTrue(r.out().contains(": 1 files, 0 failed verification, 1 not sealed"), r.out());
        assertTrue(!Files.readString(onlyGeneration(card)).contains("B001.mov"));
    }

    @Test
    void sealOfACardWhoseHistoryLinksOutsideSaysCannotSealAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path card = Files.createDirectories(tmp.resolve("card"));
        Path history = Files.createDirectories(tmp.resolve("history"));
        Files.writeString(card.resolve("A001.mov"), "frames");
        Files.createSymbolicLink(card.resolve("ascmhl"), history);
        CliRun r = CliRun.of("mhl", "seal", card.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("Cannot seal " + card.toRealPath().resolve("ascmhl") + ": it is a link to " + history.toRealPath()
                + ", outside " + card.toRealPath()), r.err());
        try (Stream<Path> written = Files.list(history)) {
            assertEquals(0, written.count());
        }
    }

    @Test
    void anUnknownSealHashSaysCannotSealAndNamesTheKnownOnes(@TempDir Path dir) {
        CliRun r = CliRun.of("mhl", "seal", "--hash", "crc32", dir.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("Cannot seal: the hash 'crc32' is unknown. Use --hash with one of xxh64, xxh3, xxh128, md5, sha1, c4"),
                r.err());
        assertTrue(!Files.exists(dir.resolve("ascmhl")));
    }

    @Test
    void verifyErrorsSayCannotVerify(@TempDir Path tmp) {
        CliRun r = CliRun.of("mhl", "verify", tmp.resolve("no-such-card").toString());
        assertEquals(2, r.code(), r.err()); // a mistyped path is the user's to fix, not a storage failure
        assertEquals("rushes mhl verify: Cannot verify " + tmp.resolve("no-such-card") + ": no such folder. Check the path of the card",
                r.err().strip());
    }

    @Test
    void aMalformedReelHistoryFailsThatReelAndTheOthersAreVerified(@TempDir Path card) throws Exception {
        for (String reel : List.of("A001", "A002")) {
            Files.createDirectories(card.resolve(reel));
            Files.writeString(card.resolve(reel + "/clip.mov"), "frames of " + reel);
            assertEquals(0, CliRun.of("mhl", "seal", card.resolve(reel).toString()).code());
        }
        Path broken = onlyGeneration(card.resolve("A001"));
        Files.writeString(broken, "<hashlist><hashes><hash><path>clip.mov");
        CliRun r = CliRun.of("mhl", "verify", card.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("UNREADABLE_HISTORY A001/ascmhl/  Cannot verify " + broken.toRealPath() + ": not well-formed XML"), r.out());
        assertTrue(r.out().contains("1 files verified, 1 issues: FAILED"), r.out());
    }

    @Test
    void sealNamesTheFilesTheHistoryListsThatAreGoneAndFails(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("A001.mov"), "frames");
        Files.writeString(dir.resolve("A002.mov"), "frames");
        assertEquals(0, CliRun.of("mhl", "seal", dir.toString()).code());
        Files.delete(dir.resolve("A002.mov"));
        CliRun r = CliRun.of("mhl", "seal", dir.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("MISSING          A002.mov  recorded in the MHL history but not on disk"), r.out());
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aNamedPipeInTheCardIsSkippedWithAnErrorNotWaitedOn(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("A001.mov"), "frames");
        Process mk = new ProcessBuilder("mkfifo", dir.resolve("pipe.mov").toString()).inheritIO().start();
        assertEquals(0, mk.waitFor());
        CliRun seal = CliRun.of("mhl", "seal", dir.toString());
        assertEquals(1, seal.code(), seal.out());
        assertTrue(seal.out().contains("NOT_REGULAR      pipe.mov  not a regular file (a folder, named pipe or device)"), seal.out());
        CliRun verify = CliRun.of("mhl", "verify", dir.toString());
        assertEquals(1, verify.code(), verify.out());
        assertTrue(verify.out().contains("1 files verified, 1 issues: FAILED"), verify.out());
    }

    @Test
    void progressIsOneLineEveryTwoSecondsAndNoneForAQuickRun() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long[] now = {0};
        MhlCommand.ProgressLine line = new MhlCommand.ProgressLine("verify", new PrintStream(err, true, StandardCharsets.UTF_8), () -> now[0]);
        for (int file = 0; file < 10; file++) {
            now[0] = file * 500_000_000L; // a file every half second
            line.hashing(file, 10, file * 3_000_000L, 30_000_000L, "A001/clip" + file + ".mov");
        }
        assertEquals("""
                verify: 4/10 files, 12/30 MB (40%), at A001/clip4.mov
                verify: 8/10 files, 24/30 MB (80%), at A001/clip8.mov
                """, err.toString(StandardCharsets.UTF_8));
        ByteArrayOutputStream quiet = new ByteArrayOutputStream();
        MhlCommand.ProgressLine quick = new MhlCommand.ProgressLine("seal", new PrintStream(quiet, true, StandardCharsets.UTF_8), () -> 0L);
        quick.hashing(0, 1, 0, 10, "a.mov");
        assertEquals("", quiet.toString(StandardCharsets.UTF_8));
    }
}
