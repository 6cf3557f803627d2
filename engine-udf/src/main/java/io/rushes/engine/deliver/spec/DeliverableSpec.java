package io.rushes.engine.deliver.spec;

import java.util.Locale;
import java.util.Set;

/**
 * A deliverable as its specification declares it (checked by {@link DeliverableSpecReader}): what to write, not how.
 * {@link Deliverable#prepare} turns it into the renderer's settings and refuses what cannot be rendered yet.
 *
 * @param file where it was read from (a path, or "deliverable NAME" for a shipped one)
 * @param compression with OpenEXR: the compression (null: the renderer's default, ZIP)
 * @param bitDepth bits per channel declared (null: the format's own)
 * @param fit the longest side in pixels (0: the frame's size)
 * @param canvasTemplate an FDL canvas template id to size by (null: none)
 * @param burnIn a shipped burn-in template, or a template file relative to the spec's folder (null: none)
 */
public record DeliverableSpec(String file, String name, String description, Format format, Colour colour, Compression compression,
                              Integer bitDepth, int fit, String canvasTemplate, String burnIn, NameTemplate naming) {

    /** Still formats (one file per frame) and movie codecs (one file per clip). */
    public enum Format {
        TIFF16(false, 16, "tif", "tiff"), TIFF32F(false, 32, "tif", "tiff"), EXR(false, 16, "exr"), DPX10(false, 10, "dpx"),
        DPX16(false, 16, "dpx"), JPEG(false, 8, "jpg", "jpeg"), PNG(false, 8, "png"),
        PRORES_422HQ(true, 10, "mov"), PRORES_4444(true, 12, "mov"), PRORES_4444XQ(true, 12, "mov"), DNXHR_HQX(true, 10, "mov", "mxf"),
        DNXHR_444(true, 10, "mov", "mxf"), H264(true, 8, "mov");

        private final boolean movie;
        private final int bitDepth;
        private final Set<String> extensions;

        Format(boolean movie, int bitDepth, String... extensions) {
            this.movie = movie;
            this.bitDepth = bitDepth;
            this.extensions = Set.of(extensions);
        }

        public boolean movie() {
            return movie;
        }

        /** The depth written (stills) or the lowest the codec takes (movies). */
        public int bitDepth() {
            return bitDepth;
        }

        /** The bit depths a spec may declare for this format: the one written for stills; for movies what the codec carries. */
        public Set<Integer> bitDepths() {
            return switch (this) {
                case PRORES_4444, PRORES_4444XQ -> Set.of(10, 12);
                case DNXHR_HQX, DNXHR_444 -> Set.of(10, 12);
                case H264 -> Set.of(8, 10);
                case TIFF16, TIFF32F, EXR, DPX10, DPX16, JPEG, PNG, PRORES_422HQ -> Set.of(bitDepth);
            };
        }

        public Set<String> extensions() {
            return extensions;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The OpenEXR compressions the renderer writes. */
    public enum Compression { NONE, RLE, ZIPS, ZIP, PIZ, DWAA, DWAB }

    /** Scene-referred encodings. */
    public enum Space {
        ACES2065_1("ACES2065-1"), ACESCG("ACEScg"), ACESCCT("ACEScct");

        private final String key;

        Space(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /**
     * Where in the colour pipeline the pixels are taken.
     *
     * @param space with {@code scene}: the encoding (null with display)
     * @param amf with {@code display}: an AMF whose looks and output transform to apply, relative to the spec's folder
     * @param outputTransform with {@code display}: an ACES output transform id (neither: the ACES 2.0 Rec.709 default)
     */
    public record Colour(boolean display, Space space, String amf, String outputTransform) {
    }
}
