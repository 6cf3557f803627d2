package io.rushes.jobs.plates;

import java.util.Locale;

/** What a plates run did, for the closing line and for tests. */
public record PlatesSummary(String platesId, int shots, int shotsFailed, long rendered, long failed, long skipped, long bytes,
                            double seconds) {
    public String line() {
        return String.format(Locale.ROOT, "plates %s: %d shots (%d failed), %d files rendered, %d failed, %d already delivered, %.1f MB, %.1f s",
                platesId, shots, shotsFailed, rendered, failed, skipped, bytes / 1e6, seconds);
    }
}
