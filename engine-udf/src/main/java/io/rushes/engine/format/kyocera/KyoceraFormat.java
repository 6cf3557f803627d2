package io.rushes.engine.format.kyocera;

import static io.rushes.engine.metadata.ClipField.*;

import io.rushes.engine.format.CameraFormat;
import io.rushes.engine.format.Probe;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.ByteSource;
import io.rushes.engine.metadata.ClipMetadata;
import io.rushes.engine.metadata.DateTimes;

/** Kyocera / Contax N Digital raws. */
public final class KyoceraFormat implements CameraFormat {
    /** ISO codes 7–19 step in thirds of a stop from ISO 25. */
    private static final int[] ISO_BY_CODE = {25, 32, 40, 50, 64, 80, 100, 125, 160, 200, 250, 320, 400};

    @Override
    public String id() {
        return "kyocera";
    }

    @Override
    public String decodedBy() {
        return "Rushes inspects this raw format but does not decode it: convert it to DNG (Adobe DNG Converter) and render the DNG";
    }

    @Override
    public String description() {
        return "a Kyocera/Contax raw";
    }

    @Override
    public boolean sniff(Probe probe) {
        return probe.startsWith(KyoceraHeader.MAKE_AT, "ARECOYK"); // "KYOCERA", stored reversed
    }

    @Override
    public ClipMetadata read(ByteSource source) {
        KyoceraHeader h = KyoceraHeader.read(BinaryReader.open(source));
        ClipMetadata md = new ClipMetadata();
        md.set(CAMERA_MAKE, h.make());
        md.set(CAMERA_MODEL, h.model());
        md.set(FIRMWARE, h.firmware());
        md.set(LENS_MODEL, h.lens());
        DateTimes.record(md, DateTimes.iso(h.dateTime()));
        md.raw("Kyocera:ISOCode", h.isoCode());
        if (h.isoCode() >= 7 && h.isoCode() < 7 + ISO_BY_CODE.length) {
            md.set(ISO, ISO_BY_CODE[(int) h.isoCode() - 7]);
        }
        if (h.exposureCode() > 0 && h.exposureCode() < 512) {
            md.set(EXPOSURE_TIME, Math.pow(2, h.exposureCode() / 8.0) / 16000);
        }
        if (h.apertureCode() > 0 && h.apertureCode() < 512) {
            md.set(F_NUMBER, Math.pow(2, h.apertureCode() / 16.0));
        }
        if (h.focalLength() > 0 && h.focalLength() < 10_000) {
            md.set(FOCAL_LENGTH, (double) h.focalLength());
        }
        return md;
    }
}
