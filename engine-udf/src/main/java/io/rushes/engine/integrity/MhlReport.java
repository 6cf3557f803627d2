package io.rushes.engine.integrity;

import java.util.List;

/** The outcome of verifying a folder against its ASC MHL history (and the histories nested in it). */
public record MhlReport(String root, int verified, List<Issue> issues) {

    public enum Kind { MISMATCH, SIZE_MISMATCH, MISSING, EXTRA, RECORDED_FAILURE, CHAIN_MISMATCH, NO_HISTORY }

    public record Issue(Kind kind, String path, String detail) {
    }

    public boolean passed() {
        return issues.stream().noneMatch(i -> i.kind() != Kind.EXTRA);
    }
}
