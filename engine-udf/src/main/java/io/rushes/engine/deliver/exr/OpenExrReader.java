package io.rushes.engine.deliver.exr;

import io.rushes.engine.error.Errors;
import io.rushes.engine.image.ImageLimits;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.ByteSource;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Reads single-part scanline OpenEXR images compressed NONE, RLE, ZIPS, ZIP, PIZ, DWAA or DWAB, with any channels of
 * HALF, FLOAT or UINT samples, in any line order. Tiled, deep and multi-part files and the other compressions are
 * refused as unsupported, naming what they are. Nothing read is trusted: every size, count and offset is checked against the
 * file before anything is allocated for it, so a header never makes the reader allocate more than the file's bytes
 * could decompress to.
 */
public final class OpenExrReader {
    private static final int MAGIC = 20000630;
    private static final int TILED = 0x200;
    private static final int LONG_NAMES = 0x400;
    private static final int NON_IMAGE = 0x800;
    private static final int MULTI_PART = 0x1000;
    private static final int MAX_ATTRIBUTES = 1024;
    private static final int MAX_CHANNELS = 1024;
    private static final long MAX_ATTRIBUTE_BYTES = 16L << 20;
    /** Largest uncompressed chunk (16 lines of 32768 pixels of 64 FLOAT channels, say), and of one sample plane set. */
    private static final long MAX_CHUNK_BYTES = 256L << 20;
    private static final long MAX_SAMPLES = 1L << 28;
    private static final String FIX = "Convert it to a single-part OpenEXR (scanline or tiled) with NONE, RLE, ZIPS, ZIP, PIZ, DWAA or DWAB "
            + "compression (for example: oiiotool in.exr --compression zip -o out.exr)";

    private OpenExrReader() {
    }

    public static ExrFile read(ByteSource source) {
        return read(source, null);
    }

