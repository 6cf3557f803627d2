package io.rushes.engine.api;

import static io.rushes.engine.metadata.ClipField.*;

import io.rushes.engine.discovery.Clip;
import io.rushes.engine.discovery.FileEntry;
import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.Errors;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.format.CameraFormat;
import io.rushes.engine.format.FormatRegistry;
import io.rushes.engine.integrity.FileHasher;
import io.rushes.engine.integrity.HashAlgorithm;
import io.rushes.engine.io.ByteSource;
import io.rushes.engine.io.ByteSourceFactory;
import io.rushes.engine.metadata.ClipField;
import io.rushes.engine.metadata.ClipMetadata;
import io.rushes.engine.metadata.Timecode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Inspects one clip at a time, statelessly: detects each file's format by content, reads headers only,
 * merges the frames of a sequence into one clip record, and records every failure against the clip
 * instead of throwing, so one broken frame never hides the rest.
 */
public final class Inspector {
    private final FormatRegistry formats;
    private final ByteSourceFactory sources;

    public Inspector(FormatRegistry formats, ByteSourceFactory sources) {
        this.formats = formats;
        this.sources = sources;
    }

    public ClipResult inspect(Clip clip, InspectOptions options) {
        List<FileResult> files = new ArrayList<>(clip.files().size());
        List<ClipError> errors = new ArrayList<>();
        ClipMetadata first = null;
        ClipMetadata last = null;
        Long lastGoodFrame = null;
        String format = null;
        // A movie spanned over segments carries its header in the first segment; the rest are essence.
        boolean everyFileHasHeader = clip.kind() != Clip.Kind.SPANNED;
        for (int i = 0; i < clip.files().size(); i++) {
            FileEntry f = clip.files().get(i);
            Long frame = clip.frames().isEmpty() ? null : clip.frames().get(i);
            ClipError error = null;
            String fileFormat = null;
            Map<HashAlgorithm, String> hashes = Map.of();
            try (ByteSource src = sources.open(f.location())) {
                try {
                    if (everyFileHasHeader || i == 0) {
                        CameraFormat fmt = formats.detect(src);
                        fileFormat = fmt.id();
                        ClipMetadata md = fmt.read(src);
                        for (RushesException problem : md.problems()) {
                            errors.add(asError(f, problem)); // damage the header shows: the clip is partial
                        }
                        if (first == null) {
                            first = md;
                            format = fileFormat;
                        } else if (!fileFormat.equals(format)) {
                            throw Errors.corrupt(f.location(), 0, "frame is " + fileFormat + " but the sequence is " + format);
                        }
                        last = md;
                        lastGoodFrame = frame;
                    }
                } catch (RuntimeException e) {
                    error = asError(f, e);
                }
                // Hashes are of the bytes, not the header: a file that does not parse is still hashed,
                // so its copy can be checked against the card's MHL.
                if (!options.hashes().isEmpty()) {
                    try (InputStream in = src.openStream()) {
                        hashes = FileHasher.hash(in, options.hashes());
                    }
                }
            } catch (IOException e) {
                error = error != null ? error : ClipError.of(Errors.io(f.location(), e));
            } catch (RuntimeException e) {
                error = error != null ? error : asError(f, e);
            }
            if (error != null) {
                errors.add(error);
            }
            files.add(new FileResult(f.location(), f.relativePath(), f.size(), f.lastModifiedMillis(), frame, fileFormat, hashes, error));
        }
        ClipMetadata md = first == null ? new ClipMetadata() : first;
        md.set(CLIP_NAME, clip.name());
        md.set(FORMAT, format);
        md.set(FILE_COUNT, clip.files().size());
        md.set(TOTAL_BYTES, clip.totalBytes());
        if (clip.kind() == Clip.Kind.SEQUENCE) {
            sequenceFields(clip, md, last, lastGoodFrame);
        }
        derive(md);
        md.set(STATUS, status(first, errors).column());
        return new ClipResult(clip, md, List.copyOf(files), List.copyOf(errors));
    }

