package io.rushes.engine.error;

import java.io.IOException;

/**
 * The single factory for engine errors. Every message says what could not be done, where, why, and
 * what the user can do about it.
 */
public final class Errors {
    private Errors() {
    }

    public static RushesException truncated(String file, long offset, String what) {
        return new RushesException(ErrorCode.TRUNCATED, file, offset,
                "the file ends before " + what,
                "The file is incomplete: copy it again from the camera card and verify it against its MHL", null);
    }

    public static RushesException corrupt(String file, long offset, String reason) {
        return new RushesException(ErrorCode.CORRUPT, file, offset, reason,
                "The file is damaged or not what its header claims: re-copy it from the original media", null);
    }

    public static RushesException limitExceeded(String file, long offset, String what, long value, long limit) {
        return new RushesException(ErrorCode.LIMIT_EXCEEDED, file, offset,
                what + " is " + value + ", above the limit of " + limit,
                "A valid camera file never needs this much; the header is probably corrupt", null);
    }

    /** A document (AMF, CLF, FDL…) larger than its reader accepts: refused before it is read whole. */
    public static RushesException documentTooLarge(String file, String kind, long limit) {
        return new RushesException(ErrorCode.LIMIT_EXCEEDED, file, 0, "the " + kind + " is larger than " + limit + " bytes",
                "A real " + kind + " is far smaller: check that this is the file you meant", null);
    }

    /** An XML document nested deeper than its reader accepts: refused while it is parsed, before anything recurses over it. */
    public static RushesException documentTooDeep(String file, int line, int limit) {
        return new RushesException(ErrorCode.LIMIT_EXCEEDED, file, -1, "its elements nest deeper than " + limit + " levels (line " + line + ")",
                "Real AMF, CLF, ASC CDL and ASC MHL files nest a few levels: check that this is the file you meant", null);
    }

    /** A path that names a folder, a named pipe or a device where a file was asked for: refused before it is opened. */
    public static RushesException notARegularFile(String file, String kind) {
        return new RushesException(ErrorCode.INVALID_ARGUMENT, file, -1, "it is not a regular file (a folder, pipe or device)",
                "Give the path of the " + kind + " file itself", null);
    }

    /** An ASC MHL generation or chain file that cannot be parsed: the folder it seals cannot be verified until it is restored. */
    public static RushesException invalidMhl(String file, String reason) {
        return new RushesException(ErrorCode.CORRUPT, file, -1, reason,
                "Restore this file from another copy of the card (every copy carries its ascmhl/ history) or re-seal the folder", null);
    }

    /** A link inside a folder being verified or sealed that leads outside it: what it points to is not the folder's content. */
    public static RushesException linkLeavesFolder(String link, String target, String folder) {
        return new RushesException(ErrorCode.INVALID_ARGUMENT, link, -1, "it is a link to " + target + ", outside " + folder,
                "Copy what it points to into the folder, or remove the link", null);
    }

    public static RushesException unsupportedFormat(String file, String detail) {
        return new RushesException(ErrorCode.UNSUPPORTED_FORMAT, file, 0, detail,
                "Rushes reads DNG/CinemaDNG, TIFF-based stills raws, CR3, QuickTime/MP4, MXF, OpenEXR, DPX, "
                        + "R3D, ARRIRAW and MPEG-TS/AVCHD; convert the file or open an issue with a sample", null);
    }

    /** A known format that this operation does not read: says what it does read instead. */
    public static RushesException unsupportedFormat(String file, String detail, String fix) {
        return new RushesException(ErrorCode.UNSUPPORTED_FORMAT, file, -1, detail, fix, null);
    }

    /** An output (image, canvas, card) larger than Rushes makes, refused before anything is allocated: says which limit. */
    public static RushesException outputTooLarge(String file, String what, Number value, long limit, String fix) {
        return new RushesException(ErrorCode.LIMIT_EXCEEDED, file, -1, what + " is " + value + ", above the limit of " + limit, fix, null);
    }

    /**
     * A valid frame whose values the file does not say the encoding of (which log curve, which primaries): not damaged,
     * and not guessed; {@code choices} says how to name it.
     */
    public static RushesException encodingUnknown(String file, String what, String choices) {
        return new RushesException(ErrorCode.INVALID_ARGUMENT, file, -1, "its values are " + what + ", so no input transform to ACES "
                + "can be chosen", choices, null);
    }

    public static RushesException unsupportedFeature(String file, long offset, String feature, String fix) {
        return new RushesException(ErrorCode.UNSUPPORTED_FEATURE, file, offset, feature + " is not supported", fix, null);
    }


    /** A document (FDL, AMF, pull list…) that breaks its format's rules at a JSON path or element. */
    public static RushesException invalidDocument(String file, String path, String reason, String fix) {
        return new RushesException(ErrorCode.INVALID_DOCUMENT, file, -1, (path == null ? "" : "at " + path + ": ") + reason, fix, null);
    }

    /** A location the user named that does not hold what the command needs (a catalog, a card…). */
    public static RushesException notFound(String location, String reason, String fix) {
        return new RushesException(ErrorCode.INVALID_ARGUMENT, location, -1, reason, fix, null);
    }

    public static RushesException invalidArgument(String what, String fix) {
        return new RushesException(ErrorCode.INVALID_ARGUMENT, null, -1, what, fix, null);
    }

    /** An I/O failure of the storage underneath, wrapped once with the file it concerns. */
    public static RushesException io(String file, IOException cause) {
        return new RushesException(ErrorCode.IO, file, -1, "I/O error: " + cause.getMessage(),
                "Check that the path exists, is readable and the storage is online", cause);
    }

    /** A bug in Rushes: an unexpected exception while handling a file. */
    public static RushesException internal(String file, Throwable cause) {
        return new RushesException(ErrorCode.INTERNAL, file, -1, "internal error (" + cause + ")",
                "This is a bug in Rushes: please report it with the file", cause);
    }
}
