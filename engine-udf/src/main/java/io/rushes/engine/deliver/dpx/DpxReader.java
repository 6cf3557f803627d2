package io.rushes.engine.deliver.dpx;

import static io.rushes.engine.deliver.dpx.DpxLayout.*;

import io.rushes.engine.error.Errors;
import io.rushes.engine.format.dpx.DpxHeader;
import io.rushes.engine.image.ImageLimits;
import io.rushes.engine.image.RgbImage;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.ByteSource;
import java.nio.ByteOrder;
import java.util.Locale;

/**
 * Reads the pixels of a DPX frame's first image element: RGB (descriptor 50) or RGBA (51, the alpha dropped), unsigned,
 * uncompressed, 10- or 12-bit filled method A or 16-bit, in either byte order. Code values come back scaled to 0..1 (code
 * / 1023, / 4095 or / 65535). Other descriptors, depths, packings and run-length encoding are refused as unsupported, naming
 * them; every size and offset is checked against the file and the image limits before anything is allocated.
 */
public final class DpxReader {
    private static final String SUPPORTED = "Rushes reads uncompressed unsigned RGB or RGBA DPX of 10 or 12 bits (filled, "
            + "method A) or 16 bits; convert the frame, e.g. oiiotool in.dpx -d uint16 -o out.dpx";

    /** A decoded frame: its pixels, the sample depth it was stored at and its header fields. */
    public record Frame(RgbImage image, int bitDepth, DpxHeader header) {
    }

    private DpxReader() {
    }

    public static Frame read(ByteSource source) {
        BinaryReader container = BinaryReader.open(source);
        String name = source.name();
        String magic = container.size() < 4 ? "" : container.ascii(MAGIC, 4);
        if (!magic.equals("SDPX") && !magic.equals("XPDS")) {
            // Not damaged: some other file where a DPX was expected.
            throw Errors.unsupportedFormat(name, "it is not a DPX image (no SDPX or XPDS magic at byte 0)");
        }
        DpxHeader header = DpxHeader.read(container);
        BinaryReader in = container.view(magic.equals("SDPX") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int e = ELEMENT;
        int descriptor = in.u8(e + DESCRIPTOR);
        int bits = in.u8(e + BIT_DEPTH);
        int packing = in.u16(e + PACKING);
        int encoding = in.u16(e + ENCODING);
        long sign = in.u32(e + DATA_SIGN);
        int components = descriptor == DESCRIPTOR_RGB ? 3 : descriptor == DESCRIPTOR_RGBA ? 4 : 0;
        boolean packingKnown = bits == 16 ? packing == PACKING_PACKED || packing == PACKING_FILLED_A : packing == PACKING_FILLED_A;
        if (components == 0 || (bits != 10 && bits != 12 && bits != 16) || !packingKnown || encoding != 0 || sign != 0) {
            throw Errors.unsupportedFeature(name, e + DESCRIPTOR, String.format(Locale.ROOT,
                    "a DPX image element with descriptor %d (%s), %d-bit samples, packing %d (%s), encoding %d (%s), data sign %d",
                    descriptor, descriptorName(descriptor), bits, packing, packingName(packing), encoding, encoding == 1 ? "run-length" : "none",
                    sign), SUPPORTED);
        }
        long width = header.width();
        long height = header.height();
        if (width < 1 || height < 1) {
            throw Errors.corrupt(name, PIXELS_PER_LINE, "the image is " + width + "x" + height + " pixels");
        }
        ImageLimits.checkDeclared(name, PIXELS_PER_LINE, "the image", width, height);
        long dataOffset = in.u32(e + DATA_OFFSET);
        if (dataOffset == 0xFFFFFFFFL || dataOffset == 0) {
            dataOffset = in.u32(IMAGE_OFFSET); // the element's offset is optional; the file's image offset is not
        }
        if (dataOffset < HEADER_SIZE) {
            throw Errors.corrupt(name, e + DATA_OFFSET, "the image data would start at byte " + dataOffset + ", inside the 2048-byte header");
        }
        long padding = in.u32(e + END_OF_LINE_PADDING);
        if (padding == 0xFFFFFFFFL) {
            padding = 0; // undefined: none
        }
        long rowBytes = (bits == 10 ? (width * components + 2) / 3 * 4 : width * components * 2);
        long stride = rowBytes + padding;
        long need = stride * (height - 1) + rowBytes;
        if (dataOffset > in.size() || need > in.size() - dataOffset) {
            throw Errors.truncated(name, dataOffset, String.format(Locale.ROOT, "the %dx%d %d-bit image, %d bytes from byte %d (the file has %d)",
                    width, height, bits, need, dataOffset, in.size()));
        }
        int w = (int) width;
        float[] out = new float[Math.multiplyExact(Math.multiplyExact(w, (int) height), 3)];
        boolean big = in.bigEndian();
        int o = 0;
        for (long y = 0; y < height; y++) {
            byte[] row = in.bytes(dataOffset + y * stride, rowBytes, "row " + y);
            if (bits == 10) {
                o = unpack10(row, w, components, big, out, o);
            } else {
                o = unpack16(row, w, components, big, bits, out, o);
            }
        }
        return new Frame(new RgbImage(w, (int) height, out), bits, header);
    }

    /** Datum k of a row is in word k / 3, the first of a word in its top bits, 2 padding bits at the bottom. */
    private static int unpack10(byte[] row, int width, int components, boolean big, float[] out, int o) {
        for (int x = 0; x < width; x++) {
            for (int c = 0; c < 3; c++) {
                int k = x * components + c;
                int at = k / 3 * 4;
                int word = big
                        ? (row[at] & 0xFF) << 24 | (row[at + 1] & 0xFF) << 16 | (row[at + 2] & 0xFF) << 8 | (row[at + 3] & 0xFF)
                        : (row[at + 3] & 0xFF) << 24 | (row[at + 2] & 0xFF) << 16 | (row[at + 1] & 0xFF) << 8 | (row[at] & 0xFF);
                out[o++] = ((word >>> ((2 - k % 3) * 10 + 2)) & 0x3FF) / 1023f;
            }
        }
        return o;
    }

    /** One 16-bit word a sample; 12-bit samples (filled, method A) are its top 12 bits. */
    private static int unpack16(byte[] row, int width, int components, boolean big, int bits, float[] out, int o) {
        int shift = 16 - bits;
        float max = (1 << bits) - 1;
        for (int x = 0; x < width; x++) {
            for (int c = 0; c < 3; c++) {
                int at = (x * components + c) * 2;
                int v = big ? (row[at] & 0xFF) << 8 | (row[at + 1] & 0xFF) : (row[at + 1] & 0xFF) << 8 | (row[at] & 0xFF);
                out[o++] = (v >>> shift) / max;
            }
        }
        return o;
    }

    private static String descriptorName(int descriptor) {
        return switch (descriptor) {
            case 0 -> "user defined";
            case 1, 2, 3 -> "a single colour channel";
            case 4 -> "alpha";
            case 6 -> "luma";
            case 7 -> "colour difference";
            case 8 -> "depth";
            case 50 -> "RGB";
            case 51 -> "RGBA";
            case 52 -> "ABGR";
            case 100, 101, 102, 103 -> "CbYCr";
            default -> descriptor >= 150 && descriptor <= 156 ? "user defined " + (descriptor - 148) + " components" : "unknown";
        };
    }

    private static String packingName(int packing) {
        return switch (packing) {
            case 0 -> "packed";
            case 1 -> "filled, method A";
            case 2 -> "filled, method B";
            default -> "unknown";
        };
    }
}
