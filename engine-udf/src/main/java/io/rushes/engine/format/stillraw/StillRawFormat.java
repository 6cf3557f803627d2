package io.rushes.engine.format.stillraw;

import static io.rushes.engine.metadata.ClipField.*;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.Rational;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.StringValue;
import com.drew.metadata.Tag;
import com.drew.metadata.exif.makernotes.CanonMakernoteDirectory;
import io.rushes.engine.format.CameraFormat;
import io.rushes.engine.format.Probe;
import io.rushes.engine.format.tiff.ExifMapper;
import io.rushes.engine.format.tiff.ImageExtents;
import io.rushes.engine.format.tiff.TiffStructure;
import io.rushes.engine.format.tiff.TiffTags;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.ByteSource;
import io.rushes.engine.metadata.ClipMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * TIFF-structured stills raws and plain TIFF. The TIFF/EXIF tree is read by Rushes' own bounded parser;
 * maker notes (where camera makers keep serial numbers and lens names) are decoded by metadata-extractor,
 * which knows each maker's layout.
 */
public final class StillRawFormat implements CameraFormat {
    /** Maker-note reads stop here: serials and lens names sit in the first megabytes of a raw. */
    private static final long MAKER_NOTE_READ_LIMIT = 32L << 20;

    @Override
    public String id() {
        return "tiff-raw";
    }

    @Override
    public String description() {
        return "a TIFF-based stills raw (NEF, CR2, ARW…) or TIFF image";
    }

    @Override
    public boolean sniff(Probe probe) {
        return TiffStructure.sniff(probe.head());
    }

    @Override
    public ClipMetadata read(ByteSource source) {
        ClipMetadata md = new ClipMetadata();
        BinaryReader in = BinaryReader.open(source);
        StillRawHeader h = StillRawHeader.read(in);
        ImageExtents.check(h.tiff(), md);
        if (PhaseOneDirectory.present(in)) {
            phaseOne(PhaseOneDirectory.texts(in), md);
        }
        ExifMapper.map(h.tiff(), md);
        if (h.width() > 0) {
            md.set(WIDTH, h.width());
            md.set(HEIGHT, h.height());
        }
        if (h.tiff().magic() == 0x55) {
            panasonic(h.tiff(), md);
        }
        makerNotes(source, md);
        if (!md.has(LENS_MODEL)) {
            md.set(LENS_MODEL, ExifMapper.lensFromSpecification(h.tiff().numbers(TiffTags.LENS_SPECIFICATION)));
        }
        return md;
    }

    /** Phase One / Leaf backs keep serial, lens and firmware in their own directory. */
    static void phaseOne(java.util.Map<Integer, String> texts, ClipMetadata md) {
        md.set(CAMERA_SERIAL, texts.get(PhaseOneDirectory.SERIAL_NUMBER));
        md.set(LENS_MODEL, texts.get(PhaseOneDirectory.LENS_MODEL));
        md.set(FIRMWARE, texts.get(PhaseOneDirectory.FIRMWARE));
        texts.forEach((tag, text) -> md.raw(String.format(Locale.ROOT, "PhaseOne:0x%04x", tag), text));
    }

    /**
     * Panasonic RW2 keeps ISO and the sensor crop in its own IFD0 tags (0x17 ISO; 0x04–0x07 the top, left,
     * bottom and right borders of the recorded image).
     */
    static void panasonic(TiffStructure tiff, ClipMetadata md) {
        var ifd0 = tiff.ifd0();
        Double iso = ifd0.number(0x17);
        if (iso != null && iso > 0) {
            md.setIfAbsent(ISO, iso.intValue());
        }
        Long top = ifd0.unsigned(0x04);
        Long left = ifd0.unsigned(0x05);
        Long bottom = ifd0.unsigned(0x06);
        Long right = ifd0.unsigned(0x07);
        if (top != null && left != null && bottom != null && right != null && right > left && bottom > top) {
            md.set(WIDTH, (int) (right - left));
            md.set(HEIGHT, (int) (bottom - top));
        }
    }

    /** Serial number and lens from the maker notes, when the EXIF tags did not give them. */
    public static void makerNotes(ByteSource source, ClipMetadata md) {
        Metadata metadata;
        try (InputStream in = new java.io.BufferedInputStream(source.openStream())) {
            metadata = ImageMetadataReader.readMetadata(new LimitedStream(in, MAKER_NOTE_READ_LIMIT));
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            md.raw("MakerNotes:Error", e.getMessage());
            return; // maker notes are a bonus: the EXIF already read stands
        }
        for (Directory d : metadata.getDirectories()) {
            if (!d.getName().toLowerCase(Locale.ROOT).contains("makernote")) {
                continue;
            }
            for (Tag t : d.getTags()) {
                String name = t.getTagName().toLowerCase(Locale.ROOT);
                String value = d.getString(t.getTagType());
                md.raw("MakerNotes:" + t.getTagName(), value);
                if (value == null || value.isBlank()) {
                    continue;
                }
                Object object = d.getObject(t.getTagType());
                if (d instanceof CanonMakernoteDirectory && t.getTagType() == ExifMapper.CANON_INTERNAL_SERIAL
                        && ExifMapper.canonInternalSerialIsText(md.string(CAMERA_MODEL))) {
                    md.setIfAbsent(CAMERA_INTERNAL_SERIAL, object instanceof StringValue text ? ExifMapper.serialText(text.getBytes()) : value.strip());
                    continue;
                }
                switch (name) {
                    case "serial number", "camera serial number" -> md.setIfAbsent(CAMERA_SERIAL, value.strip());
                    case "internal serial number" -> md.setIfAbsent(CAMERA_INTERNAL_SERIAL,
                            object instanceof byte[] b ? ExifMapper.serialText(b) : value.strip());
                    case "lens model", "lens name" -> md.setIfAbsent(LENS_MODEL, value.strip());
                    case "lens" -> md.setIfAbsent(LENS_MODEL, object instanceof Rational[] spec ? lensFromSpecification(spec) : value.strip());
                    case "lens serial number" -> md.setIfAbsent(LENS_SERIAL, value.strip());
                    default -> { }
                }
            }
        }
    }

    /** A maker note's lens specification (Nikon's Lens: focal range, f-number range) as a description. */
    private static String lensFromSpecification(Rational[] spec) {
        double[] values = new double[spec.length];
        for (int i = 0; i < spec.length; i++) {
            values[i] = spec[i].getDenominator() == 0 ? Double.NaN : spec[i].doubleValue();
        }
        return ExifMapper.lensFromSpecification(values);
    }

    /** An input stream that ends after a fixed number of bytes. */
    private static final class LimitedStream extends java.io.FilterInputStream {
        private long left;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
