package io.rushes.engine.format.dng;

import io.rushes.engine.error.Errors;
import io.rushes.engine.format.tiff.ImageExtents;
import io.rushes.engine.format.tiff.TiffIfd;
import io.rushes.engine.format.tiff.TiffTags;
import io.rushes.engine.image.RawImage;
import io.rushes.engine.image.Region;
import io.rushes.engine.image.RgbImage;
import io.rushes.engine.image.SiteCorrection;
import io.rushes.engine.io.BinaryReader;

/**
 * Decodes a DNG's CFA raw image to {@link RawImage}: strips or tiles; uncompressed 8–16 bit samples
 * (16-bit in the file's byte order, other depths packed MSB first, rows byte-aligned) or lossless JPEG
 * (compression 7, multi-component tiles included); then the LinearizationTable and the ActiveArea. Every
 * size comes from the header and is checked against the file and {@link #MAX_PIXELS} before allocation.
 */
public final class DngRawDecoder {
    /** The inspector's limit: a DNG that inspects is one that can be decoded. */
    public static final long MAX_PIXELS = ImageExtents.MAX_PIXELS;
    private static final int UNCOMPRESSED = 1;
    private static final int LOSSLESS_JPEG = 7;
    private static final int CFA = 32803;
    private static final int LINEAR_RAW = 34892;
    private static final int OPCODE_LIST_2 = 51009;
    /** Largest OpcodeList2 read: phone gain maps are tens of KB; 16 MB is a 1000x1000-point map for each of four phases. */
    private static final long MAX_OPCODE_LIST_BYTES = 16L << 20;

    private DngRawDecoder() {
    }

    public static RawImage decode(DngHeader header) {
        return decode(header, null);
    }

    /**
     * Decodes only the strips or tiles (and, in uncompressed strips, the rows) that hold {@code region} of the
     * active area; null decodes all of it. The result is that region, with the CFA phase of its top-left
     * photosite: a crop costs what it covers, plus the margin the caller asks for.
     */
    public static RawImage decode(DngHeader header, Region region) {
        TiffIfd raw = header.raw();
        String name = header.tiff().reader().name();
        long photometric = value(raw, TiffTags.PHOTOMETRIC, 0);
        if (photometric != CFA) {
            throw Errors.unsupportedFeature(name, raw.offset(), "DNG pixel data of photometric interpretation " + photometric
                    + (photometric == LINEAR_RAW ? " (LinearRaw: demosaicked RGB, read as RGB, not a mosaic)" : ""),
                    "Only CFA (Bayer) and LinearRaw images are decoded");
        }
        Band b = band(header, region, 1);
        RawImage image = finish(name, raw, b.samples(), b.width(), 0, b.left(), b.bottom(), b.right(), b.phaseY(), b.phaseX());
        int[] area = activeArea(name, raw, (int) value(raw, TiffTags.IMAGE_WIDTH, 0), (int) value(raw, TiffTags.IMAGE_LENGTH, 0));
        SiteCorrection stage2 = DngOpcodes.parse(raw.bytes(OPCODE_LIST_2, MAX_OPCODE_LIST_BYTES), name, raw.offset(), area[3] - area[1],
                area[2] - area[0], b.phaseX(), b.phaseY());
        return stage2 == null ? image : new RawImage(image.width(), image.height(), image.data(), image.cfaWidth(), image.cfaHeight(), image.cfa(),
                image.blackLevels(), image.blackRepeatWidth(), image.blackRepeatHeight(), image.whiteLevel(), stage2);
    }

