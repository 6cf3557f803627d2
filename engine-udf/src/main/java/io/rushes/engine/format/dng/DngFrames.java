package io.rushes.engine.format.dng;

import io.rushes.engine.color.ColorOp;
import io.rushes.engine.color.Matrix3;
import io.rushes.engine.color.PixelEncoding;
import io.rushes.engine.deliver.tiff.TiffImages;
import io.rushes.engine.develop.DngColor;
import io.rushes.engine.develop.DngDevelop;
import io.rushes.engine.error.Errors;
import io.rushes.engine.format.FrameDecoder;
import io.rushes.engine.format.FrameReader;
import io.rushes.engine.format.SourceFrame;
import io.rushes.engine.format.StillFrame;
import io.rushes.engine.format.WholeRgbFrame;
import io.rushes.engine.format.tiff.TiffStructure;
import io.rushes.engine.format.tiff.TiffTags;
import io.rushes.engine.image.RawImage;
import io.rushes.engine.image.Region;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.ByteSource;
import java.util.List;
import java.util.Set;

/**
 * The frames of TIFF-based files: a DNG's CFA mosaic (with its colour model), and an uncompressed RGB TIFF's pixels
 * (whose encoding a TIFF does not name). A stills raw (CR2, NEF, ARW…) is a TIFF too, and is refused as a format Rushes
 * inspects but does not decode. The DNG sniff sees the first 4 KiB only, so a TIFF's whole first directory tells.
 */
public final class DngFrames implements FrameDecoder {
    private static final int LINEAR_RAW = 34892;

    @Override
    public Set<String> formats() {
        return Set.of("dng", "tiff-raw");
    }

    @Override
    public FrameReader open(ByteSource source) {
        BinaryReader reader = BinaryReader.open(source);
        TiffStructure tiff = TiffStructure.read(reader, 0);
        if (tiff.ifd0().has(TiffTags.DNG_VERSION)) {
            DngHeader header = DngHeader.of(tiff, reader);
            Long photometric = header.raw().unsigned(TiffTags.PHOTOMETRIC);
            return photometric != null && photometric == LINEAR_RAW ? new Linear(header) : new Mosaic(header);
        }
        Long photometric = tiff.ifd0().unsigned(TiffTags.PHOTOMETRIC);
        if (photometric != null && photometric == 2) {
            return new Rgb(source);
        }
        throw Errors.unsupportedFormat(source.name(), "it is a TIFF without the DNGVersion tag (a stills raw such as CR2, NEF or "
                + "ARW, or a TIFF that is not RGB), which Rushes inspects but does not decode",
                "Convert it to DNG (Adobe DNG Converter, or dnglab) and render the DNG");
    }

    /** A DNG's one frame: its active area's size and orientation, from the header alone. */
    private abstract static class DngStill extends StillFrame {
        final DngHeader header;
        private final int[] active;

        DngStill(DngHeader header) {
            super(header.tiff().reader().name());
            this.header = header;
            this.active = activeSize(header);
        }

        @Override
        public int width() {
            return active[0];
        }

        @Override
        public int height() {
            return active[1];
        }

        @Override
        public int orientation() {
            Long orientation = header.tiff().ifd0().unsigned(TiffTags.ORIENTATION);
            return orientation == null ? 1 : orientation.intValue();
        }
    }

    /** A CFA DNG: decoded strip by strip or tile by tile for the region asked. */
    private static final class Mosaic extends DngStill {
        Mosaic(DngHeader header) {
            super(header);
        }

        @Override
        protected SourceFrame decode(Region region) {
            RawImage raw = DngRawDecoder.decode(header, region);
            DngDevelop.checkLevels(raw, header.tiff().reader().name(), header.raw().offset());
            return new SourceFrame.Mosaic(raw, kelvin -> DngColor.of(header, kelvin));
        }
    }

    /**
     * A LinearRaw DNG: demosaicked camera RGB, taken to ACES by the same colour model as a mosaic (white balance by the
     * as-shot neutral, clip at the white-balanced clip point, camera to XYZ D50, Bradford to the ACES white), as the
     * frame's own encoding. A white balance in kelvin does not apply: the encoding is the file's as-shot one.
     */
    private static final class Linear extends DngStill {
        private PixelEncoding encoding;

        Linear(DngHeader header) {
            super(header);
        }

        @Override
        protected SourceFrame decode(Region region) {
            if (encoding == null) {
                DngColor color = DngColor.of(header, null);
                double[] n = color.cameraNeutral();
                encoding = new PixelEncoding(String.format(java.util.Locale.ROOT, "DNG camera RGB, neutral %.6f,%.6f,%.6f, %s", n[0], n[1], n[2],
                        color.cameraToXyzD50()), "LinearRaw DNG camera RGB (its colour model, as-shot white "
                        + String.format(java.util.Locale.ROOT, "%.5f,%.5f", color.whiteXy()[0], color.whiteXy()[1]) + ")", List.of(
                                new ColorOp.MatrixOp("white balance", Matrix3.diagonal(1 / n[0], 1 / n[1], 1 / n[2])),
                                new ColorOp.CurveOp("clip at the white-balanced clip point", null, v -> Math.min(v, 1)),
                                new ColorOp.MatrixOp("camera to ACES2065-1", DngDevelop.whiteBalancedToAces(color))));
            }
            return new SourceFrame.Rgb(DngRawDecoder.decodeLinear(header, region), encoding);
        }
    }

    /** An RGB TIFF: its values as stored, scaled to 0–1, of an encoding the file does not name. */
    private static final class Rgb extends WholeRgbFrame {
        private final ByteSource source;

        Rgb(ByteSource source) {
            super(source.name());
            this.source = source;
        }

        @Override
        protected SourceFrame.Rgb load() {
            return new SourceFrame.Rgb(TiffImages.readRgb(source), PixelEncoding.unknown("an RGB TIFF, whose tags do not name its encoding"));
        }
    }

    /** Width and height of the active area (sensor coordinates, as stored), from the header alone. */
    private static int[] activeSize(DngHeader header) {
        Long w = header.raw().unsigned(TiffTags.IMAGE_WIDTH);
        Long h = header.raw().unsigned(TiffTags.IMAGE_LENGTH);
        double[] area = header.raw().numbers(TiffTags.ACTIVE_AREA);
        long activeW = area != null && area.length == 4 ? (long) (area[3] - area[1]) : w == null ? 0 : w;
        long activeH = area != null && area.length == 4 ? (long) (area[2] - area[0]) : h == null ? 0 : h;
        return new int[] {(int) Math.max(0, Math.min(activeW, Integer.MAX_VALUE)), (int) Math.max(0, Math.min(activeH, Integer.MAX_VALUE))};
    }
}
