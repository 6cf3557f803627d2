package io.rushes.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.rushes.engine.card.SampleCard;
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
 * {@code rushes render --deliverable} given a bad specification or options that clash with it: exit code 2 and one line
 * that says what and where (the JSON path) before any frame is written.
 */
class DeliverableArgumentsTest {
    @TempDir
    static Path dir;
    static Path dng;

    @BeforeAll
    static void files() throws Exception {
        SampleCard.write(dir.resolve("card"), new SampleCard.Options(1, 1, List.of("A"), 32, 16, 3));
        try (Stream<Path> s = Files.walk(dir.resolve("card"))) {
            dng = s.filter(p -> p.toString().endsWith(".dng")).findFirst().orElseThrow();
        }
    }

    private static Path spec(String name, String json) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, json);
        return file;
    }

    private record Case(String expected, String... args) {
    }

    private static List<Case> cases() throws Exception {
        String unknownKey = spec("unknown.json", """
                {"name": "t", "format": "png", "colour": {"stage": "display", "gamma": 2.4}, "naming": "{clip}.{frame}.png"}""").toString();
        String escape = spec("escape.json", """
                {"name": "t", "format": "png", "colour": {"stage": "display"}, "naming": "../{clip}.{frame}.png"}""").toString();
        String zeroFit = spec("zero.json", """
                {"name": "t", "format": "png", "colour": {"stage": "display"}, "resolution": {"fit": 0}, "naming": "{clip}.{frame}.png"}""")
                .toString();
        String d = dng.toString();
        String out = dir.resolve("out").toString();
        List<Case> c = new ArrayList<>();
        c.add(new Case("rushes render: --format conflicts with --deliverable, which sets it: give one or the other. See 'rushes render --help'",
                "render", "--input", d, "--out", out, "--deliverable", "jpeg-thumbnail", "--format", "png"));
        c.add(new Case("rushes render: --fit conflicts with --deliverable", "render", "--input", d, "--out", out, "--deliverable",
                "png-poster", "--fit", "0"));
        c.add(new Case("rushes render: --set gives values to a --deliverable's naming template", "render", "--input", d, "--out", out,
                "--set", "shot=SH010"));
        c.add(new Case("rushes render: Cannot render: 'nope' is no shipped deliverable and not a .json file. Give one of aces-exr-plate,",
                "render", "--input", d, "--out", out, "--deliverable", "nope"));
        c.add(new Case("rushes render: Cannot render " + unknownKey + ": at $.colour.gamma: unknown key 'gamma'",
                "render", "--input", d, "--out", out, "--deliverable", unknownKey));
        c.add(new Case("rushes render: Cannot render " + escape + ": at $.naming: '/' is outside the characters a name may hold",
                "render", "--input", d, "--out", out, "--deliverable", escape));
        c.add(new Case("rushes render: Cannot render " + zeroFit + ": at $.resolution.fit: must have a minimum value of 1",
                "render", "--input", d, "--out", out, "--deliverable", zeroFit));
        c.add(new Case("rushes render: Cannot render: the naming template {shot}_{plate}_v{version:03d}.{frame:04d}.exr of aces-exr-plate uses"
                + " {shot}, which has no value. Give it: --set shot=SH010", "render", "--input", d, "--out", out, "--deliverable",
                "aces-exr-plate"));
        c.add(new Case("rushes render: Cannot render: --set version='three' is not a whole number", "render", "--input", d, "--out", out,
                "--deliverable", "aces-exr-plate", "--set", "shot=SH010", "--set", "plate=BG01", "--set", "version=three"));
        return c;
    }

    @TestFactory
    Stream<DynamicTest> eachIsOneLineAndExitTwo() throws Exception {
        return cases().stream().map(c -> DynamicTest.dynamicTest(String.join(" ", c.args()).replace(dir.toString(), "…"), () -> {
            CliRun r = CliRun.of(c.args());
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertEquals(true, r.firstErrLine().startsWith(c.expected()), r.err());
            assertFalse(Files.exists(dir.resolve("out")) && Files.list(dir.resolve("out")).findAny().isPresent(), "nothing written");
        }));
    }
}
