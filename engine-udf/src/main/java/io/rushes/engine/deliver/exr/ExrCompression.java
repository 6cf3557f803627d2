package io.rushes.engine.deliver.exr;

/** OpenEXR compression methods, with their code in the header and the scanlines each chunk holds. */
public enum ExrCompression {
    NONE(0, 1, "none"),
    RLE(1, 1, "RLE"),
    ZIPS(2, 1, "ZIPS"),
    ZIP(3, 16, "ZIP"),
    PIZ(4, 32, "PIZ"),
    PXR24(5, 16, "PXR24"),
    B44(6, 32, "B44"),
    B44A(7, 32, "B44A"),
    DWAA(8, 32, "DWAA"),
    DWAB(9, 256, "DWAB"),
    HTJ2K256(10, 256, "HTJ2K256"),
    HTJ2K32(11, 32, "HTJ2K32");

    final int code;
    final int linesPerChunk;
    private final String label;

    ExrCompression(int code, int linesPerChunk, String label) {
        this.code = code;
        this.linesPerChunk = linesPerChunk;
        this.label = label;
    }

    /** Whether Rushes writes and reads it (the others are refused as unsupported, never as damaged). */
    public boolean supported() {
        return code <= PIZ.code || dwa();
    }

    /** DWAA or DWAB: lossy, and coded per channel by name and type ({@link ExrDwa}). */
    public boolean dwa() {
        return this == DWAA || this == DWAB;
    }

    public int linesPerChunk() {
        return linesPerChunk;
    }

    static ExrCompression ofCode(int code) {
        for (ExrCompression c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return label;
    }
}
