package io.rushes.engine.deliver.exr;

/** OpenEXR channel sample types, with their code in the channel list and their size in bytes. */
public enum ExrPixelType {
    UINT(0, 4),
    HALF(1, 2),
    FLOAT(2, 4);

    final int code;
    final int bytes;

    ExrPixelType(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    static ExrPixelType ofCode(int code) {
        for (ExrPixelType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
