package io.rushes.engine.develop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.Samples;
import io.rushes.engine.card.SampleCard;
import io.rushes.engine.color.Matrix3;
import io.rushes.engine.deliver.tiff.TiffWriter;
import io.rushes.engine.format.dng.DngHeader;
import io.rushes.engine.format.dng.DngRawDecoder;
import io.rushes.engine.format.tiff.TiffEntry;
import io.rushes.engine.format.tiff.TiffTags;
import io.rushes.engine.image.Demosaic;
import io.rushes.engine.image.Pipeline;
import io.rushes.engine.image.RawImage;
import io.rushes.engine.image.RgbImage;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.FileByteSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DNG colour model and the development chain, against hand computations from the tags. */
class DngDevelopTest {
    @TempDir
    Path dir;

    private static DngHeader header(Path file) throws IOException {
        FileByteSource source = new FileByteSource(file); // kept open: the header reads lazily
        return DngHeader.read(new BinaryReader(source));
    }

    private Path cardFrame() throws IOException {
        SampleCard.write(dir, new SampleCard.Options(1, 1, List.of("A"), 64, 32, 9));
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(f -> f.toString().endsWith(".dng")).findFirst().orElseThrow();
        }
    }

    @Test
    void asShotNeutralComesOutNeutralInAces() throws IOException {
        for (Path file : List.of(Samples.dir().resolve("raw/gopro/HERO7_GOPR9231.dng"), cardFrame())) {
            DngColor color = DngColor.of(header(file), null);
            double[] aces = DngDevelop.whiteBalancedToAces(color).apply(new double[] {1, 1, 1});
            double expected = Math.pow(2, color.baselineExposure());
            for (double v : aces) {
                assertEquals(expected, v, 1e-4, file.getFileName() + " neutral → " + java.util.Arrays.toString(aces));
            }
        }
    }

    @Test
    void aFlatGreyRawDevelopsToFlatGreyAces() throws IOException {
        DngHeader h = header(Samples.dir().resolve("raw/gopro/HERO7_GOPR9231.dng"));
        DngColor color = DngColor.of(h, null);
        RawImage real = DngRawDecoder.decode(h);
        // 18 % grey as the camera records it: black + neutral × 0.18 × (white − black) on each photosite.
        int w = 16;
        int hh = 16;
        char[] data = new char[w * hh];
        for (int y = 0; y < hh; y++) {
            for (int x = 0; x < w; x++) {
                double black = real.black(x, y);
                data[y * w + x] = (char) Math.round(black + color.cameraNeutral()[real.colour(x, y)] * 0.18 * (real.whiteLevel() - black));
            }
        }
        RawImage flat = new RawImage(w, hh, data, real.cfaWidth(), real.cfaHeight(), real.cfa(), real.blackLevels(),
                real.blackRepeatWidth(), real.blackRepeatHeight(), real.whiteLevel());
        RgbImage aces = DngDevelop.pipeline(color, DngDevelop.Output.ACES2065_1, Demosaic.Method.BILINEAR).compile().run(flat);
        double expected = 0.18 * Math.pow(2, color.baselineExposure());
        for (int c = 0; c < 3; c++) {
            assertEquals(expected, aces.get(8, 8, c), 2e-4, "channel " + c); // 14-bit rounding of the raw values
        }
    }

    @Test
    void colourMatchesAHandComputationFromTheMatrices() throws IOException {
        // A DNG with one calibration (ColorMatrix1 under D65) and an as-shot neutral: no interpolation to get wrong.
        double[] cm = {0.6722, -0.0635, -0.0963, -0.4287, 1.2460, 0.2028, -0.0908, 0.2162, 0.5668};
        double[] neutral = {0.47, 1.0, 0.63};
        Path file = dir.resolve("one-matrix.dng");
        TiffWriter t = new TiffWriter().longs(false, TiffTags.NEW_SUBFILE_TYPE, 0).longs(false, TiffTags.IMAGE_WIDTH, 4)
                .longs(false, TiffTags.IMAGE_LENGTH, 4).shorts(false, TiffTags.BITS_PER_SAMPLE, 16).shorts(false, TiffTags.COMPRESSION, 1)
                .shorts(false, TiffTags.PHOTOMETRIC, 32803).shorts(false, TiffTags.SAMPLES_PER_PIXEL, 1).longs(false, TiffTags.ROWS_PER_STRIP, 4)
                .shorts(false, TiffTags.CFA_REPEAT_PATTERN_DIM, 2, 2).bytes(false, TiffTags.CFA_PATTERN, TiffEntry.BYTE, (byte) 0, (byte) 1, (byte) 1, (byte) 2)
                .bytes(false, TiffTags.DNG_VERSION, TiffEntry.BYTE, (byte) 1, (byte) 4, (byte) 0, (byte) 0)
                .srationals(false, TiffTags.COLOR_MATRIX_1, 10000, cm).shorts(false, TiffTags.CALIBRATION_ILLUMINANT_1, 21)
                .rationals(false, TiffTags.AS_SHOT_NEUTRAL, 1_000_000, neutral).longs(false, TiffTags.WHITE_LEVEL, 65535);
        Files.write(file, TiffWriter.concat(t.header(32), new byte[32]));
        DngColor color = DngColor.of(header(file), null);

        // By hand, DNG 1.6 §6.2 with literal published matrices: XYZ of the white = CM⁻¹·neutral; Bradford
        // from it to D50, then D50 to the ACES white, then XYZ→AP0 (SMPTE ST 2065-1); scaled so the neutral has Y = 1.
        double[][] cmInv = inv(rows(cm));
        double[] whiteXyz = mul(cmInv, neutral);
        double[] d50 = {0.34567 / 0.35850, 1, (1 - 0.34567 - 0.35850) / 0.35850};
        double[] acesWhite = {0.32168 / 0.33767, 1, (1 - 0.32168 - 0.33767) / 0.33767};
        double[][] bradford = {{0.8951, 0.2664, -0.1614}, {-0.7502, 1.7135, 0.0367}, {0.0389, -0.0685, 1.0296}};
        double[][] xyzToAp0 = {{1.0498110175, 0.0, -0.0000974845}, {-0.4959030231, 1.3733130458, 0.0982400361}, {0.0, 0.0, 0.9912520182}};
        double[][] toD50 = adapt(bradford, scaleToY1(whiteXyz), d50);
        double[][] toAces = adapt(bradford, d50, acesWhite);
        double[][] camToAces = mul(xyzToAp0, mul(toAces, mul(toD50, cmInv)));
        double y = mul(mul(toD50, cmInv), neutral)[1];
        Matrix3 engine = DngDevelop.whiteBalancedToAces(color);
        for (double[] wb : new double[][] {{1, 1, 1}, {0.8, 0.3, 0.1}, {0.05, 0.4, 0.9}}) {
            double[] camera = {wb[0] * neutral[0], wb[1] * neutral[1], wb[2] * neutral[2]};
            double[] hand = mul(camToAces, camera);
            double[] ours = engine.apply(wb);
            for (int c = 0; c < 3; c++) {
                assertEquals(hand[c] / y, ours[c], 1e-5, "channel " + c + " of " + java.util.Arrays.toString(wb));
            }
        }
    }

    @Test
    void theCompiledProcessorMatchesTheStepByStepChain() throws IOException {
        DngHeader h = header(cardFrame());
        RawImage raw = DngRawDecoder.decode(h);
        for (DngDevelop.Output output : DngDevelop.Output.values()) {
            Pipeline p = DngDevelop.pipeline(DngColor.of(h, null), output, Demosaic.Method.BILINEAR);
            RgbImage reference = p.runReference(raw);
            RgbImage compiled = p.compile().run(raw);
            double worst = 0;
            for (int i = 0; i < reference.data().length; i++) {
                worst = Math.max(worst, Math.abs(reference.data()[i] - compiled.data()[i]));
            }
            assertTrue(worst < 1e-6, output + ": compiled differs from the chain by " + worst);
        }
        List<String> plan = DngDevelop.pipeline(DngColor.of(h, null), DngDevelop.Output.ACESCCT, Demosaic.Method.BILINEAR).compile().plan();
        assertEquals(1, plan.stream().filter(l -> l.startsWith("matrix")).count(), "six declared matrices fuse into one: " + plan);
        assertEquals(List.of("sites", "demosaic"), DngDevelop.pipeline(DngColor.of(h, null), DngDevelop.Output.CAMERA_RGB,
                Demosaic.Method.BILINEAR).compile().plan().stream().map(l -> l.replaceAll("[: ].*", "")).toList(), "no matrix for camera RGB");
    }

    @Test
    void clippedHighlightsStayNeutral() throws IOException {
        DngHeader h = header(Samples.dir().resolve("raw/gopro/HERO7_GOPR9231.dng"));
        RawImage real = DngRawDecoder.decode(h);
        char[] data = new char[8 * 8];
        java.util.Arrays.fill(data, (char) real.whiteLevel());
        RawImage clipped = new RawImage(8, 8, data, 2, 2, real.cfa(), real.blackLevels(), real.blackRepeatWidth(), real.blackRepeatHeight(),
                real.whiteLevel());
        RgbImage aces = DngDevelop.pipeline(DngColor.of(h, null), DngDevelop.Output.ACES2065_1, Demosaic.Method.BILINEAR).compile().run(clipped);
        assertEquals(aces.get(4, 4, 1), aces.get(4, 4, 0), 1e-5, "red = green: not magenta");
        assertEquals(aces.get(4, 4, 1), aces.get(4, 4, 2), 1e-5, "blue = green");
    }

    // Small independent matrix helpers for the hand computation.
    private static double[][] rows(double[] m) {
        return new double[][] {{m[0], m[1], m[2]}, {m[3], m[4], m[5]}, {m[6], m[7], m[8]}};
    }

    private static double[] mul(double[][] a, double[] v) {
        double[] r = new double[3];
        for (int i = 0; i < 3; i++) {
            r[i] = a[i][0] * v[0] + a[i][1] * v[1] + a[i][2] * v[2];
        }
        return r;
    }

    private static double[][] mul(double[][] a, double[][] b) {
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j];
            }
        }
        return r;
    }

    private static double[][] inv(double[][] a) {
        double det = a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int r0 = (j + 1) % 3, r1 = (j + 2) % 3, c0 = (i + 1) % 3, c1 = (i + 2) % 3;
                r[i][j] = (a[r0][c0] * a[r1][c1] - a[r0][c1] * a[r1][c0]) / det;
            }
        }
        return r;
    }

    private static double[] scaleToY1(double[] xyz) {
        return new double[] {xyz[0] / xyz[1], 1, xyz[2] / xyz[1]};
    }

    private static double[][] adapt(double[][] cone, double[] fromXyz, double[] toXyz) {
        double[] s = mul(cone, fromXyz);
        double[] d = mul(cone, toXyz);
        double[][] diag = {{d[0] / s[0], 0, 0}, {0, d[1] / s[1], 0}, {0, 0, d[2] / s[2]}};
        return mul(inv(cone), mul(diag, cone));
    }
}
