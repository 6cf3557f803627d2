package io.rushes.engine.format;

import io.rushes.engine.io.ByteSource;
import io.rushes.engine.metadata.ClipMetadata;

/**
 * One camera file format. Each format package has the same cast: a {@code XxxFormat} (this interface,
 * registered in {@code META-INF/services}) that recognises the format from its first bytes and maps its
 * header into the normalised schema, and a {@code XxxHeader} that parses the header with bounds on
 * everything it reads. Readers read headers only, never pixel data.
 */
public interface CameraFormat {

    /** Short, stable id: dng, quicktime, mxf, openexr, … */
    String id();

    /** What the format is, for messages: "an MXF file", "a QuickTime/MP4 movie". */
    String description();

    /** Whether the file's first bytes are this format. Must not throw on any input. */
    boolean sniff(Probe probe);

    /** Higher values are asked first (a DNG is also a TIFF: DNG asks before the TIFF stills reader). */
    default int priority() {
        return 0;
    }

    /**
     * What would decode this format's frames when no {@link FrameDecoder} on the class path does, for the refusal
     * ("R3D frames need a decoder built on the RED SDK: …").
     */
    default String decodedBy() {
        return "no decoder for it is on the class path; export the frames as DNG, OpenEXR or DPX, or add a decoder plug-in "
                + "(see docs/decoder-plugins.md)";
    }

    /**
     * Reads the header of one file into normalised fields and raw key/values. Throws
     * {@code RushesException} for a broken or unsupported file.
     */
    ClipMetadata read(ByteSource source);
}
