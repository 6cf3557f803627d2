package io.rushes.engine.error;

/**
 * The one exception type the engine throws on purpose. It carries what failed (the file and the byte
 * offset where known), why, and how to fix it, so that a failed row in a table or a line on a terminal
 * is enough to act on. Build it through {@link Errors}.
 */
public final class RushesException extends RuntimeException {
    private final ErrorCode code;
    private final String action;
    private final String file;
    private final long offset;
    private final String reason;
    private final String fix;

    RushesException(ErrorCode code, String file, long offset, String reason, String fix, Throwable cause) {
        this(code, null, file, offset, reason, fix, cause);
    }

    private RushesException(ErrorCode code, String action, String file, long offset, String reason, String fix, Throwable cause) {
        super(format(action, file, offset, reason, fix), cause);
        this.code = code;
        this.action = action;
        this.file = file;
        this.offset = offset;
        this.reason = reason;
        this.fix = fix;
    }

    /** "Cannot ACTION FILE at byte N: reason. fix"; without an action a file is "read", and a bad argument cannot "go on". */
    private static String format(String action, String file, long offset, String reason, String fix) {
        StringBuilder sb = new StringBuilder("Cannot ");
        sb.append(action != null ? action : file != null ? "read" : "go on");
        if (file != null) {
            sb.append(' ').append(file);
        }
        if (offset >= 0) {
            sb.append(" at byte ").append(offset);
        }
        sb.append(": ").append(reason);
        if (fix != null && !fix.isEmpty()) {
            sb.append(". ").append(fix);
        }
        return sb.toString();
    }

    public ErrorCode code() {
        return code;
    }

    /** The file (path or URI) the error is about; null when it concerns no single file. */
    public String file() {
        return file;
    }

    /** Byte offset in {@link #file()} where the problem was found, or -1 when not known. */
    public long offset() {
        return offset;
    }

    public String reason() {
        return reason;
    }

    public String fix() {
        return fix;
    }

    public boolean isUserError() {
        return code.isUserError();
    }

    /** The same error located in another file: used when a reader learns the file name late. */
    public RushesException inFile(String otherFile) {
        return new RushesException(code, action, otherFile, offset, reason, fix, getCause());
    }

    /**
     * The same error told as a failure of what the user asked for ({@code "render"}, {@code "seal"}…), so the message
     * starts "Cannot render x.dng …" rather than "Cannot read". Set once, by the command that was asked.
     */
    public RushesException during(String otherAction) {
        return action != null ? this : new RushesException(code, otherAction, file, offset, reason, fix, getCause());
    }
}
