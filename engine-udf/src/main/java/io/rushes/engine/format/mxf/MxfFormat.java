package io.rushes.engine.format.mxf;

import static io.rushes.engine.metadata.ClipField.*;

import io.rushes.engine.format.CameraFormat;
import io.rushes.engine.format.Probe;
import io.rushes.engine.format.mxf.MxfHeader.LocalSet;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.ByteSource;
import io.rushes.engine.metadata.ClipMetadata;
import io.rushes.engine.metadata.DateTimes;
import io.rushes.engine.metadata.Timecode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * MXF (SMPTE ST 377-1) camera and mastering files: OP1a/OP-Atom from ARRI, Sony, Canon, Avid, bmx, FFmpeg.
 * The clip's timing comes from the material package (what a player shows); the picture and sound
 * descriptors give the image size, bit depth, coding and audio layout.
 */
public final class MxfFormat implements CameraFormat {
    static final int PREFACE = 0x012f;
    static final int IDENTIFICATION = 0x0130;
    static final int MATERIAL_PACKAGE = 0x0136;
    static final int SOURCE_PACKAGE = 0x0137;
    static final int TIMECODE_COMPONENT = 0x0114;
    /** Picture descriptor FrameLayout values (SMPTE ST 377-1). */
    static final int FULL_FRAME = 0, SEPARATE_FIELDS = 1, SINGLE_FIELD = 2, MIXED_FIELDS = 3, SEGMENTED_FRAME = 4;

    /** Data definitions (SMPTE RP 224), by bytes 8–12 of the UL. */
    private static final String PICTURE = "0103020201";
    private static final String SOUND = "0103020202";

    /** Picture essence coding labels by the bytes after the registry prefix, most specific first. */
    private static final Map<String, String> CODINGS = Map.ofEntries(
            Map.entry("04010202010201", "MPEG-2 422P@ML (D10/IMX)"),
            Map.entry("04010202010", "MPEG-2"),
            Map.entry("04010202013", "H.264/AVC"),
            Map.entry("040102020301", "JPEG 2000"),
            Map.entry("040102020302", "VC-3 (DNxHD/DNxHR)"),
            Map.entry("040102020306", "Apple ProRes"),
            Map.entry("040102020371", "VC-3 (DNxHD)"),
            Map.entry("0401020201", "Uncompressed"),
            Map.entry("0d0e0101020202", "ARRIRAW"));

    @Override
    public String id() {
        return "mxf";
    }

    @Override
    public String description() {
        return "an MXF file";
    }

    @Override
    public boolean sniff(Probe probe) {
        byte[] head = probe.head();
        int limit = Math.min(head.length - 16, MxfHeader.MAX_RUN_IN);
        for (int at = 0; at <= limit; at++) {
            if (probe.startsWith(at, MxfHeader.PARTITION_PREFIX) && probe.u8(at + 13) == 0x02) {
                return true;
            }
        }
        return false;
    }

    @Override
    public ClipMetadata read(ByteSource source) {
        MxfHeader h = MxfHeader.read(BinaryReader.open(source));
        ClipMetadata md = map(h);
        h.problems.forEach(md::problem);
        return md;
    }

    static ClipMetadata map(MxfHeader h) {
        ClipMetadata md = new ClipMetadata();
        md.raw("MXF:Version", h.majorVersion + "." + h.minorVersion);
        md.raw("MXF:OperationalPattern", h.operationalPattern);
        md.raw("MXF:HeaderComplete", h.complete);
        md.raw("MXF:HeaderFromFooter", h.fromFooter);
        identification(h, md);
        LocalSet material = first(h.ofType(MATERIAL_PACKAGE));
        List<LocalSet> sources = h.ofType(SOURCE_PACKAGE);
        if (material != null) {
            md.raw("MXF:MaterialPackageName", utf16(material.item(0x4402)));
            md.raw("MXF:MaterialPackageUMID", hex(material.item(0x4401)));
        }
        DateTimes.record(md, creation(h, material, sources));
        // The file package's timecode is the one the essence was recorded with (the camera's); the
        // material package's (what ffprobe shows) usually equals it and is the fallback.
        for (LocalSet pkg : sources) {
            md.raw("MXF:SourcePackageName", utf16(pkg.item(0x4402)));
            if (!md.has(START_TIMECODE)) {
                timecode(h, pkg, md);
            }
        }
        if (material != null) {
            timing(h, material, md);
        }
        for (LocalSet pkg : sources) {
            if (!md.has(DURATION)) {
                timing(h, pkg, md); // the file package's tracks, when the material package does not know its length
            }
        }
        descriptors(h, md);
        dynamicItems(h, md);
        return md;
    }

