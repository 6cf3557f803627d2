package io.rushes.engine.format.quicktime;

/** Names of ITU-T H.273 colour code points, as QuickTime 'colr' and MXF descriptors carry them. */
public final class CodePoints {
    private CodePoints() {
    }

    public static String primaries(int code) {
        return switch (code) {
            case 1 -> "Rec.709";
            case 5 -> "Rec.601 625";
            case 6 -> "Rec.601 525";
            case 9 -> "Rec.2020";
            case 11 -> "DCI-P3";
            case 12 -> "P3-D65";
            case 2 -> null;
            default -> "H.273 primaries " + code;
        };
    }

    public static String transfer(int code) {
        return switch (code) {
            case 1, 6, 14, 15 -> "Rec.709";
            case 8 -> "linear";
            case 13 -> "sRGB";
            case 16 -> "PQ (ST 2084)";
            case 18 -> "HLG";
            case 2 -> null;
            default -> "H.273 transfer " + code;
        };
    }
}
