package io.rushes.engine.deliver.exr;

import io.rushes.engine.error.Errors;
import io.rushes.engine.error.RushesException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;

/**
 * DWAA and DWAB, OpenEXR's lossy DCT compressions (DreamWorks Animation's; 32 and 256 scanlines per chunk), as OpenEXR
 * 3 writes them: the chunk format of compressed block version 2, the one with the channel classification rules in each
 * chunk (versions 0 and 1, classified by OpenEXR's legacy rules, are read too). Rules sort the
 * channels by name suffix and type: R, G, B (and Y, RY, BY) of HALF or FLOAT are lossy ({@link ExrDwaBlocks}; an R, G, B
 * of one layer prefix together in Y'CbCr), A is run-length coded and deflated, anything else is deflated as it is;
 * all but the lossy channels come back bit for bit. AC coefficients are Huffman coded with PIZ's coder ({@link ExrPiz});
 * the DC coefficients go through ZIP's predictor and deflate.
 *
 * <p>A chunk: eleven little-endian 64-bit counters (version, then the sizes of each part and the AC and DC counts, then
 * the AC coder: 0 Huffman, 1 deflate), the rules (a 16-bit size, then per rule a NUL-terminated suffix, a byte of
 * (CSC index + 1) « 4 | scheme « 2 | case-insensitive and a byte of pixel type), then the deflated unclassified data,
 * the AC, the DC and the deflated run-length data.
 *
 * <p>The writer sets {@code dwaCompressionLevel} (float; OpenEXR's default {@value #DEFAULT_LEVEL}) in the header: the
 * quantisation's base error is that level / 100000. Everything a chunk declares is checked against the chunk's own
 * lines × width before anything is allocated, so damage is reported as such (CORRUPT, with the chunk's offset).
 */
final class ExrDwa {
    /** OpenEXR's default dwaCompressionLevel: "visually lossless" at a good rate. */
    static final float DEFAULT_LEVEL = 45;
    static final String LEVEL_ATTRIBUTE = "dwaCompressionLevel";
    private static final int VERSION = 2;
    private static final int COUNTERS = 11;
    private static final int HEADER_BYTES = COUNTERS * 8;
    private static final int UNKNOWN = 0;
    private static final int LOSSY = 1;
    private static final int RLE = 2;
    private static final int HUFFMAN = 0;
    private static final int DEFLATE = 1;
    /** OpenEXR's zlib level for the unclassified and run-length parts. */
    private static final int PART_LEVEL = 9;
    private static final int MAX_RULE_SUFFIX = 128;

    /** One channel as the codec needs it: pLinear channels skip the perceptual curve when coded alone. */
    record Channel(String name, ExrPixelType type, boolean linear) {
        String suffix() {
            int dot = name.lastIndexOf('.');
            return dot < 0 ? name : name.substring(dot + 1);
        }
    }

    /** The channels of a file (in channel-list order) and the level to encode at. */
    record Layout(List<Channel> channels, float level) {
        int[] words() {
            return channels.stream().mapToInt(c -> c.type().bytes / 2).toArray();
        }
    }

    /**
     * The layout of a file being read: {@code channels} as the reader checked them, with the pLinear byte of each from the
     * channel list's {@code chlist} value (name, NUL, type, pLinear, three reserved bytes, sampling).
     */
    static Layout readLayout(List<ExrFile.Channel> channels, ExrAttribute chlist) {
        byte[] v = chlist.value();
        List<Channel> out = new ArrayList<>(channels.size());
        int at = 0;
        for (ExrFile.Channel c : channels) {
            while (at < v.length && v[at] != 0) {
                at++;
            }
            out.add(new Channel(c.name(), c.type(), at + 5 < v.length && v[at + 5] != 0));
            at += 17;
        }
        return new Layout(List.copyOf(out), DEFAULT_LEVEL);
    }

