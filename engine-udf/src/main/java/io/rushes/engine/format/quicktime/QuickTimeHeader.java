package io.rushes.engine.format.quicktime;

import io.rushes.engine.error.Errors;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.metadata.Timecode;
import io.rushes.engine.metadata.XmpTimecode;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The movie header of a QuickTime / MP4 file: movie times, each track's handler, sample description,
 * timing and sample count, the timecode track's start, and the user data and metadata keys. Reads the
 * {@code moov} atom and the one timecode sample; never the media.
 */
public final class QuickTimeHeader {
    public String majorBrand;
    public long movieTimescale;
    public long movieDuration;
    public long creationTime = -1;
    public final List<Track> tracks = new ArrayList<>();
    public final Map<String, String> userData = new LinkedHashMap<>();
    public final Map<String, String> metadataKeys = new LinkedHashMap<>();
    public byte[] pentaxTags;
    /** The XMP packets: moov/udta/XMP_ (QuickTime) and top-level XMP uuid boxes (MP4). */
    public final List<byte[]> xmp = new ArrayList<>();
    public boolean truncated;
    /** Damage the header shows (a sample table that cannot hold its count, media past the end), with the rest still read. */
    public final List<RushesException> problems = new ArrayList<>();

    /** One track. */
    public static final class Track {
        public String handler;
        public long timescale;
        public long duration;
        public String codec;
        public String compressorName;
        public int width;
        public int height;
        public int depth;
        public double trackWidth;
        public double trackHeight;
        /** Samples in the track by its stsz, -1 when the table is missing or cannot hold the count it declares. */
        public long sampleCount = -1;
        public long firstSampleDelta;
        public long firstChunkOffset = -1;
        public double pixelAspect = 0;
        public int[] colour;
        /** From the 'fiel' atom: progressive, interlaced tff / bff, or null when absent. */
        public String scanType;
        public int channels;
        public double sampleRate;
        public int sampleBits;
        public long tcFlags;
        public long tcTimescale;
        public long tcFrameDuration;
        public int tcFrames;
        public String tcReel;
        public Timecode timecode;
    }

    static final long EPOCH_1904 = 2_082_844_800L;
    /** The uuid box of an XMP packet in ISO BMFF files (Adobe XMP Specification Part 3): BE7ACFCB-97A9-42E8-9C71-999491E3AFAC. */
    private static final byte[] XMP_UUID = HexFormat.of().parseHex("be7acfcb97a942e89c71999491e3afac");

    public static QuickTimeHeader read(BinaryReader in) {
        in.order(ByteOrder.BIG_ENDIAN);
        AtomReader atoms = new AtomReader(in);
        QuickTimeHeader h = new QuickTimeHeader();
        List<Atom> top = atoms.children(0, in.size(), 0);
        h.truncated = atoms.truncatedAt() >= 0;
        if (h.truncated) {
            Atom cut = top.get(top.size() - 1);
            h.problems.add(Errors.truncated(in.name(), cut.start(), "the end of the '" + AtomReader.printable(cut.type()) + "' atom at byte "
                    + cut.start() + " (the file has " + in.size() + " bytes)"));
        }
        Atom ftyp = AtomReader.first(top, "ftyp");
        if (ftyp != null && ftyp.payloadSize() >= 4) {
            h.majorBrand = Atom.fourcc(in.u32(ftyp.payloadStart()));
        }
        for (Atom a : top) {
            if (a.type().equals("uuid") && a.payloadSize() > 16 && a.payloadSize() - 16 <= XmpTimecode.MAX_XMP_BYTES && a.end() <= in.size()
                    && Arrays.equals(in.bytes(a.payloadStart(), 16, "a uuid box's id"), XMP_UUID)) {
                h.xmp.add(in.bytes(a.payloadStart() + 16, a.payloadSize() - 16, "the XMP packet"));
            }
        }
        Atom moov = AtomReader.first(top, "moov");
        if (moov == null) {
            if (h.truncated) {
                throw Errors.truncated(in.name(), atoms.truncatedAt(), "the movie header ('moov' atom)");
            }
            throw Errors.corrupt(in.name(), 0, "no movie header ('moov' atom): the recording was not finalised");
        }
        if (moov.end() > in.size()) {
            throw Errors.truncated(in.name(), moov.start(), "the end of the movie header ('moov' atom)");
        }
        for (Atom a : atoms.children(moov.payloadStart(), moov.end(), 1)) {
            switch (a.type()) {
                case "mvhd" -> h.readMvhd(in, a);
                case "trak" -> h.tracks.add(readTrak(atoms, a, h.problems));
                case "udta" -> h.readUdta(atoms, a);
                case "meta" -> h.readMeta(atoms, a);
                default -> { }
            }
        }
        for (Track t : h.tracks) {
            if ("tmcd".equals(t.handler) && t.firstChunkOffset >= 0 && t.firstChunkOffset <= in.size() - 4 && t.tcFrames > 0) {
                long frameNo = in.u32(t.firstChunkOffset);
                boolean drop = (t.tcFlags & 1) != 0 && t.tcFrames % 30 == 0;
                t.timecode = Timecode.fromFrames(frameNo, t.tcFrames, drop);
            }
        }
        return h;
    }

