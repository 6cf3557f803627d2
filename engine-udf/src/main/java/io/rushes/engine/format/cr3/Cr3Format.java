package io.rushes.engine.format.cr3;

import static io.rushes.engine.metadata.ClipField.*;

import io.rushes.engine.format.CameraFormat;
import io.rushes.engine.format.Probe;
import io.rushes.engine.format.quicktime.QuickTimeFormat;
import io.rushes.engine.format.tiff.ExifMapper;
import io.rushes.engine.format.tiff.TiffStructure;
import io.rushes.engine.format.tiff.TiffTags;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.ByteSource;
import io.rushes.engine.metadata.ClipMetadata;
import java.util.Map;

/**
 * Canon CR3 stills and CRM movies. The container's timing comes from the QuickTime reader; camera fields
 * from the embedded EXIF blocks, which outrank the container's.
 */
public final class Cr3Format implements CameraFormat {
    @Override
    public String id() {
        return "cr3";
    }

    @Override
    public String decodedBy() {
        return "a CR3 still converts to DNG (Adobe DNG Converter); a CRM movie (Cinema RAW Light) can only be decoded with Canon's "
                + "Cinema RAW Development SDK: add a FrameDecoder plug-in built on it to the class path (docs/decoder-plugins.md)";
    }

    @Override
    public String description() {
        return "a Canon CR3/CRM raw";
    }

    @Override
    public int priority() {
        return 5; // before the generic QuickTime reader
    }

    @Override
    public boolean sniff(Probe probe) {
        return probe.startsWith(4, "ftyp") && probe.startsWith(8, "crx ");
    }

    @Override
    public ClipMetadata read(ByteSource source) {
        Cr3Header h = Cr3Header.read(BinaryReader.open(source));
        ClipMetadata md = new ClipMetadata();
        for (Map.Entry<String, TiffStructure> e : h.exif().entrySet()) {
            ExifMapper.map(e.getValue(), md, e.getKey());
        }
        TiffStructure ifd0 = h.exif().get("CMT1");
        if (ifd0 != null) {
            Double w = ifd0.number(TiffTags.IMAGE_WIDTH);
            Double hh = ifd0.number(TiffTags.IMAGE_LENGTH);
            if (w != null && hh != null && w > 0 && hh > 0) {
                md.set(WIDTH, w.intValue());
                md.set(HEIGHT, hh.intValue());
            }
        }
        TiffStructure makerNotes = h.exif().get("CMT3"); // Canon's maker-note directory as a TIFF of its own
        if (makerNotes != null && ExifMapper.canonInternalSerialIsText(md.string(CAMERA_MODEL))) {
            md.set(CAMERA_INTERNAL_SERIAL, ExifMapper.serialText(makerNotes.ifd0().bytes(ExifMapper.CANON_INTERNAL_SERIAL)));
        }
        md.set(COMPRESSION, "Canon CRX");
        md.fillFrom(QuickTimeFormat.map(h.movie()));
        return md;
    }
}
