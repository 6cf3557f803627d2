package io.rushes.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad values given to the colour commands ({@code lut bake}, {@code --lut}/{@code --lut-budget}, {@code color apply}). */
class ColourCommandsTest {
    private static Path amf(Path dir) throws Exception {
        return Files.writeString(dir.resolve("show.amf"), """
                <aces:acesMetadataFile version="2.0" xmlns:aces="urn:ampas:aces:amf:v2.0">
                  <aces:amfInfo><aces:uuid>urn:uuid:54bfd6af-57c0-4bd1-8f95-0952c4f25f86</aces:uuid></aces:amfInfo>
                  <aces:pipeline>
                    <aces:inputTransform applied="false"><aces:transformId>urn:ampas:aces:transformId:v2.0:CSC.Arri.LogC3_to_ACES.a2.v1</aces:transformId></aces:inputTransform>
                    <aces:outputTransform applied="false"><aces:transformId>urn:ampas:aces:transformId:v2.0:Output.Academy.Rec709-D65_100nit_in_Rec709-D65_BT1886.a2.v1</aces:transformId></aces:outputTransform>
                  </aces:pipeline>
                </aces:acesMetadataFile>""");
    }

    @Test
    void lutBakeRefusesASizeOutsideTheLattice(@TempDir Path dir) throws Exception {
        Path amf = amf(dir);
        for (String size : new String[] {"0", "1", "-4", "130", "100000"}) {
            CliRun r = CliRun.withInput("", "lut", "bake", "--amf", amf.toString(), "--size", size, "--out", dir.resolve("x.cube").toString());
            assertEquals(2, r.code(), r.err());
            assertTrue(r.firstErrLine().contains("Invalid value for option '--size': " + size + " is outside 2 to 129 points per axis"),
                    r.err());
            assertFalse(Files.exists(dir.resolve("x.cube")));
        }
        CliRun ok = CliRun.withInput("", "lut", "bake", "--amf", amf.toString(), "--size", "2", "--out", dir.resolve("x.cube").toString());
        assertEquals(0, ok.code(), ok.err());
    }

    @Test
    void lutOptionsRefuseASizeOrBudgetOutsideTheirRange(@TempDir Path dir) throws Exception {
        Path amf = amf(dir);
        String in = dir.resolve("in.tif").toString();
        String out = dir.resolve("out.tif").toString();
        for (String[] bad : new String[][] {{"--lut", "1", "Invalid value for option '--lut': 1 is outside 2 to 129 points per axis (0: exact)"},
            {"--lut", "-33", "Invalid value for option '--lut': -33 is outside 2 to 129 points per axis (0: exact)"},
            {"--lut-budget", "NaN", "Invalid value for option '--lut-budget': NaN is not a finite number >= 0"},
            {"--lut-budget", "-0.1", "Invalid value for option '--lut-budget': -0.1 is not a finite number >= 0"},
            {"--lut-budget", "Infinity", "Invalid value for option '--lut-budget': Infinity is not a finite number >= 0"}}) {
            CliRun apply = CliRun.withInput("", "amf", "apply", "--amf", amf.toString(), "--input", in, "--out", out, bad[0], bad[1]);
            assertEquals(2, apply.code(), apply.err());
            assertTrue(apply.firstErrLine().contains(bad[2]), apply.err());
            CliRun render = CliRun.withInput("", "render", "--input", in, "--out", dir.toString(), "--stage", "display", bad[0], bad[1]);
            assertEquals(2, render.code(), render.err());
            assertTrue(render.firstErrLine().contains(bad[2]), render.err());
        }
    }

    @Test
    void colorApplyNamesTheLineOfANonFiniteOrJunkTriplet() {
        for (String[] bad : new String[][] {{"0.18 0.18 0.18\nNaN 0 0\n", "2", "NaN 0 0"}, {"# c\n\n1 Infinity 1\n", "3", "1 Infinity 1"},
            {"1 2 1e999\n", "1", "1 2 1e999"}, {"0 0 0\n0 0 0\n1f 2 3\n", "3", "1f 2 3"}, {"red green blue\n", "1", "red green blue"},
            {"1 2\n", "1", "1 2"}, {"1 2 3 4\n", "1", "1 2 3 4"}}) {
            CliRun r = CliRun.withInput(bad[0], "color", "apply", "--transform-id", "urn:ampas:aces:transformId:v2.0:CSC.Arri.LogC3_to_ACES.a2.v1");
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.firstErrLine().equals("rushes color apply: Cannot apply: line " + bad[1] + " of the input is not three finite numbers (\"" + bad[2]
                    + "\"). Give one RGB triplet per line, its numbers separated by spaces or commas (blank lines and # comments pass through)"),
                    r.err());
        }
    }
}
