package io.rushes.engine.render;

import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.Errors;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.format.CameraFormat;
import io.rushes.engine.format.FormatRegistry;
import io.rushes.engine.format.tiff.TiffStructure;
import io.rushes.engine.format.tiff.TiffTags;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.ByteSource;
import java.util.Set;

/**
 * What an image command was given, told by content (never by extension) before any header is parsed as a DNG or
 * TIFF: a valid movie, MXF, OpenEXR or DPX is reported as a format the command does not read yet, with what it does
 * read, so that "damaged … re-copy it" stays for files that are damaged.
 */
public final class FrameInputs {
    /** The image inputs the commands read. */
    public enum Kind { DNG, TIFF }

    /** What each command reads, for the messages. */
    public static final String READ_BY_COMMANDS = "render and fdl frame read DNG/CinemaDNG frames; amf apply reads DNG and "
            + "uncompressed RGB TIFF. Export the frames as DNG or TIFF, or use rushes inspect for the clip's metadata";

    private static final FormatRegistry FORMATS = FormatRegistry.loadDefault();

    private FrameInputs() {
    }

    /**
     * The kind of {@code source}, one of {@code accepted}; otherwise an UNSUPPORTED_FORMAT error naming the format found
     * (e.g. "it is an MXF file, which cannot be rendered yet") and what the commands read. {@code verb} completes
     * "cannot be … yet" ("rendered", "read by amf apply").
     */
    public static Kind identify(ByteSource source, Set<Kind> accepted, String verb) {
        CameraFormat format;
        try {
            format = FORMATS.detect(source);
        } catch (RushesException e) {
            if (e.code() == ErrorCode.UNSUPPORTED_FORMAT) {
                throw Errors.unsupportedFormat(source.name(), e.reason(), READ_BY_COMMANDS);
            }
            throw e;
        }
        Kind kind = switch (format.id()) {
            case "dng" -> Kind.DNG;
            // Any other TIFF: the DNG sniff sees only the first 4 KiB, so the whole directory tells a DNG from a TIFF.
            case "tiff-raw" -> TiffStructure.read(BinaryReader.open(source), 0).ifd0().has(TiffTags.DNG_VERSION) ? Kind.DNG : Kind.TIFF;
            default -> null;
        };
        if (kind != null && accepted.contains(kind)) {
            return kind;
        }
        String found = kind == Kind.TIFF ? "a TIFF without the DNGVersion tag (an RGB image or a stills raw such as CR2 or NEF, not a DNG)"
                : kind == Kind.DNG ? "a DNG" : format.description();
        throw Errors.unsupportedFormat(source.name(), "it is " + found + ", which cannot be " + verb + " yet", READ_BY_COMMANDS);
    }
}