    private void readMvhd(BinaryReader in, Atom a) {
        int version = in.u8(a.payloadStart());
        long p = a.payloadStart() + 4;
        if (version == 1) {
            creationTime = in.u64(p);
            movieTimescale = in.u32(p + 16);
            movieDuration = in.u64(p + 20);
        } else {
            creationTime = in.u32(p);
            movieTimescale = in.u32(p + 8);
            movieDuration = in.u32(p + 12);
        }
    }

    /**
     * The optional boxes after a visual sample entry's fixed fields (pasp, colr…). Some codecs (Canon
     * CRAW) put private fields first, so a list that does not parse is skipped, not an error: these
     * boxes refine the picture description, they are not needed to read the file.
     */
    private static List<Atom> sampleEntryExtensions(AtomReader atoms, long from, long to) {
        try {
            return atoms.children(from, to, 7);
        } catch (io.rushes.engine.error.RushesException notBoxes) {
            return List.of();
        }
    }

    private static Track readTrak(AtomReader atoms, Atom trak, List<RushesException> problems) {
        BinaryReader in = atoms.in();
        Track t = new Track();
        for (Atom a : atoms.children(trak.payloadStart(), trak.end(), 2)) {
            if (a.type().equals("tkhd")) {
                int version = in.u8(a.payloadStart());
                long wAt = a.payloadStart() + (version == 1 ? 88 : 76);
                if (wAt + 8 <= a.end()) {
                    t.trackWidth = in.u32(wAt) / 65536.0;
                    t.trackHeight = in.u32(wAt + 4) / 65536.0;
                }
            } else if (a.type().equals("mdia")) {
                for (Atom m : atoms.children(a.payloadStart(), a.end(), 3)) {
                    switch (m.type()) {
                        case "mdhd" -> {
                            int version = in.u8(m.payloadStart());
                            long p = m.payloadStart() + 4;
                            t.timescale = version == 1 ? in.u32(p + 16) : in.u32(p + 8);
                            t.duration = version == 1 ? in.u64(p + 20) : in.u32(p + 12);
                        }
                        case "hdlr" -> t.handler = Atom.fourcc(in.u32(m.payloadStart() + 8));
                        case "minf" -> readMinf(atoms, m, t, problems);
                        default -> { }
                    }
                }
            }
        }
        return t;
    }

