package io.rushes.engine.format;

import io.rushes.engine.io.ByteSource;
import java.util.Set;

/**
 * The pixels of one format, beside its {@link CameraFormat} (which reads its header): each format that can be decoded
 * has one, registered in {@code META-INF/services/io.rushes.engine.format.FrameDecoder}, and found for a file by its
 * content (the registry detects the format first, then asks the decoders for it), as TwelveMonkeys' ImageReaderSpi and
 * OpenImageIO's ImageInput plug-ins are. This is also the plug-in point for decoders only a maker's SDK can build (R3D,
 * BRAW, X-OCN, ALEXA 35 HDE): a studio ships one in its own jar, with its own service file, and every command and job
 * reads the format from then on.
 */
public interface FrameDecoder {
    /** The {@link CameraFormat#id()}s whose files this decodes (a plug-in may bring a CameraFormat of its own too). */
    Set<String> formats();

    /** Higher values are asked first: a plug-in above 0 takes a format over from the built-in decoder. */
    default int priority() {
        return 0;
    }

    /**
     * Opens one file of a format in {@link #formats()} for reading frames, reading no more than its header. Throws
     * {@code RushesException} for a damaged file, or UNSUPPORTED_FEATURE for a valid file of a kind this decoder does not
     * read (naming that kind, e.g. "a ProRes RAW movie").
     */
    FrameReader open(ByteSource source);
}