    /**
     * When the clip was made: the material package's creation date, else a file package's, else the date the
     * identification set says the file was written (a recorder writes it as it records). Zero dates are none.
     */
    private static String creation(MxfHeader h, LocalSet material, List<LocalSet> sources) {
        List<LocalSet> packages = new ArrayList<>();
        if (material != null) {
            packages.add(material);
        }
        packages.addAll(sources);
        for (LocalSet pkg : packages) {
            String created = timestamp(pkg.item(0x4405));
            if (created != null) {
                return created;
            }
        }
        for (LocalSet id : h.ofType(IDENTIFICATION)) {
            String written = timestamp(id.item(0x3c06));
            if (written != null) {
                return written;
            }
        }
        return null;
    }

    private static void identification(MxfHeader h, ClipMetadata md) {
        for (LocalSet id : h.ofType(IDENTIFICATION)) {
            md.raw("MXF:CompanyName", utf16(id.item(0x3c01)));
            md.raw("MXF:ProductName", utf16(id.item(0x3c02)));
            md.raw("MXF:VersionString", utf16(id.item(0x3c04)));
            md.raw("MXF:ToolkitVersion", version(id.item(0x3c07)));
            md.raw("MXF:Platform", utf16(id.item(0x3c08)));
            md.raw("MXF:ModificationDate", timestamp(id.item(0x3c06)));
        }
    }

    /** Frame rate, duration and frame count from a package's picture track (else its first sound track), where not known yet. */
    private static void timing(MxfHeader h, LocalSet pkg, ClipMetadata md) {
        LocalSet chosen = null;
        for (LocalSet track : tracks(h, pkg)) {
            LocalSet seq = h.byUid(track.item(0x4803));
            String def = seq == null ? null : dataDefinition(seq.item(0x0201));
            if (PICTURE.equals(def)) {
                chosen = track;
                break;
            }
            if (chosen == null && SOUND.equals(def)) {
                chosen = track;
            }
        }
        if (!md.has(START_TIMECODE)) {
            timecode(h, pkg, md);
        }
        if (chosen == null) {
            return;
        }
        double rate = rational(chosen.item(0x4b01));
        LocalSet seq = h.byUid(chosen.item(0x4803));
        long frames = seq == null ? -1 : sequenceDuration(h, seq);
        md.raw("MXF:TrackName", utf16(chosen.item(0x4802)));
        md.raw("MXF:EditRate", rate);
        if (rate > 0 && PICTURE.equals(dataDefinition(seq.item(0x0201)))) {
            md.setIfAbsent(PROJECT_FPS, rate); // the material package's, when it was asked first
        }
        if (frames >= 0 && rate > 0) {
            md.setIfAbsent(DURATION, frames / rate);
            if (PICTURE.equals(dataDefinition(seq.item(0x0201)))) {
                md.setIfAbsent(FRAME_COUNT, frames);
            }
        }
    }

    /** A sequence's duration in edit units; when the sequence omits it (-1 or absent), the sum of its components'. */
    private static long sequenceDuration(MxfHeader h, LocalSet seq) {
        long own = i64(seq.item(0x0202));
        if (own >= 0) {
            return own;
        }
        long sum = 0;
        for (byte[] ref : batch(seq.item(0x1001))) {
            LocalSet c = h.byUid(ref);
            long d = c == null ? -1 : i64(c.item(0x0202));
            if (d < 0) {
                return -1;
            }
            sum += d;
        }
        return seq.item(0x1001) == null ? -1 : sum;
    }