    private static ClipError asError(FileEntry f, RuntimeException e) {
        if (e instanceof RushesException r) {
            return ClipError.of(r.file() == null ? r.inFile(f.location()) : r);
        }
        return ClipError.of(Errors.internal(f.location(), e));
    }

    private static ClipStatus status(ClipMetadata first, List<ClipError> errors) {
        if (first == null) {
            boolean unsupported = errors.stream().allMatch(e -> e.code().equals(ErrorCode.UNSUPPORTED_FORMAT.name())
                    || e.code().equals(ErrorCode.UNSUPPORTED_FEATURE.name()));
            return unsupported && !errors.isEmpty() ? ClipStatus.UNSUPPORTED : ClipStatus.ERROR;
        }
        return errors.isEmpty() ? ClipStatus.OK : ClipStatus.PARTIAL;
    }

    private static void sequenceFields(Clip clip, ClipMetadata md, ClipMetadata last, Long lastGoodFrame) {
        md.set(FRAME_COUNT, (long) clip.files().size());
        md.set(FIRST_FRAME, clip.firstFrame());
        md.set(LAST_FRAME, clip.lastFrame());
        md.set(MISSING_FRAMES, List.copyOf(clip.missingFrames()));
        String startTc = md.string(START_TIMECODE);
        Double rate = md.number(TIMECODE_RATE);
        if (startTc == null || rate == null) {
            return;
        }
        long span = clip.lastFrame() - clip.firstFrame();
        String lastTc = last == null ? null : last.string(START_TIMECODE);
        String endTc;
        if (lastTc != null && clip.lastFrame().equals(lastGoodFrame)) {
            endTc = lastTc; // the last frame's own timecode: right even across a timecode break
        } else {
            Timecode start = Timecode.parse(startTc, rate.intValue());
            endTc = Timecode.fromFrames(start.toFrames() + span, rate.intValue(), start.dropFrame()).toString();
        }
        md.set(END_TIMECODE, endTc);
    }

    /** Fields that follow from others: duration, end timecode of movies, shutter angle, the ACES input transform. */
    static void derive(ClipMetadata md) {
        if (!md.has(ClipField.ACES_INPUT_TRANSFORM)) {
            md.set(ClipField.ACES_INPUT_TRANSFORM, io.rushes.engine.color.InputTransforms.id(md)); // what render will choose
        }
        Double fps = md.number(PROJECT_FPS);
        Object frames = md.get(FRAME_COUNT);
        if (!md.has(DURATION) && fps != null && fps > 0 && frames instanceof Long n) {
            md.set(DURATION, n / fps);
        }
        if (!md.has(FRAME_COUNT) && fps != null && md.number(DURATION) != null) {
            md.set(FRAME_COUNT, Math.round(md.number(DURATION) * fps));
        }
        Double exposure = md.number(EXPOSURE_TIME);
        Double sensorFps = md.number(SENSOR_FPS) != null ? md.number(SENSOR_FPS) : fps;
        if (!md.has(SHUTTER_ANGLE) && exposure != null && sensorFps != null && md.has(ClipField.START_TIMECODE)) {
            double angle = 360.0 * exposure * sensorFps;
            if (angle > 0 && angle <= 360.0001) {
                md.set(SHUTTER_ANGLE, Math.round(angle * 100) / 100.0);
            }
        }
        if (!md.has(END_TIMECODE) && md.has(START_TIMECODE) && md.number(TIMECODE_RATE) != null && md.get(FRAME_COUNT) instanceof Long n && n > 0) {
            Timecode start = Timecode.parse(md.string(START_TIMECODE), md.number(TIMECODE_RATE).intValue());
            md.set(END_TIMECODE, start.plusFrames(n - 1).toString());
        }
    }
}
