package io.rushes.engine.deliver.dpx;

import io.rushes.engine.error.Errors;
import io.rushes.engine.metadata.Timecode;
import java.time.Instant;
import java.util.Locale;

/**
 * What a DPX frame's header says besides its size: the encoding of its code values, the frame's SMPTE timecode and
 * frame rate (both optional: null writes "undefined"), when it was made, and the text fields of ST 268. Text longer
 * than its field is cut to the field's length; characters outside printable ASCII are written as '?'.
 *
 * @param encoding      what the code values mean: sets the transfer and colorimetric codes
 * @param timecode      the frame's timecode (TV header, packed BCD), or null
 * @param frameRate     frames per second (film and TV headers), or null; with a timecode, its counting rate must match
 * @param created       creation time, written in UTC, or null
 * @param fileName      the image file name field (100), usually the output's own name
 * @param creator       the creator field (100), the software that wrote the frame
 * @param project       the project field (200)
 * @param copyright     the copyright field (200)
 * @param clipName      the camera clip or reel the frame came from, in the film header's slate information (100), which
 *                      ExifTool and OpenImageIO show as SlateInformation / dpx:SlateInfo
 * @param encodingName  the image element description (32), null for the encoding's default ("ARRI LogC3" says more
 *                      than "camera log")
 */
public record DpxMetadata(DpxEncoding encoding, Timecode timecode, Double frameRate, Instant created, String fileName, String creator,
                          String project, String copyright, String clipName, String encodingName) {
    public DpxMetadata {
        if (encoding == null) {
            throw Errors.invalidArgument("a DPX frame needs an encoding", "Name what the pixels are (linear, printing density, ADX, ACEScct, camera log)");
        }
        if (frameRate != null && !(frameRate > 0 && frameRate <= 1000)) {
            throw Errors.invalidArgument("the DPX frame rate " + frameRate + " is not a rate", "Give a frame rate between 0 and 1000 frames per second");
        }
        if (timecode != null && frameRate != null && timecode.rate() != Timecode.countingRate(frameRate)) {
            throw Errors.invalidArgument(String.format(Locale.ROOT, "the timecode %s counts at %d fps, not at the frame rate %.3f",
                    timecode, timecode.rate(), frameRate), "Give the timecode at the frame rate's counting rate");
        }
    }

    /** A frame in {@code encoding} with every other field undefined or empty; the {@code with…} methods fill them. */
    public static DpxMetadata of(DpxEncoding encoding) {
        return new DpxMetadata(encoding, null, null, null, null, "Rushes", null, null, null, null);
    }

    public DpxMetadata withTimecode(Timecode tc, Double fps) {
        return new DpxMetadata(encoding, tc, fps, created, fileName, creator, project, copyright, clipName, encodingName);
    }

    public DpxMetadata withCreated(Instant when) {
        return new DpxMetadata(encoding, timecode, frameRate, when, fileName, creator, project, copyright, clipName, encodingName);
    }

    public DpxMetadata withNames(String file, String creatorName, String projectName, String copyrightNotice, String clip) {
        return new DpxMetadata(encoding, timecode, frameRate, created, file, creatorName, projectName, copyrightNotice, clip, encodingName);
    }

    public DpxMetadata withEncodingName(String name) {
        return new DpxMetadata(encoding, timecode, frameRate, created, fileName, creator, project, copyright, clipName, name);
    }
}