    /** The first timecode component of a package's tracks. */
    private static void timecode(MxfHeader h, LocalSet pkg, ClipMetadata md) {
        for (LocalSet track : tracks(h, pkg)) {
            LocalSet seq = h.byUid(track.item(0x4803));
            if (seq == null) {
                continue;
            }
            List<LocalSet> parts = new ArrayList<>();
            if (seq.type() == TIMECODE_COMPONENT) {
                parts.add(seq);
            }
            for (byte[] ref : batch(seq.item(0x1001))) {
                LocalSet c = h.byUid(ref);
                if (c != null && c.type() == TIMECODE_COMPONENT) {
                    parts.add(c);
                }
            }
            for (LocalSet tc : parts) {
                int base = u16(tc.item(0x1502));
                long start = i64(tc.item(0x1501));
                boolean drop = tc.item(0x1503) != null && tc.item(0x1503).length > 0 && tc.item(0x1503)[0] != 0;
                if (base <= 0 || base > 1000 || start < 0) {
                    continue;
                }
                if (drop && base % 30 != 0) {
                    drop = false; // a drop flag on a non-NTSC base is meaningless; count it non-drop
                }
                Timecode t = Timecode.fromFrames(start, base, drop);
                md.set(START_TIMECODE, t.toString());
                md.set(TIMECODE_RATE, (double) base);
                md.set(DROP_FRAME, drop);
                return;
            }
        }
    }

    private static void descriptors(MxfHeader h, ClipMetadata md) {
        int channels = 0;
        for (LocalSet d : h.sets) {
            if (d.item(0x3203) != null && !md.has(WIDTH)) {
                int layout = d.item(0x320c) == null || d.item(0x320c).length < 1 ? FULL_FRAME : d.item(0x320c)[0] & 0xFF;
                long linesPerHeight = storesFields(layout) ? 2 : 1;
                md.raw("MXF:FrameLayout", layout);
                md.set(WIDTH, (int) u32(d.item(0x3203)));
                md.set(HEIGHT, (int) Math.min(Integer.MAX_VALUE, u32(d.item(0x3202)) * linesPerHeight));
                if (d.item(0x3209) != null && d.item(0x3208) != null) {
                    md.set(ACTIVE_WIDTH, (int) u32(d.item(0x3209)));
                    md.set(ACTIVE_HEIGHT, (int) Math.min(Integer.MAX_VALUE, u32(d.item(0x3208)) * linesPerHeight));
                }
                md.set(SCAN_TYPE, scanType(layout, batchOfInts(d.item(0x320d)), d.item(0x3212)));
                if (d.item(0x3301) != null) {
                    md.set(BIT_DEPTH, (int) u32(d.item(0x3301)));
                }
                String coding = d.item(0x3201) == null ? null : HexFormat.of().formatHex(d.item(0x3201));
                if (coding != null) {
                    md.raw("MXF:PictureEssenceCoding", MxfHeader.ul(d.item(0x3201)));
                    md.set(CODEC, codingName(coding));
                }
                md.set(TRANSFER, transfer(d.item(0x3210)));
                md.set(COLOUR_PRIMARIES, primaries(d.item(0x3219)));
                double sampleRate = rational(d.item(0x3001));
                if (sampleRate > 0) {
                    md.setIfAbsent(PROJECT_FPS, sampleRate);
                }
                md.raw("MXF:AspectRatio", rational(d.item(0x320e)));
                long containerDuration = i64(d.item(0x3002));
                md.raw("MXF:ContainerDuration", containerDuration);
                if (containerDuration >= 0 && sampleRate > 0 && !md.has(DURATION)) {
                    // no package knows its length: the essence container's, in the descriptor's sample rate
                    md.set(DURATION, containerDuration / sampleRate);
                    md.setIfAbsent(FRAME_COUNT, containerDuration);
                }
            }
            if (d.item(0x3d03) != null) {
                channels += (int) u32(d.item(0x3d07));
                int rate = (int) Math.round(rational(d.item(0x3d03)));
                if (rate > 0) {
                    md.setIfAbsent(AUDIO_SAMPLE_RATE, rate);
                }
            }
        }
        if (channels > 0) {
            md.set(AUDIO_CHANNELS, channels);
        }
    }

