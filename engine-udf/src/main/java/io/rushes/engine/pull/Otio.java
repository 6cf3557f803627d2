package io.rushes.engine.pull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rushes.engine.error.Errors;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.io.BoundedJson;
import io.rushes.engine.metadata.Timecode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenTimelineIO timelines ({@code .otio} JSON) as a pull list: every enabled clip of the video tracks, read
 * directly (no OTIO library on the JVM). A clip's source range is its {@code source_range} (start and duration in
 * frames at their rate; camera media start at their timecode), its clip name the media reference's file (without
 * folder, frame number and extension) or else the clip's name, its reel the {@code cmx_3600} metadata's.
 * Gaps and transitions are not pulled; nested stacks are walked.
 */
public final class Otio {
    public static final int MAX_BYTES = 64 << 20;
    private static final ObjectMapper JSON = BoundedJson.mapper(MAX_BYTES, 1 << 20, 256);

    private Otio() {
    }

    public static PullLists.Read read(byte[] bytes, String file) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw Errors.invalidDocument(file, at == null ? "$" : "line " + at.getLineNr() + ", column " + at.getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage(), "Export the timeline again from its editor");
        } catch (IOException e) {
            throw Errors.io(file, e);
        }
        if (root == null || !root.path("OTIO_SCHEMA").asText("").startsWith("Timeline.")) {
            throw Errors.invalidDocument(file, "$.OTIO_SCHEMA", "is not an OpenTimelineIO timeline", "Give a .otio file whose root is a Timeline");
        }
        List<Shot> shots = new ArrayList<>();
        List<RushesException> errors = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        walk(root.path("tracks"), "$.tracks", false, file, shots, errors, notes);
        return new PullLists.Read(List.copyOf(shots), List.copyOf(errors), List.copyOf(notes));
    }

    private static void walk(JsonNode node, String path, boolean inVideo, String file, List<Shot> shots, List<RushesException> errors,
                             List<String> notes) {
        String schema = node.path("OTIO_SCHEMA").asText("");
        if (schema.startsWith("Track.")) {
            inVideo = node.path("kind").asText("Video").equals("Video");
        }
        if (schema.startsWith("Clip.")) {
            if (inVideo && node.path("enabled").asBoolean(true)) {
                try {
                    shots.add(clip(node, path, file));
                } catch (RushesException e) {
                    errors.add(e);
                }
                if (shots.size() > PullLists.MAX_SHOTS) {
                    throw Errors.limitExceeded(file, -1, "the number of clips", shots.size(), PullLists.MAX_SHOTS);
                }
            }
            return;
        }
        if (schema.startsWith("Transition.")) {
            notes.add(file + " " + path + ": a transition (" + node.path("transition_type").asText("?") + ") is not pulled; handles cover it");
            return;
        }
        JsonNode children = node.path("children");
        for (int i = 0; i < children.size(); i++) {
            walk(children.get(i), path + ".children[" + i + "]", inVideo, file, shots, errors, notes);
        }
    }

    private static Shot clip(JsonNode clip, String path, String file) {
        String name = clip.path("name").asText("");
        JsonNode range = clip.path("source_range");
        if (!range.isObject()) {
            range = media(clip).path("available_range"); // OTIO: no source range means all the media has
        }
        if (!range.isObject()) {
            throw Errors.invalidDocument(file, path + ".source_range", "the clip " + name + " has no source range, nor its media an available range",
                    "Give the clip a source_range (its in point and duration)");
        }
        double rate = range.path("start_time").path("rate").asDouble(Double.NaN);
        double start = range.path("start_time").path("value").asDouble(Double.NaN);
        double duration = range.path("duration").path("value").asDouble(Double.NaN);
        double durationRate = range.path("duration").path("rate").asDouble(rate);
        if (!(rate > 0 && rate <= 1000) || !Double.isFinite(start) || start < 0 || !(duration >= 1) || !Double.isFinite(duration)) {
            throw Errors.invalidDocument(file, path + ".source_range", "start " + start + ", duration " + duration + " at " + rate
                    + " fps is not a range of frames", "Give a positive duration and a start of 0 or more at a real rate");
        }
        int counting = Timecode.countingRate(rate);
        long first = Math.round(start);
        long length = Math.round(duration * rate / durationRate);
        Timecode in = Timecode.fromFrames(first, counting, false);
        Timecode last = Timecode.fromFrames(first + length - 1, counting, false);
        String reel = clip.path("metadata").path("cmx_3600").path("reel").asText(null);
        return new Shot(file + " " + path, name.isBlank() ? "clip " + path : name, clipName(clip, name), reel, in, last, null, null, 0, 1,
                null, null, null, null);
    }

    /** The clip's media reference: {@code media_reference} (OTIO Clip.1), or the active one of {@code media_references} (Clip.2). */
    private static JsonNode media(JsonNode clip) {
        JsonNode media = clip.path("media_reference");
        return media.isObject() ? media : clip.path("media_references").path(clip.path("active_media_reference_key").asText("DEFAULT_MEDIA"));
    }

    /** The media's file name without its folder, frame number and extension; the clip's own name when there is no file. */
    private static String clipName(JsonNode clip, String name) {
        JsonNode media = media(clip);
        String prefix = media.path("name_prefix").asText("");
        String url = media.path("target_url").asText(media.path("target_url_base").asText(""));
        String base = !prefix.isEmpty() ? prefix : url.substring(url.lastIndexOf('/') + 1);
        boolean frameOfASequence = base.matches("(?i).*[._-]\\d+\\.(exr|dpx|dng|tif|tiff|jpg|png|ari)$");
        base = base.replaceFirst("\\.[A-Za-z0-9]+$", "");
        if (frameOfASequence) {
            base = base.replaceFirst("[._-]\\d+$", "");
        }
        if (base.isEmpty()) {
            int paren = name.indexOf(" (");
            return (paren > 0 ? name.substring(0, paren) : name).strip();
        }
        return base;
    }
}