    private record Rule(String suffix, int scheme, ExrPixelType type, int csc, boolean caseInsensitive) {
        boolean matches(Channel c) {
            return c.type() == type && (caseInsensitive ? suffix.equalsIgnoreCase(c.suffix()) : suffix.equals(c.suffix()));
        }
    }

    private static final List<Rule> DEFAULT_RULES = rules(false, new String[] {"R", "G", "B", "Y", "BY", "RY"}, new String[] {"A"});
    /** Before version 2, rules were implied: lower-case names, matched ignoring case. */
    private static final List<Rule> LEGACY_RULES = rules(true, new String[] {"r", "red", "g", "grn", "green", "b", "blu", "blue", "y", "by",
            "ry"}, new String[] {"a"});

    private static List<Rule> rules(boolean caseInsensitive, String[] lossy, String[] rle) {
        List<Rule> out = new ArrayList<>();
        for (String s : lossy) {
            int csc = switch (s.toLowerCase(java.util.Locale.ROOT)) {
                case "r", "red" -> 0;
                case "g", "grn", "green" -> 1;
                case "b", "blu", "blue" -> 2;
                default -> -1;
            };
            out.add(new Rule(s, LOSSY, ExrPixelType.HALF, csc, caseInsensitive));
            out.add(new Rule(s, LOSSY, ExrPixelType.FLOAT, csc, caseInsensitive));
        }
        for (String s : rle) {
            out.add(new Rule(s, RLE, ExrPixelType.UINT, -1, caseInsensitive));
            out.add(new Rule(s, RLE, ExrPixelType.HALF, -1, caseInsensitive));
            out.add(new Rule(s, RLE, ExrPixelType.FLOAT, -1, caseInsensitive));
        }
        return List.copyOf(out);
    }

    private ExrDwa() {
    }

