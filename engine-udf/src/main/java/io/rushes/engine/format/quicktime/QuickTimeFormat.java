package io.rushes.engine.format.quicktime;

import static io.rushes.engine.metadata.ClipField.*;

import io.rushes.engine.format.CameraFormat;
import io.rushes.engine.format.Probe;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.ByteSource;
import io.rushes.engine.metadata.ClipField;
import io.rushes.engine.metadata.ClipMetadata;
import io.rushes.engine.metadata.DateTimes;
import io.rushes.engine.metadata.Timecode;
import io.rushes.engine.metadata.XmpTimecode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** QuickTime MOV and ISO MP4 movies (ProRes, H.264/HEVC, uncompressed…), timecode track included. */
public final class QuickTimeFormat implements CameraFormat {
    private static final Set<String> TOP_LEVEL = Set.of("ftyp", "moov", "mdat", "free", "wide", "skip", "pnot", "uuid");

    @Override
    public String id() {
        return "quicktime";
    }

    @Override
    public String description() {
        return "a QuickTime/MP4 movie";
    }

    @Override
    public boolean sniff(Probe probe) {
        if (probe.head().length < 12 || probe.startsWith(8, "crx ")) {
            return false;
        }
        String type = new String(probe.head(), 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        return TOP_LEVEL.contains(type) && probe.u32be(0) >= 8;
    }

    @Override
    public ClipMetadata read(ByteSource source) {
        QuickTimeHeader h = QuickTimeHeader.read(BinaryReader.open(source));
        ClipMetadata md = map(h);
        h.problems.forEach(md::problem);
        return md;
    }

    /** The prefix of the metadata keys an ALEXA writes into its ProRes movies (moov/meta, 'mdta'). */
    static final String ARRI_KEYS = "com.arri.camera.";

    /**
     * An ALEXA's ProRes metadata: its gamma ("LOG-C" is LogC3 on ARRI Wide Gamut 3, "LOG-C4" LogC4 on AWG4) overrides the
     * colr atom's video tags (the camera writes Rec.709 codes there for log too), with the EI LogC3 depends on.
     */
    private static void arri(Map<String, String> keys, ClipMetadata md) {
        if (keys.keySet().stream().noneMatch(k -> k.startsWith(ARRI_KEYS))) {
            return;
        }
        md.setIfAbsent(CAMERA_MAKE, "ARRI");
        md.setIfAbsent(CAMERA_MODEL, keys.get(ARRI_KEYS + "CameraModel"));
        md.setIfAbsent(CAMERA_SERIAL, keys.get(ARRI_KEYS + "CameraSerialNumber"));
        md.setIfAbsent(LENS_MODEL, keys.get(ARRI_KEYS + "LensType"));
        md.setIfAbsent(REEL, keys.get(ARRI_KEYS + "ReelName"));
        md.setIfAbsent(ClipField.SCENE, keys.get(ARRI_KEYS + "SceneName"));
        md.setIfAbsent(ClipField.TAKE, keys.get(ARRI_KEYS + "TakeName"));
        md.setIfAbsent(ClipField.ISO, integer(keys.get(ARRI_KEYS + "ExposureIndexAsa")));
        md.setIfAbsent(ClipField.WHITE_BALANCE_KELVIN, integer(keys.get(ARRI_KEYS + "WhiteBalanceKelvin")));
        String gamma = keys.get(ARRI_KEYS + "ColorGammaSxS");
        String normalised = gamma == null ? "" : gamma.toUpperCase(Locale.ROOT).replaceAll("[\\s_-]", "");
        if (normalised.startsWith("LOGC4")) {
            md.set(TRANSFER, "ARRI LogC4");
            md.set(COLOUR_PRIMARIES, "ARRI Wide Gamut 4");
        } else if (normalised.startsWith("LOGC")) {
            md.set(TRANSFER, "ARRI LogC3");
            md.set(COLOUR_PRIMARIES, "ARRI Wide Gamut 3");
        }
    }

    /** A whole number written as text (an EI of "800"), or null when it is not one. */
    private static Integer integer(String text) {
        if (text == null || !text.strip().matches("[0-9]{1,6}")) {
            return null;
        }
        return Integer.parseInt(text.strip());
    }

    public static ClipMetadata map(QuickTimeHeader h) {
        ClipMetadata md = new ClipMetadata();
        QuickTimeHeader.Track video = h.firstTrack("vide");
        QuickTimeHeader.Track sound = h.firstTrack("soun");
        QuickTimeHeader.Track tmcd = h.firstTrack("tmcd");
        Map<String, String> keys = h.metadataKeys;
        md.set(CAMERA_MAKE, first(keys.get("com.apple.quicktime.make"), h.userData.get("\u00a9mak")));
        md.set(CAMERA_MODEL, first(keys.get("com.apple.quicktime.model"), h.userData.get("\u00a9mod")));
        md.set(FIRMWARE, first(keys.get("com.apple.quicktime.software"), h.userData.get("\u00a9swr")));
        md.set(CAMERA_LABEL, keys.get("com.apple.quicktime.camera.identifier"));
        md.set(CAMERA_SERIAL, first(keys.get("com.apple.quicktime.camera.serial"), keys.get("com.apple.proapps.serialno")));
        md.set(LENS_MODEL, keys.get("com.apple.quicktime.camera.lens_model"));
        if (h.movieTimescale > 0) {
            md.set(DURATION, (double) h.movieDuration / h.movieTimescale);
        }
        String created = keys.get("com.apple.quicktime.creationdate");
        if (created != null) {
            DateTimes.record(md, DateTimes.iso(created));
        } else if (h.creationTime > QuickTimeHeader.EPOCH_1904) {
            String iso = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                    Instant.ofEpochSecond(h.creationTime - QuickTimeHeader.EPOCH_1904).atOffset(ZoneOffset.UTC)) + "Z";
            DateTimes.record(md, iso);
        }
        if (video != null) {
            md.set(WIDTH, video.width > 0 ? video.width : (int) Math.round(video.trackWidth));
            md.set(HEIGHT, video.height > 0 ? video.height : (int) Math.round(video.trackHeight));
            md.set(CODEC, video.codec == null ? null : video.codec.strip());
            md.set(COMPRESSION, video.compressorName);
            if (video.firstSampleDelta > 0 && video.timescale > 0) {
                md.set(PROJECT_FPS, (double) video.timescale / video.firstSampleDelta);
            }
            md.set(FRAME_COUNT, video.sampleCount >= 0 ? video.sampleCount : null);
            md.set(SCAN_TYPE, video.scanType);
            if (video.pixelAspect > 0) {
                md.set(ANAMORPHIC_SQUEEZE, video.pixelAspect);
            }
            if (video.colour != null) {
                md.set(COLOUR_PRIMARIES, CodePoints.primaries(video.colour[0]));
                md.set(TRANSFER, CodePoints.transfer(video.colour[1]));
            }
        }
        if (sound != null && sound.channels > 0) {
            int channels = 0;
            for (QuickTimeHeader.Track t : h.tracks) {
                if ("soun".equals(t.handler)) {
                    channels += t.channels;
                }
            }
            md.set(AUDIO_CHANNELS, channels);
            md.set(AUDIO_SAMPLE_RATE, (int) Math.round(sound.sampleRate));
        }
        if (tmcd != null && tmcd.timecode != null) {
            Timecode tc = tmcd.timecode;
            md.set(START_TIMECODE, tc.toString());
            md.set(TIMECODE_RATE, (double) tc.rate());
            md.set(DROP_FRAME, tc.dropFrame());
            md.set(REEL, tmcd.tcReel);
            md.setIfAbsent(PROJECT_FPS, tmcd.tcFrameDuration > 0 ? (double) tmcd.tcTimescale / tmcd.tcFrameDuration : null);
        }
        Timecode xmpStart = null;
        for (int i = 0; i < h.xmp.size() && xmpStart == null && (tmcd == null || tmcd.timecode == null); i++) {
            xmpStart = XmpTimecode.start(h.xmp.get(i), "the XMP packet");
        }
        if (xmpStart != null) {
            md.set(START_TIMECODE, xmpStart.toString()); // no timecode track: the editing application's XMP says it
            md.set(TIMECODE_RATE, (double) xmpStart.rate());
            md.set(DROP_FRAME, xmpStart.dropFrame());
        }
        md.setIfAbsent(REEL, keys.get("com.apple.quicktime.reel"));
        arri(keys, md);
        if (h.pentaxTags != null) {
            pentax(h.pentaxTags, md);
        }
        md.raw("QuickTime:MajorBrand", h.majorBrand);
        for (Map.Entry<String, String> e : h.userData.entrySet()) {
            md.raw("UserData:" + e.getKey(), e.getValue());
        }
        for (Map.Entry<String, String> e : keys.entrySet()) {
            md.raw("Keys:" + e.getKey(), e.getValue());
        }
        for (int i = 0; i < h.tracks.size(); i++) {
            QuickTimeHeader.Track t = h.tracks.get(i);
            md.raw("Track" + (i + 1) + ":Handler", t.handler);
            md.raw("Track" + (i + 1) + ":Codec", t.codec);
            md.raw("Track" + (i + 1) + ":Timescale", t.timescale);
            md.raw("Track" + (i + 1) + ":Duration", t.duration);
            md.raw("Track" + (i + 1) + ":Samples", t.sampleCount);
        }
        for (int i = 0; i < h.xmp.size(); i++) {
            md.raw(i == 0 ? "XMP" : "XMP" + (i + 1), XmpTimecode.text(h.xmp.get(i)));
        }
        return md;
    }

    /** Pentax still cameras' movie 'TAGS' atom: fixed little-endian layout (make, exposure, aperture, focal, ISO). */
    static void pentax(byte[] b, ClipMetadata md) {
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        md.setIfAbsent(CAMERA_MAKE, new String(b, 0, 24, java.nio.charset.StandardCharsets.ISO_8859_1).replace("\0", "").strip());
        long exposure = le.getInt(0x26) & 0xFFFFFFFFL;
        if (exposure > 0) {
            md.setIfAbsent(EXPOSURE_TIME, 10.0 / exposure);
        }
        md.setIfAbsent(F_NUMBER, ratio(le, 0x2a));
        md.setIfAbsent(FOCAL_LENGTH, ratio(le, 0x48));
        int iso = le.getShort(0xaf) & 0xFFFF;
        if (iso > 0) {
            md.setIfAbsent(ISO, iso);
        }
    }

    private static Double ratio(ByteBuffer b, int at) {
        long num = b.getInt(at) & 0xFFFFFFFFL;
        long den = b.getInt(at + 4) & 0xFFFFFFFFL;
        return den == 0 || num == 0 ? null : (double) num / den;
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
