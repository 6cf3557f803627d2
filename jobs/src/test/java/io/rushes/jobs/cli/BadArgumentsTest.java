package io.rushes.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.card.SampleCard;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command given bad arguments or bad input: exit code 2, one line on stderr that starts with the command's name
 * and says what could not be done and how to fix it, no stack trace, no exception class, no usage dump.
 */
class BadArgumentsTest {
    @TempDir
    static Path dir;
    static Path card;
    static Path dng;
    static Path damagedDng;
    static Path aFile;
    static Path fifo;
    static Path deepAmf;
    static Path fdl;
    static Path movie;

    @BeforeAll
    static void files() throws Exception {
        card = dir.resolve("card");
        SampleCard.write(card, new SampleCard.Options(1, 2, List.of("A"), 64, 32, 3));
        try (Stream<Path> s = Files.walk(card)) {
            dng = s.filter(p -> p.toString().endsWith(".dng")).sorted().findFirst().orElseThrow();
        }
        damagedDng = dir.resolve("cut.dng");
        Files.copy(dng, damagedDng);
        try (RandomAccessFile f = new RandomAccessFile(damagedDng.toFile(), "rw")) {
            f.setLength(100);
        }
        aFile = dir.resolve("a-file.txt");
        Files.writeString(aFile, "not a folder");
        fifo = dir.resolve("pipe.amf");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() != 0) {
            throw new IllegalStateException("mkfifo failed: the named-pipe cases need it");
        }
        try (Stream<Path> s = Files.walk(card)) {
            movie = s.filter(p -> p.toString().endsWith(".mov")).findFirst().orElseThrow();
        }
        fdl = dir.resolve("cam.fdl");
        Files.writeString(fdl, """
                {"uuid": "BCD142EB-3BAA-4EA8-ADD8-A46AE8DC4D97", "version": {"major": 2, "minor": 0},
                 "framing_intents": [{"id": "F1", "aspect_ratio": {"width": 2, "height": 1}}],
                 "contexts": [{"canvases": [{"id": "C1", "source_canvas_id": "C1", "dimensions": {"width": 64, "height": 32},
                   "framing_decisions": [{"id": "C1-F1", "framing_intent_id": "F1",
                   "dimensions": {"width": 64, "height": 32}, "anchor_point": {"x": 0, "y": 0}}]}]}],
                 "canvas_templates": [{"id": "HUGE", "target_dimensions": {"width": 100000, "height": 50000}, "target_anamorphic_squeeze": 1.0,
                   "fit_source": "framing_decision.dimensions", "fit_method": "fit_all"}]}
                """);
        deepAmf = dir.resolve("deep.amf");
        Files.writeString(deepAmf, "<a>".repeat(100_000) + "</a>".repeat(100_000));
    }

    /** A bad invocation, the command name its message must start with, and a fragment it must hold. */
    private record Case(String command, String expected, String... args) {
    }

    private static List<Case> cases() {
        String out = dir.resolve("out").toString();
        String d = dng.toString();
        List<Case> c = new ArrayList<>();
        c.add(new Case("rushes render", "Missing required option", "render"));
        c.add(new Case("rushes render", "Unknown option: '--bogus'", "render", "--input", d, "--out", out, "--bogus"));
        c.add(new Case("rushes render", "Cannot render " + dir.resolve("missing") + ": no such file or folder",
                "render", "--input", dir.resolve("missing").toString(), "--out", out));
        c.add(new Case("rushes render", "'abc' is not a frame range", "render", "--input", d, "--out", out, "--frames", "abc"));
        c.add(new Case("rushes render", "'10-5' ends before it starts", "render", "--input", d, "--out", out, "--frames", "10-5"));
        c.add(new Case("rushes render", "no frame of " + dng.getParent() + " is in --frames 1-2",
                "render", "--input", dng.getParent().toString(), "--out", out, "--frames", "1-2"));
        c.add(new Case("rushes render", "'junk' is not a region", "render", "--input", d, "--out", out, "--region", "junk"));
        c.add(new Case("rushes render", "X and Y must be 0 or more", "render", "--input", d, "--out", out, "--region", "-5,0,10,10"));
        c.add(new Case("rushes render", "--out " + aFile + " is a file, not a folder", "render", "--input", d, "--out", aFile.toString()));
        c.add(new Case("rushes render", "cannot be created (Not a directory)",
                "render", "--input", d, "--out", aFile.resolve("sub").toString()));
        c.add(new Case("rushes render", "Cannot render " + damagedDng, "render", "--input", damagedDng.toString(), "--out", out));
        c.add(new Case("rushes render", "Invalid value for option '--stage'", "render", "--input", d, "--out", out, "--stage", "nope"));
        c.add(new Case("rushes make-card", "'abc' is not a size", "make-card", dir.resolve("c1").toString(), "--size", "abc"));
        c.add(new Case("rushes make-card", "'0x10' is not a size", "make-card", dir.resolve("c2").toString(), "--size", "0x10"));
        c.add(new Case("rushes make-card", "DIR " + aFile + " is a file, not a folder", "make-card", aFile.toString()));
        c.add(new Case("rushes make-card", "clips", "make-card", dir.resolve("c3").toString(), "--clips", "0"));
        c.add(new Case("rushes make-card", "63x32", "make-card", dir.resolve("c4").toString(), "--size", "63x32"));
        c.add(new Case("rushes make-card", "limit", "make-card", dir.resolve("c5").toString(), "--size", "100000x100000"));
        c.add(new Case("rushes render", "kelvin", "render", "--input", d, "--out", out, "--kelvin", "NaN"));
        c.add(new Case("rushes render", "kelvin", "render", "--input", d, "--out", out, "--kelvin", "-100"));
        c.add(new Case("rushes render", "reaches past the active area", "render", "--input", d, "--out", out, "--region", "32,0,64,16"));
        c.add(new Case("rushes render", "RED R3D SDK", "render", "--input", io.rushes.engine.Samples.dir().resolve("video/exiftool_Red.r3d")
                .toString(), "--out", out));
        c.add(new Case("rushes render", "ACES transform", "render", "--input", d, "--out", out, "--input-transform", "urn:ampas:aces:transformId:v1.5:IDT.Nope.a1.v1"));
        c.add(new Case("rushes render", "(10:", "render", "--input", movie.toString(), "--out", out, "--frames", "01:00:00:00-01:00:00:10"));
        c.add(new Case("rushes render", "select a movie's frames", "render", "--input", d, "--out", out, "--frames", "01:00:00:00-01:00:00:10"));
        c.add(new Case("rushes fdl frame", "'NOPE'", "fdl", "frame", "--fdl", fdl.toString(), "--canvas", "NOPE", "--input", d,
                "--out", dir.resolve("f.tif").toString()));
        c.add(new Case("rushes fdl frame", "limit", "fdl", "frame", "--fdl", fdl.toString(), "--template", "HUGE", "--input", d,
                "--out", dir.resolve("f.tif").toString()));
        c.add(new Case("rushes fdl apply", "--out " + dir + " is a folder", "fdl", "apply", "--fdl", fdl.toString(), "--template", "HUGE",
                "--out", dir.toString()));
        c.add(new Case("rushes fdl apply", "width", "fdl", "apply", "--fdl", fdl.toString(), "--template", "HUGE",
                "--out", dir.resolve("applied.fdl").toString()));
        c.add(new Case("rushes inspect", "No such file or folder", "inspect", dir.resolve("missing").toString()));
        c.add(new Case("rushes inspect", "--hash 'sha999' is not a hash Rushes computes", "inspect", "--hash", "sha999", d));
        c.add(new Case("rushes plates", "Cannot render the plates " + dir.resolve("no.csv") + ": the pull list does not exist",
                "plates", "--pull-list", dir.resolve("no.csv").toString(), "--catalog", out, "--out", out));
        c.add(new Case("rushes plates", "--segment-frames 0 is not a number of frames per task",
                "plates", "--pull-list", card.toString(), "--catalog", out, "--out", out, "--segment-frames", "0"));
        c.add(new Case("rushes ingest", "--batch-clips 0 is not a number of clips",
                "ingest", "--source", card.toString(), "--catalog", out, "--batch-clips", "0"));
        c.add(new Case("rushes ingest", "--hash 'sha999' is not a hash Rushes computes",
                "ingest", "--source", card.toString(), "--catalog", out, "--hash", "sha999"));
        c.add(new Case("rushes ingest", "Cannot ingest " + dir.resolve("missing") + ": the source does not exist",
                "ingest", "--source", dir.resolve("missing").toString(), "--catalog", out));
        c.add(new Case("rushes lut bake", "--size", "lut", "bake", "--amf", deepAmf.toString(), "--size", "0", "--out",
                dir.resolve("x.cube").toString()));
        c.add(new Case("rushes lut bake", "deeper than", "lut", "bake", "--amf", deepAmf.toString(), "--out", dir.resolve("x.cube").toString()));
        c.add(new Case("rushes lut bake", "--out " + dir + " is a folder", "lut", "bake", "--amf", deepAmf.toString(), "--out", dir.toString()));
        c.add(new Case("rushes amf apply", fifo + ": it is not a regular file",
                "amf", "apply", "--amf", fifo.toString(), "--input", d, "--out", dir.resolve("x.tif").toString()));
        c.add(new Case("rushes color apply", "Rec709_100nits_dim", "color", "apply", "--transform-id",
                "urn:ampas:aces:transformId:v1.5:ODT.Academy.Rec709_100nits_dimm.a1.0.3"));
        c.add(new Case("rushes render", "--lut-budget", "render", "--input", d, "--out", out, "--stage", "display", "--lut", "33",
                "--lut-budget", "NaN"));
        c.add(new Case("rushes mhl seal", "crc32", "mhl", "seal", card.toString(), "--hash", "crc32"));
        c.add(new Case("rushes mhl verify", dir.resolve("missing").toString(), "mhl", "verify", dir.resolve("missing").toString()));
        c.add(new Case("rushes", "Unknown option: '--nope'", "--nope"));
        return c;
    }

    @TestFactory
    Stream<DynamicTest> everyMistakeIsOneLineAndExitCodeTwo() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(String.join(" ", c.args()), () -> {
            CliRun r = CliRun.withInput("0.18 0.18 0.18\n", c.args());
            assertEquals(2, r.code(), r.err() + r.out());
            List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
            assertEquals(1, lines.size(), "one line on stderr:\n" + r.err());
            String line = lines.get(0);
            assertTrue(line.startsWith(c.command() + ": "), line);
            assertTrue(line.contains(c.expected()), "'" + c.expected() + "' in: " + line);
            assertFalse((r.out() + r.err()).contains("Exception"), r.out() + r.err());
            assertFalse((r.out() + r.err()).contains("Usage:"), r.out() + r.err());
        }));
    }
}
