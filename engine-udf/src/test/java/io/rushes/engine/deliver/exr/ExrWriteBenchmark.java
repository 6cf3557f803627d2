package io.rushes.engine.deliver.exr;

import io.rushes.engine.io.FileByteSink;
import io.rushes.engine.io.FileByteSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Not a test: OpenEXR write cost beside two {@code oiiotool}s in one run, Debian 12's (OpenImageIO 2.4, OpenEXR 3.1) and
 * the Debian sid chroot's of {@code shared/tools/newer-tools.sh} (OpenImageIO 3.x, OpenEXR 3.4 with libdeflate), which
 * is optional: "not set up" when absent. For each input and compression, three rounds each measure every peer once,
 * side by side, and the median round is printed: CPU-seconds on one thread (per core) and wall seconds with every core,
 * for the write alone, and the file sizes. oiiotool's write is the user+sys (or wall) time of reading the input and
 * writing it, minus the time of reading it alone ({@code -i:now=1}). Run (after test-compile, as root for the chroot):
 * {@code java -cp engine-udf/target/classes:engine-udf/target/test-classes io.rushes.engine.deliver.exr.ExrWriteBenchmark
 * /tmp/out in.exr [uhd.exr …]} with half RGB inputs, e.g.
 * {@code oiiotool HERO7_GOPR9231.dng --ch R,G,B -d half --compression none -o in.exr}.
 */
public final class ExrWriteBenchmark {
    private static final int ROUNDS = 3;
    private static final Path SID = Path.of(System.getProperty("rushes.sid", "/opt/rushes-sid"));

    private ExrWriteBenchmark() {
    }

    /** Seconds of one write: CPU on one thread and wall with every core. */
    private record Cost(double cpu, double wall) {
    }

    /** An oiiotool build: how to start it and where its files are, seen from here and from inside it. */
    private record Peer(String label, List<String> prefix, Path root, Path hostDir) {
        /** The path {@code p} (under {@link #hostDir}) as the tool sees it. */
        String inside(Path p) {
            return root == null ? p.toString() : "/" + root.relativize(p);
        }
    }

    public static void main(String[] args) throws Exception {
        Path outDir = Files.createDirectories(Path.of(args[0]).toAbsolutePath());
        int cores = Runtime.getRuntime().availableProcessors();
        List<Peer> peers = new ArrayList<>();
        peers.add(new Peer("Debian " + version(List.of()), List.of(), null, outDir));
        boolean sid = Files.isExecutable(SID.resolve("usr/bin/oiiotool"));
        if (sid) {
            Path inside = Files.createDirectories(SID.resolve("tmp/rushes-exr-bench"));
            peers.add(new Peer("sid " + version(List.of("chroot", SID.toString())), List.of("chroot", SID.toString()), SID, inside));
        }
        System.out.printf(Locale.ROOT, "%d cores; peers: %s%s%n", cores, String.join(", ", peers.stream().map(Peer::label).toList()),
                sid ? "" : "; OpenEXR 3.4 (" + SID + "): not set up (shared/tools/newer-tools.sh setup)");
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        try {
            for (int a = 1; a < args.length; a++) {
                bench(Path.of(args[a]).toAbsolutePath(), outDir, peers, pool, cores);
            }
        } finally {
            pool.shutdown();
        }
        System.out.println("cpu-s: one thread (oiiotool --threads 1: user+sys); wall-s: every core (a pool of " + cores
                + "; oiiotool --threads " + cores + "); the write alone, median of " + ROUNDS
                + " rounds; x: their time / ours (above 1: Rushes is faster); size: our bytes / theirs");
    }

