package io.rushes.engine.integrity;

import java.util.List;

/** The outcome of verifying a folder against its ASC MHL history (and the histories nested in it). */
public record MhlReport(String root, int verified, List<Issue> issues) {

    /**
     * What went wrong with one path. {@code UNVERIFIABLE}: recorded only with hash formats Rushes cannot compute;
     * {@code UNREADABLE_HISTORY}: an {@code ascmhl/} history that cannot be read, so its folder is not verified;
     * {@code LINK_OUTSIDE}: a link leading out of the folder (not its content); {@code NOT_REGULAR}: a named pipe,
     * device or folder where a file was expected. Only {@code EXTRA} leaves the folder passing.
     */
    public enum Kind {
        MISMATCH, SIZE_MISMATCH, MISSING, EXTRA, RECORDED_FAILURE, CHAIN_MISMATCH, NO_HISTORY, UNVERIFIABLE,
        UNREADABLE_HISTORY, LINK_OUTSIDE, NOT_REGULAR, UNREADABLE, OUTSIDE_FOLDER
    }

    public record Issue(Kind kind, String path, String detail) {
    }

    public boolean passed() {
        return issues.stream().noneMatch(i -> i.kind() != Kind.EXTRA);
    }
}
