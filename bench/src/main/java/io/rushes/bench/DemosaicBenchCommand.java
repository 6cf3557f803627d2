package io.rushes.bench;

import io.rushes.engine.deliver.dng.DngFrameSpec;
import io.rushes.engine.deliver.dng.DngWriter;
import io.rushes.engine.format.dng.DngHeader;
import io.rushes.engine.format.dng.DngRawDecoder;
import io.rushes.engine.image.Demosaic;
import io.rushes.engine.image.DemosaicQuality;
import io.rushes.engine.image.RawImage;
import io.rushes.engine.image.RgbImage;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.FileByteSource;
import io.rushes.engine.metadata.Timecode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rushes bench demosaic}: colour PSNR of Rushes' demosaics and dcraw's on ground truth binned from a real
 * sensor frame ({@link DemosaicQuality}), four frames (the truth shifted onto every CFA phase). dcraw demosaics
 * the same 16-bit values, written as an RGGB DNG with unit white balance and no colour matrix
 * ({@code dcraw -4 -o 0 -r 1 1 1 1 -q N}).
 */
@Command(name = "demosaic", mixinStandardHelpOptions = true,
        description = {"Demosaic quality (colour PSNR, dB) on ground truth binned 2x2 from a real raw frame: Rushes bilinear and RCD,",
                "and dcraw's bilinear, VNG, PPG and AHD on the same mosaic (when dcraw is installed)."})
final class DemosaicBenchCommand implements Callable<Integer> {
    private static final String[] DCRAW = {"dcraw bilinear (-q 0)", "dcraw VNG (-q 1)", "dcraw PPG (-q 2)", "dcraw AHD (-q 3)"};
    private static final int BORDER = 8;

    @Option(names = "--dng", description = "The raw DNG (default: ../shared/samples/raw/gopro/HERO7_GOPR9231.dng).")
    Path dng;

    @Option(names = "--tsv", description = "Also write the scores as frame, method, psnr_db (tab-separated) to this file.")
    Path tsv;

