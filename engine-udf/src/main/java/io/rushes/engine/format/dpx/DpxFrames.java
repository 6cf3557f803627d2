package io.rushes.engine.format.dpx;

import io.rushes.engine.color.PixelEncoding;
import io.rushes.engine.deliver.dpx.DpxEncoding;
import io.rushes.engine.deliver.dpx.DpxReader;
import io.rushes.engine.format.FrameDecoder;
import io.rushes.engine.format.FrameReader;
import io.rushes.engine.format.SourceFrame;
import io.rushes.engine.format.WholeRgbFrame;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.ByteSource;
import io.rushes.engine.metadata.SmpteTimecodeBytes;
import io.rushes.engine.metadata.Timecode;
import java.util.Locale;
import java.util.Set;

/**
 * The pixels of a DPX frame (a log pull, a film scan, a lab's video frame), with the encoding its image element names:
 * SMPTE ST 268 transfer code 13 is ADX (read by the Academy's ADX10/ADX16 transform), codes 5 and 6 are Rec.709 video,
 * and the logarithmic code 3 with the description "ACEScct" (what Rushes writes, as ST 268 has no ACEScct code) is
 * ACEScct. Printing density, generic log and linear codes do not say which primaries or curve: those frames carry an
 * unknown encoding, for the user to name.
 */
public final class DpxFrames implements FrameDecoder {
    /** Byte offset of the first image element's 32-character description (ST 268 table 3). */
    private static final int ELEMENT_DESCRIPTION = 820;

    @Override
    public Set<String> formats() {
        return Set.of("dpx");
    }

    /** The pixels are read on first use: opening a file to name it or check it decodes costs nothing. */
    @Override
    public FrameReader open(ByteSource source) {
        return new WholeRgbFrame(source.name()) {
            private Timecode start;

            @Override
            protected SourceFrame.Rgb load() {
                DpxReader.Frame frame = DpxReader.read(source);
                String description = BinaryReader.open(source).ascii(ELEMENT_DESCRIPTION, 32).replace("\0", "").strip();
                start = timecode(frame);
                return new SourceFrame.Rgb(frame.image(), encoding(frame.header().transfer(), frame.bitDepth(), description));
            }

            @Override
            public Timecode startTimecode() {
                loaded();
                return start;
            }
        };
    }

    static PixelEncoding encoding(int transfer, int bits, String description) {
        if (transfer == DpxEncoding.ADX.transfer()) {
            String depth = bits == 10 ? "10" : "16";
            return PixelEncoding.transform("urn:ampas:aces:transformId:v1.5:ACEScsc.Academy.ADX" + depth + "_to_ACES.a1.0.3", "ADX" + depth);
        }
        if (transfer == 5 || transfer == 6) {
            return PixelEncoding.REC709_VIDEO;
        }
        if (transfer == DpxEncoding.ACESCCT.transfer() && description.equalsIgnoreCase("ACEScct")) {
            return PixelEncoding.ACESCCT;
        }
        return PixelEncoding.unknown(String.format(Locale.ROOT, "a DPX of transfer code %d (%s)%s, which does not name its curve and "
                + "primaries", transfer, transferName(transfer), description.isEmpty() ? "" : " described as \"" + description + "\""));
    }

    private static String transferName(int code) {
        return switch (code) {
            case 0 -> "user defined";
            case 1 -> "printing density";
            case 2 -> "linear";
            case 3 -> "logarithmic";
            case 4 -> "unspecified video";
            default -> "code " + code;
        };
    }

    private static Timecode timecode(DpxReader.Frame frame) {
        Long packed = frame.header().timecode();
        Float rate = frame.header().tvFrameRate() != null ? frame.header().tvFrameRate() : frame.header().filmFrameRate();
        if (packed == null || rate == null || !(rate > 0) || !Float.isFinite(rate)) {
            return null;
        }
        return SmpteTimecodeBytes.decodeWord(packed, Timecode.countingRate(rate)); // null when its digits are not BCD
    }
}
