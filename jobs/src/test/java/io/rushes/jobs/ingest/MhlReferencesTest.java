package io.rushes.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.discovery.FileEntry;
import io.rushes.engine.integrity.FileHasher;
import io.rushes.engine.integrity.HashAlgorithm;
import io.rushes.engine.integrity.MhlWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest's {@code files.mhl_status}: never {@code verified} without a hash compared, and one bad history stops only its reel. */
class MhlReferencesTest {
    private static String location(Path p) {
        return p.toUri().toString().replaceFirst("^file:///", "file:/").replaceFirst("/$", "");
    }

    private static List<FileEntry> listing(Path card) throws IOException {
        List<FileEntry> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(card)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.add(new FileEntry(location(p), card.relativize(p).toString(), Files.size(p), 0));
            }
        }
        return out;
    }

    private static Map<HashAlgorithm, String> xxh64(Path file) throws IOException {
        return Map.of(HashAlgorithm.XXH64, FileHasher.hash(Files.readAllBytes(file), HashAlgorithm.XXH64));
    }

    private static Path generation(Path reel) throws IOException {
        try (Stream<Path> gens = Files.list(reel.resolve("ascmhl"))) {
            return gens.filter(p -> p.toString().endsWith(".mhl")).findFirst().orElseThrow();
        }
    }

    private static Path reels(Path card) throws IOException {
        for (String reel : List.of("A001", "A002")) {
            Files.createDirectories(card.resolve(reel));
            Files.writeString(card.resolve(reel + "/clip.mov"), "frames of " + reel);
            MhlWriter.seal(card.resolve(reel), HashAlgorithm.XXH64, Instant.parse("2026-01-02T03:04:05Z"), "rushes", "test", "host");
        }
        return card;
    }

    @Test
    void aFileRecordedOnlyWithAnUnknownHashIsUnverifiable(@TempDir Path card) throws IOException {
        reels(card);
        Path gen = generation(card.resolve("A001"));
        Files.writeString(gen, Files.readString(gen, StandardCharsets.UTF_8).replace("xxh64", "sha512"), StandardCharsets.UTF_8);
        MhlReferences refs = MhlReferences.read(location(card) + "/", listing(card));
        Path a1 = card.resolve("A001/clip.mov");
        Path a2 = card.resolve("A002/clip.mov");
        assertEquals("unverifiable", refs.status(location(a1), xxh64(a1)));
        assertEquals("verified", refs.status(location(a2), xxh64(a2)));
    }

    @Test
    void aMalformedHistoryMarksItsReelAndTheOthersStillVerify(@TempDir Path card) throws IOException {
        reels(card);
        Path gen = generation(card.resolve("A001"));
        Files.writeString(gen, "<hashlist><hashes><hash>", StandardCharsets.UTF_8);
        MhlReferences refs = MhlReferences.read(location(card) + "/", listing(card));
        Path a1 = card.resolve("A001/clip.mov");
        Path a2 = card.resolve("A002/clip.mov");
        assertEquals("mhl_unreadable", refs.status(location(a1), xxh64(a1)));
        assertEquals("verified", refs.status(location(a2), xxh64(a2)));
        assertEquals(1, refs.problems().size(), refs.problems().toString());
        String problem = refs.problems().get(0);
        assertTrue(problem.startsWith("Cannot verify " + gen.toRealPath() + ": not well-formed XML"), problem);
        assertTrue(problem.endsWith("Restore this file from another copy of the card (every copy carries its ascmhl/ history) or re-seal the folder"),
                problem);
    }
}
