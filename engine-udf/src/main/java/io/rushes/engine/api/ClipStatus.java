package io.rushes.engine.api;

import java.util.Locale;

/** How far a clip could be read: the {@code status} column of the catalog, in lower case. */
public enum ClipStatus {
    /** Every file read. */
    OK,
    /** The clip's metadata was read, but some files failed (their errors are recorded). */
    PARTIAL,
    /** Nothing of the clip could be read: the files are damaged or unreadable. */
    ERROR,
    /** The files are valid as far as Rushes can tell, in a format or variant it does not read. */
    UNSUPPORTED;

    /** Readable clips: their metadata is in the catalog. */
    public boolean readable() {
        return this == OK || this == PARTIAL;
    }

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ClipStatus ofColumn(String column) {
        return valueOf(column.toUpperCase(Locale.ROOT));
    }
}
