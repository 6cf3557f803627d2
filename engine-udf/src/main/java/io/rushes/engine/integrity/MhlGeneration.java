package io.rushes.engine.integrity;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** One ASC MHL v2 generation: its file name, sequence number, and the hashes it records per path. */
public record MhlGeneration(String fileName, int sequence, String creationDate, String process, List<Entry> entries) {

    /**
     * A recorded file, with only what verification needs: its path relative to the history's folder, its size (-1 when
     * not recorded), the values of the hash formats Rushes computes, those of them recorded with action "failed", and
     * the names of hash formats recorded that Rushes cannot compute (so a file hashed only with those is never taken as
     * verified).
     */
    public record Entry(String path, long size, Map<HashAlgorithm, String> hashes, Set<HashAlgorithm> failed,
                        List<String> unknownFormats) {
    }
}