    /**
     * Reads the file, decoding its chunks on {@code executor} when one is given (they decode independently into
     * disjoint rows; the chunks are read from the source in order on the calling thread).
     */
    public static ExrFile read(ByteSource source, Executor executor) {
        BinaryReader in;
        try {
            in = new BinaryReader(source, MAX_CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw Errors.io(source.name(), e);
        }
        String name = source.name();
        if (in.size() < 8 || in.u32(0) != MAGIC) {
            throw Errors.unsupportedFormat(name, "it does not start with the OpenEXR magic number",
                    "Give an OpenEXR (.exr) file");
        }
        long flags = in.u32(4);
        if ((flags & 0xFF) != 2) {
            throw Errors.unsupportedFeature(name, 4, "OpenEXR file format version " + (flags & 0xFF), FIX);
        }
        if ((flags & MULTI_PART) != 0 || (flags & NON_IMAGE) != 0) {
            String kind = (flags & MULTI_PART) != 0 ? "a multi-part" : "a deep";
            throw Errors.unsupportedFeature(name, 4, kind + " OpenEXR file", FIX);
        }
        boolean tiled = (flags & TILED) != 0;
        int maxName = (flags & LONG_NAMES) != 0 ? ExrAttribute.LONG_NAME : ExrAttribute.SHORT_NAME;
        Map<String, ExrAttribute> attributes = new LinkedHashMap<>();
        long at = 8;
        for (int count = 0; ; count++) {
            if (count >= MAX_ATTRIBUTES) {
                throw Errors.limitExceeded(name, at, "the number of header attributes", count, MAX_ATTRIBUTES);
            }
            byte[] nameBytes = cString(in, at, maxName, "an attribute name");
            String attributeName = text(nameBytes, in, at, "an attribute name");
            at += nameBytes.length + 1;
            if (attributeName.isEmpty()) {
                break;
            }
            byte[] typeBytes = cString(in, at, maxName, "the type of attribute " + attributeName);
            String type = text(typeBytes, in, at, "the type of attribute " + attributeName);
            at += typeBytes.length + 1;
            long size = in.u32(at);
            if (size > MAX_ATTRIBUTE_BYTES) {
                throw Errors.limitExceeded(name, at, "the size of attribute " + attributeName, size, MAX_ATTRIBUTE_BYTES);
            }
            if (attributes.containsKey(attributeName)) {
                throw Errors.corrupt(name, at, "the header holds attribute " + attributeName + " twice");
            }
            attributes.put(attributeName, new ExrAttribute(attributeName, type, in.bytes(at + 4, size, "attribute " + attributeName)));
            at += 4 + size;
        }
        long headerEnd = at;
        ExrAttribute type = attributes.get("type");
        if (type != null && type.asString() != null && !type.asString().equals(tiled ? "tiledimage" : "scanlineimage")) {
            throw Errors.unsupportedFeature(name, 8, "an OpenEXR part of type " + type.asString(), FIX);
        }
        ExrCompression compression = compression(name, required(name, attributes, "compression", "compression"));
        if (!compression.supported()) {
            throw Errors.unsupportedFeature(name, 8, "OpenEXR " + compression + " compression", FIX);
        }
        ExrWindow data = window(name, required(name, attributes, "dataWindow", "box2i"));
        ExrWindow display = window(name, required(name, attributes, "displayWindow", "box2i"));
        required(name, attributes, "lineOrder", "lineOrder");
        List<ExrFile.Channel> channels = channels(name, required(name, attributes, "channels", "chlist"));

        long width = data.width();
        long height = data.height();
        ImageLimits.checkDeclared(name, 8, "the data window", width, height);
        long samples = width * height * channels.size();
        if (samples > MAX_SAMPLES) {
            throw Errors.limitExceeded(name, 8, "the number of samples (pixels x channels)", samples, MAX_SAMPLES);
        }
        long lineBytes = 0;
        for (ExrFile.Channel c : channels) {
            lineBytes += width * c.type().bytes;
        }
        if (tiled) {
            return readTiles(in, name, attributes, headerEnd, compression, data, display, channels, executor);
        }
        int lines = compression.linesPerChunk;
        long chunkCount = (height + lines - 1) / lines;
        long tableEnd = headerEnd + 8 * chunkCount;
        in.require(headerEnd, 8 * chunkCount, "the line offset table of " + chunkCount + " chunks");
        // Each chunk costs at least its 8-byte prefix, and no codec expands a byte beyond its largest ratio.
        long payload = in.size() - tableEnd - 8 * chunkCount;
        if (payload < 0 || lineBytes * height > Math.max(0, payload) * maxExpansion(compression)) {
            throw Errors.truncated(name, tableEnd, lineBytes * height + " bytes of " + compression + " pixels ("
                    + width + "x" + height + ", " + channels.size() + " channels)");
        }
        if (lineBytes * lines > MAX_CHUNK_BYTES) {
            throw Errors.limitExceeded(name, tableEnd, "the size of one uncompressed chunk", lineBytes * lines, MAX_CHUNK_BYTES);
        }

        Map<String, float[]> planes = planes(channels, width, height);
        float[][] planeList = planes.values().toArray(new float[0][]);
        ExrDwa.Layout layout = ExrDwa.readLayout(channels, attributes.get("channels"));
        boolean[] seen = new boolean[(int) chunkCount];
        List<CompletableFuture<Void>> decoding = new ArrayList<>();
        for (int i = 0; i < chunkCount; i++) {
            long offset = in.u64(headerEnd + 8L * i);
            if (offset < tableEnd || offset > in.size() - 8) {
                throw Errors.corrupt(name, headerEnd + 8L * i, "chunk " + i + " is at byte " + offset + ", outside the file's pixel data ("
                        + tableEnd + " to " + in.size() + ")");
            }
            long y = in.i32(offset);
            long size = in.u32(offset + 4);
            long index = (y - data.yMin()) / lines;
            if (y < data.yMin() || y > data.yMax() || (y - data.yMin()) % lines != 0 || seen[(int) index]) {
                throw Errors.corrupt(name, offset, "a chunk starts at line " + y + ", which is not the first line of a chunk of the data "
                        + "window " + data.yMin() + " to " + data.yMax() + " not yet read");
            }
            seen[(int) index] = true;
            int first = (int) (y - data.yMin());
            int count = (int) Math.min(lines, height - first);
            long rawSize = lineBytes * count;
            if (size > rawSize) {
                throw Errors.corrupt(name, offset + 4, "chunk " + index + " stores " + size + " bytes, more than its " + rawSize
                        + " uncompressed bytes");
            }
            byte[] packed = in.bytes(offset + 8, size, "chunk " + index + " (" + size + " bytes)");
            long chunkAt = offset + 8;
            Runnable decode = () -> unpack(ExrCodec.decompress(compression, packed, (int) rawSize, (int) width, count, layout, name, chunkAt),
                    channels, planeList, (int) width, first, count);
            if (executor == null) {
                decode.run();
            } else {
                decoding.add(CompletableFuture.runAsync(decode, executor));
            }
        }
        return finish(decoding, name, compression, data, display, channels, attributes, planes);
    }

    /**
     * A tiled image of one level (OpenEXR's ONE_LEVEL; the full-resolution level of a MIPMAP or RIPMAP file, whose other
     * levels come after it and are left): each chunk is one tile, its lines laid out as a scanline chunk of the tile's
     * width, decoded by the same codecs.
     */
    private static ExrFile readTiles(BinaryReader in, String name, Map<String, ExrAttribute> attributes, long headerEnd,
                                     ExrCompression compression, ExrWindow data, ExrWindow display, List<ExrFile.Channel> channels,
                                     Executor executor) {
        ExrAttribute tiles = required(name, attributes, "tiles", "tiledesc");
        byte[] t = tiles.value();
        if (t.length < 9) {
            throw Errors.corrupt(name, 8, "its tiles attribute holds " + t.length + " bytes, not 9");
        }
        long tileW = int32(t, 0) & 0xFFFFFFFFL;
        long tileH = int32(t, 4) & 0xFFFFFFFFL;
        int levelMode = t[8] & 0x0F;
        int rounding = (t[8] >> 4) & 0x0F;
        long width = data.width();
        long height = data.height();
        if (tileW < 1 || tileH < 1 || tileW > 65536 || tileH > 65536 || levelMode > 2 || rounding > 1) {
            throw Errors.corrupt(name, 8, "its tiles attribute describes " + tileW + "x" + tileH + " tiles, level mode " + levelMode
                    + ", rounding " + rounding);
        }
        long across = (width + tileW - 1) / tileW;
        long down = (height + tileH - 1) / tileH;
        long levelZero = across * down;
        long tableCount = levelMode == 0 ? levelZero : tileCount(width, height, tileW, tileH, levelMode, rounding == 1);
        long tableEnd = headerEnd + 8 * tableCount;
        in.require(headerEnd, 8 * tableCount, "the tile offset table of " + tableCount + " tiles");
        long tileBytes = 0;
        for (ExrFile.Channel c : channels) {
            tileBytes += tileW * c.type().bytes;
        }
        tileBytes *= tileH;
        if (tileBytes > MAX_CHUNK_BYTES) {
            throw Errors.limitExceeded(name, tableEnd, "the size of one uncompressed tile", tileBytes, MAX_CHUNK_BYTES);
        }
        Map<String, float[]> planes = planes(channels, width, height);
        float[][] planeList = planes.values().toArray(new float[0][]);
        ExrDwa.Layout layout = ExrDwa.readLayout(channels, attributes.get("channels"));
        boolean[] seen = new boolean[(int) levelZero];
        List<CompletableFuture<Void>> decoding = new ArrayList<>();
        for (int i = 0; i < levelZero; i++) {
            long offset = in.u64(headerEnd + 8L * i);
            if (offset < tableEnd || offset > in.size() - 20) {
                throw Errors.corrupt(name, headerEnd + 8L * i, "tile " + i + " is at byte " + offset + ", outside the file's pixel data ("
                        + tableEnd + " to " + in.size() + ")");
            }
            long tx = in.i32(offset);
            long ty = in.i32(offset + 4);
            long lx = in.i32(offset + 8);
            long ly = in.i32(offset + 12);
            long size = in.u32(offset + 16);
            if (lx != 0 || ly != 0 || tx < 0 || ty < 0 || tx >= across || ty >= down || seen[(int) (ty * across + tx)]) {
                throw Errors.corrupt(name, offset, "a tile of level " + lx + "," + ly + " at " + tx + "," + ty + " where the first level's "
                        + across + "x" + down + " tiles not yet read were expected");
            }
            seen[(int) (ty * across + tx)] = true;
            int x0 = (int) (tx * tileW);
            int y0 = (int) (ty * tileH);
            int w = (int) Math.min(tileW, width - x0);
            int h = (int) Math.min(tileH, height - y0);
            long rawSize = 0;
            for (ExrFile.Channel c : channels) {
                rawSize += (long) w * c.type().bytes;
            }
            rawSize *= h;
            if (size > rawSize) {
                throw Errors.corrupt(name, offset + 16, "tile " + tx + "," + ty + " stores " + size + " bytes, more than its " + rawSize
                        + " uncompressed bytes");
            }
            byte[] packed = in.bytes(offset + 20, size, "tile " + tx + "," + ty + " (" + size + " bytes)");
            long chunkAt = offset + 20;
            long raw = rawSize;
            Runnable decode = () -> unpackTile(ExrCodec.decompress(compression, packed, (int) raw, w, h, layout, name, chunkAt), channels,
                    planeList, (int) width, x0, y0, w, h);
            if (executor == null) {
                decode.run();
            } else {
                decoding.add(CompletableFuture.runAsync(decode, executor));
            }
        }
        return finish(decoding, name, compression, data, display, channels, attributes, planes);
    }

    /** Tiles in every level of a MIPMAP (levelMode 1) or RIPMAP (2) image: the offset table holds them all. */
    private static long tileCount(long width, long height, long tileW, long tileH, int levelMode, boolean roundUp) {
        long total = 0;
        if (levelMode == 1) {
            for (long l = 0, n = levels(Math.max(width, height), roundUp); l < n; l++) {
                total += tilesOf(levelSize(width, l, roundUp), tileW) * tilesOf(levelSize(height, l, roundUp), tileH);
            }
        } else {
            for (long ly = 0, ny = levels(height, roundUp); ly < ny; ly++) {
                for (long lx = 0, nx = levels(width, roundUp); lx < nx; lx++) {
                    total += tilesOf(levelSize(width, lx, roundUp), tileW) * tilesOf(levelSize(height, ly, roundUp), tileH);
                }
            }
        }
        return total;
    }

    /** Levels of a side of {@code size}: floor (or ceil, rounding up) of log2(size), plus one (ImfTiledMisc.cpp). */
    private static long levels(long size, boolean roundUp) {
        int floor = 63 - Long.numberOfLeadingZeros(size);
        boolean power = (size & (size - 1)) == 0;
        return (roundUp && !power ? floor + 1 : floor) + 1;
    }

    private static long levelSize(long size, long level, boolean roundUp) {
        long divisor = 1L << Math.min(62, level);
        return Math.max(1, roundUp ? (size + divisor - 1) / divisor : size / divisor);
    }

    private static long tilesOf(long size, long tile) {
        return (size + tile - 1) / tile;
    }

    /** A decoded tile (lines of {@code w} samples of each channel in turn) into the planes at {@code x0, y0}. */
    private static void unpackTile(byte[] raw, List<ExrFile.Channel> channels, float[][] planes, int width, int x0, int y0, int w, int h) {
        int o = 0;
        for (int line = 0; line < h; line++) {
            int row = (y0 + line) * width + x0;
            for (int c = 0; c < planes.length; c++) {
                float[] plane = planes[c];
                switch (channels.get(c).type()) {
                    case HALF -> {
                        for (int x = 0; x < w; x++, o += 2) {
                            plane[row + x] = Half.toFloat((short) ((raw[o] & 0xFF) | (raw[o + 1] << 8)));
                        }
                    }
                    case FLOAT -> {
                        for (int x = 0; x < w; x++, o += 4) {
                            plane[row + x] = Float.intBitsToFloat(int32(raw, o));
                        }
                    }
                    case UINT -> {
                        for (int x = 0; x < w; x++, o += 4) {
                            plane[row + x] = (float) (int32(raw, o) & 0xFFFFFFFFL);
                        }
                    }
                }
            }
        }
    }

    /** One plane of the data window's size for each channel, in the channel list's order. */
    private static Map<String, float[]> planes(List<ExrFile.Channel> channels, long width, long height) {
        Map<String, float[]> planes = new LinkedHashMap<>();
        for (ExrFile.Channel c : channels) {
            planes.put(c.name(), new float[(int) (width * height)]);
        }
        return planes;
    }

    /** The file, once every chunk decoding in parallel is done (the first failure is thrown as it was). */
    private static ExrFile finish(List<CompletableFuture<Void>> decoding, String name, ExrCompression compression, ExrWindow data,
                                  ExrWindow display, List<ExrFile.Channel> channels, Map<String, ExrAttribute> attributes,
                                  Map<String, float[]> planes) {
        for (CompletableFuture<Void> chunk : decoding) {
            try {
                chunk.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        return new ExrFile(name, compression, data, display, List.copyOf(channels), Collections.unmodifiableMap(attributes),
                Collections.unmodifiableMap(planes));
    }

    /** How many bytes one stored byte can decode to at most: RLE's 2-byte run of 128, deflate's 1032:1, PIZ's runs. */
    private static long maxExpansion(ExrCompression compression) {
        return switch (compression) {
            case NONE -> 1;
            case RLE -> 64;
            case PIZ -> 512; // a 10-bit run (two 1-bit codes and its count) stands for 256 words, 512 bytes
            case DWAA, DWAB -> 1 << 16; // an AC run of 256 end-of-block codes in ~10 bits stands for 256 blocks of 128 bytes
            default -> 1032;
        };
    }

    /** A decoded scanline chunk (lines {@code first} to {@code first + count} of every channel in turn) into the planes. */
    private static void unpack(byte[] raw, List<ExrFile.Channel> channels, float[][] planes, int width, int first, int count) {
        unpackTile(raw, channels, planes, width, 0, first, width, count);
    }

    private static int int32(byte[] b, int o) {
        return (b[o] & 0xFF) | (b[o + 1] & 0xFF) << 8 | (b[o + 2] & 0xFF) << 16 | b[o + 3] << 24;
    }

    private static ExrAttribute required(String name, Map<String, ExrAttribute> attributes, String attribute, String type) {
        ExrAttribute a = attributes.get(attribute);
        if (a == null || !a.type().equals(type)) {
            throw Errors.corrupt(name, 8, "the header has no " + attribute + " attribute of type " + type
                    + (a == null ? "" : " (it is a " + a.type() + ")"));
        }
        return a;
    }

    private static ExrCompression compression(String name, ExrAttribute a) {
        byte[] v = a.value();
        ExrCompression c = v.length == 1 ? ExrCompression.ofCode(v[0] & 0xFF) : null;
        if (c == null) {
            throw Errors.unsupportedFeature(name, 8, "OpenEXR compression code " + (v.length == 1 ? v[0] & 0xFF : -1)
                    + " (unknown to Rushes)", FIX);
        }
        return c;
    }

    private static ExrWindow window(String name, ExrAttribute a) {
        ExrWindow w = a.asWindow();
        if (w == null) {
            throw Errors.corrupt(name, 8, "the " + a.name() + " attribute is not a box of at least one pixel");
        }
        return w;
    }

    private static List<ExrFile.Channel> channels(String name, ExrAttribute a) {
        byte[] v = a.value();
        List<ExrFile.Channel> out = new ArrayList<>();
        int at = 0;
        while (true) {
            int nul = at;
            while (nul < v.length && v[nul] != 0) {
                nul++;
            }
            if (nul >= v.length) {
                throw Errors.corrupt(name, 8, "the channel list ends without its closing NUL");
            }
            if (nul == at) {
                break;
            }
            String channel = new String(v, at, nul - at, StandardCharsets.UTF_8);
            if (nul + 17 > v.length) {
                throw Errors.corrupt(name, 8, "the channel list ends inside channel " + channel);
            }
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(v, nul + 1, 16).order(ByteOrder.LITTLE_ENDIAN);
            int typeCode = b.getInt();
            b.getInt(); // pLinear and reserved bytes
            int xSampling = b.getInt();
            int ySampling = b.getInt();
            ExrPixelType type = ExrPixelType.ofCode(typeCode);
            if (type == null) {
                throw Errors.corrupt(name, 8, "channel " + channel + " has pixel type " + typeCode + " (0, 1 or 2 expected)");
            }
            if (xSampling != 1 || ySampling != 1) {
                throw Errors.unsupportedFeature(name, 8, "OpenEXR channel " + channel + " subsampled " + xSampling + "x" + ySampling
                        + " (luminance/chroma)", FIX);
            }
            if (!out.isEmpty() && channel.compareTo(out.get(out.size() - 1).name()) <= 0) {
                // OpenEXR keeps channels sorted by name, each once; a repeat would shift every sample after it.
                throw Errors.corrupt(name, 8, "channel " + channel + " is out of order or repeated in the channel list");
            }
            if (out.size() == MAX_CHANNELS) {
                throw Errors.limitExceeded(name, 8, "the number of channels", MAX_CHANNELS + 1, MAX_CHANNELS);
            }
            out.add(new ExrFile.Channel(channel, type));
            at = nul + 17;
        }
        if (out.isEmpty()) {
            throw Errors.corrupt(name, 8, "the channel list is empty");
        }
        return out;
    }

    /** The bytes of a NUL-terminated string of at most {@code max} bytes (the header position moves by exactly these). */
    private static byte[] cString(BinaryReader in, long at, int max, String what) {
        byte[] buffer = new byte[max];
        for (int i = 0; i <= max; i++) {
            int c = in.u8(at + i);
            if (c == 0) {
                return java.util.Arrays.copyOf(buffer, i);
            }
            if (i == max) {
                break;
            }
            buffer[i] = (byte) c;
        }
        throw Errors.corrupt(in.name(), at, what + " is longer than " + max + " bytes");
    }

    /** Names and types are UTF-8 text (ASCII in every writer): anything else is damage, not a name. */
    private static String text(byte[] bytes, BinaryReader in, long at, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw Errors.corrupt(in.name(), at, what + " is not text");
        }
    }
}
