package io.rushes.engine.deliver.burnin;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.LineMetrics;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bundled DejaVu Sans Mono at one pixel size (the em, as FFmpeg's drawtext {@code fontsize}), each glyph rasterised
 * once into an anti-aliased coverage mask and kept. Only the font file in the jar is used, never a system font, so a
 * burn-in draws the same everywhere. Safe to share between threads.
 */
final class GlyphRasters {
    static final String FONT_RESOURCE = "DejaVuSansMono.ttf";
    private static final Font FONT = load();
    /** Antialiased, fractional metrics: the advance is the font's, not rounded per glyph. */
    private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);
    /**
     * Glyphs kept per size: a burn-in uses a few dozen; text from a file's metadata could ask for every glyph of the
     * font (over 3000), which is rasterised each time instead of kept.
     */
    static final int MAX_KEPT = 256;

    /**
     * One glyph's coverage (0..1, row-major) and where its top-left pixel lies from the pen position on the baseline.
     */
    record Glyph(int left, int top, int width, int height, float[] coverage) {
    }

    private final Font font;
    private final int size;
    private final double advance;
    private final int ascent;
    private final int descent;
    private final ConcurrentHashMap<Integer, Glyph> glyphs = new ConcurrentHashMap<>();

    GlyphRasters(int size) {
        this.size = size;
        this.font = FONT.deriveFont((float) size);
        LineMetrics metrics = font.getLineMetrics("0", CONTEXT);
        this.advance = font.createGlyphVector(CONTEXT, "0").getGlyphMetrics(0).getAdvanceX();
        this.ascent = (int) Math.ceil(metrics.getAscent());
        this.descent = (int) Math.ceil(metrics.getDescent());
    }

    int size() {
        return size;
    }

    /** How many glyphs are kept. */
    int kept() {
        return glyphs.size();
    }

    /** The pen's advance per character (the font is monospaced). */
    double advance() {
        return advance;
    }

    /** Pixels above the baseline that any glyph may reach. */
    int ascent() {
        return ascent;
    }

    /** Pixels below the baseline that any glyph may reach. */
    int descent() {
        return descent;
    }

    /** The glyph of a code point: a character the font lacks is drawn as '?'. */
    Glyph glyph(int codePoint) {
        int shown = font.canDisplay(codePoint) ? codePoint : '?';
        Glyph kept = glyphs.get(shown);
        if (kept != null) {
            return kept;
        }
        return glyphs.size() < MAX_KEPT ? glyphs.computeIfAbsent(shown, this::rasterise) : rasterise(shown);
    }

    private Glyph rasterise(int codePoint) {
        GlyphVector vector = font.createGlyphVector(CONTEXT, Character.toChars(codePoint));
        Rectangle bounds = vector.getPixelBounds(CONTEXT, 0, 0);
        if (bounds.width <= 0 || bounds.height <= 0) {
            return new Glyph(0, 0, 0, 0, new float[0]); // a space
        }
        BufferedImage cell = new BufferedImage(bounds.width, bounds.height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = cell.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(java.awt.Color.WHITE);
            g.drawGlyphVector(vector, -bounds.x, -bounds.y);
        } finally {
            g.dispose();
        }
        byte[] grey = ((java.awt.image.DataBufferByte) cell.getRaster().getDataBuffer()).getData();
        float[] coverage = new float[grey.length];
        for (int i = 0; i < grey.length; i++) {
            coverage[i] = (grey[i] & 0xff) / 255f;
        }
        return new Glyph(bounds.x, bounds.y, bounds.width, bounds.height, coverage);
    }

    private static Font load() {
        // Rasterising needs no display; headless keeps AWT from looking for one (a render node has none).
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        try (InputStream in = GlyphRasters.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(FONT_RESOURCE + " missing from the jar");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("cannot load the bundled font " + FONT_RESOURCE, e);
        }
    }
}
