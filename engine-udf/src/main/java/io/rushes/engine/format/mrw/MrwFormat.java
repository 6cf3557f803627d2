package io.rushes.engine.format.mrw;

import static io.rushes.engine.metadata.ClipField.*;

import io.rushes.engine.format.CameraFormat;
import io.rushes.engine.format.Probe;
import io.rushes.engine.format.tiff.ExifMapper;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.ByteSource;
import io.rushes.engine.metadata.ClipMetadata;

/** Minolta / Konica Minolta MRW stills raws. */
public final class MrwFormat implements CameraFormat {
    @Override
    public String id() {
        return "mrw";
    }

    @Override
    public String decodedBy() {
        return "Rushes inspects this raw format but does not decode it: convert it to DNG (Adobe DNG Converter) and render the DNG";
    }

    @Override
    public String description() {
        return "a Minolta MRW raw";
    }

    @Override
    public boolean sniff(Probe probe) {
        return probe.startsWith(0, "\0MRM");
    }

    @Override
    public ClipMetadata read(ByteSource source) {
        MrwHeader h = MrwHeader.read(BinaryReader.open(source));
        ClipMetadata md = new ClipMetadata();
        if (h.exif() != null) {
            ExifMapper.map(h.exif(), md);
        }
        if (h.imageWidth() > 0 && h.imageHeight() > 0) {
            md.set(WIDTH, h.imageWidth());
            md.set(HEIGHT, h.imageHeight());
        }
        if (h.bitDepth() > 0) {
            md.set(BIT_DEPTH, h.bitDepth());
        }
        md.raw("MRW:SensorWidth", h.sensorWidth());
        md.raw("MRW:SensorHeight", h.sensorHeight());
        md.set(CFA_PATTERN, "RGGB");
        return md;
    }
}
