package io.rushes.jobs.plates;

import io.rushes.engine.error.Errors;
import java.io.Serializable;
import java.util.List;

/**
 * What a plates run is asked to do.
 *
 * @param pullList      the pull list (CSV, CMX3600 EDL, ALE or OTIO; told by content): a local path or a Hadoop URI
 * @param catalog       the catalog its shots are resolved against, and where pulls and renders are recorded
 * @param out           the delivery root: each shot goes to {@code out/SHOT/vNNN/DELIVERABLE/}
 * @param deliverables  deliverables for shots whose row names none (shipped names or specification files)
 * @param segmentFrames frames per task: long shots are split so they spread over the cluster
 * @param rate          timecode rate of lists that do not give theirs (CSV, EDL)
 * @param handles       handles for shots whose list gives none (EDL, ALE, OTIO carry none), frames per side
 * @param plate         the {plate} of naming templates (e.g. BG01)
 * @param hq            RCD demosaic (else bilinear)
 * @param fdlFolder     a local folder of FDL files, found by the uuid a shot names (null: shots name no FDL)
 */
public record PlatesOptions(String pullList, String catalog, String out, List<String> deliverables, int segmentFrames, int rate,
                            int handles, String plate, boolean hq, String fdlFolder) implements Serializable {
    public static final int MAX_SEGMENT_FRAMES = 10_000;

    public PlatesOptions {
        deliverables = List.copyOf(deliverables);
        if (segmentFrames < 1 || segmentFrames > MAX_SEGMENT_FRAMES) {
            throw Errors.invalidArgument("--segment-frames " + segmentFrames + " is not a number of frames per task",
                    "Give 1 to " + MAX_SEGMENT_FRAMES + " (24: a 200-frame shot is 10 tasks of 20 on two cores)");
        }
        if (rate < 1 || rate > 1000) {
            throw Errors.invalidArgument("--rate " + rate + " is not a timecode rate", "Give 24, 25, 30…");
        }
        if (handles < 0 || handles > 10_000) {
            throw Errors.invalidArgument("--handles " + handles + " is not a number of frames", "Give 0 to 10000 (8 is common)");
        }
        if (!plate.matches("[A-Za-z0-9_-]{1,64}")) {
            throw Errors.invalidArgument("--plate '" + plate + "' is not a name part of [A-Za-z0-9_-]", "Give e.g. BG01 or PL01");
        }
    }
}
