package io.rushes.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.color.Chromaticities;
import io.rushes.engine.color.Matrix3;
import io.rushes.engine.deliver.exr.OpenExrReader;
import io.rushes.engine.format.FrameDecoders;
import io.rushes.engine.io.FileByteSource;
import io.rushes.example.plate.TestPlateDecoder;
import io.rushes.example.plate.TestPlates;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decoder plug-in point (docs/decoder-plugins.md), proved from a separate jar: {@code decoder-plugin-example} is on
 * this module's test class path only, and brings a format (a synthetic "test plate") and its FrameDecoder through its
 * own META-INF/services. With the jar there, inspect names the format and render decodes it, through the same commands
 * as every built-in format.
 */
class DecoderPluginTest {
    @TempDir
    Path dir;

    @Test
    void aDecoderFromItsOwnJarIsFoundAndRendersThroughTheCli() throws Exception {
        String jar = TestPlateDecoder.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        assertTrue(jar.endsWith(".jar") && jar.contains("rushes-decoder-plugin-example"), "the plug-in comes from its own jar: " + jar);
        assertTrue(FrameDecoders.loadDefault().decodable().contains("rushes-test-plate"), FrameDecoders.loadDefault().decodable().toString());

        int w = 8;
        int h = 4;
        float[] cg = new float[w * h * 3];
        for (int i = 0; i < cg.length; i++) {
            cg[i] = 0.05f + (i % 11) * 0.07f;
        }
        Path plate = dir.resolve("SH010.rtp");
        TestPlates.write(plate, w, h, cg);

        CliRun inspect = CliRun.of("inspect", plate.toString());
        assertEquals(0, inspect.code(), inspect.err());
        assertTrue(inspect.out().contains("rushes-test-plate"), inspect.out());

        Path out = dir.resolve("out");
        CliRun render = CliRun.of("render", "--input", plate.toString(), "--out", out.toString(), "--format", "exr", "--compression", "none");
        assertEquals(0, render.code(), render.err());
        Path exr;
        try (var files = Files.list(out)) {
            exr = files.filter(f -> f.toString().endsWith(".exr")).findFirst().orElseThrow();
        }
        float[] aces;
        try (FileByteSource src = new FileByteSource(exr)) {
            aces = OpenExrReader.read(src).rgb().data();
        }
        Matrix3 ap1ToAp0 = Chromaticities.AP0.xyzToRgb().times(Chromaticities.AP1.rgbToXyz());
        for (int i = 0; i < cg.length; i += 3) {
            double[] px = {cg[i], cg[i + 1], cg[i + 2]};
            ap1ToAp0.applyInPlace(px);
            for (int c = 0; c < 3; c++) {
                assertEquals(px[c], aces[i + c], Math.abs(px[c]) * 1e-3 + 1e-4, "pixel " + i / 3 + " (half float)");
            }
        }
    }

    @Test
    void aTruncatedPlateIsOneLineAndExit2() throws Exception {
        Path plate = dir.resolve("cut.rtp");
        TestPlates.write(plate, 64, 64, new float[64 * 64 * 3]);
        byte[] all = Files.readAllBytes(plate);
        Files.write(plate, java.util.Arrays.copyOf(all, all.length / 2));
        CliRun render = CliRun.of("render", "--input", plate.toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, render.code(), render.err());
        assertTrue(render.err().lines().anyMatch(l -> l.startsWith("rushes render: Cannot render") && l.contains("cut.rtp")
                && l.contains("49168 bytes")), render.err());
    }
}
