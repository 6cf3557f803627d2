package io.rushes.engine.deliver.burnin;

import java.util.List;
import java.util.Locale;

/**
 * A burn-in template as declared (checked by {@link BurnInTemplates}): lines of text at the corners and edges of the
 * image, and optionally an FDL framing decision drawn on it. {@link BurnIn#compile} makes it the overlay drawn on
 * every frame.
 *
 * @param file where it was read from (a path, or "burn-in template NAME" for a shipped one)
 * @param textSize the font's em as a fraction of the image height
 * @param textColour display code values
 * @param margin from the image edges, as a fraction of the image height
 * @param framing the framing decision to draw (null: none)
 */
public record BurnInTemplate(String file, String name, String description, double textSize, float[] textColour, double margin,
                             Box box, List<Item> items, Framing framing) {

    public static final double DEFAULT_TEXT_SIZE = 0.03;
    public static final double DEFAULT_MARGIN = 0.02;

    /** Where a line sits; lines at the same place stack away from the edge in the order given. */
    public enum Position {
        TOP_LEFT, TOP_CENTRE, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_CENTRE, BOTTOM_RIGHT;

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        boolean top() {
            return this == TOP_LEFT || this == TOP_CENTRE || this == TOP_RIGHT;
        }

        static Position of(String key) {
            for (Position p : values()) {
                if (p.key().equals(key)) {
                    return p;
                }
            }
            return null;
        }
    }

    /**
     * The translucent box behind each line.
     *
     * @param padding around the text, as a fraction of the font size
     */
    public record Box(float[] colour, double opacity, double padding) {
    }

    /** One line of text at its JSON path. */
    public record Item(String path, Position position, BurnInText text) {
    }

    public enum Style { LINES, MASK }

    /**
     * An FDL framing decision to draw.
     *
     * @param fdl the FDL file, resolved against the template's folder (null: to be given with the deliverable's values)
     * @param decision a framing decision id (null: the FDL's default intent on its first canvas)
     * @param width with lines: their width in pixels of the image written
     * @param opacity of the lines, or of the darkening outside the decision with a mask
     */
    public record Framing(String fdl, String decision, Style style, int width, float[] colour, double opacity) {
    }
}
