package io.rushes.engine.deliver.dpx;

/**
 * Byte offsets of the SMPTE ST 268 header fields the writer sets and the reader needs (the generic header is 1664
 * bytes, the industry header 384: film 1664–1919, television 1920–2047). The first image element starts at 780; each
 * of the eight is 72 bytes.
 */
final class DpxLayout {
    static final int HEADER_SIZE = 2048;
    static final int GENERIC_SIZE = 1664;
    static final int INDUSTRY_SIZE = 384;
    static final int UNDEFINED_U32 = 0xFFFFFFFF;

    static final int MAGIC = 0;
    static final int IMAGE_OFFSET = 4;
    static final int VERSION = 8;
    static final int FILE_SIZE = 16;
    static final int DITTO_KEY = 20;
    static final int GENERIC_LENGTH = 24;
    static final int INDUSTRY_LENGTH = 28;
    static final int USER_LENGTH = 32;
    static final int FILE_NAME = 36;
    static final int CREATED = 136;
    static final int CREATOR = 160;
    static final int PROJECT = 260;
    static final int COPYRIGHT = 460;
    static final int RESERVED_FILE = 664;

    static final int ORIENTATION = 768;
    static final int ELEMENTS = 770;
    static final int PIXELS_PER_LINE = 772;
    static final int LINES = 776;
    static final int ELEMENT = 780;
    static final int ELEMENT_SIZE = 72;
    static final int MAX_ELEMENTS = 8;
    // Within an image element:
    static final int DATA_SIGN = 0;
    static final int LOW_DATA = 4;
    static final int HIGH_DATA = 12;
    static final int DESCRIPTOR = 20;
    static final int TRANSFER = 21;
    static final int COLORIMETRIC = 22;
    static final int BIT_DEPTH = 23;
    static final int PACKING = 24;
    static final int ENCODING = 26;
    static final int DATA_OFFSET = 28;
    static final int END_OF_LINE_PADDING = 32;
    static final int END_OF_IMAGE_PADDING = 36;
    static final int DESCRIPTION = 40;
    static final int RESERVED_IMAGE = 1356;

    static final int X_OFFSET = 1408;
    static final int Y_OFFSET = 1412;
    static final int X_ORIGINAL_SIZE = 1424;
    static final int Y_ORIGINAL_SIZE = 1428;
    static final int ASPECT_RATIO = 1628;
    static final int RESERVED_ORIENTATION = 1644;

    static final int FILM_FRAME_RATE = 1724;
    static final int SLATE = 1764;
    static final int RESERVED_FILM = 1864;

    static final int TIME_CODE = 1920;
    static final int USER_BITS = 1924;
    static final int INTERLACE = 1928;
    static final int VIDEO_SIGNAL = 1930;
    static final int TV_PADDING = 1931;
    static final int TV_FRAME_RATE = 1940;
    static final int RESERVED_TV = 1972;

    /** Every ASCII field as {offset, length}: written as zero-filled text, never as "undefined" 0xFF bytes. */
    static final int[][] TEXT_FIELDS = {
        {VERSION, 8}, {FILE_NAME, 100}, {CREATED, 24}, {CREATOR, 100}, {PROJECT, 200}, {COPYRIGHT, 200}, {RESERVED_FILE, 104},
        {RESERVED_IMAGE, 52}, {1432, 100}, {1532, 24}, {1556, 32}, {1588, 32}, {RESERVED_ORIENTATION, 20},
        {1664, 2}, {1666, 2}, {1668, 2}, {1670, 6}, {1676, 4}, {1680, 32}, {1732, 32}, {SLATE, 100}, {RESERVED_FILM, 56},
        {RESERVED_TV, 76},
    };

    static final int DESCRIPTOR_RGB = 50;
    static final int DESCRIPTOR_RGBA = 51;
    static final int PACKING_PACKED = 0;
    static final int PACKING_FILLED_A = 1;

    private DpxLayout() {
    }
}
