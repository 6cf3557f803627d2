package io.rushes.engine.error;

/**
 * A category for every failure the engine reports. User errors are problems with the input (a file, a
 * pull list, a setting) that the user can fix; the rest are environment problems or bugs in Rushes.
 */
public enum ErrorCode {
    TRUNCATED(true),
    CORRUPT(true),
    UNSUPPORTED_FORMAT(true),
    UNSUPPORTED_FEATURE(true),
    LIMIT_EXCEEDED(true),
    INTEGRITY(true),
    INVALID_ARGUMENT(true),
    INVALID_DOCUMENT(true),
    IO(false),
    INTERNAL(false);

    private final boolean userError;

    ErrorCode(boolean userError) {
        this.userError = userError;
    }

    public boolean isUserError() {
        return userError;
    }
}
