package io.rushes.jobs.cli;

import io.rushes.engine.card.SampleCard;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rushes make-card}: write the project's own sample camera card. */
@Command(name = "make-card", mixinStandardHelpOptions = true,
        description = "Write a sample camera card: CinemaDNG sequences, a QuickTime movie and an ASC MHL history per camera.")
public final class MakeCardCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "Folder to write the card into.")
    Path dir;

    @Option(names = "--clips", defaultValue = "3", description = "CinemaDNG clips per camera (default: ${DEFAULT-VALUE}).")
    int clips;

    @Option(names = "--frames", defaultValue = "24", description = "Frames per clip (default: ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--cameras", defaultValue = "A", split = ",", description = "Camera letters, e.g. A,B (default: ${DEFAULT-VALUE}).")
    List<String> cameras;

    @Option(names = "--size", defaultValue = "960x540", converter = CliValues.SizeConverter.class,
            description = "Frame size WxH, even numbers (default: ${DEFAULT-VALUE}).")
    CliValues.Size size;

    enum Compression { none, lj92 }

    @Option(names = "--compression", defaultValue = "none", description = "DNG pixel data: none (12-bit packed) or lj92 "
            + "(lossless JPEG) (default: ${DEFAULT-VALUE}).")
    Compression compression;

    @Option(names = "--seed", defaultValue = "1", description = "Seed; the same seed writes the same bytes (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        SampleCard.Written w = SampleCard.write(CliValues.outputFolder(dir, "DIR"), new SampleCard.Options(clips, frames, cameras,
                size.width(), size.height(), seed, compression == Compression.lj92), quiet ? step -> { } : step -> System.err.println("make-card: " + step));
        System.out.printf(java.util.Locale.ROOT, "Wrote %d clips on %d reels into %s%n", w.clips().size(), w.reels().size(), dir);
        return 0;
    }
}
