package io.rushes.engine.deliver.movie;

import io.rushes.engine.error.Errors;
import io.rushes.engine.metadata.Timecode;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a review movie is besides its frames.
 *
 * @param codec          codec and profile
 * @param rateNumerator  frames per second as a rational: 24000/1001 for 23.976, 24/1 for 24
 * @param rateDenominator see {@code rateNumerator}
 * @param startTimecode  the first frame's timecode, written as a QuickTime {@code tmcd} track, or null for none
 * @param reelName       the source reel, written as the timecode track's name, or null
 * @param threads        encoder threads: 0 lets FFmpeg choose (one per core), 1 encodes on the calling thread
 * @param container      QuickTime or MXF OP1a
 * @param metadata       camera metadata written as QuickTime metadata keys (moov/meta 'mdta', as an ALEXA writes
 *                       {@code com.arri.camera.*}); ignored in MXF
 */
public record MovieSettings(MovieCodec codec, int rateNumerator, int rateDenominator, Timecode startTimecode, String reelName,
                            int threads, MovieContainer container, Map<String, String> metadata) {
    /** Longest key or value written: QuickTime metadata keys are short names, values short text. */
    private static final int MAX_METADATA_CHARS = 1024;

    public MovieSettings {
        metadata = metadata == null ? Map.of() : Map.copyOf(new TreeMap<>(metadata));
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            if (e.getKey().isBlank() || e.getKey().length() > MAX_METADATA_CHARS || e.getValue().length() > MAX_METADATA_CHARS
                    || !e.getKey().chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
                throw Errors.invalidArgument("the movie metadata key '" + e.getKey() + "' (or its value) is not short printable text",
                        "Give reverse-DNS keys such as com.arri.camera.ExposureIndexAsa with values under " + MAX_METADATA_CHARS + " characters");
            }
        }
        if (codec == null) {
            throw Errors.invalidArgument("a movie needs a codec", "Choose one of ProRes 422 HQ, 4444, 4444 XQ, DNxHR HQX or 444");
        }
        if (rateNumerator <= 0 || rateDenominator <= 0 || (double) rateNumerator / rateDenominator > 1000) {
            throw Errors.invalidArgument(String.format(Locale.ROOT, "the frame rate %d/%d is not a rate", rateNumerator, rateDenominator),
                    "Give frames per second as a positive rational up to 1000, such as 24000/1001 or 25/1");
        }
        if (startTimecode != null && startTimecode.rate() != Timecode.countingRate((double) rateNumerator / rateDenominator)) {
            throw Errors.invalidArgument(String.format(Locale.ROOT, "the start timecode %s counts at %d fps, not at the frame rate %d/%d",
                    startTimecode, startTimecode.rate(), rateNumerator, rateDenominator), "Give the timecode at the frame rate's counting rate");
        }
        if (startTimecode != null && startTimecode.dropFrame() && !(rateDenominator == 1001 && rateNumerator % 30000 == 0)) {
            throw Errors.invalidArgument(String.format(Locale.ROOT, "drop-frame timecode %s needs a rate of 30000/1001 or 60000/1001, not %d/%d",
                    startTimecode, rateNumerator, rateDenominator), "Use non-drop-frame timecode at this rate");
        }
        if (reelName != null && (reelName.isBlank() || reelName.length() > 255 || !reelName.chars().allMatch(c -> c >= 0x20 && c < 0x7F))) {
            throw Errors.invalidArgument("the reel name '" + reelName + "' is not 1 to 255 printable ASCII characters",
                    "Give the camera reel as it is on the slate, such as A001R1BB");
        }
        if (threads < 0 || threads > 64) {
            throw Errors.invalidArgument("encoder threads " + threads + " is not between 0 and 64", "Give 0 (one per core) or a thread count");
        }
        if (container == null) {
            throw Errors.invalidArgument("a movie needs a container", "Choose MOV or MXF");
        }
        if (!container.carries(codec)) {
            throw Errors.invalidArgument(codec + " cannot be wrapped in " + container + ": FFmpeg maps only intra-frame codecs into MXF OP1a",
                    "Write " + codec + " as a QuickTime movie (.mov), or choose DNxHR or ProRes for MXF");
        }
    }

    /** A QuickTime movie at {@code numerator/denominator} fps, without timecode or reel, with FFmpeg's choice of threads. */
    public static MovieSettings of(MovieCodec codec, int numerator, int denominator) {
        return new MovieSettings(codec, numerator, denominator, null, null, 0, MovieContainer.MOV, Map.of());
    }

    public MovieSettings withTimecode(Timecode start, String reel) {
        return new MovieSettings(codec, rateNumerator, rateDenominator, start, reel, threads, container, metadata);
    }

    public MovieSettings withThreads(int count) {
        return new MovieSettings(codec, rateNumerator, rateDenominator, startTimecode, reelName, count, container, metadata);
    }

    public MovieSettings in(MovieContainer wrapper) {
        return new MovieSettings(codec, rateNumerator, rateDenominator, startTimecode, reelName, threads, wrapper, metadata);
    }

    /** These settings with {@code keys} written as the movie's QuickTime metadata. */
    public MovieSettings withMetadata(Map<String, String> keys) {
        return new MovieSettings(codec, rateNumerator, rateDenominator, startTimecode, reelName, threads, container, keys);
    }

    /** The timecode as the mov muxer parses it: ';' before the frames when drop-frame. */
    String timecodeText() {
        Timecode t = startTimecode;
        return String.format(Locale.ROOT, "%02d:%02d:%02d%s%02d", t.hours(), t.minutes(), t.seconds(), t.dropFrame() ? ";" : ":", t.frames());
    }
}