    /**
     * A LinearRaw DNG (demosaicked camera RGB, as Adobe DNG Converter writes when asked for linear, and as some cameras
     * and phones record): the region's pixels after the LinearizationTable, black-subtracted and scaled to 0–1 by the
     * BlackLevel and WhiteLevel of each sample (one for all, or one per sample), not clipped. Still camera RGB: the DNG's
     * colour model takes it to XYZ.
     */
    public static RgbImage decodeLinear(DngHeader header, Region region) {
        TiffIfd raw = header.raw();
        String name = header.tiff().reader().name();
        if (value(raw, TiffTags.PHOTOMETRIC, 0) != LINEAR_RAW || value(raw, TiffTags.SAMPLES_PER_PIXEL, 1) != 3) {
            throw Errors.unsupportedFeature(name, raw.offset(), "a LinearRaw DNG of " + value(raw, TiffTags.SAMPLES_PER_PIXEL, 1)
                    + " samples per pixel", "Only three-sample (RGB) LinearRaw is decoded");
        }
        Band b = band(header, region, 3);
        int w = (b.right() - b.left()) / 3;
        int h = b.bottom();
        char[] lut = linearization(raw);
        double[] black = perSample(raw.numbers(TiffTags.BLACK_LEVEL), 0);
        double[] white = perSample(raw.numbers(TiffTags.WHITE_LEVEL), (1 << (int) value(raw, TiffTags.BITS_PER_SAMPLE, 16)) - 1);
        for (int c = 0; c < 3; c++) {
            if (!(white[c] > black[c]) || Double.isInfinite(white[c])) {
                throw Errors.corrupt(name, raw.offset(), "its WhiteLevel (tag 50717) " + white[c] + " is not above its BlackLevel (tag 50714) "
                        + black[c] + " for sample " + c + ": no value can be scaled between them");
            }
        }
        float[] out = new float[Math.multiplyExact(w * h, 3)];
        for (int y = 0; y < h; y++) {
            int from = y * b.width() + b.left();
            for (int i = 0; i < w * 3; i++) {
                int v = b.samples()[from + i];
                int c = i % 3;
                out[y * w * 3 + i] = (float) (((lut == null ? v : lut[v]) - black[c]) / (white[c] - black[c]));
            }
        }
        return new RgbImage(w, h, out);
    }

    /** A level given once for every sample, or once per sample (the DNG's BlackLevel/WhiteLevel of a LinearRaw image). */
    private static double[] perSample(double[] levels, double fallback) {
        if (levels == null || levels.length == 0) {
            return new double[] {fallback, fallback, fallback};
        }
        return levels.length >= 3 ? new double[] {levels[0], levels[1], levels[2]} : new double[] {levels[0], levels[0], levels[0]};
    }

    /**
     * The rows of the active area (or a region of it) as stored, full width: {@code samples} rows of {@code width}
     * samples, the wanted columns from {@code left} to {@code right} (in samples: {@code spp} a pixel), {@code bottom}
     * rows, and the crop's CFA phase.
     */
    private record Band(char[] samples, int width, int left, int right, int bottom, int phaseY, int phaseX) {
    }

