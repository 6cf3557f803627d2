package io.rushes.jobs.plates;

import java.io.Serializable;
import java.util.List;

/**
 * One task's work: frames of one shot (a sub-segment, or the whole shot for a movie) through one deliverable, with
 * everything its lineage rows record. {@code fdl} is the shot's reference (uuid/decision id), {@code fdlPath} the FDL
 * file holding it. Built on the driver; the executor needs nothing else (the specification's bytes
 * travel with it, so a cluster never reads the driver's files).
 */
record PlateUnit(String pullId, String shot, String clipId, String clipName, int version, String deliverable, byte[] specBytes,
                 String specName, String specHash, String amf, String amfHash, String fdl, String fdlPath, String fdlHash, String cdl,
                 String plate, boolean hq,
                 String shotParametersHash, String folder, boolean movie, List<PlateFrame> frames) implements Serializable {

    /**
     * One source frame: where it is, its number and timecode, its content identity, and the ids of its output.
     *
     * @param renderId       the renders row (for a movie: the movie's, the same on every frame)
     * @param parametersHash everything that shapes the output file
     */
    /** One source frame: {@code index} is its frame in the file (a movie's; 0 for a sequence's file). */
    record PlateFrame(String location, Long frame, String timecode, String sourceHash, String renderId, String parametersHash, long index)
            implements Serializable {
        /** The frame of a sequence's file. */
        PlateFrame(String location, Long frame, String timecode, String sourceHash, String renderId, String parametersHash) {
            this(location, frame, timecode, sourceHash, renderId, parametersHash, 0);
        }

        /** Its key among a unit's frames: the file, and the frame in it. */
        String key() {
            return key(location, frame);
        }

        static String key(String location, Long frame) {
            return location + "\u0000" + frame;
        }
    }

    /** Key of the render plan an executor builds once and reuses for every unit that shares it. */
    String planKey() {
        return String.join("\u0000", specHash, String.valueOf(amfHash), String.valueOf(amf), String.valueOf(fdlHash), String.valueOf(fdl),
                shot, plate, Integer.toString(version), Boolean.toString(hq));
    }
}
