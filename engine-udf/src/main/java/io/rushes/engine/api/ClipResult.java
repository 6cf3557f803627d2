package io.rushes.engine.api;

import io.rushes.engine.discovery.Clip;
import io.rushes.engine.metadata.ClipMetadata;
import java.util.List;

/** The outcome of inspecting one clip: normalised metadata (with raw values), each file, and errors. */
public record ClipResult(Clip clip, ClipMetadata metadata, List<FileResult> files, List<ClipError> errors) {
    public ClipStatus status() {
        return ClipStatus.ofColumn(metadata.string(io.rushes.engine.metadata.ClipField.STATUS));
    }
}