    /**
     * Whether a picture descriptor's heights count one field (SMPTE ST 377-1 FrameLayout: separate fields,
     * mixed fields and segmented frames store two fields a frame), so the frame has twice the lines.
     */
    static boolean storesFields(int layout) {
        return layout == SEPARATE_FIELDS || layout == MIXED_FIELDS || layout == SEGMENTED_FRAME;
    }

    /**
     * The scan of a FrameLayout. For fields, the order follows from the VideoLineMap (the first line of each
     * field: lines of opposite parity mean the first field is the top one) and FieldDominance (1, the default:
     * the first field is shown first; 2: the second).
     */
    static String scanType(int layout, long[] lineMap, byte[] dominance) {
        return switch (layout) {
            case FULL_FRAME -> "progressive";
            case SEGMENTED_FRAME -> "psf";
            case SINGLE_FIELD -> "single field";
            case SEPARATE_FIELDS, MIXED_FIELDS -> {
                int shownFirst = dominance == null || dominance.length < 1 || dominance[0] == 0 ? 1 : dominance[0] & 0xFF;
                if (lineMap.length < 2 || lineMap[0] <= 0 || lineMap[1] <= 0 || shownFirst > 2) {
                    yield "interlaced";
                }
                boolean topStoredFirst = (lineMap[0] + lineMap[1]) % 2 == 1;
                yield topStoredFirst == (shownFirst == 1) ? "interlaced tff" : "interlaced bff";
            }
            default -> null;
        };
    }

    /** A batch of 32-bit integers (count, element size 4, elements), such as the VideoLineMap. */
    static long[] batchOfInts(byte[] b) {
        List<byte[]> items = batch(b);
        long[] out = new long[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = items.get(i).length == 4 ? u32(items.get(i)) : -1;
        }
        return out;
    }

    /** Dynamic (primer-mapped) items, such as camera and lens metadata sets, kept raw under their UL. */
    private static void dynamicItems(MxfHeader h, ClipMetadata md) {
        for (LocalSet s : h.sets) {
            for (Map.Entry<Integer, byte[]> e : s.items().entrySet()) {
                if (e.getKey() >= 0x8000) {
                    String ul = h.primer.getOrDefault(e.getKey(), "tag-" + Integer.toHexString(e.getKey()));
                    md.raw("MXF:" + ul, printable(e.getValue()));
                }
            }
        }
    }

