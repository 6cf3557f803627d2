package io.rushes.jobs.testing;

import io.rushes.engine.card.SampleCard;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Sample cards for ingest tests: 20 clips (9 sequences and a movie per camera), two broken files, and a frame dropped
 * from another sequence (the most common fault on a real card).
 */
public final class TestCards {
    public static final int CLIPS = 20;
    public static final int BROKEN_FILES = 2;
    /** The clip whose middle frame is deleted (by the start of its name), and that frame's number. */
    public static final String CLIP_WITH_A_GAP = "A001C003_";
    public static final long DROPPED_FRAME = 86401;

    private TestCards() {
    }

    public static Path damagedCard(Path dir) throws IOException {
        SampleCard.write(dir, new SampleCard.Options(9, 3, List.of("A", "B"), 64, 32, 7));
        Path frame;
        Path movie;
        Path dropped;
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> files = s.filter(Files::isRegularFile).sorted().toList();
            frame = files.stream().filter(p -> p.toString().endsWith(".dng")).skip(4).findFirst().orElseThrow();
            movie = files.stream().filter(p -> p.toString().endsWith(".mov")).findFirst().orElseThrow();
            dropped = files.stream().filter(p -> p.getFileName().toString().startsWith(CLIP_WITH_A_GAP)
                            && p.getFileName().toString().endsWith("." + String.format(java.util.Locale.ROOT, "%07d", DROPPED_FRAME) + ".dng"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("make-card no longer names frames as this test expects"));
        }
        Files.delete(dropped);
        // A frame cut short (an interrupted copy) and a movie whose header was overwritten.
        try (RandomAccessFile f = new RandomAccessFile(frame.toFile(), "rw")) {
            f.setLength(100);
        }
        try (RandomAccessFile f = new RandomAccessFile(movie.toFile(), "rw")) {
            f.write(new byte[64]);
        }
        return dir;
    }
}
