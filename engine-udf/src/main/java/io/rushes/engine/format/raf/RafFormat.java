package io.rushes.engine.format.raf;

import static io.rushes.engine.metadata.ClipField.*;

import io.rushes.engine.format.CameraFormat;
import io.rushes.engine.format.Probe;
import io.rushes.engine.format.stillraw.StillRawFormat;
import io.rushes.engine.format.tiff.ExifMapper;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.ByteSource;
import io.rushes.engine.metadata.ClipMetadata;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/** Fujifilm RAF stills raws (X-Trans and Bayer; the GFX and X-H2S video bodies' stills). */
public final class RafFormat implements CameraFormat {
    static final int RAW_IMAGE_FULL_SIZE = 0x100;
    static final int RAW_IMAGE_CROP_TOP_LEFT = 0x110;
    static final int RAW_IMAGE_CROPPED_SIZE = 0x111;
    static final int RAW_IMAGE_SIZE = 0x121;

    @Override
    public String id() {
        return "raf";
    }

    @Override
    public String decodedBy() {
        return "Rushes inspects this raw format but does not decode it: convert it to DNG (Adobe DNG Converter) and render the DNG";
    }

    @Override
    public String description() {
        return "a Fujifilm RAF raw";
    }

    @Override
    public boolean sniff(Probe probe) {
        return probe.startsWith(0, RafHeader.MAGIC);
    }

    @Override
    public ClipMetadata read(ByteSource source) {
        RafHeader h = RafHeader.read(BinaryReader.open(source));
        ClipMetadata md = new ClipMetadata();
        if (h.exif() != null) {
            ExifMapper.map(h.exif(), md);
        }
        md.setIfAbsent(CAMERA_MAKE, "FUJIFILM");
        md.setIfAbsent(CAMERA_MODEL, h.cameraName());
        md.raw("RAF:Version", h.version());
        // Height then width, as Fujifilm stores them; the cropped size is the recorded image.
        int[] cropped = heightWidth(h.directory().get(RAW_IMAGE_CROPPED_SIZE));
        int[] full = heightWidth(h.directory().get(RAW_IMAGE_SIZE));
        int[] size = cropped != null ? cropped : full;
        if (size != null) {
            md.set(WIDTH, size[1]);
            md.set(HEIGHT, size[0]);
        }
        for (Map.Entry<Integer, byte[]> e : h.directory().entrySet()) {
            md.raw(String.format(Locale.ROOT, "RAF:0x%04x", e.getKey()), HexFormat.of().formatHex(e.getValue()));
        }
        StillRawFormat.makerNotes(source, md);
        return md;
    }

    private static int[] heightWidth(byte[] b) {
        if (b == null || b.length < 4) {
            return null;
        }
        int height = ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
        int width = ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
        return height > 0 && width > 0 ? new int[] {height, width} : null;
    }
}
