package io.rushes.engine.deliver.exr;

import io.rushes.engine.error.Errors;
import io.rushes.engine.io.ByteSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Writes single-part scanline OpenEXR files: channels R, G, B (and A) as HALF or FLOAT, compressed NONE, RLE, ZIPS,
 * ZIP, PIZ, or lossy DWAA or DWAB ({@link ExrDwa}: at the {@code dwaCompressionLevel} given as an attribute, else 45, which
 * is then written), with a data window that may differ from the display window and any header attributes
 * ({@link ExrStandardAttributes}). Chunks compress independently, so given an {@link Executor} they compress in
 * parallel; the bytes written are the same whatever the executor. Stateless.
 *
 * <p>{@code acesImageContainerFlag} is refused unless the compression is NONE and the pixels HALF: SMPTE ST 2065-4
 * defines the ACES container as uncompressed half RGB(A) (current OpenImageIO refuses the flag with ZIP as well).
 */
public final class OpenExrWriter {
    private static final byte[] MAGIC = {0x76, 0x2f, 0x31, 0x01};
    private static final int VERSION = 2;
    private static final int LONG_NAMES = 0x400;
    /** Attributes the writer sets itself from the image and options. */
    private static final Set<String> REQUIRED = Set.of("channels", "compression", "dataWindow", "displayWindow", "lineOrder",
            "pixelAspectRatio", "screenWindowCenter", "screenWindowWidth");

    /** How to store the pixels: the compression and the sample type of every channel. */
    public record Options(ExrCompression compression, ExrPixelType pixelType) {
        public Options {
            if (!compression.supported()) {
                throw Errors.invalidArgument("OpenEXR compression " + compression + " cannot be written yet",
                        "Choose NONE, RLE, ZIPS, ZIP, PIZ, DWAA or DWAB");
            }
            if (pixelType == ExrPixelType.UINT) {
                throw Errors.invalidArgument("OpenEXR UINT pixels cannot hold an image's colours", "Choose HALF or FLOAT pixels");
            }
        }
    }

    private OpenExrWriter() {
    }

    /** Writes the file through {@code sink}, which commits it whole or not at all (no reader sees part of it). */
    public static void write(ExrImage image, Options options, List<ExrAttribute> attributes, Executor executor, ByteSink sink) {
        Plan plan = plan(image, options, attributes);
        try {
            sink.write(out -> plan.writeTo(out, executor));
        } catch (IOException e) {
            throw Errors.io(sink.name(), e).during("write");
        }
    }

