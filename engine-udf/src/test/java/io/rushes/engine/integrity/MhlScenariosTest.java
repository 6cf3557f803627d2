package io.rushes.engine.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ASC MHL reference scenarios verify as their logs say, and histories Rushes writes are schema-valid. */
class MhlScenariosTest {
    private static Path scenario(String n) {
        return Samples.dir().resolve("mhl/examples/scenarios/Output/scenario_" + n);
    }

    @Test
    void passingScenariosVerify() {
        for (String s : List.of("01/travel_01/A002R2EC", "02/file_server/A002R2EC", "03/file_server/A002R2EC", "05/file_server/Reels")) {
            Path root = scenario(s.substring(0, 2)).resolve(s.substring(3));
            assertTrue(Files.isDirectory(root), "the ASC scenario folder " + root + " is missing from the samples");
            MhlReport r = MhlVerifier.verify(root);
            assertTrue(r.passed(), s + ": " + r.issues());
            assertTrue(r.verified() >= 3, s + " verified " + r.verified());
        }
    }

    @Test
    void scenario04DetectsTheAlteredSidecar() {
        MhlReport r = MhlVerifier.verify(scenario("04").resolve("file_server/A002R2EC"));
        assertFalse(r.passed());
        assertTrue(r.issues().stream().anyMatch(i -> i.kind() == MhlReport.Kind.MISMATCH && i.path().equals("Sidecar.txt")
                && i.detail().contains("3ab5a4166b9bde44")), r.issues().toString());
        assertTrue(r.issues().stream().anyMatch(i -> i.kind() == MhlReport.Kind.RECORDED_FAILURE));
        assertEquals(2, r.verified(), "the two clips still verify");
    }

    @Test
    void hashesMatchTheReferenceImplementation() {
        // values from the scenario log, computed by ascmhl.py
        Path clips = scenario("03").resolve("file_server/A002R2EC");
        assertEquals("0ea03b369a463d9d", hash(clips.resolve("Clips/A002C006_141024_R2EC.mov"), HashAlgorithm.XXH64));
        assertEquals("f5ac8127b3b6b85cdc13f237c6005d80", hash(clips.resolve("Clips/A002C006_141024_R2EC.mov"), HashAlgorithm.MD5));
        MhlHistory h = MhlHistory.read(scenario("01").resolve("travel_01/A002R2EC"));
        String gen = h.generations().get(0).fileName();
        assertEquals(h.chainC4().get(gen), hash(h.root().resolve("ascmhl").resolve(gen), HashAlgorithm.C4));
    }

    @Test
    void knownXxhashVectors() {
        // xxhsum of the empty input
        assertEquals("ef46db3751d8e999", FileHasher.hash(new byte[0], HashAlgorithm.XXH64));
        assertEquals("2d06800538d394c2", FileHasher.hash(new byte[0], HashAlgorithm.XXH3));
        assertEquals("99aa06d3014798d86001c324468d497f", FileHasher.hash(new byte[0], HashAlgorithm.XXH128));
    }

    @Test
    void writtenHistoryIsSchemaValidAndVerifies(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("Clips"));
        Files.writeString(dir.resolve("Clips/A001C001.mov"), "frame data");
        Files.writeString(dir.resolve("Sidecar & notes.txt"), "notes");
        MhlWriter.Sealed first = MhlWriter.seal(dir, HashAlgorithm.XXH128, java.time.Instant.parse("2026-01-02T03:04:05Z"), "rushes", "test", "host");
        MhlWriter.Sealed second = MhlWriter.seal(dir, HashAlgorithm.XXH128, java.time.Instant.parse("2026-01-03T03:04:05Z"), "rushes", "test", "host");
        assertEquals(0, second.failed());
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Samples.dir().resolve("mhl/xsd/ASCMHL.xsd").toFile());
        schema.newValidator().validate(new StreamSource(first.generation().toFile()));
        schema.newValidator().validate(new StreamSource(second.generation().toFile()));
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Samples.dir().resolve("mhl/xsd/ASCMHLDirectory__combined.xsd").toFile()).newValidator()
                .validate(new StreamSource(dir.resolve("ascmhl/ascmhl_chain.xml").toFile()));
        assertTrue(Files.readString(second.generation()).contains("action=\"verified\""));
        MhlReport ok = MhlVerifier.verify(dir);
        assertTrue(ok.passed(), ok.issues().toString());

        Files.writeString(dir.resolve("Clips/A001C001.mov"), "frame dat4");
        MhlReport bad = MhlVerifier.verify(dir);
        assertFalse(bad.passed());
        Files.delete(dir.resolve("Sidecar & notes.txt"));
        assertTrue(MhlVerifier.verify(dir).issues().stream().anyMatch(i -> i.kind() == MhlReport.Kind.MISSING));
    }

    @Test
    void refusesXmlEntities(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("ascmhl"));
        Files.writeString(dir.resolve("ascmhl/0001_x_2020-01-01_000000Z.mhl"),
                "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><hashlist>&e;</hashlist>");
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.rushes.engine.error.RushesException.class, () -> MhlHistory.read(dir));
        assertTrue(e.getMessage().contains("0001_x_2020-01-01_000000Z.mhl"), e.getMessage());
    }

    private static String hash(Path p, HashAlgorithm a) {
        try (Stream<Path> ignored = Stream.empty(); var in = Files.newInputStream(p)) {
            return FileHasher.hash(in, java.util.Set.of(a)).get(a);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