    @Override
    public Integer call() throws Exception {
        Path file = dng != null ? dng : Path.of(System.getenv().getOrDefault("RUSHES_SAMPLES", "../shared/samples"),
                "raw/gopro/HERO7_GOPR9231.dng");
        RawImage raw;
        try (FileByteSource src = new FileByteSource(file)) {
            raw = DngRawDecoder.decode(DngHeader.read(new BinaryReader(src)));
        }
        RgbImage truth = DemosaicQuality.truth(raw);
        boolean dcraw = new ProcessBuilder("sh", "-c", "command -v dcraw").start().waitFor() == 0;
        Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
        Path work = Files.createTempDirectory("rushes-demosaic-");
        try {
            for (int[] shift : DemosaicQuality.SHIFTS) {
                RgbImage frame = DemosaicQuality.frame(truth, shift[0], shift[1]);
                String name = file.getFileName() + " shift " + shift[0] + "," + shift[1];
                Map<String, Double> row = new LinkedHashMap<>();
                float[] mosaic = DemosaicQuality.mosaic(frame);
                for (Demosaic.Method m : Demosaic.Method.values()) {
                    RgbImage out = Demosaic.run(m, mosaic, frame.width(), frame.height(), DemosaicQuality.RGGB, 2, 2);
                    row.put("rushes " + m.name().toLowerCase(Locale.ROOT), DemosaicQuality.psnr(frame, out, BORDER));
                }
                if (dcraw) {
                    Path mosaicDng = work.resolve("mosaic.dng");
                    Files.write(mosaicDng, dng(frame, mosaic));
                    for (int q = 0; q < DCRAW.length; q++) {
                        RgbImage developed = readPpm16(run("dcraw", "-4", "-o", "0", "-r", "1", "1", "1", "1", "-q", String.valueOf(q), "-c",
                                mosaicDng.toString()));
                        row.put(DCRAW[q], DemosaicQuality.psnr(frame, developed, BORDER));
                    }
                }
                scores.put(name, row);
            }
        } finally {
            try (var files = Files.list(work)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(work);
        }
        print(scores, dcraw);
        if (tsv != null) {
            StringBuilder b = new StringBuilder("frame\tmethod\tpsnr_db\n");
            scores.forEach((frame, row) -> row.forEach((method, db) ->
                    b.append(frame).append('\t').append(method).append('\t').append(String.format(Locale.ROOT, "%.4f", db)).append('\n')));
            Files.writeString(tsv, b.toString());
        }
        return 0;
    }

    private static void print(Map<String, Map<String, Double>> scores, boolean dcraw) {
        List<String> methods = new ArrayList<>(scores.values().iterator().next().keySet());
        System.out.printf(Locale.ROOT, "%-36s", "frame (colour PSNR, dB)");
        methods.forEach(m -> System.out.printf(Locale.ROOT, " %22s", m));
        System.out.println();
        scores.forEach((frame, row) -> {
            System.out.printf(Locale.ROOT, "%-36s", frame);
            methods.forEach(m -> System.out.printf(Locale.ROOT, " %22.2f", row.get(m)));
            System.out.println();
        });
        if (!dcraw) {
            System.out.println("dcraw is not installed: only Rushes' scores (apt-get install dcraw for the comparison).");
        }
    }

    /** The mosaic as an RGGB DNG: 16-bit samples, black 0, white 65535, unit neutral, identity colour matrices. */
    private static byte[] dng(RgbImage frame, float[] mosaic) {
        double[] identity = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        DngFrameSpec spec = new DngFrameSpec("Rushes", "Ground truth", "0", "bench", "A", "A001", frame.width(), frame.height(), 16,
                65535, 0, 24, new Timecode(0, 0, 0, 0, 24, false), 1.0 / 48, 100, 2.8, 2.8, 35, "none", "2026:01:01 00:00:00",
                identity, identity, new double[] {1, 1, 1});
        int[] samples = new int[mosaic.length];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = DemosaicQuality.code16(mosaic[i]);
        }
        byte[] pixels = DngWriter.pack(spec, samples);
        byte[] header = DngWriter.header(spec, pixels.length);
        byte[] out = new byte[header.length + pixels.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(pixels, 0, out, header.length, pixels.length);
        return out;
    }

    private static byte[] run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed with exit code " + p.exitValue());
        }
        return out;
    }

    /** A binary 16-bit PPM (P6, maxval 65535, big-endian samples) as an RGB image in [0, 1]. */
    static RgbImage readPpm16(byte[] ppm) throws IOException {
        int[] pos = {0};
        String magic = token(ppm, pos);
        int w = Integer.parseInt(token(ppm, pos));
        int h = Integer.parseInt(token(ppm, pos));
        int max = Integer.parseInt(token(ppm, pos));
        pos[0]++; // the single whitespace byte after maxval
        if (!magic.equals("P6") || max != 65535 || (long) pos[0] + 6L * w * h > ppm.length) {
            throw new IOException("expected a 16-bit P6 PPM of " + w + "x" + h + ", got " + magic + " maxval " + max + ", " + ppm.length + " bytes");
        }
        float[] rgb = new float[w * h * 3];
        for (int i = 0, o = pos[0]; i < rgb.length; i++, o += 2) {
            rgb[i] = ((ppm[o] & 0xFF) << 8 | (ppm[o + 1] & 0xFF)) / 65535f;
        }
        return new RgbImage(w, h, rgb);
    }

    private static String token(byte[] b, int[] pos) {
        while (pos[0] < b.length && Character.isWhitespace(b[pos[0]])) {
            pos[0]++;
        }
        int start = pos[0];
        while (pos[0] < b.length && !Character.isWhitespace(b[pos[0]])) {
            pos[0]++;
        }
        return new String(b, start, pos[0] - start, StandardCharsets.US_ASCII);
    }
}
