package io.rushes.engine.api;

import io.rushes.engine.error.RushesException;

/** A failure recorded against a clip: which file, where in it, what kind, and the full message. */
public record ClipError(String file, long offset, String code, boolean userError, String message) {
    public static ClipError of(RushesException e) {
        return new ClipError(e.file(), e.offset(), e.code().name(), e.isUserError(), e.getMessage());
    }
}