    private static void readMinf(AtomReader atoms, Atom minf, Track t, List<RushesException> problems) {
        BinaryReader in = atoms.in();
        List<Atom> parts = atoms.children(minf.payloadStart(), minf.end(), 4);
        Atom stbl = AtomReader.first(parts, "stbl");
        if (stbl == null) {
            return;
        }
        boolean inThisFile = mediaInThisFile(atoms, AtomReader.first(parts, "dinf"));
        for (Atom s : atoms.children(stbl.payloadStart(), stbl.end(), 5)) {
            long p = s.payloadStart();
            if (s.type().equals("stsd")) {
                readStsd(atoms, s, t);
                continue;
            }
            try {
                switch (s.type()) {
                    case "stts" -> {
                        if (table(in, s, 4, 8) > 0) {
                            t.firstSampleDelta = in.u32(p + 12);
                        }
                    }
                    case "stsc" -> table(in, s, 4, 12);
                    case "stsz" -> t.sampleCount = sampleSizes(in, s, t.handler);
                    case "stco" -> {
                        long chunks = table(in, s, 4, 4);
                        if (chunks > 0) {
                            t.firstChunkOffset = in.u32(p + 8);
                            if (inThisFile && atoms.truncatedAt() < 0) { // a cut file is reported once, at the cut: not again per track
                                chunkOffset(in, s, t.firstChunkOffset, "first");
                                chunkOffset(in, s, in.u32(p + 8 + 4 * (chunks - 1)), "last");
                            }
                        }
                    }
                    case "co64" -> {
                        long chunks = table(in, s, 4, 8);
                        if (chunks > 0) {
                            t.firstChunkOffset = in.u64(p + 8);
                            if (inThisFile && atoms.truncatedAt() < 0) { // a cut file is reported once, at the cut: not again per track
                                chunkOffset(in, s, t.firstChunkOffset, "first");
                                chunkOffset(in, s, in.u64(p + 8 + 8 * (chunks - 1)), "last");
                            }
                        }
                    }
                    default -> { }
                }
            } catch (RushesException damaged) {
                problems.add(damaged); // one broken table: the track's other facts and the other tracks still stand
            }
        }
    }

    /**
     * The entry count of a sample table (version and flags, a count at {@code countAt}, then the entries),
     * refused as CORRUPT when the count's entries cannot fit in the atom: a count is never taken on trust.
     */
    private static long table(BinaryReader in, Atom a, int countAt, int entrySize) {
        if (a.payloadSize() < countAt + 4) {
            throw Errors.corrupt(in.name(), a.start(), "the '" + a.type() + "' atom (" + a.payloadSize() + " bytes) is too short for its entry count");
        }
        long count = in.u32(a.payloadStart() + countAt);
        long room = a.payloadSize() - countAt - 4;
        if (count > room / entrySize) {
            throw Errors.corrupt(in.name(), a.start(), "the '" + a.type() + "' atom declares " + count + " entries of " + entrySize
                    + " bytes, but holds only " + room + " bytes of entries");
        }
        return count;
    }

    /**
     * The sample count of an stsz: with a table (sample size 0) its entries must fit in the atom; with one
     * size for every sample, a video track's samples (whole stored frames) must fit in the file. A sound
     * track's constant-size count is in audio frames, not stored units (QuickTime's version 0 and 1 sound),
     * so the file says nothing about it.
     */
    private static long sampleSizes(BinaryReader in, Atom a, String handler) {
        if (a.payloadSize() < 12) {
            throw Errors.corrupt(in.name(), a.start(), "the 'stsz' atom (" + a.payloadSize() + " bytes) is too short for its sample count");
        }
        long size = in.u32(a.payloadStart() + 4);
        if (size == 0) {
            return table(in, a, 8, 4);
        }
        long count = in.u32(a.payloadStart() + 8);
        if ("vide".equals(handler) && count > in.size() / size) {
            throw Errors.corrupt(in.name(), a.start(), "the 'stsz' atom declares " + count + " samples of " + size
                    + " bytes, more than the " + in.size() + "-byte file holds");
        }
        return count;
    }