    /** The whole file in memory (tests, benchmarks, sinks that want bytes). */
    public static byte[] encode(ExrImage image, Options options, List<ExrAttribute> attributes, Executor executor) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            plan(image, options, attributes).writeTo(out, executor);
        } catch (IOException e) {
            throw new IllegalStateException("a byte array stream does not fail", e);
        }
        return out.toByteArray();
    }

    private static Plan plan(ExrImage image, Options options, List<ExrAttribute> attributes) {
        TreeMap<String, ExrAttribute> header = new TreeMap<>();
        for (ExrAttribute a : attributes) {
            if (REQUIRED.contains(a.name())) {
                throw Errors.invalidArgument("OpenEXR attribute " + a.name() + " is set by the writer from the image",
                        "Leave " + a.name() + " out of the attributes; give the windows and options instead");
            }
            if (header.put(a.name(), a) != null) {
                throw Errors.invalidArgument("OpenEXR attribute " + a.name() + " is given twice", "Give each attribute once");
            }
        }
        if (header.containsKey(ExrStandardAttributes.ACES_CONTAINER_FLAG)
                && (options.compression() != ExrCompression.NONE || options.pixelType() != ExrPixelType.HALF)) {
            throw Errors.invalidArgument("acesImageContainerFlag marks an ACES container (SMPTE ST 2065-4), which is uncompressed "
                    + "HALF, but this file is " + options.compression() + " " + options.pixelType(),
                    "Write the ACES container with compression NONE and HALF pixels, or leave the flag out");
        }
        float level = dwaLevel(header, options.compression());
        List<String> channels = image.alpha() != null ? List.of("A", "B", "G", "R") : List.of("B", "G", "R"); // sorted, as OpenEXR requires
        ByteArrayBuilder b = new ByteArrayBuilder();
        b.put(MAGIC);
        boolean longNames = header.keySet().stream().anyMatch(n -> n.getBytes(StandardCharsets.UTF_8).length > ExrAttribute.SHORT_NAME);
        b.i32(VERSION | (longNames ? LONG_NAMES : 0));
        header.put("channels", channelList(channels, options.pixelType()));
        header.put("compression", new ExrAttribute("compression", "compression", new byte[] {(byte) options.compression().code}));
        header.put("dataWindow", ExrAttribute.box2i("dataWindow", image.dataWindow()));
        header.put("displayWindow", ExrAttribute.box2i("displayWindow", image.displayWindow()));
        header.put("lineOrder", new ExrAttribute("lineOrder", "lineOrder", new byte[] {0}));
        header.put("pixelAspectRatio", ExrAttribute.floatValue("pixelAspectRatio", 1));
        header.put("screenWindowCenter", ExrAttribute.v2f("screenWindowCenter", 0, 0));
        header.put("screenWindowWidth", ExrAttribute.floatValue("screenWindowWidth", 1));
        for (ExrAttribute a : header.values()) {
            b.cString(a.name()).cString(a.type()).i32(a.value().length).put(a.value());
        }
        b.put(new byte[] {0});
        List<ExrDwa.Channel> layout = channels.stream().map(n -> new ExrDwa.Channel(n, options.pixelType(), false)).toList();
        return new Plan(image, options, channels, new ExrDwa.Layout(layout, level), b.toByteArray());
    }

    /** The DWA level: the caller's dwaCompressionLevel attribute (a float of at least 0), else OpenEXR's default, written. */
    private static float dwaLevel(TreeMap<String, ExrAttribute> header, ExrCompression compression) {
        ExrAttribute given = header.get(ExrDwa.LEVEL_ATTRIBUTE);
        if (given == null) {
            if (compression.dwa()) {
                header.put(ExrDwa.LEVEL_ATTRIBUTE, ExrAttribute.floatValue(ExrDwa.LEVEL_ATTRIBUTE, ExrDwa.DEFAULT_LEVEL));
            }
            return ExrDwa.DEFAULT_LEVEL;
        }
        Float level = given.asFloat();
        if (level == null || !(level >= 0) || level.isInfinite()) {
            throw Errors.invalidArgument("OpenEXR attribute " + ExrDwa.LEVEL_ATTRIBUTE + " must be a float of at least 0, not a "
                    + given.type() + (level == null ? "" : " of " + level), "Give it as a float, such as 45 (OpenEXR's default)");
        }
        return level;
    }

    private static ExrAttribute channelList(List<String> names, ExrPixelType type) {
        ByteArrayBuilder b = new ByteArrayBuilder();
        for (String name : names) {
            b.cString(name).i32(type.code).put(new byte[] {0, 0, 0, 0}).i32(1).i32(1); // pLinear, reserved; x and y sampling
        }
        b.put(new byte[] {0});
        return new ExrAttribute("channels", "chlist", b.toByteArray());
    }

    /** One file to write: its header and how to make each chunk. */
    private record Plan(ExrImage image, Options options, List<String> channels, ExrDwa.Layout layout, byte[] header) {
        int chunks() {
            int lines = options.compression().linesPerChunk;
            return (image.rgb().height() + lines - 1) / lines;
        }

        void writeTo(OutputStream out, Executor executor) throws IOException {
            int count = chunks();
            byte[][] stored = new byte[count][];
            if (executor == null) {
                for (int i = 0; i < count; i++) {
                    stored[i] = compress(i);
                }
            } else {
                List<CompletableFuture<byte[]>> futures = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    int chunk = i;
                    futures.add(CompletableFuture.supplyAsync(() -> compress(chunk), executor));
                }
                for (int i = 0; i < count; i++) {
                    try {
                        stored[i] = futures.get(i).join();
                    } catch (CompletionException e) {
                        throw e.getCause() instanceof RuntimeException r ? r : e;
                    }
                }
            }
            out.write(header);
            long offset = header.length + 8L * count;
            ByteArrayBuilder table = new ByteArrayBuilder();
            for (byte[] chunk : stored) {
                table.i64(offset);
                offset += 8 + chunk.length;
            }
            out.write(table.toByteArray());
            int lines = options.compression().linesPerChunk;
            for (int i = 0; i < count; i++) {
                out.write(new ByteArrayBuilder().i32(image.dataWindow().yMin() + i * lines).i32(stored[i].length).toByteArray());
                out.write(stored[i]);
            }
        }

        byte[] compress(int chunk) {
            int lines = options.compression().linesPerChunk;
            int count = Math.min(lines, image.rgb().height() - chunk * lines);
            if (options.compression() == ExrCompression.PIZ) {
                // PIZ regroups the words by channel first: made so from the floats, the stored bytes only if it cannot shrink
                int[] words = new int[channels.size()];
                java.util.Arrays.fill(words, options.pixelType().bytes / 2);
                byte[] packed = ExrPiz.compressPlanar(planarChunk(chunk), image.rgb().width(), count, words);
                return packed != null ? packed : rawChunk(chunk);
            }
            return ExrCodec.compress(options.compression(), rawChunk(chunk), image.rgb().width(), count, layout);
        }

        /**
         * The 16-bit words of one chunk as PIZ takes them: each channel's lines together, in the channel list's order; a
         * FLOAT sample is two words, low half first (the stored bytes of {@link #rawChunk}, regrouped).
         */
        char[] planarChunk(int chunk) {
            int width = image.rgb().width();
            int lines = options.compression().linesPerChunk;
            int first = chunk * lines;
            int last = Math.min(image.rgb().height(), first + lines);
            boolean half = options.pixelType() == ExrPixelType.HALF;
            int lineWords = width * (half ? 1 : 2);
            int channelWords = (last - first) * lineWords;
            char[] out = new char[channels.size() * channelWords];
            float[] rgb = image.rgb().data();
            float[] alpha = image.alpha();
            for (int c = 0; c < channels.size(); c++) {
                int component = "RGB".indexOf(channels.get(c));
                int o = c * channelWords;
                for (int y = first; y < last; y++) {
                    int pixel = y * width;
                    for (int x = 0; x < width; x++, pixel++) {
                        float v = component < 0 ? alpha[pixel] : rgb[pixel * 3 + component];
                        if (half) {
                            out[o++] = (char) Half.fromFloat(v);
                        } else {
                            int bits = Float.floatToRawIntBits(v);
                            out[o++] = (char) bits;
                            out[o++] = (char) (bits >>> 16);
                        }
                    }
                }
            }
            return out;
        }

        /**
         * Scanlines of one chunk, uncompressed: per line, each channel's samples in the channel list's order. Each line is
         * filled in one pass over its pixels (sequential reads of the interleaved RGB), writing every channel's slot.
         */
        byte[] rawChunk(int chunk) {
            int width = image.rgb().width();
            int lines = options.compression().linesPerChunk;
            int first = chunk * lines;
            int last = Math.min(image.rgb().height(), first + lines);
            boolean half = options.pixelType() == ExrPixelType.HALF;
            int sampleBytes = options.pixelType().bytes;
            int channelBytes = width * sampleBytes;
            byte[] raw = new byte[(last - first) * channels.size() * channelBytes];
            float[] rgb = image.rgb().data();
            float[] alpha = image.alpha();
            // Offsets of R, G, B (and A) within a line: the channels are sorted A, B, G, R.
            int rAt = channels.indexOf("R") * channelBytes;
            int gAt = channels.indexOf("G") * channelBytes;
            int bAt = channels.indexOf("B") * channelBytes;
            int aAt = channels.indexOf("A") * channelBytes;
            int lineStart = 0;
            for (int y = first; y < last; y++, lineStart += channels.size() * channelBytes) {
                int pixel = y * width;
                for (int x = 0, o = lineStart; x < width; x++, pixel++, o += sampleBytes) {
                    put(raw, o + rAt, rgb[pixel * 3], half);
                    put(raw, o + gAt, rgb[pixel * 3 + 1], half);
                    put(raw, o + bAt, rgb[pixel * 3 + 2], half);
                    if (alpha != null) {
                        put(raw, o + aAt, alpha[pixel], half);
                    }
                }
            }
            return raw;
        }

        private static void put(byte[] raw, int at, float v, boolean half) {
            if (half) {
                short h = Half.fromFloat(v);
                raw[at] = (byte) h;
                raw[at + 1] = (byte) (h >> 8);
            } else {
                int bits = Float.floatToRawIntBits(v);
                raw[at] = (byte) bits;
                raw[at + 1] = (byte) (bits >> 8);
                raw[at + 2] = (byte) (bits >> 16);
                raw[at + 3] = (byte) (bits >> 24);
            }
        }
    }

    /** Little-endian header building. */
    private static final class ByteArrayBuilder {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        ByteArrayBuilder put(byte[] bytes) {
            out.write(bytes, 0, bytes.length);
            return this;
        }

        ByteArrayBuilder cString(String s) {
            return put(s.getBytes(StandardCharsets.UTF_8)).put(new byte[] {0});
        }

        ByteArrayBuilder i32(int v) {
            return put(ExrAttribute.le(4).putInt(v).array());
        }

        ByteArrayBuilder i64(long v) {
            return put(ExrAttribute.le(8).putLong(v).array());
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
