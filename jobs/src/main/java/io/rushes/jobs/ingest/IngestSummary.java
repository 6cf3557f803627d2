package io.rushes.jobs.ingest;

/** What an ingest did. */
public record IngestSummary(String ingestId, String source, long clips, long clipsOk, long clipsFailed, long files, long bytes,
                            long errors, double seconds) {
    public String line() {
        return String.format(java.util.Locale.ROOT, "ingest %s: %d clips (%d ok, %d failed), %d files, %.1f MB, %d errors in %.1f s",
                ingestId, clips, clipsOk, clipsFailed, files, bytes / 1e6, errors, seconds);
    }
}