    /**
     * Whether the track's media is in this file: its first data reference ('url ' or 'alis' in dinf/dref) has
     * the self-contained flag. A reference movie's chunks lie in other files. Without a dref, it is.
     */
    private static boolean mediaInThisFile(AtomReader atoms, Atom dinf) {
        if (dinf == null) {
            return true;
        }
        BinaryReader in = atoms.in();
        Atom dref = AtomReader.first(atoms.children(dinf.payloadStart(), dinf.end(), 5), "dref");
        if (dref == null || dref.payloadSize() < 8 + 12) {
            return true;
        }
        List<Atom> entries = atoms.children(dref.payloadStart() + 8, dref.end(), 6);
        return entries.isEmpty() || entries.get(0).payloadSize() < 4 || (in.u32(entries.get(0).payloadStart()) & 1) != 0;
    }

    /**
     * A chunk's offset, which must lie inside the file: the media of a self-contained movie does, so a first or
     * last chunk past the end shows a cut copy without reading the table between them.
     */
    private static long chunkOffset(BinaryReader in, Atom a, long offset, String which) {
        if (offset >= in.size()) {
            throw Errors.truncated(in.name(), offset, "the " + which + " chunk of media the '" + a.type() + "' atom at byte " + a.start()
                    + " points to (at byte " + offset + "; the file has " + in.size() + " bytes)");
        }
        return offset;
    }

    private static void readStsd(AtomReader atoms, Atom stsd, Track t) {
        BinaryReader in = atoms.in();
        if (in.u32(stsd.payloadStart() + 4) == 0) {
            return;
        }
        List<Atom> entries = atoms.children(stsd.payloadStart() + 8, stsd.end(), 6);
        if (entries.isEmpty()) {
            return;
        }
        Atom e = entries.get(0);
        t.codec = e.type();
        long p = e.payloadStart();
        if ("vide".equals(t.handler) && e.payloadSize() >= 78) {
            t.width = in.u16(p + 24);
            t.height = in.u16(p + 26);
            int nameLength = Math.min(31, in.u8(p + 42));
            t.compressorName = in.ascii(p + 43, nameLength);
            t.depth = in.u16(p + 74);
            for (Atom c : sampleEntryExtensions(atoms, p + 78, e.end())) {
                if (c.type().equals("pasp") && c.payloadSize() >= 8) {
                    long hs = in.u32(c.payloadStart());
                    long vs = in.u32(c.payloadStart() + 4);
                    t.pixelAspect = vs == 0 ? 0 : (double) hs / vs;
                } else if (c.type().equals("fiel") && c.payloadSize() >= 2) {
                    t.scanType = fieldOrder(in.u8(c.payloadStart()), in.u8(c.payloadStart() + 1));
                } else if (c.type().equals("colr") && c.payloadSize() >= 10) {
                    t.colour = new int[] {in.u16(c.payloadStart() + 4), in.u16(c.payloadStart() + 6), in.u16(c.payloadStart() + 8)};
                }
            }
        } else if ("soun".equals(t.handler) && e.payloadSize() >= 28) {
            int version = in.u16(p + 8);
            if (version == 2 && e.payloadSize() >= 48) {
                t.sampleRate = in.f64(p + 32);
                t.channels = (int) in.u32(p + 40);
                t.sampleBits = (int) in.u32(p + 48);
            } else {
                t.channels = in.u16(p + 16);
                t.sampleBits = in.u16(p + 18);
                t.sampleRate = in.u32(p + 24) / 65536.0;
            }
        } else if ("tmcd".equals(t.handler) && e.payloadSize() >= 26) {
            t.tcFlags = in.u32(p + 12);
            t.tcTimescale = in.u32(p + 16);
            t.tcFrameDuration = in.u32(p + 20);
            t.tcFrames = in.u8(p + 24);
            t.tcReel = findName(atoms, p + 26, e.end(), 7);
        }
    }

    /**
     * The 'fiel' atom: one field a frame is progressive; with two, the detail byte gives the order in which
     * the fields are shown (Apple TN2162: 1 and 14 top first, 6 and 9 bottom first).
     */
    static String fieldOrder(int fields, int detail) {
        if (fields == 1) {
            return "progressive";
        }
        if (fields != 2) {
            return null;
        }
        return switch (detail) {
            case 1, 14 -> "interlaced tff";
            case 6, 9 -> "interlaced bff";
            default -> "interlaced";
        };
    }

