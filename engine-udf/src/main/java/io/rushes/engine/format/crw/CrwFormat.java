package io.rushes.engine.format.crw;

import static io.rushes.engine.metadata.ClipField.*;

import io.rushes.engine.format.CameraFormat;
import io.rushes.engine.format.Probe;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.ByteSource;
import io.rushes.engine.metadata.ClipMetadata;
import io.rushes.engine.metadata.DateTimes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/** Canon CRW (CIFF) stills raws. Tag ids and the Canon EV encoding follow ExifTool's CanonRaw and Canon modules. */
public final class CrwFormat implements CameraFormat {
    static final int MAKE_MODEL = 0x080a;
    static final int SHOT_INFO = 0x102a;
    static final int CAMERA_SETTINGS = 0x102d;
    static final int SERIAL_NUMBER = 0x180b;
    static final int TIME_STAMP = 0x180e;
    static final int IMAGE_INFO = 0x1810;
    /** Stored in its record, so written 0x5029 with the in-record bit (as ExifTool lists it). */
    static final int FOCAL_LENGTH_TAG = 0x1029;
    static final int FIRMWARE_TAG = 0x080b;

    @Override
    public String id() {
        return "crw";
    }

    @Override
    public String decodedBy() {
        return "Rushes inspects this raw format but does not decode it: convert it to DNG (Adobe DNG Converter) and render the DNG";
    }

    @Override
    public String description() {
        return "a Canon CRW raw";
    }

    @Override
    public boolean sniff(Probe probe) {
        return probe.startsWith(6, "HEAPCCDR") && (probe.startsWith(0, "II") || probe.startsWith(0, "MM"));
    }

    @Override
    public ClipMetadata read(ByteSource source) {
        BinaryReader in = BinaryReader.open(source);
        CrwHeader h = CrwHeader.read(in);
        return map(h.values, in.order());
    }

    static ClipMetadata map(Map<Integer, byte[]> v, ByteOrder order) {
        ClipMetadata md = new ClipMetadata();
        byte[] makeModel = v.get(MAKE_MODEL);
        if (makeModel != null) {
            String[] parts = new String(makeModel, StandardCharsets.ISO_8859_1).split("\0");
            md.set(CAMERA_MAKE, parts.length > 0 ? parts[0] : null);
            md.set(CAMERA_MODEL, parts.length > 1 ? parts[1] : null);
        }
        byte[] firmware = v.get(FIRMWARE_TAG);
        if (firmware != null) {
            String text = new String(firmware, StandardCharsets.ISO_8859_1);
            md.set(FIRMWARE, text.indexOf('\0') >= 0 ? text.substring(0, text.indexOf('\0')) : text);
        }
        ByteBuffer serial = buffer(v.get(SERIAL_NUMBER), order, 4);
        if (serial != null && md.string(CAMERA_MODEL) != null && md.string(CAMERA_MODEL).contains("EOS")) {
            // EOS bodies keep the body number here; PowerShots use the tag for something else.
            md.set(CAMERA_SERIAL, Long.toString(serial.getInt(0) & 0xFFFFFFFFL));
        }
        ByteBuffer time = buffer(v.get(TIME_STAMP), order, 4);
        if (time != null) {
            long seconds = time.getInt(0) & 0xFFFFFFFFL;
            if (seconds > 0) {
                // The camera's clock time, counted as seconds since 1970: local time, zone unknown.
                DateTimes.record(md, DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                        Instant.ofEpochSecond(seconds).atOffset(ZoneOffset.UTC).toLocalDateTime()));
            }
        }
        ByteBuffer info = buffer(v.get(IMAGE_INFO), order, 8);
        if (info != null) {
            long w = info.getInt(0) & 0xFFFFFFFFL;
            long ht = info.getInt(4) & 0xFFFFFFFFL;
            if (w > 0 && ht > 0 && w < 1 << 16 && ht < 1 << 16) {
                md.set(WIDTH, (int) w);
                md.set(HEIGHT, (int) ht);
            }
            if (info.capacity() >= 20) {
                md.raw("CanonRaw:ComponentBitDepth", info.getInt(16));
            }
        }
        ByteBuffer settings = buffer(v.get(CAMERA_SETTINGS), order, 2);
        int focalUnits = settings != null && settings.capacity() >= 52 ? settings.getShort(50) : 1;
        ByteBuffer focal = buffer(v.get(FOCAL_LENGTH_TAG), order, 4);
        if (focal != null && focal.getShort(2) > 0) {
            md.set(FOCAL_LENGTH, (focal.getShort(2) & 0xFFFF) / (double) Math.max(1, focalUnits));
        }
        ByteBuffer shot = buffer(v.get(SHOT_INFO), order, 46);
        if (shot != null) {
            int autoIso = shot.getShort(2);
            int baseIso = shot.getShort(4);
            double iso = Math.exp(baseIso / 32.0 * Math.log(2)) * 100 / 32 * Math.exp(autoIso / 32.0 * Math.log(2));
            if (baseIso != 0 && iso > 0 && iso < 1_000_000) {
                md.set(ISO, (int) Math.round(iso));
            }
            int fNumber = shot.getShort(42);
            int exposure = shot.getShort(44);
            if (fNumber != 0) {
                md.set(F_NUMBER, Math.pow(2, canonEv(fNumber) / 2));
            }
            if (exposure != 0) {
                md.set(EXPOSURE_TIME, Math.pow(2, -canonEv(exposure)));
            }
        }
        md.set(CFA_PATTERN, "RGGB");
        for (Map.Entry<Integer, byte[]> e : v.entrySet()) {
            byte[] b = e.getValue();
            md.raw(String.format(Locale.ROOT, "CanonRaw:0x%04x", e.getKey()), b.length > 64 ? "(" + b.length + " bytes)" : HexFormat.of().formatHex(b));
        }
        return md;
    }

    /** Canon's EV encoding: 1/32 steps, with 0x0c and 0x14 standing for one and two thirds. */
    static double canonEv(int value) {
        int sign = value < 0 ? -1 : 1;
        int v = Math.abs(value);
        int fraction = v & 0x1f;
        double frac = fraction == 0x0c ? 32.0 / 3 : fraction == 0x14 ? 64.0 / 3 : fraction;
        return sign * ((v - fraction) + frac) / 32.0;
    }

    private static ByteBuffer buffer(byte[] b, ByteOrder order, int minimum) {
        return b == null || b.length < minimum ? null : ByteBuffer.wrap(b).order(order);
    }
}
