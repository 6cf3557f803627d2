package io.rushes.engine.format;

import io.rushes.engine.error.Errors;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.io.ByteSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every {@link FrameDecoder} on the class path (the built-in ones and any plug-in's), and the way to open a file's
 * frames: its format is detected by content through the {@link FormatRegistry}, then the highest-priority decoder of
 * that format opens it. A format nothing decodes is refused with what it is and what would decode it, never as damaged.
 */
public final class FrameDecoders {
    private static final FrameDecoders DEFAULT = new FrameDecoders(FormatRegistry.loadDefault(), load());

    private final FormatRegistry formats;
    private final List<FrameDecoder> decoders;

    public FrameDecoders(FormatRegistry formats, List<FrameDecoder> decoders) {
        this.formats = formats;
        List<FrameDecoder> sorted = new ArrayList<>(decoders);
        sorted.sort(Comparator.comparingInt(FrameDecoder::priority).reversed());
        this.decoders = List.copyOf(sorted);
    }

    private static List<FrameDecoder> load() {
        List<FrameDecoder> found = new ArrayList<>();
        ServiceLoader.load(FrameDecoder.class, FrameDecoders.class.getClassLoader()).forEach(found::add);
        return found;
    }

    /** The decoders on this class path, found once. */
    public static FrameDecoders loadDefault() {
        return DEFAULT;
    }

    /** The ids of the formats some decoder reads, sorted. */
    public Set<String> decodable() {
        Set<String> ids = new TreeSet<>();
        decoders.forEach(d -> ids.addAll(d.formats()));
        return ids;
    }

    /**
     * The format of {@code source}, by content; content that is no format Rushes knows is refused with the formats it
     * decodes.
     */
    public CameraFormat format(ByteSource source) {
        try {
            return formats.detect(source);
        } catch (RushesException e) {
            if (e.code() == io.rushes.engine.error.ErrorCode.UNSUPPORTED_FORMAT) {
                throw Errors.unsupportedFormat(source.name(), e.reason(), "Rushes decodes " + String.join(", ", decodable())
                        + " frames; convert the file to one of them (DNG, OpenEXR or DPX)");
            }
            throw e;
        }
    }

    /**
     * Opens the frames of {@code source}, whose content decides the format. {@code verb} completes "cannot be … " in the
     * refusal of a format nothing decodes ("rendered", "read by amf apply").
     */
    public FrameReader open(ByteSource source, String verb) {
        return open(source, format(source), verb);
    }

    /** Opens the frames of {@code source}, already known to be {@code format}. */
    public FrameReader open(ByteSource source, CameraFormat format, String verb) {
        for (FrameDecoder decoder : decoders) {
            if (decoder.formats().contains(format.id())) {
                return decoder.open(source);
            }
        }
        throw Errors.unsupportedFormat(source.name(), "it is " + format.description() + ", which cannot be " + verb + ": "
                + format.decodedBy(), "Rushes decodes " + String.join(", ", decodable()) + " frames");
    }
}
