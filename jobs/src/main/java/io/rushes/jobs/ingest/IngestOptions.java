package io.rushes.jobs.ingest;

import io.rushes.engine.integrity.HashAlgorithm;
import java.util.Set;

/**
 * What to ingest and where.
 *
 * @param source a card, folder or file: local path or any Hadoop URI (s3a://bucket/card)
 * @param catalog the catalog root URI
 * @param hashes file hashes to compute while ingesting (none reads headers only)
 * @param batchClips clips inspected and committed per round: a killed ingest loses at most one round
 * @param tasksPerCore clip groups per executor core, so a slow clip does not hold up a whole round
 */
public record IngestOptions(String source, String catalog, Set<HashAlgorithm> hashes, int batchClips, int tasksPerCore) {
    public IngestOptions {
        hashes = Set.copyOf(hashes);
        if (batchClips < 1 || tasksPerCore < 1) {
            throw new IllegalArgumentException("batchClips and tasksPerCore must be at least 1");
        }
    }

    public static IngestOptions of(String source, String catalog) {
        return new IngestOptions(source, catalog, Set.of(), 1000, 4);
    }
}
