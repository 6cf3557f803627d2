package io.rushes.engine.deliver.thumbnail;

import io.rushes.engine.error.Errors;
import io.rushes.engine.image.Lanczos;
import io.rushes.engine.image.RgbImage;
import io.rushes.engine.io.ByteSink;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Thumbnails and posters: display code values (after the output transform) as 8-bit JPEG or PNG, through the JDK's
 * own ImageIO encoders (baseline JPEG with 4:2:0 chroma, deflated PNG: what every browser, asset manager and review
 * tool reads), and the fit policy that sizes them.
 */
public final class Thumbnails {
    /** The 8-bit formats. */
    public enum Format {
        JPEG("jpeg", "jpg"), PNG("png", "png");

        private final String imageIoName;
        private final String extension;

        Format(String imageIoName, String extension) {
            this.imageIoName = imageIoName;
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    /** JPEG quality: 0.9 keeps banding and blocking out of graded skies at thumbnail sizes. */
    private static final float JPEG_QUALITY = 0.9f;

    private Thumbnails() {
    }

    /**
     * The image scaled down (never up) so that its longer side is at most {@code maxSide}, keeping its aspect ratio
     * (each side rounded, at least 1); Lanczos-3, so call it on linear light, before the output transform.
     */
    public static RgbImage fitWithin(RgbImage image, int maxSide) {
        if (maxSide < 1) {
            throw Errors.invalidArgument("a fit of " + maxSide + " px is not a size", "Give the longest side of the thumbnail in pixels, e.g. 512");
        }
        int longest = Math.max(image.width(), image.height());
        if (longest <= maxSide) {
            return image;
        }
        double scale = (double) maxSide / longest;
        int width = Math.max(1, (int) Math.round(image.width() * scale));
        int height = Math.max(1, (int) Math.round(image.height() * scale));
        // Separate scales per axis so the rounded output covers the whole source exactly (no sliver of padding).
        Lanczos.Axis ax = new Lanczos.Axis((double) width / image.width(), 0, 0);
        Lanczos.Axis ay = new Lanczos.Axis((double) height / image.height(), 0, 0);
        return Lanczos.resample(image, ax, ay, width, height, 0, 0, width, height);
    }

    /** Writes display code values (0..1, clamped) as an 8-bit image. */
    public static void write(RgbImage display, Format format, ByteSink sink) throws IOException {
        BufferedImage rgb = new BufferedImage(display.width(), display.height(), BufferedImage.TYPE_INT_RGB);
        float[] px = display.data();
        int[] row = new int[display.width()];
        for (int y = 0; y < display.height(); y++) {
            for (int x = 0, i = y * display.width() * 3; x < display.width(); x++, i += 3) {
                row[x] = code(px[i]) << 16 | code(px[i + 1]) << 8 | code(px[i + 2]);
            }
            rgb.setRGB(0, y, display.width(), 1, row, 0, display.width());
        }
        ImageWriter writer = writer(format);
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format == Format.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            sink.write(out -> {
                try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                    writer.setOutput(stream);
                    writer.write(null, new IIOImage(rgb, null, null), param);
                }
            });
        } finally {
            writer.dispose();
        }
    }

    /** A display value as an 8-bit code: clamped to [0, 1], rounded to nearest (NaN is black). */
    static int code(float v) {
        return v > 0 ? Math.min(255, Math.round(v * 255f)) : 0;
    }

    private static ImageWriter writer(Format format) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format.imageIoName);
        if (!writers.hasNext()) {
            throw Errors.unsupportedFeature(null, -1, format.name().toLowerCase(Locale.ROOT) + " output on this Java runtime",
                    "Use a full JDK (its ImageIO has JPEG and PNG writers), or write TIFF");
        }
        return writers.next();
    }
}
