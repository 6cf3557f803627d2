package io.rushes.engine.format.dpx;

import static io.rushes.engine.metadata.ClipField.*;

import io.rushes.engine.format.CameraFormat;
import io.rushes.engine.format.Probe;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.ByteSource;
import io.rushes.engine.metadata.ClipMetadata;
import io.rushes.engine.metadata.DateTimes;
import io.rushes.engine.metadata.SmpteTimecodeBytes;
import io.rushes.engine.metadata.Timecode;

/** DPX frames: film scans (the input device is the scanner) and VFX/DI deliverables. */
public final class DpxFormat implements CameraFormat {
    /** Timecode counting rate when a frame carries a timecode but no frame rate. */
    static final int ASSUMED_TIMECODE_RATE = 24;
    /** Transfer characteristic and colorimetric codes of SMPTE ST 268 (table 5A/5B). */
    private static final String[] CHARACTERISTICS = {"user-defined", "printing density", "linear", "logarithmic", "unspecified video",
            "SMPTE 274M", "BT.709", "BT.601 625", "BT.601 525", "NTSC composite", "PAL composite", "Z linear", "Z homogeneous", "ADX",
            "BT.2020 NCL", "BT.2020 CL", "IEC 61966-2-4", "BT.2100 PQ NCL", "BT.2100 HLG NCL"};

    @Override
    public String id() {
        return "dpx";
    }

    @Override
    public String description() {
        return "a DPX image";
    }

    @Override
    public boolean sniff(Probe probe) {
        return probe.startsWith(0, "SDPX") || probe.startsWith(0, "XPDS");
    }

    @Override
    public ClipMetadata read(ByteSource source) {
        DpxHeader h = DpxHeader.read(BinaryReader.open(source));
        ClipMetadata md = new ClipMetadata();
        if (h.width() > 0 && h.height() > 0 && h.width() < 1 << 20 && h.height() < 1 << 20) {
            md.set(WIDTH, (int) h.width());
            md.set(HEIGHT, (int) h.height());
        }
        if (h.bitDepth() > 0 && h.bitDepth() <= 64) {
            md.set(BIT_DEPTH, h.bitDepth());
        }
        md.set(CODEC, "DPX " + h.version());
        md.set(TRANSFER, name(h.transfer()));
        md.set(COLOUR_PRIMARIES, name(h.colorimetric()));
        md.set(CAMERA_MODEL, h.inputDevice());
        md.set(CAMERA_SERIAL, h.inputSerial());
        DateTimes.record(md, DateTimes.iso(created(h.created())));
        Float fps = h.filmFrameRate() != null ? h.filmFrameRate() : h.tvFrameRate();
        if (fps != null && fps < 1000) {
            md.set(PROJECT_FPS, (double) fps);
        }
        if (h.shutterAngle() != null && h.shutterAngle() <= 360) {
            md.set(SHUTTER_ANGLE, (double) h.shutterAngle());
        }
        if (h.aspectH() != null && h.aspectV() != null && h.aspectH() > 0 && h.aspectV() > 0 && !h.aspectH().equals(h.aspectV())) {
            md.set(ANAMORPHIC_SQUEEZE, (double) h.aspectH() / h.aspectV());
        }
        if (h.timecode() != null) {
            long t = h.timecode();
            int rate = fps != null ? Timecode.countingRate(fps) : ASSUMED_TIMECODE_RATE;
            Timecode tc = SmpteTimecodeBytes.decodeWord(t, rate);
            if (tc != null) {
                md.set(START_TIMECODE, tc.toString());
                md.set(TIMECODE_RATE, (double) rate);
                md.set(DROP_FRAME, tc.dropFrame());
                if (fps == null) {
                    md.raw("DPX:TimecodeRateAssumed", rate);
                }
            } else {
                md.raw("DPX:TimeCodeUnparsed", SmpteTimecodeBytes.digitsOfWord(t));
            }
        }
        md.raw("DPX:Version", h.version());
        md.raw("DPX:FileName", h.fileName());
        md.raw("DPX:Creator", h.creator());
        md.raw("DPX:Project", h.project());
        md.raw("DPX:Orientation", h.orientation());
        md.raw("DPX:Descriptor", h.descriptor());
        md.raw("DPX:FrameId", h.frameId());
        md.raw("DPX:Slate", h.slate());
        return md;
    }

    /** ST 268 writes "YYYY:MM:DD:hh:mm:ss" plus an optional zone name; the zone names are ambiguous (PST, IST), so it is left out. */
    static String created(String text) {
        return text != null && text.length() >= 19 && text.charAt(10) == ':' ? text.substring(0, 10) + " " + text.substring(11, 19) : text;
    }

    private static String name(int code) {
        return code >= 0 && code < CHARACTERISTICS.length ? CHARACTERISTICS[code] : "code " + code;
    }
}
