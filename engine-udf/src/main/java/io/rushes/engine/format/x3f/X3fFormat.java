package io.rushes.engine.format.x3f;

import static io.rushes.engine.metadata.ClipField.*;

import io.rushes.engine.format.CameraFormat;
import io.rushes.engine.format.Probe;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.ByteSource;
import io.rushes.engine.metadata.ClipMetadata;
import io.rushes.engine.metadata.DateTimes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Sigma X3F (Foveon) stills raws. */
public final class X3fFormat implements CameraFormat {
    @Override
    public String id() {
        return "x3f";
    }

    @Override
    public String decodedBy() {
        return "Rushes inspects this raw format but does not decode it: convert it to DNG (Adobe DNG Converter) and render the DNG";
    }

    @Override
    public String description() {
        return "a Sigma X3F raw";
    }

    @Override
    public boolean sniff(Probe probe) {
        return probe.startsWith(0, "FOVb");
    }

    @Override
    public ClipMetadata read(ByteSource source) {
        X3fHeader h = X3fHeader.read(BinaryReader.open(source));
        Map<String, String> p = h.properties();
        ClipMetadata md = new ClipMetadata();
        md.set(CAMERA_MAKE, p.get("CAMMANUF"));
        md.set(CAMERA_MODEL, p.get("CAMMODEL"));
        md.set(CAMERA_SERIAL, p.get("CAMSERIAL"));
        md.set(FIRMWARE, p.get("FIRMVERS"));
        md.set(ISO, number(p.get("ISO")) == null ? null : (int) Math.round(number(p.get("ISO"))));
        // SHUTTER is the exposure in seconds; EXPTIME is the sensor integration time in microseconds.
        md.set(EXPOSURE_TIME, positive(number(p.get("SHUTTER"))));
        md.set(F_NUMBER, positive(number(p.get("APERTURE"))));
        md.set(FOCAL_LENGTH, positive(number(p.get("FLENGTH"))));
        Double time = number(p.get("TIME"));
        if (time != null && time > 0 && time < 1e10) {
            // Seconds since 1970 on the camera's clock, which keeps local time: no UTC can be derived.
            DateTimes.record(md, DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                    Instant.ofEpochSecond(time.longValue()).atOffset(ZoneOffset.UTC).toLocalDateTime()));
        }
        if (h.columns() > 0 && h.rows() > 0 && h.columns() < 1 << 16 && h.rows() < 1 << 16) {
            md.set(WIDTH, (int) h.columns());
            md.set(HEIGHT, (int) h.rows());
        }
        md.set(CFA_PATTERN, "Foveon (three layers)");
        md.raw("X3F:Version", h.majorVersion() + "." + h.minorVersion());
        md.raw("X3F:Rotation", h.rotation());
        p.forEach((k, v) -> md.raw("X3F:" + k, v));
        return md;
    }

    private static Double number(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double positive(Double d) {
        return d == null || d <= 0 ? null : d;
    }
}
