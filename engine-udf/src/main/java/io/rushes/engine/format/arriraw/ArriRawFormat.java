package io.rushes.engine.format.arriraw;

import static io.rushes.engine.metadata.ClipField.*;

import io.rushes.engine.error.Errors;
import io.rushes.engine.format.CameraFormat;
import io.rushes.engine.format.Probe;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.ByteSource;
import io.rushes.engine.metadata.ClipMetadata;

/** ARRIRAW frame sequences (.ari) from ALEXA cameras. */
public final class ArriRawFormat implements CameraFormat {
    private static final long MAX_DIMENSION = 1 << 15;

    @Override
    public String id() {
        return "arriraw";
    }

    @Override
    public String description() {
        return "an ARRIRAW frame";
    }

    @Override
    public boolean sniff(Probe probe) {
        return probe.startsWith(0, "ARRI");
    }

    @Override
    public ClipMetadata read(ByteSource source) {
        ArriRawHeader h = ArriRawHeader.read(BinaryReader.open(source));
        if (h.width() <= 0 || h.height() <= 0 || h.width() > MAX_DIMENSION || h.height() > MAX_DIMENSION) {
            throw Errors.corrupt(source.name(), 20, "image size " + h.width() + "x" + h.height() + " is not a camera's");
        }
        ClipMetadata md = new ClipMetadata();
        md.set(CAMERA_MAKE, "ARRI");
        md.set(CAMERA_MODEL, h.model());
        md.set(FIRMWARE, h.software());
        md.set(WIDTH, (int) h.width());
        md.set(HEIGHT, (int) h.height());
        md.set(BIT_DEPTH, 12);
        md.set(CODEC, "ARRIRAW");
        md.set(COMPRESSION, "uncompressed (12-bit packed)");
        md.set(CFA_PATTERN, h.cfaName());
        md.raw("ARRIRAW:PublicHeaderOnly", "lens, exposure and timecode fields are not publicly documented");
        return md;
    }
}
