package io.rushes.engine.integrity;

import java.util.List;
import java.util.Map;

/** One ASC MHL v2 generation: its file name, sequence number, and the hashes it records per path. */
public record MhlGeneration(String fileName, int sequence, String creationDate, String process, List<Entry> entries) {

    /** A recorded file: path relative to the history's folder, size, and hash values with their action. */
    public record Entry(String path, long size, String lastModified, Map<HashAlgorithm, String> hashes,
                        Map<HashAlgorithm, String> actions) {
    }
}