    private static void bench(Path input, Path outDir, List<Peer> peers, ExecutorService pool, int cores) throws Exception {
        ExrImage image;
        try (FileByteSource source = new FileByteSource(input)) {
            ExrFile file = OpenExrReader.read(source);
            image = new ExrImage(file.rgb(), null, file.dataWindow(), file.displayWindow());
        }
        List<Path> inputs = new ArrayList<>();
        for (Peer peer : peers) {
            Path copy = peer.hostDir().resolve("in-" + input.getFileName());
            if (!copy.equals(input)) {
                Files.copy(input, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            inputs.add(copy);
        }
        System.out.printf(Locale.ROOT, "%n%s: %dx%d half RGB%n", input.getFileName(), image.rgb().width(), image.rgb().height());
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-5s %8s %8s", "", "Rushes", "Rushes"));
        StringBuilder unit = new StringBuilder(String.format(Locale.ROOT, "%-5s %8s %8s", "codec", "cpu-s", "wall-s"));
        for (Peer peer : peers) {
            head.append(String.format(Locale.ROOT, " | %-38s", peer.label()));
            unit.append(String.format(Locale.ROOT, " | %7s %6s %7s %6s %10s", "cpu-s", "x", "wall-s", "x", "size"));
        }
        System.out.println(head.append(String.format(Locale.ROOT, " | %12s", "Rushes")));
        System.out.println(unit.append(String.format(Locale.ROOT, " | %12s", "bytes")));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Path ours = outDir.resolve("rushes.exr");
        for (ExrCompression c : List.of(ExrCompression.NONE, ExrCompression.ZIP, ExrCompression.PIZ, ExrCompression.DWAA, ExrCompression.DWAB)) {
            OpenExrWriter.Options options = new OpenExrWriter.Options(c, ExrPixelType.HALF);
            OpenExrWriter.write(image, options, List.of(), null, new FileByteSink(ours)); // warm-up
            String name = c.name().toLowerCase(Locale.ROOT);
            Cost[] rushes = new Cost[ROUNDS];
            Cost[][] theirs = new Cost[peers.size()][ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long t0 = threads.getCurrentThreadCpuTime();
                OpenExrWriter.write(image, options, List.of(), null, new FileByteSink(ours));
                double cpu = (threads.getCurrentThreadCpuTime() - t0) / 1e9;
                long w0 = System.nanoTime();
                OpenExrWriter.write(image, options, List.of(), pool, new FileByteSink(ours));
                rushes[round] = new Cost(cpu, (System.nanoTime() - w0) / 1e9);
                for (int p = 0; p < peers.size(); p++) {
                    theirs[p][round] = oiiotool(peers.get(p), inputs.get(p), peers.get(p).hostDir().resolve("oiio-" + name + ".exr"), name, cores);
                }
            }
            Cost us = median(rushes);
            long ourBytes = Files.size(ours);
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-5s %8.3f %8.3f", c, us.cpu(), us.wall()));
            for (int p = 0; p < peers.size(); p++) {
                Cost them = median(theirs[p]);
                long theirBytes = Files.size(peers.get(p).hostDir().resolve("oiio-" + name + ".exr"));
                row.append(String.format(Locale.ROOT, " | %7.3f %6.2f %7.3f %6.2f %10.4f", them.cpu(), them.cpu() / us.cpu(), them.wall(),
                        them.wall() / us.wall(), (double) ourBytes / theirBytes));
            }
            System.out.println(row.append(String.format(Locale.ROOT, " | %12d", ourBytes)));
        }
        for (Path copy : inputs) {
            if (!copy.equals(input)) {
                Files.delete(copy);
            }
        }
    }

    /** The median round, by CPU time and by wall time separately. */
    private static Cost median(Cost[] rounds) {
        double[] cpu = Arrays.stream(rounds).mapToDouble(Cost::cpu).sorted().toArray();
        double[] wall = Arrays.stream(rounds).mapToDouble(Cost::wall).sorted().toArray();
        return new Cost(cpu[cpu.length / 2], wall[wall.length / 2]);
    }

    /** One round of {@code peer}'s write of {@code in} as {@code out} in {@code compression}: read-and-write minus read. */
    private static Cost oiiotool(Peer peer, Path in, Path out, String compression, int cores) throws IOException, InterruptedException {
        String read = "-i:now=1 " + peer.inside(in);
        String write = read + " --compression " + compression + " -o " + peer.inside(out);
        double[] readOne = time(peer, "--threads 1 " + read);
        double[] writeOne = time(peer, "--threads 1 " + write);
        double[] readAll = time(peer, "--threads " + cores + " " + read);
        double[] writeAll = time(peer, "--threads " + cores + " " + write);
        return new Cost(writeOne[1] - readOne[1], writeAll[0] - readAll[0]);
    }

    /** Wall and user+sys seconds of one oiiotool run with {@code arguments} (paths without spaces). */
    private static double[] time(Peer peer, String arguments) throws IOException, InterruptedException {
        String command = String.join(" ", peer.prefix()) + " oiiotool " + arguments;
        String script = "TIMEFORMAT='%R %U %S'; time " + command.strip() + " >/dev/null";
        Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IOException(peer.label() + " oiiotool failed: " + text);
        }
        String[] lines = text.split("\n");
        String[] times = lines[lines.length - 1].strip().split("\\s+");
        return new double[] {Double.parseDouble(times[0]), Double.parseDouble(times[1]) + Double.parseDouble(times[2])};
    }

    /** "oiiotool 2.4.7 / OpenEXR 3.1.5" as the tool reports them. */
    private static String version(List<String> prefix) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of("oiiotool", "--help"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        java.util.regex.Matcher oiio = java.util.regex.Pattern.compile("OpenImageIO (\\d+\\.\\d+\\.\\d+)").matcher(text);
        java.util.regex.Matcher exr = java.util.regex.Pattern.compile("OpenEXR (\\d+\\.\\d+\\.\\d+)").matcher(text);
        return "oiiotool " + (oiio.find() ? oiio.group(1) : "?") + " / OpenEXR " + (exr.find() ? exr.group(1) : "?");
    }
}