    /** How one chunk's channels are coded: each channel's scheme and the R, G, B sets coded together. */
    private record Classes(int[] scheme, List<int[]> cscSets, List<Integer> lossySingles) {
        static Classes of(List<Channel> channels, List<Rule> rules) {
            int n = channels.size();
            int[] scheme = new int[n];
            List<String> prefixes = new ArrayList<>();
            List<int[]> members = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                Channel channel = channels.get(c);
                String prefix = channel.name().substring(0, channel.name().length() - channel.suffix().length());
                int p = prefixes.indexOf(prefix);
                if (p < 0) {
                    p = prefixes.size();
                    prefixes.add(prefix);
                    members.add(new int[] {-1, -1, -1});
                }
                for (Rule rule : rules) {
                    if (rule.matches(channel)) {
                        scheme[c] = rule.scheme();
                        if (rule.csc() >= 0) {
                            members.get(p)[rule.csc()] = c;
                        }
                    }
                }
            }
            List<int[]> sets = new ArrayList<>();
            boolean[] inSet = new boolean[n];
            for (int[] m : members) {
                if (m[0] >= 0 && m[1] >= 0 && m[2] >= 0) {
                    sets.add(m);
                    inSet[m[0]] = inSet[m[1]] = inSet[m[2]] = true;
                }
            }
            List<Integer> singles = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                if (scheme[c] == LOSSY && !inSet[c]) {
                    singles.add(c);
                }
            }
            return new Classes(scheme, List.copyOf(sets), List.copyOf(singles));
        }

        int lossyChannels() {
            return 3 * cscSets.size() + lossySingles.size();
        }
    }

    // ---- encoding

    /** The stored bytes of one chunk ({@code raw}: per line, each channel's samples), or {@code raw} when that is smaller. */
    static byte[] compress(byte[] raw, int width, int lines, Layout layout) {
        List<Channel> channels = layout.channels();
        Classes classes = Classes.of(channels, DEFAULT_RULES);
        int[] at = channelOffsets(channels, width);
        int lineBytes = at[channels.size()];
        int blocks = ExrDwaBlocks.blocks(width) * ExrDwaBlocks.blocks(lines);
        int lossy = classes.lossyChannels();
        char[] ac = new char[blocks * 63 * lossy];
        char[] dc = new char[blocks * lossy];
        int acCount = 0;
        int dcCount = 0;
        for (int[] set : classes.cscSets()) {
            char[][] planes = {halfPlane(raw, at, lineBytes, set[0], channels, width, lines),
                    halfPlane(raw, at, lineBytes, set[1], channels, width, lines), halfPlane(raw, at, lineBytes, set[2], channels, width, lines)};
            acCount = ExrDwaBlocks.encode(planes, true, width, lines, layout.level(), ac, acCount, dc, dcCount);
            dcCount += 3 * blocks;
        }
        for (int c : classes.lossySingles()) {
            char[][] planes = {halfPlane(raw, at, lineBytes, c, channels, width, lines)};
            acCount = ExrDwaBlocks.encode(planes, !channels.get(c).linear(), width, lines, layout.level(), ac, acCount, dc, dcCount);
            dcCount += blocks;
        }
        java.io.ByteArrayOutputStream unknown = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream rle = new java.io.ByteArrayOutputStream();
        for (int c = 0; c < channels.size(); c++) {
            int bytes = channels.get(c).type().bytes;
            if (classes.scheme()[c] == RLE) {
                // Byte planes: every sample's first byte, then every second byte… (high bytes repeat more).
                byte[] planes = new byte[width * lines * bytes];
                for (int y = 0, i = 0; y < lines; y++) {
                    int from = y * lineBytes + at[c];
                    for (int x = 0; x < width; x++, i++) {
                        for (int b = 0; b < bytes; b++) {
                            planes[b * width * lines + i] = raw[from + x * bytes + b];
                        }
                    }
                }
                rle.writeBytes(planes);
            } else if (classes.scheme()[c] == UNKNOWN) {
                for (int y = 0; y < lines; y++) {
                    unknown.write(raw, y * lineBytes + at[c], width * bytes);
                }
            }
        }
        byte[] rules = ruleBytes(channels);
        byte[] unknownRaw = unknown.toByteArray();
        byte[] unknownPacked = unknownRaw.length > 0 ? deflate(unknownRaw, PART_LEVEL) : new byte[0];
        byte[] acPacked = new byte[0];
        if (acCount > 0) {
            acPacked = ExrPiz.huffmanBlock(java.util.Arrays.copyOf(ac, acCount), raw.length);
            if (acPacked == null) {
                return raw; // the coefficients alone would outgrow the raw chunk
            }
        }
        byte[] dcPacked = dcCount > 0 ? deflate(ExrCodec.predict(littleEndian(dc, dcCount)), ExrCodec.ZIP_LEVEL) : new byte[0];
        byte[] rleRaw = rle.toByteArray();
        byte[] rleCoded = rleRaw.length > 0 ? runLength(rleRaw) : new byte[0];
        byte[] rlePacked = rleRaw.length > 0 ? deflate(rleCoded, PART_LEVEL) : new byte[0];
        long total = HEADER_BYTES + (long) rules.length + unknownPacked.length + acPacked.length + dcPacked.length + rlePacked.length;
        if (total >= raw.length) {
            return raw;
        }
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate((int) total).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        out.putLong(VERSION).putLong(unknownRaw.length).putLong(unknownPacked.length).putLong(acPacked.length).putLong(dcPacked.length)
                .putLong(rlePacked.length).putLong(rleCoded.length).putLong(rleRaw.length).putLong(acCount).putLong(dcCount)
                .putLong(HUFFMAN);
        out.put(rules).put(unknownPacked).put(acPacked).put(dcPacked).put(rlePacked);
        return out.array();
    }

    /** The rules that match at least one channel, in the default rules' order (as OpenEXR writes only those). */
    private static byte[] ruleBytes(List<Channel> channels) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(0);
        out.write(0);
        for (Rule rule : DEFAULT_RULES) {
            if (channels.stream().anyMatch(rule::matches)) {
                out.writeBytes(rule.suffix().getBytes(StandardCharsets.UTF_8));
                out.write(0);
                out.write((rule.csc() + 1) << 4 | rule.scheme() << 2 | (rule.caseInsensitive() ? 1 : 0));
                out.write(rule.type().code);
            }
        }
        byte[] bytes = out.toByteArray();
        bytes[0] = (byte) bytes.length;
        bytes[1] = (byte) (bytes.length >> 8);
        return bytes;
    }

    /** One channel's samples as half bits; FLOAT samples clamped to the half range first (no infinities from rounding). */
    private static char[] halfPlane(byte[] raw, int[] at, int lineBytes, int c, List<Channel> channels, int width, int lines) {
        char[] plane = new char[width * lines];
        boolean half = channels.get(c).type() == ExrPixelType.HALF;
        for (int y = 0, i = 0; y < lines; y++) {
            int o = y * lineBytes + at[c];
            for (int x = 0; x < width; x++, i++) {
                if (half) {
                    plane[i] = (char) ((raw[o] & 0xFF) | (raw[o + 1] & 0xFF) << 8);
                    o += 2;
                } else {
                    float f = Float.intBitsToFloat((raw[o] & 0xFF) | (raw[o + 1] & 0xFF) << 8 | (raw[o + 2] & 0xFF) << 16 | raw[o + 3] << 24);
                    plane[i] = (char) Half.fromFloat(Math.max(-65504f, Math.min(65504f, f)));
                    o += 4;
                }
            }
        }
        return plane;
    }

    /** Run-length coded as {@link ExrCodec#rle}, which gives the input back when runs would not shrink it: then all literals. */
    private static byte[] runLength(byte[] in) {
        byte[] coded = ExrCodec.rle(in);
        if (coded != in) {
            return coded;
        }
        int literals = (in.length + 126) / 127;
        byte[] out = new byte[in.length + literals];
        for (int i = 0, o = 0; i < in.length; i += 127) {
            int n = Math.min(127, in.length - i);
            out[o++] = (byte) -n;
            System.arraycopy(in, i, out, o, n);
            o += n;
        }
        return out;
    }

    private static byte[] deflate(byte[] in, int level) {
        Deflater deflater = new Deflater(level);
        try {
            deflater.setInput(in);
            deflater.finish();
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(in.length / 2 + 64);
            byte[] buffer = new byte[65536];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] littleEndian(char[] words, int count) {
        byte[] out = new byte[count * 2];
        for (int i = 0; i < count; i++) {
            out[2 * i] = (byte) words[i];
            out[2 * i + 1] = (byte) (words[i] >> 8);
        }
        return out;
    }

    private static int[] channelOffsets(List<Channel> channels, int width) {
        int[] at = new int[channels.size() + 1];
        for (int c = 0; c < channels.size(); c++) {
            at[c + 1] = at[c] + width * channels.get(c).type().bytes;
        }
        return at;
    }

    // ---- decoding

    /**
     * The {@code rawSize} bytes of one chunk of {@code lines} lines stored as {@code packed} at {@code offset} in
     * {@code file}; every counter is checked against what the chunk can hold.
     */
    static byte[] decompress(byte[] packed, int rawSize, int width, int lines, Layout layout, String file, long offset) {
        List<Channel> channels = layout.channels();
        if (packed.length < HEADER_BYTES) {
            throw Errors.corrupt(file, offset, "a DWA chunk of " + packed.length + " bytes is shorter than its " + HEADER_BYTES
                    + "-byte counters");
        }
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(packed).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long[] counter = new long[COUNTERS];
        for (int i = 0; i < COUNTERS; i++) {
            counter[i] = in.getLong(i * 8);
        }
        long version = counter[0];
        if (version < 0 || version > VERSION) {
            throw Errors.unsupportedFeature(file, offset, "a DWA chunk of version " + Long.toUnsignedString(version)
                    + " (Rushes reads versions 0 to 2)", "Convert it with a newer OpenEXR (oiiotool in.exr --compression zip -o out.exr)");
        }
        String[] names = {"version", "unclassified size", "unclassified compressed size", "AC compressed size", "DC compressed size",
                "RLE compressed size", "RLE coded size", "RLE raw size", "AC count", "DC count", "AC coder"};
        for (int i = 1; i < COUNTERS; i++) {
            // Nothing in a chunk counts more than the bytes it decodes to (the counts are of 2-byte words, RLE codes ≤ 2x).
            if (counter[i] < 0 || counter[i] > 2L * rawSize + HEADER_BYTES) {
                throw Errors.corrupt(file, offset + 8L * i, "a DWA chunk's " + names[i] + " is " + Long.toUnsignedString(counter[i])
                        + ", more than its " + rawSize + " uncompressed bytes allow");
            }
        }
        long unknownRawSize = counter[1];
        long unknownSize = counter[2];
        long acSize = counter[3];
        long dcSize = counter[4];
        long rleSize = counter[5];
        long rleCodedSize = counter[6];
        long rleRawSize = counter[7];
        long acCount = counter[8];
        long dcCount = counter[9];
        long acCoder = counter[10];

        int at = HEADER_BYTES;
        List<Rule> rules = LEGACY_RULES;
        if (version >= 2) {
            if (packed.length < at + 2) {
                throw Errors.corrupt(file, offset + at, "a DWA chunk ends before its channel rules");
            }
            int ruleSize = in.getShort(at) & 0xFFFF;
            if (ruleSize < 2 || ruleSize > packed.length - at) {
                throw Errors.corrupt(file, offset + at, "a DWA chunk's channel rules of " + ruleSize + " bytes do not fit its "
                        + packed.length + " bytes");
            }
            rules = readRules(packed, at + 2, at + ruleSize, file, offset);
            at += ruleSize;
        }
        long parts = unknownSize + acSize + dcSize + rleSize;
        if (parts > packed.length - at) {
            throw Errors.corrupt(file, offset, "a DWA chunk's parts (" + unknownSize + " + " + acSize + " + " + dcSize + " + " + rleSize
                    + " bytes) run past its " + packed.length + " bytes");
        }
        Classes classes = Classes.of(channels, rules);
        int[] channelAt = channelOffsets(channels, width);
        int lineBytes = channelAt[channels.size()];
        long unknownNeeded = 0;
        long rleNeeded = 0;
        for (int c = 0; c < channels.size(); c++) {
            long bytes = (long) width * lines * channels.get(c).type().bytes;
            if (classes.scheme()[c] == UNKNOWN) {
                unknownNeeded += bytes;
            } else if (classes.scheme()[c] == RLE) {
                rleNeeded += bytes;
            }
        }
        check(unknownRawSize, unknownSize, unknownNeeded, rawSize, "unclassified", file, offset);
        check(rleRawSize, rleSize, rleNeeded, rawSize, "run-length", file, offset);
        if (rleCodedSize > 2 * rleRawSize) {
            throw Errors.corrupt(file, offset, "a DWA chunk's run-length data codes " + rleRawSize + " bytes in " + rleCodedSize
                    + ", more than twice as many");
        }
        int blocks = ExrDwaBlocks.blocks(width) * ExrDwaBlocks.blocks(lines);
        long lossy = classes.lossyChannels();
        if (dcCount != blocks * lossy || acCount > blocks * 63L * lossy || (lossy > 0 && acCount < blocks * lossy)) {
            throw Errors.corrupt(file, offset, "a DWA chunk holds " + dcCount + " DC and " + acCount + " AC coefficients where its " + lossy
                    + " lossy channels of " + blocks + " blocks need " + blocks * lossy + " DC and at most " + blocks * 63L * lossy + " AC");
        }
        if ((dcCount > 0) != (dcSize > 0)) {
            throw Errors.corrupt(file, offset, "a DWA chunk holds " + dcCount + " DC coefficients in " + dcSize + " bytes");
        }

        byte[] out = new byte[rawSize];
        int unknownAt = at;
        int acAt = (int) (unknownAt + unknownSize);
        int dcAt = (int) (acAt + acSize);
        int rleAt = (int) (dcAt + dcSize);
        byte[] unknown = unknownSize > 0 ? inflate(packed, unknownAt, (int) unknownSize, (int) unknownRawSize, "unclassified", file, offset)
                : new byte[0];
        char[] ac = new char[(int) acCount];
        if (acSize > 0) {
            if (acCoder == HUFFMAN) {
                try {
                    ExrPiz.unhuffman(packed, acAt, (int) acSize, ac, file, offset + acAt);
                } catch (RushesException e) {
                    throw Errors.corrupt(file, offset + acAt, "a DWA chunk's AC coefficients (Huffman coded as PIZ codes its wavelets) "
                            + "are damaged: " + e.reason());
                }
            } else if (acCoder == DEFLATE) {
                byte[] bytes = inflate(packed, acAt, (int) acSize, (int) acCount * 2, "AC", file, offset);
                for (int i = 0; i < ac.length; i++) {
                    ac[i] = (char) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] & 0xFF) << 8);
                }
            } else {
                throw Errors.corrupt(file, offset + 80, "a DWA chunk names AC coder " + acCoder + " (0 Huffman or 1 deflate expected)");
            }
        }
        char[] dc = new char[(int) dcCount];
        if (dcSize > 0) {
            byte[] bytes = ExrCodec.unpredict(inflate(packed, dcAt, (int) dcSize, (int) dcCount * 2, "DC", file, offset));
            for (int i = 0; i < dc.length; i++) {
                dc[i] = (char) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] & 0xFF) << 8);
            }
        }
        byte[] rle = new byte[0];
        if (rleRawSize > 0) {
            byte[] coded = inflate(packed, rleAt, (int) rleSize, (int) rleCodedSize, "run-length", file, offset);
            rle = ExrCodec.unrle(coded, (int) rleRawSize, file, offset + rleAt);
        }

        int acUsed = 0;
        int dcUsed = 0;
        for (int[] set : classes.cscSets()) {
            for (int c : set) {
                if (classes.scheme()[c] != LOSSY) {
                    throw Errors.corrupt(file, offset, "channel " + channels.get(c).name() + " is in a DWA colour set but not lossy");
                }
            }
            char[][] planes = new char[3][width * lines];
            acUsed = decodeSet(ac, acUsed, dc, dcUsed, true, width, lines, planes, file, offset);
            dcUsed += 3 * blocks;
            for (int i = 0; i < 3; i++) {
                place(planes[i], out, channelAt, lineBytes, set[i], channels, width, lines);
            }
        }
        for (int c : classes.lossySingles()) {
            char[][] planes = new char[1][width * lines];
            acUsed = decodeSet(ac, acUsed, dc, dcUsed, !channels.get(c).linear(), width, lines, planes, file, offset);
            dcUsed += blocks;
            place(planes[0], out, channelAt, lineBytes, c, channels, width, lines);
        }
        int unknownUsed = 0;
        int rleUsed = 0;
        for (int c = 0; c < channels.size(); c++) {
            int bytes = channels.get(c).type().bytes;
            if (classes.scheme()[c] == UNKNOWN) {
                for (int y = 0; y < lines; y++) {
                    System.arraycopy(unknown, unknownUsed, out, y * lineBytes + channelAt[c], width * bytes);
                    unknownUsed += width * bytes;
                }
            } else if (classes.scheme()[c] == RLE) {
                int plane = width * lines;
                for (int y = 0, i = 0; y < lines; y++) {
                    int to = y * lineBytes + channelAt[c];
                    for (int x = 0; x < width; x++, i++) {
                        for (int b = 0; b < bytes; b++) {
                            out[to + x * bytes + b] = rle[rleUsed + b * plane + i];
                        }
                    }
                }
                rleUsed += plane * bytes;
            }
        }
        return out;
    }

    /** A part must be there exactly when some channel is coded that way, and hold at least those channels' bytes. */
    private static void check(long rawSize, long packedSize, long needed, long chunkSize, String part, String file, long offset) {
        boolean ok = needed > 0 ? rawSize >= needed && rawSize <= chunkSize && packedSize > 0 : rawSize == 0 && packedSize == 0;
        if (!ok) {
            throw Errors.corrupt(file, offset, "a DWA chunk's " + part + " part holds " + rawSize + " bytes (" + packedSize
                    + " stored) where its channels need " + needed);
        }
    }

    private static int decodeSet(char[] ac, int acAt, char[] dc, int dcAt, boolean nonlinear, int width, int lines, char[][] planes,
            String file, long offset) {
        int end = ExrDwaBlocks.decode(ac, acAt, ac.length, dc, dcAt, nonlinear, width, lines, planes);
        if (end < 0) {
            throw Errors.corrupt(file, offset, "a DWA chunk's " + ac.length + " AC coefficients end before its last block");
        }
        return end;
    }

    private static void place(char[] plane, byte[] out, int[] at, int lineBytes, int c, List<Channel> channels, int width, int lines) {
        boolean half = channels.get(c).type() == ExrPixelType.HALF;
        for (int y = 0, i = 0; y < lines; y++) {
            int o = y * lineBytes + at[c];
            for (int x = 0; x < width; x++, i++) {
                if (half) {
                    out[o++] = (byte) plane[i];
                    out[o++] = (byte) (plane[i] >> 8);
                } else {
                    int bits = Float.floatToRawIntBits(Half.toFloat((short) plane[i]));
                    out[o++] = (byte) bits;
                    out[o++] = (byte) (bits >> 8);
                    out[o++] = (byte) (bits >> 16);
                    out[o++] = (byte) (bits >> 24);
                }
            }
        }
    }

    private static List<Rule> readRules(byte[] b, int from, int end, String file, long offset) {
        List<Rule> rules = new ArrayList<>();
        int at = from;
        while (at < end) {
            int nul = at;
            while (nul < end && b[nul] != 0 && nul - at <= MAX_RULE_SUFFIX) {
                nul++;
            }
            if (nul - at > MAX_RULE_SUFFIX || nul + 2 >= end) {
                throw Errors.corrupt(file, offset + at, "a DWA channel rule runs past the rules or has a suffix over "
                        + MAX_RULE_SUFFIX + " bytes");
            }
            String suffix = new String(b, at, nul - at, StandardCharsets.UTF_8);
            int value = b[nul + 1] & 0xFF;
            int typeCode = b[nul + 2] & 0xFF;
            int csc = (value >> 4) - 1;
            int scheme = (value >> 2) & 3;
            ExrPixelType type = ExrPixelType.ofCode(typeCode);
            if (csc > 2 || scheme > RLE || type == null) {
                throw Errors.corrupt(file, offset + nul + 1, "a DWA channel rule for '" + suffix + "' has colour index " + csc
                        + ", scheme " + scheme + " and pixel type " + typeCode);
            }
            rules.add(new Rule(suffix, scheme, type, csc, (value & 1) != 0));
            at = nul + 3;
        }
        return rules;
    }

    private static byte[] inflate(byte[] in, int at, int size, int rawSize, String part, String file, long offset) {
        return ExrCodec.inflate(in, at, size, rawSize, "a DWA chunk's " + part + " data", file, offset + at);
    }
}
