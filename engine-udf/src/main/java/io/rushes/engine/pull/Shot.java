package io.rushes.engine.pull;

import io.rushes.engine.fdl.FdlLinks;
import io.rushes.engine.metadata.Timecode;

/**
 * One shot of a pull list: which source (a clip by name, or a reel), which part of it (source timecodes, inclusive,
 * or frame numbers of a sequence), the handles to add on each side, and what to apply. Where it came from
 * ({@code origin}: file and line) goes into every message about it.
 *
 * @param clip     the source clip's name (a sequence base name or a movie's name), or null to find it by reel and timecode
 * @param reel     the camera reel or tape name, or null
 * @param in       the first source timecode pulled (without handles), or null when frames are given
 * @param last     the last source timecode pulled, inclusive
 * @param first    the first frame number, or null when timecodes are given
 * @param lastFrame the last frame number, inclusive
 * @param cdl      an ASC CDL the editor set on the event (slope, offset, power, saturation), or null
 * @param fdl      the FDL framing decision the event names (FDL appendix comments or columns), or null
 */
public record Shot(String origin, String shot, String clip, String reel, Timecode in, Timecode last, Long first, Long lastFrame,
                   int handles, int version, Cdl cdl, FdlLinks.Reference fdl, String amf, String deliverable) {

    /** An ASC CDL: slope, offset and power per channel, then saturation. */
    public record Cdl(double[] slope, double[] offset, double[] power, double saturation) {
    }

    /** Frames pulled without handles. */
    public long length() {
        return in != null ? last.toFrames() - in.toFrames() + 1 : lastFrame - first + 1;
    }
}
