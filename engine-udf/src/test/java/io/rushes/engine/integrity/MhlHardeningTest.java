package io.rushes.engine.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Histories and cards that are hostile or damaged: each is reported for what it is, and the rest still verifies. */
class MhlHardeningTest {
    private static final Instant DAY1 = Instant.parse("2026-01-02T03:04:05Z");
    private static final Instant DAY2 = Instant.parse("2026-01-03T03:04:05Z");

    private static MhlWriter.Sealed seal(Path dir, Instant when) {
        return MhlWriter.seal(dir, HashAlgorithm.XXH64, when, "rushes", "test", "host");
    }

    private static List<MhlReport.Issue> issues(MhlReport r, MhlReport.Kind kind) {
        return r.issues().stream().filter(i -> i.kind() == kind).toList();
    }

    private static void writeGeneration(Path dir, String hashes) throws IOException {
        Files.createDirectories(dir.resolve("ascmhl"));
        Files.writeString(dir.resolve("ascmhl/0001_card_2026-01-02_030405Z.mhl"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <hashlist version="2.0" xmlns="urn:ASC:MHL:v2.0">
                  <creatorinfo><creationdate>2026-01-02T03:04:05+00:00</creationdate></creatorinfo>
                  <processinfo><process>in-place</process></processinfo>
                  <hashes>
                """ + hashes + """
                  </hashes>
                </hashlist>
                """);
    }

    @Test
    void aFileRecordedOnlyWithAnUnknownHashIsUnverifiableNotVerified(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("A001.mov"), "frame data, corrupted since");
        Files.writeString(dir.resolve("B001.mov"), "other");
        writeGeneration(dir, """
                    <hash><path size="27">A001.mov</path><sha512 action="original">00ff</sha512></hash>
                    <hash><path size="5">B001.mov</path><sha512 action="original">11ee</sha512>
                      <xxh64 action="original">%s</xxh64></hash>
                """.formatted(FileHasher.hash("other".getBytes(StandardCharsets.UTF_8), HashAlgorithm.XXH64)));
        MhlReport r = MhlVerifier.verify(dir);
        assertFalse(r.passed(), r.issues().toString());
        assertEquals(1, r.verified(), "B001 also has an xxh64 and verifies; A001 has only sha512");
        List<MhlReport.Issue> unverifiable = issues(r, MhlReport.Kind.UNVERIFIABLE);
        assertEquals(1, unverifiable.size(), r.issues().toString());
        assertEquals("A001.mov", unverifiable.get(0).path());
        assertTrue(unverifiable.get(0).detail().startsWith("recorded only with sha512, which Rushes cannot compute"),
                unverifiable.get(0).detail());
    }

    @Test
    void aLinkToAFileOutsideTheCardIsRefusedAndTheRestSealedAndVerified(@TempDir Path tmp) throws IOException {
        Path card = Files.createDirectories(tmp.resolve("card"));
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "not card content");
        Files.writeString(card.resolve("A001.mov"), "frames");
        Files.createSymbolicLink(card.resolve("B001.mov"), secret);
        MhlWriter.Sealed s = seal(card, DAY1);
        assertEquals(1, s.files());
        assertEquals(List.of(new MhlReport.Issue(MhlReport.Kind.LINK_OUTSIDE, "B001.mov", "a link to " + secret.toRealPath()
                + ", outside " + card.toRealPath() + ": not the folder's content, not hashed (copy what it points to into the folder, "
                + "or remove the link)")), s.issues());
        assertFalse(s.complete());
        String generation = Files.readString(s.generation());
        assertTrue(generation.contains(">A001.mov<") && !generation.contains("B001.mov"), generation);

        MhlReport r = MhlVerifier.verify(card);
        assertEquals(1, r.verified());
        assertEquals(List.of("B001.mov"), issues(r, MhlReport.Kind.LINK_OUTSIDE).stream().map(MhlReport.Issue::path).toList());
        assertFalse(r.passed());
    }

    @Test
    void aRecordedFileReplacedByALinkOutsideIsNotVerifiedThroughIt(@TempDir Path tmp) throws IOException {
        Path card = Files.createDirectories(tmp.resolve("card"));
        Files.createDirectories(card.resolve("Clips"));
        Files.writeString(card.resolve("Clips/A001.mov"), "frames");
        seal(card, DAY1);
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("A001.mov"), "frames");
        Files.delete(card.resolve("Clips/A001.mov"));
        Files.delete(card.resolve("Clips"));
        Files.createSymbolicLink(card.resolve("Clips"), elsewhere);
        MhlReport r = MhlVerifier.verify(card);
        assertEquals(0, r.verified(), "same bytes, but outside the card: " + r.issues());
        assertEquals(List.of("Clips/A001.mov", "Clips"), issues(r, MhlReport.Kind.LINK_OUTSIDE).stream().map(MhlReport.Issue::path).toList());
    }

    @Test
    void linksThatStayInsideTheCardAreFollowedForFilesNotForFolders(@TempDir Path card) throws IOException {
        Files.createDirectories(card.resolve("Clips"));
        Files.writeString(card.resolve("Clips/A001.mov"), "frames");
        Files.createSymbolicLink(card.resolve("A001-alias.mov"), Path.of("Clips/A001.mov"));
        Files.createSymbolicLink(card.resolve("ClipsAlias"), Path.of("Clips"));
        MhlWriter.Sealed s = seal(card, DAY1);
        assertEquals(List.of(), s.issues());
        assertEquals(2, s.files(), "the file link and its target; the linked folder is listed where it really is");
        MhlReport r = MhlVerifier.verify(card);
        assertTrue(r.passed(), r.issues().toString());
        assertEquals(2, r.verified());
    }

    @Test
    void sealRefusesAnAscmhlFolderThatLinksOutOfTheCard(@TempDir Path tmp) throws IOException {
        Path card = Files.createDirectories(tmp.resolve("card"));
        Path history = Files.createDirectories(tmp.resolve("history"));
        Files.writeString(card.resolve("A001.mov"), "frames");
        Files.createSymbolicLink(card.resolve("ascmhl"), history);
        RushesException e = assertThrows(RushesException.class, () -> seal(card, DAY1));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertEquals("Cannot read " + card.toRealPath().resolve("ascmhl") + ": it is a link to " + history.toRealPath() + ", outside "
                + card.toRealPath() + ". Copy what it points to into the folder, or remove the link", e.getMessage());
        try (Stream<Path> written = Files.list(history)) {
            assertEquals(0, written.count(), "nothing written outside the card");
        }
    }

    /** A history that records a path outside its own folder vouches for nothing there, and says so by its own kind. */
    @Test
    void aRecordedPathOutsideTheHistorysFolderIsNotVerified(@TempDir Path tmp) throws IOException {
        Path card = Files.createDirectories(tmp.resolve("card"));
        Files.writeString(tmp.resolve("secret.txt"), "outside");
        writeGeneration(card, """
                    <hash><path size="7">../secret.txt</path><xxh64 action="original">0000000000000000</xxh64></hash>
                """);
        MhlReport r = MhlVerifier.verify(card);
        assertEquals(1, issues(r, MhlReport.Kind.OUTSIDE_FOLDER).size(), r.issues().toString());
        assertEquals(List.of(), issues(r, MhlReport.Kind.MISMATCH), "not a hash mismatch: nothing was hashed");
    }

    @Test
    void oneMalformedReelHistoryStopsOnlyThatReel(@TempDir Path card) throws IOException {
        for (String reel : List.of("A001", "A002", "A003")) {
            Files.createDirectories(card.resolve(reel));
            Files.writeString(card.resolve(reel + "/clip.mov"), "frames of " + reel);
            Files.writeString(card.resolve(reel + "/clip.xml"), "sidecar of " + reel);
            seal(card.resolve(reel), DAY1);
        }
        Path broken;
        try (Stream<Path> gens = Files.list(card.resolve("A002/ascmhl"))) {
            broken = gens.filter(p -> p.toString().endsWith(".mhl")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(broken);
        Files.write(broken, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        MhlReport r = MhlVerifier.verify(card);
        assertEquals(4, r.verified(), "A001 and A003 verified: " + r.issues());
        List<MhlReport.Issue> unreadable = issues(r, MhlReport.Kind.UNREADABLE_HISTORY);
        assertEquals(1, unreadable.size(), r.issues().toString());
        assertEquals("A002/ascmhl/", unreadable.get(0).path());
        String detail = unreadable.get(0).detail();
        assertTrue(detail.startsWith("Cannot verify " + broken.toRealPath() + ": not well-formed XML at line "), detail);
        assertTrue(detail.contains("Restore this file from another copy of the card"), detail);
        assertTrue(detail.endsWith("the files of A002/ are not verified"), detail);
        assertEquals(List.of(), issues(r, MhlReport.Kind.EXTRA), "A002's files are not called extra");
        assertFalse(r.passed());
    }

    @Test
    void sealReportsFilesTheHistoryListsThatAreGone(@TempDir Path card) throws IOException {
        Files.writeString(card.resolve("A001.mov"), "frames");
        Files.writeString(card.resolve("A002.mov"), "more frames");
        seal(card, DAY1);
        Files.delete(card.resolve("A002.mov"));
        MhlWriter.Sealed s = seal(card, DAY2);
        assertEquals(List.of(new MhlReport.Issue(MhlReport.Kind.MISSING, "A002.mov", "recorded in the MHL history but not on disk")),
                s.issues());
        assertFalse(s.complete());
        assertEquals(1, s.files());
        String generation = Files.readString(s.generation());
        assertTrue(generation.contains("action=\"verified\"") && !generation.contains("A002.mov"),
                "like ascmhl, the new generation lists what is there: " + generation);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void namedPipesNeitherHangVerifyOrSealNorPassAsFiles(@TempDir Path card) throws Exception {
        Files.createDirectories(card.resolve("A001"));
        Files.createDirectories(card.resolve("A002"));
        Files.writeString(card.resolve("A001/clip.mov"), "frames");
        Files.writeString(card.resolve("A002/clip.mov"), "frames");
        seal(card.resolve("A001"), DAY1);
        mkfifo(card.resolve("A001/pipe.mov"));
        MhlWriter.Sealed s = seal(card.resolve("A001"), DAY2);
        assertEquals(List.of(new MhlReport.Issue(MhlReport.Kind.NOT_REGULAR, "pipe.mov",
                "not a regular file (a folder, named pipe or device): not hashed")), s.issues());

        Files.createDirectories(card.resolve("A002/ascmhl"));
        Path pipeGeneration = card.resolve("A002/ascmhl/0001_A002_2026-01-02_030405Z.mhl");
        mkfifo(pipeGeneration);
        MhlReport r = MhlVerifier.verify(card);
        assertEquals(1, r.verified(), "A001's clip; A002 has no readable history: " + r.issues());
        assertEquals(List.of("A001/pipe.mov"), issues(r, MhlReport.Kind.NOT_REGULAR).stream().map(MhlReport.Issue::path).toList());
        List<MhlReport.Issue> unreadable = issues(r, MhlReport.Kind.UNREADABLE_HISTORY);
        assertEquals(1, unreadable.size(), r.issues().toString());
        assertTrue(unreadable.get(0).detail().startsWith("Cannot verify " + pipeGeneration.toRealPath()
                + ": it is not a regular file (a folder, pipe or device)"), unreadable.get(0).detail());
    }

    @Test
    void generationsAreReadWithBoundsOnSizeAndDepth(@TempDir Path dir) throws IOException {
        Path deep = dir.resolve("deep.mhl");
        Files.writeString(deep, "<hashlist>" + "<a>".repeat(200) + "</a>".repeat(200) + "</hashlist>");
        RushesException e = assertThrows(RushesException.class, () -> MhlParser.read(deep, "deep.mhl", 1, 1 << 20));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code(), "the same limit, told the same way, as for AMF and CLF documents");
        assertTrue(e.getMessage().startsWith("Cannot read " + deep + ": its elements nest deeper than 64 levels (line 1)"), e.getMessage());

        Path big = dir.resolve("big.mhl");
        writeGeneration(dir, "<hash><path>a</path><xxh64>00</xxh64></hash>\n".repeat(100));
        Files.copy(dir.resolve("ascmhl/0001_card_2026-01-02_030405Z.mhl"), big);
        RushesException tooLarge = assertThrows(RushesException.class, () -> MhlParser.read(big, "big.mhl", 1, 1000));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, tooLarge.code());
        assertTrue(tooLarge.getMessage().startsWith("Cannot read " + big + " at byte 0: the ASC MHL is larger than 1000 bytes"), tooLarge.getMessage());
        assertEquals(100, MhlParser.read(big, "big.mhl", 1, 1 << 20).entries().size());
    }

    @Test
    void aStreamedGenerationKeepsWhatVerificationNeeds(@TempDir Path dir) throws IOException {
        writeGeneration(dir, """
                    <hash><path size="12" lastmodificationdate="2026-01-02T03:04:05+00:00">Clips/A &amp; B.mov</path>
                      <md5 action="original" hashdate="2026-01-02T03:04:05+00:00">ABCDEF</md5>
                      <xxh64 action="failed">0011</xxh64><blake3 action="original">99</blake3>
                      <metadata><x><y>ignored</y></x></metadata></hash>
                    <directoryhash><path>Clips</path><content><xxh64>77</xxh64></content></directoryhash>
                """);
        MhlGeneration g = MhlHistory.read(dir).generations().get(0);
        assertEquals("2026-01-02T03:04:05+00:00", g.creationDate());
        assertEquals("in-place", g.process());
        assertEquals(List.of(new MhlGeneration.Entry("Clips/A & B.mov", 12,
                java.util.Map.of(HashAlgorithm.MD5, "abcdef", HashAlgorithm.XXH64, "0011"), java.util.Set.of(HashAlgorithm.XXH64),
                List.of("blake3"))), g.entries());
        assertEquals(java.util.Map.of(HashAlgorithm.MD5, "abcdef"), MhlHistory.read(dir).referenceEntries().get("Clips/A & B.mov").hashes(),
                "a value recorded as failed is never a reference");
    }

    private static void mkfifo(Path p) throws IOException, InterruptedException {
        Process mk = new ProcessBuilder(new ArrayList<>(List.of("mkfifo", p.toString()))).inheritIO().start();
        assertEquals(0, mk.waitFor(), "mkfifo " + p);
    }
}
