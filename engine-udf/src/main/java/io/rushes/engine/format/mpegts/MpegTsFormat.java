package io.rushes.engine.format.mpegts;

import static io.rushes.engine.metadata.ClipField.*;

import io.rushes.engine.format.CameraFormat;
import io.rushes.engine.format.Probe;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.ByteSource;
import io.rushes.engine.metadata.ClipMetadata;
import io.rushes.engine.metadata.DateTimes;
import io.rushes.engine.metadata.SmpteTimecodeBytes;
import io.rushes.engine.metadata.Timecode;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/** MPEG transport streams: AVCHD camcorder clips (.mts/.m2ts) and broadcast .ts recordings. */
public final class MpegTsFormat implements CameraFormat {
    /** MDPM camera maker codes (as AVCHD camcorders write them, per ExifTool's H264 module). */
    private static final Map<Integer, String> MAKERS = Map.of(0x0103, "Panasonic", 0x0108, "Sony", 0x1011, "Canon", 0x1104, "JVC");
    private static final Map<Integer, String> STREAM_TYPES = Map.of(0x01, "MPEG-1 video", 0x02, "MPEG-2 video", 0x1b, "H.264/AVC",
            0x24, "H.265/HEVC", 0x20, "H.264/MVC", 0x81, "AC-3", 0x80, "LPCM", 0x0f, "AAC", 0x03, "MPEG-1 audio", 0x04, "MPEG-2 audio");

    @Override
    public String id() {
        return "mpegts";
    }

    @Override
    public String description() {
        return "an MPEG-TS/AVCHD stream";
    }

    @Override
    public boolean sniff(Probe probe) {
        return MpegTsHeader.packetSize(probe.head()) > 0;
    }

    @Override
    public ClipMetadata read(ByteSource source) {
        return map(MpegTsHeader.read(BinaryReader.open(source)));
    }

    static ClipMetadata map(MpegTsHeader h) {
        ClipMetadata md = new ClipMetadata();
        md.raw("M2TS:PacketSize", h.packetSize);
        int audio = 0;
        for (MpegTsHeader.Stream s : h.streams) {
            String name = STREAM_TYPES.getOrDefault(s.type(), String.format(Locale.ROOT, "type 0x%02x", s.type()));
            md.raw("M2TS:Stream" + s.pid(), name);
            if (!MpegTsHeader.isVideo(s.type()) && STREAM_TYPES.containsKey(s.type())) {
                audio++;
            }
        }
        md.raw("M2TS:AudioStreams", audio);
        md.set(CODEC, STREAM_TYPES.get(h.videoType));
        double span = h.pcrSpan();
        if (span > 0) {
            md.set(DURATION, span);
        }
        if (h.videoType == 0x1b || h.videoType == 0x20) {
            avc(AvcStream.parse(h.video), md);
        }
        return md;
    }

    private static void avc(AvcStream avc, ClipMetadata md) {
        if (avc.width > 0 && avc.height > 0) {
            md.set(WIDTH, avc.width);
            md.set(HEIGHT, avc.height);
            md.set(BIT_DEPTH, avc.bitDepth);
            // frame_mbs_only_flag 0 allows field pictures: interlaced, the field order is in each picture's timing SEI
            md.set(SCAN_TYPE, avc.frameMbsOnly == 1 ? "progressive" : avc.frameMbsOnly == 0 ? "interlaced" : null);
        }
        if (avc.frameRate > 0 && avc.frameRate < 1000) {
            md.set(PROJECT_FPS, avc.frameRate);
        }
        Map<Integer, byte[]> m = avc.mdpm;
        for (Map.Entry<Integer, byte[]> e : m.entrySet()) {
            md.raw(String.format(Locale.ROOT, "H264:MDPM-0x%02x", e.getKey()), HexFormat.of().formatHex(e.getValue()));
        }
        byte[] make = m.get(0xe0);
        if (make != null) {
            int code = ((make[0] & 0xFF) << 8) | (make[1] & 0xFF);
            md.raw("H264:MakeCode", code);
            md.set(CAMERA_MAKE, MAKERS.get(code));
        }
        if ("Sony".equals(md.string(CAMERA_MAKE)) && m.get(0xe4) != null) {
            md.set(CAMERA_MODEL, AvcStream.ascii(m.get(0xe4), m.get(0xe5), m.get(0xe6)));
        }
        byte[] shutter = m.get(0x7f);
        if (shutter != null) {
            int v = (((shutter[3] & 0xFF) << 8) | (shutter[2] & 0xFF)) & 0x7fff; // little-endian, second word
            if (v != 0x7fff && v > 0) {
                md.set(EXPOSURE_TIME, v / 28125.0);
            }
        }
        md.set(F_NUMBER, fNumber(m.get(0xa1), m.get(0x70)));
        byte[] d1 = m.get(0x18);
        byte[] d2 = m.get(0x19);
        if (d1 != null && d2 != null) {
            DateTimes.record(md, dateTime(d1, d2));
        }
        byte[] tc = m.get(0x13);
        if (tc != null && md.has(PROJECT_FPS)) {
            // the DV pack time code: frames, seconds, minutes, hours as BCD, drop-frame in bit 6 of the frames
            Timecode t = SmpteTimecodeBytes.decode(tc, 0, Timecode.countingRate(md.number(PROJECT_FPS)));
            if (t != null) {
                md.set(START_TIMECODE, t.toString());
                md.set(TIMECODE_RATE, (double) t.rate());
                md.set(DROP_FRAME, t.dropFrame());
            } else {
                md.raw("H264:TimeCodeUnparsed", SmpteTimecodeBytes.digits(tc, 0));
            }
        }
    }

    /**
     * The f-number: MDPM 0xa1 (a 16-bit numerator and denominator, as EXIF-style camcorders write it), else the
     * aperture setting in the first byte of the consumer camera pack 0x70 (2^(n/8), n its low six bits; 0xff
     * auto and 0xfe closed are no f-number), rounded to the tenth an f-number is marked in.
     */
    static Double fNumber(byte[] rational, byte[] camera) {
        if (rational != null) {
            int num = ((rational[0] & 0xFF) << 8) | (rational[1] & 0xFF);
            int den = ((rational[2] & 0xFF) << 8) | (rational[3] & 0xFF);
            if (num > 0 && den > 0) {
                return (double) num / den;
            }
        }
        if (camera != null) {
            int setting = camera[0] & 0xFF;
            if (setting != 0xff && setting != 0xfe) {
                return Math.round(10 * Math.pow(2, (setting & 0x3f) / 8.0)) / 10.0;
            }
        }
        return null;
    }

    /** MDPM 0x18/0x19: time zone byte, then BCD year (2 bytes), month, day, hour, minute, second. */
    static String dateTime(byte[] a, byte[] b) {
        int tz = a[0] & 0xFF;
        String local = String.format(Locale.ROOT, "%02x%02x:%02x:%02x %02x:%02x:%02x", a[1], a[2], a[3], b[0], b[1], b[2], b[3]);
        String iso = DateTimes.iso(local);
        if (iso == null || (tz & 0x80) != 0) {
            return iso;
        }
        int hours = (tz >> 1) & 0x0f;
        String offset = ((tz & 0x20) != 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d:%s", hours, (tz & 1) != 0 ? "30" : "00");
        return DateTimes.withOffset(iso, offset);
    }
}
