package io.rushes.engine.api;

import io.rushes.engine.integrity.HashAlgorithm;
import java.util.Map;

/** One file of a clip: where it is, its frame number in a sequence (or null), and its hashes. */
public record FileResult(String location, String relativePath, long size, long lastModifiedMillis, Long frame,
                         String format, Map<HashAlgorithm, String> hashes, ClipError error) {
}
