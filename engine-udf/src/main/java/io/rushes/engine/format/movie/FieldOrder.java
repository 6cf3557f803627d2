package io.rushes.engine.format.movie;

/** How a movie's frames were scanned: each interlaced frame is decoded as a whole frame, both fields woven, not deinterlaced. */
public enum FieldOrder {
    PROGRESSIVE("progressive"),
    TOP_FIELD_FIRST("interlaced, top field first"),
    BOTTOM_FIELD_FIRST("interlaced, bottom field first"),
    /** The stream does not say, and its first frame is not flagged interlaced. */
    UNKNOWN("scan not tagged");

    private final String description;

    FieldOrder(String description) {
        this.description = description;
    }

    public boolean interlaced() {
        return this == TOP_FIELD_FIRST || this == BOTTOM_FIELD_FIRST;
    }

    public String description() {
        return description;
    }
}