    private static Band band(DngHeader header, Region region, int spp) {
        TiffIfd raw = header.raw();
        BinaryReader in = header.tiff().reader(); // in the TIFF's own byte order
        String name = in.name();
        int width = (int) value(raw, TiffTags.IMAGE_WIDTH, 0);
        int height = (int) value(raw, TiffTags.IMAGE_LENGTH, 0);
        int bits = (int) value(raw, TiffTags.BITS_PER_SAMPLE, 1);
        long samplesPerPixel = value(raw, TiffTags.SAMPLES_PER_PIXEL, 1);
        long compression = value(raw, TiffTags.COMPRESSION, 1);
        if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
            throw Errors.limitExceeded(name, raw.offset(), "the raw image size " + width + "x" + height + " (pixels)",
                    (long) Math.max(width, 0) * Math.max(height, 0), MAX_PIXELS);
        }
        if (bits < 1 || bits > 16 || samplesPerPixel != spp) {
            throw Errors.unsupportedFeature(name, raw.offset(), bits + "-bit samples with " + samplesPerPixel + " per pixel",
                    spp == 1 ? "CFA data is one sample of 1–16 bits per photosite" : "LinearRaw data is three samples of 1–16 bits per pixel");
        }
        if (compression != UNCOMPRESSED && compression != LOSSLESS_JPEG) {
            throw Errors.unsupportedFeature(name, raw.offset(), "DNG compression " + compression + compressionName(compression),
                    "Convert the file with Adobe DNG Converter (uncompressed or lossless JPEG)");
        }
        int[] area = activeArea(name, raw, width, height);
        int cropTop = area[0];
        int cropLeft = area[1];
        int cropBottom = area[2];
        int cropRight = area[3];
        if (region != null) {
            if (region.x() < 0 || region.y() < 0 || region.width() < 1 || region.height() < 1
                    || region.x() + region.width() > cropRight - cropLeft || region.y() + region.height() > cropBottom - cropTop) {
                throw Errors.invalidArgument("region " + region + " is not inside the " + (cropRight - cropLeft) + "x"
                        + (cropBottom - cropTop) + " active area of " + name, "Pass a region inside the image");
            }
            cropTop += region.y();
            cropLeft += region.x();
            cropBottom = cropTop + region.height();
            cropRight = cropLeft + region.width();
        }
        // Only the band of rows the crop covers is held (full width: strips and tiles span columns), in samples.
        int rowSamples = width * spp;
        char[] band = new char[Math.multiplyExact(rowSamples, cropBottom - cropTop)];
        boolean tiled = raw.has(TiffTags.TILE_OFFSETS);
        int tileWidth = tiled ? (int) value(raw, TiffTags.TILE_WIDTH, 0) : width;
        int tileHeight = tiled ? (int) value(raw, TiffTags.TILE_LENGTH, 0) : (int) Math.min(height, value(raw, TiffTags.ROWS_PER_STRIP, height));
        if (tileWidth <= 0 || tileHeight <= 0 || tileWidth > 65536 || tileHeight > 65536) {
            throw Errors.corrupt(name, raw.offset(), "tile or strip size " + tileWidth + "x" + tileHeight + " is not valid");
        }
        double[] offsets = raw.numbers(tiled ? TiffTags.TILE_OFFSETS : TiffTags.STRIP_OFFSETS);
        double[] counts = raw.numbers(tiled ? TiffTags.TILE_BYTE_COUNTS : TiffTags.STRIP_BYTE_COUNTS);
        int across = (width + tileWidth - 1) / tileWidth;
        int down = (height + tileHeight - 1) / tileHeight;
        if (offsets == null || counts == null || offsets.length != counts.length || offsets.length != (long) across * down) {
            throw Errors.corrupt(name, raw.offset(), (tiled ? "tile" : "strip") + " offsets/byte counts do not match a "
                    + across + "x" + down + " grid of " + tileWidth + "x" + tileHeight);
        }
        for (int t = 0; t < offsets.length; t++) {
            long offset = (long) offsets[t];
            long count = (long) counts[t];
            int x0 = (t % across) * tileWidth;
            int y0 = (t / across) * tileHeight;
            int w = tiled ? tileWidth : width;
            int h = Math.min(tileHeight, height - y0);
            if (tiled) {
                h = tileHeight; // tiles are whole in the file; what falls outside the image is dropped
            }
            if (y0 >= cropBottom || y0 + h <= cropTop || x0 >= cropRight || x0 + w <= cropLeft) {
                continue; // nothing of the wanted region in this strip or tile
            }
            in.require(offset, count, (tiled ? "tile " : "strip ") + t);
            if (compression == UNCOMPRESSED) {
                unpack(in, offset, count, bits, w * spp, h, band, rowSamples, x0 * spp, y0, cropTop, cropBottom);
            } else {
                byte[] jpeg = in.bytes(offset, count, "lossless JPEG " + (tiled ? "tile " : "strip ") + t);
                LosslessJpeg.Decoded d = LosslessJpeg.decode(jpeg, name, offset, (long) w * h * spp);
                // Encoders may shape the JPEG differently (2 components of w/2 columns, or two rows per JPEG row);
                // in every layout the samples run in the block's row-major order.
                if ((long) d.width() * d.height() < (long) w * h * spp) {
                    throw Errors.corrupt(name, offset, "lossless JPEG of " + d.width() + "x" + d.height() + " samples does not fill a "
                            + w + "x" + h + (tiled ? " tile" : " strip") + (spp > 1 ? " of " + spp + " samples a pixel" : ""));
                }
                place(d.samples(), w * spp, band, rowSamples, x0 * spp, y0, w * spp, h, cropTop, cropBottom);
            }
        }
        return new Band(band, rowSamples, cropLeft * spp, cropRight * spp, cropBottom - cropTop, cropTop - area[0], cropLeft - area[1]);
    }

    /** ActiveArea as top, left, bottom, right (the whole image when absent). */
    private static int[] activeArea(String name, TiffIfd raw, int width, int height) {
        double[] area = raw.numbers(TiffTags.ACTIVE_AREA);
        if (area == null || area.length != 4) {
            return new int[] {0, 0, height, width};
        }
        int top = (int) area[0];
        int left = (int) area[1];
        int bottom = (int) area[2];
        int right = (int) area[3];
        if (top < 0 || left < 0 || bottom > height || right > width || bottom <= top || right <= left) {
            throw Errors.corrupt(name, raw.offset(), "ActiveArea " + top + "," + left + "," + bottom + "," + right
                    + " is not inside the " + width + "x" + height + " image");
        }
        return new int[] {top, left, bottom, right};
    }

    /** Copies the rows of a decoded block (rows of {@code stride} samples) that fall in the band into it, clipped at the right edge. */
    private static void place(char[] block, int stride, char[] band, int width, int x0, int y0, int w, int h, int bandTop, int bandBottom) {
        int n = Math.min(w, width - x0);
        for (int y = Math.max(0, bandTop - y0); y < h && y0 + y < bandBottom; y++) {
            System.arraycopy(block, y * stride, band, (y0 + y - bandTop) * width + x0, n);
        }
    }

    private static void unpack(BinaryReader in, long offset, long count, int bits, int w, int h, char[] band, int width,
                               int x0, int y0, int firstRow, int endRow) {
        long rowBytes = ((long) w * bits + 7) / 8;
        if (rowBytes * h > count) {
            // Strips may end early only when the image ends inside them.
            h = (int) Math.min(h, count / Math.max(1, rowBytes));
            if (h <= 0) {
                throw Errors.truncated(in.name(), offset, "a full row of raw data");
            }
        }
        boolean littleEndian = !in.bigEndian();
        for (int y = Math.max(0, firstRow - y0); y < h && y0 + y < endRow; y++) {
            byte[] row = in.bytes(offset + y * rowBytes, rowBytes, "a row of raw data");
            int base = (y0 + y - firstRow) * width + x0;
            int n = Math.min(w, width - x0);
            if (bits == 16) {
                for (int x = 0; x < n; x++) {
                    int lo = row[2 * x] & 0xFF;
                    int hi = row[2 * x + 1] & 0xFF;
                    band[base + x] = (char) (littleEndian ? (hi << 8) | lo : (lo << 8) | hi);
                }
            } else if (bits == 8) {
                for (int x = 0; x < n; x++) {
                    band[base + x] = (char) (row[x] & 0xFF);
                }
            } else if (bits == 12) {
                for (int x = 0; x < n; x += 2) {
                    int i = x / 2 * 3;
                    int b0 = row[i] & 0xFF;
                    int b1 = row[i + 1] & 0xFF;
                    band[base + x] = (char) ((b0 << 4) | (b1 >> 4));
                    if (x + 1 < n) {
                        band[base + x + 1] = (char) (((b1 & 0x0F) << 8) | (row[i + 2] & 0xFF));
                    }
                }
            } else {
                long acc = 0;
                int have = 0;
                int p = 0;
                int mask = (1 << bits) - 1;
                for (int x = 0; x < n; x++) {
                    while (have < bits) {
                        acc = (acc << 8) | (row[p++] & 0xFF);
                        have += 8;
                    }
                    band[base + x] = (char) ((acc >>> (have - bits)) & mask);
                    have -= bits;
                }
            }
        }
    }

    /** LinearizationTable, then the crop (the active area or a region of it); the CFA pattern phase follows the crop. */
    private static RawImage finish(String name, TiffIfd raw, char[] full, int width, int top, int left, int bottom, int right,
                                   int phaseY, int phaseX) {
        char[] lut = linearization(raw);
        int w = right - left;
        int h = bottom - top;
        char[] active = new char[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(full, (top + y) * width + left, active, y * w, w);
        }
        if (lut != null) {
            for (int i = 0; i < active.length; i++) {
                active[i] = lut[active[i]];
            }
        }
        double[] dim = raw.numbers(TiffTags.CFA_REPEAT_PATTERN_DIM);
        double[] pattern = raw.numbers(TiffTags.CFA_PATTERN);
        if (dim == null || pattern == null || dim.length != 2 || dim[0] < 1 || dim[1] < 1 || dim[0] * dim[1] > 64
                || pattern.length != (int) dim[0] * (int) dim[1]) {
            throw Errors.corrupt(name, raw.offset(), "CFARepeatPatternDim/CFAPattern are missing or inconsistent");
        }
        int cfaH = (int) dim[0];
        int cfaW = (int) dim[1];
        byte[] cfa = new byte[cfaW * cfaH];
        for (int y = 0; y < cfaH; y++) {
            for (int x = 0; x < cfaW; x++) {
                // The pattern is anchored at the active area's origin (as dcraw and LibRaw read it); a region shifts it.
                int colour = (int) pattern[((y + phaseY) % cfaH) * cfaW + ((x + phaseX) % cfaW)];
                if (colour < 0 || colour > 2) {
                    throw Errors.unsupportedFeature(name, raw.offset(), "CFA colour " + colour + " (not R, G or B)",
                            "Only RGB colour filter arrays are decoded");
                }
                cfa[y * cfaW + x] = (byte) colour;
            }
        }
        double[] blackDim = raw.numbers(TiffTags.BLACK_LEVEL_REPEAT_DIM);
        int bh = blackDim != null && blackDim.length == 2 && blackDim[0] >= 1 ? (int) blackDim[0] : 1;
        int bw = blackDim != null && blackDim.length == 2 && blackDim[1] >= 1 ? (int) blackDim[1] : 1;
        double[] black = raw.numbers(TiffTags.BLACK_LEVEL);
        if (black == null || black.length != bw * bh) {
            bw = 1;
            bh = 1;
            black = new double[] {black != null && black.length > 0 ? black[0] : 0};
        } else if (phaseX % bw != 0 || phaseY % bh != 0) {
            double[] shifted = new double[black.length];
            for (int y = 0; y < bh; y++) {
                for (int x = 0; x < bw; x++) {
                    shifted[y * bw + x] = black[((y + phaseY) % bh) * bw + ((x + phaseX) % bw)];
                }
            }
            black = shifted;
        }
        double[] white = raw.numbers(TiffTags.WHITE_LEVEL);
        double whiteLevel = white != null && white.length > 0 ? white[0] : (1 << (int) value(raw, TiffTags.BITS_PER_SAMPLE, 16)) - 1;
        return new RawImage(w, h, active, cfaW, cfaH, cfa, black, bw, bh, whiteLevel);
    }

    /** The LinearizationTable as a 16-bit lookup (values past its end map to its last entry), or null. */
    private static char[] linearization(TiffIfd raw) {
        double[] table = raw.numbers(TiffTags.LINEARIZATION_TABLE);
        if (table == null || table.length == 0) {
            return null;
        }
        int last = table.length - 1;
        char[] lut = new char[65536];
        for (int v = 0; v < lut.length; v++) {
            lut[v] = (char) Math.max(0, Math.min(65535, (int) table[Math.min(v, last)]));
        }
        return lut;
    }

    private static long value(TiffIfd ifd, int tag, long fallback) {
        Long v = ifd.unsigned(tag);
        return v == null ? fallback : v;
    }

    private static String compressionName(long c) {
        return switch ((int) c) {
            case 8 -> " (Deflate)";
            case 9 -> " (VC-5, GoPro GPR)";
            case 34892 -> " (lossy JPEG)";
            case 52546 -> " (JPEG XL)";
            default -> "";
        };
    }
}
