package io.rushes.engine.api;

import io.rushes.engine.integrity.HashAlgorithm;
import java.io.Serializable;
import java.util.Set;

/** What an inspection computes besides headers: which file hashes (none reads headers only). */
public record InspectOptions(Set<HashAlgorithm> hashes) implements Serializable {
    public static final InspectOptions HEADERS_ONLY = new InspectOptions(Set.of());

    public InspectOptions {
        hashes = Set.copyOf(hashes);
    }
}