    /** The reel name: a 'name' atom directly in the tmcd entry or inside its 'udta'. */
    private static String findName(AtomReader atoms, long from, long to, int depth) {
        BinaryReader in = atoms.in();
        for (Atom c : atoms.children(from, to, depth)) {
            if (c.type().equals("name") && c.payloadSize() >= 4) {
                int len = (int) Math.min(in.u16(c.payloadStart()), c.payloadSize() - 4);
                return in.utf8(c.payloadStart() + 4, len);
            }
            if (c.type().equals("udta")) {
                String n = findName(atoms, c.payloadStart(), c.end(), depth + 1);
                if (n != null) {
                    return n;
                }
            }
        }
        return null;
    }

    private void readUdta(AtomReader atoms, Atom udta) {
        BinaryReader in = atoms.in();
        for (Atom a : atoms.children(udta.payloadStart(), udta.end(), 2)) {
            String type = a.type();
            if (type.charAt(0) == '\u00a9' && a.payloadSize() >= 4) {
                int len = in.u16(a.payloadStart());
                if (len > 0 && len <= a.payloadSize() - 4) {
                    userData.put(type, in.utf8(a.payloadStart() + 4, len));
                }
            } else if (type.equals("XMP_") && a.payloadSize() <= XmpTimecode.MAX_XMP_BYTES) {
                xmp.add(in.bytes(a.payloadStart(), a.payloadSize(), "the XMP packet"));
            } else if (type.equals("TAGS") && a.payloadSize() >= 0xB1) {
                byte[] b = in.bytes(a.payloadStart(), a.payloadSize(), "the TAGS atom");
                if (new String(b, 0, 6, StandardCharsets.ISO_8859_1).equals("PENTAX")) {
                    pentaxTags = b;
                }
            } else if (type.equals("meta")) {
                readMeta(atoms, a);
            }
        }
    }

    /** Apple metadata: 'keys' names and 'ilst' values (QuickTime), or iTunes-style 'ilst' items (MP4). */
    private void readMeta(AtomReader atoms, Atom meta) {
        BinaryReader in = atoms.in();
        long from = meta.payloadStart();
        if (meta.payloadSize() >= 12 && in.u32(from) == 0) {
            from += 4; // ISO full box: version and flags come first (a QuickTime atom's size is never 0 here)
        }
        List<Atom> children = atoms.children(from, meta.end(), 3);
        List<String> keys = new ArrayList<>();
        Atom keysAtom = AtomReader.first(children, "keys");
        if (keysAtom != null) {
            long p = keysAtom.payloadStart() + 8;
            long count = Math.min(in.u32(keysAtom.payloadStart() + 4), 10_000);
            for (long i = 0; i < count && p + 8 <= keysAtom.end(); i++) {
                long size = in.u32(p);
                if (size < 8 || p + size > keysAtom.end()) {
                    break;
                }
                keys.add(in.utf8(p + 8, (int) (size - 8)));
                p += size;
            }
        }
        Atom ilst = AtomReader.first(children, "ilst");
        if (ilst == null) {
            return;
        }
        for (Atom item : atoms.children(ilst.payloadStart(), ilst.end(), 4)) {
            long index = in.u32(item.start() + 4);
            String key = index >= 1 && index <= keys.size() ? keys.get((int) index - 1) : item.type();
            for (Atom d : atoms.children(item.payloadStart(), item.end(), 5)) {
                if (d.type().equals("data") && d.payloadSize() >= 8) {
                    long type = in.u32(d.payloadStart()) & 0xFFFFFF;
                    if (type == 1 && d.payloadSize() - 8 <= 4096) {
                        metadataKeys.put(key, in.utf8(d.payloadStart() + 8, (int) (d.payloadSize() - 8)));
                    }
                }
            }
        }
    }

    public Track firstTrack(String handler) {
        for (Track t : tracks) {
            if (handler.equals(t.handler)) {
                return t;
            }
        }
        return null;
    }
}