    private static List<LocalSet> tracks(MxfHeader h, LocalSet pkg) {
        List<LocalSet> out = new ArrayList<>();
        for (byte[] ref : batch(pkg.item(0x4403))) {
            LocalSet t = h.byUid(ref);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    static String codingName(String hexUl) {
        String tail = hexUl.substring(16);
        String best = null;
        for (Map.Entry<String, String> e : CODINGS.entrySet()) {
            if (tail.startsWith(e.getKey()) && (best == null || e.getKey().length() > best.length())) {
                best = e.getKey();
            }
        }
        return best == null ? MxfHeader.ul(HexFormat.of().parseHex(hexUl)) : CODINGS.get(best);
    }

    /** Transfer characteristic labels (SMPTE RP 224, 04.01.01.01.01.xx). */
    static String transfer(byte[] ul) {
        if (ul == null || ul.length != 16 || ul[8] != 4 || ul[9] != 1 || ul[10] != 1 || ul[11] != 1 || ul[12] != 1) {
            return ul == null ? null : MxfHeader.ul(ul);
        }
        return switch (ul[13]) {
            case 0x01 -> "BT.470";
            case 0x02 -> "BT.709";
            case 0x03 -> "SMPTE 240M";
            case 0x05 -> "BT.1361";
            case 0x06 -> "linear";
            case 0x07 -> "SMPTE ST 428-1";
            case 0x08 -> "IEC 61966-2-4";
            case 0x09 -> "BT.2020";
            case 0x0a -> "SMPTE ST 2084 (PQ)";
            case 0x0b -> "HLG";
            default -> MxfHeader.ul(ul);
        };
    }

    /** Colour primaries labels (SMPTE RP 224, 04.01.01.01.03.xx). */
    static String primaries(byte[] ul) {
        if (ul == null || ul.length != 16 || ul[8] != 4 || ul[9] != 1 || ul[10] != 1 || ul[11] != 1 || ul[12] != 3) {
            return ul == null ? null : MxfHeader.ul(ul);
        }
        return switch (ul[13]) {
            case 0x01 -> "SMPTE 170M";
            case 0x02 -> "BT.470 System B/G";
            case 0x03 -> "BT.709";
            case 0x04 -> "BT.2020";
            case 0x05 -> "XYZ";
            case 0x06 -> "DCI-P3";
            case 0x07 -> "P3 D65";
            default -> MxfHeader.ul(ul);
        };
    }

    /** Bytes 8–12 of a data definition UL, as hex. */
    private static String dataDefinition(byte[] ul) {
        return ul == null || ul.length != 16 ? null : HexFormat.of().formatHex(ul, 8, 13);
    }

    /** A batch of strong references: count, element size, elements. Bounded by the item's own length. */
    static List<byte[]> batch(byte[] b) {
        List<byte[]> out = new ArrayList<>();
        if (b == null || b.length < 8) {
            return out;
        }
        ByteBuffer bb = ByteBuffer.wrap(b);
        long count = bb.getInt(0) & 0xFFFFFFFFL;
        int size = bb.getInt(4);
        if (size <= 0 || 8 + count * size > b.length) {
            return out;
        }
        for (int i = 0; i < count; i++) {
            byte[] e = new byte[size];
            System.arraycopy(b, 8 + i * size, e, 0, size);
            out.add(e);
        }
        return out;
    }

    /** An MXF timestamp: year, month, day, hour, minute, second, quarter-milliseconds; UTC by the standard. */
    static String timestamp(byte[] b) {
        if (b == null || b.length < 8) {
            return null;
        }
        int year = ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
        if (year == 0) {
            return null;
        }
        String s = String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d", year, b[2], b[3], b[4], b[5], b[6]);
        return DateTimes.iso(s) == null ? null : s + "Z";
    }

    static double rational(byte[] b) {
        if (b == null || b.length < 8) {
            return 0;
        }
        ByteBuffer bb = ByteBuffer.wrap(b);
        int num = bb.getInt(0);
        int den = bb.getInt(4);
        return den == 0 ? 0 : (double) num / den;
    }

    static long i64(byte[] b) {
        return b == null || b.length < 8 ? -1 : ByteBuffer.wrap(b).getLong(0);
    }

    static long u32(byte[] b) {
        return b == null || b.length < 4 ? 0 : ByteBuffer.wrap(b).getInt(0) & 0xFFFFFFFFL;
    }

    static int u16(byte[] b) {
        return b == null || b.length < 2 ? 0 : ByteBuffer.wrap(b).getShort(0) & 0xFFFF;
    }

    static String utf16(byte[] b) {
        if (b == null) {
            return null;
        }
        String s = new String(b, StandardCharsets.UTF_16BE);
        int nul = s.indexOf('\0');
        return (nul >= 0 ? s.substring(0, nul) : s).strip();
    }

    /** A product version: major, minor, patch, build, release (five u16). */
    private static String version(byte[] b) {
        if (b == null || b.length < 10) {
            return null;
        }
        ByteBuffer bb = ByteBuffer.wrap(b);
        return (bb.getShort(0) & 0xFFFF) + "." + (bb.getShort(2) & 0xFFFF) + "." + (bb.getShort(4) & 0xFFFF) + "."
                + (bb.getShort(6) & 0xFFFF);
    }

    private static String hex(byte[] b) {
        return b == null ? null : HexFormat.of().formatHex(b);
    }

    /** Text when the bytes look like text, else hex. */
    private static String printable(byte[] b) {
        boolean text = b.length > 0;
        for (byte x : b) {
            if ((x < 0x20 && x != 0) || x == 0x7f) {
                text = false;
                break;
            }
        }
        return text ? new String(b, StandardCharsets.ISO_8859_1).replace("\0", "") : HexFormat.of().formatHex(b);
    }

    private static <T> T first(List<T> list) {
        return list.isEmpty() ? null : list.get(0);
    }
}
