package io.rushes.example.plate;

import io.rushes.engine.format.CameraFormat;
import io.rushes.engine.format.Probe;
import io.rushes.engine.io.ByteSource;
import io.rushes.engine.metadata.ClipField;
import io.rushes.engine.metadata.ClipMetadata;

/**
 * The header of a "test plate" ({@link TestPlates}): a format no camera writes, standing in for one only a vendor's
 * SDK reads. A plug-in brings its CameraFormat when the engine does not know the format; for a format it does know
 * (R3D, BRAW), a FrameDecoder alone is enough.
 */
public final class TestPlateFormat implements CameraFormat {
    @Override
    public String id() {
        return "rushes-test-plate";
    }

    @Override
    public String description() {
        return "a Rushes test plate";
    }

    @Override
    public boolean sniff(Probe probe) {
        return probe.startsWith(0, TestPlates.MAGIC);
    }

    @Override
    public ClipMetadata read(ByteSource source) {
        TestPlates.Header h = TestPlates.header(source);
        ClipMetadata md = new ClipMetadata();
        md.set(ClipField.FORMAT, id());
        md.set(ClipField.WIDTH, h.width());
        md.set(ClipField.HEIGHT, h.height());
        md.set(ClipField.COLOUR_PRIMARIES, "ACES AP1");
        md.set(ClipField.TRANSFER, "linear");
        return md;
    }
}
