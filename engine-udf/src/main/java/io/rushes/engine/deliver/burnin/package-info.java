/**
 * Burn-ins: text and FDL framing lines drawn on display images, from a declarative template checked against the
 * bundled {@code burnin.schema.json} (draft 2020-12) and then by the fields of each line, every problem at its JSON path.
 * <pre>
 * {"name": "review",
 *  "text_size": 0.03,                       the font's em as a fraction of the image height (at most 0.2)
 *  "text_colour": [1, 1, 1],                display code values
 *  "margin": 0.02,                          from the edges, fraction of the image height
 *  "box": {"colour": [0, 0, 0], "opacity": 0.5, "padding": 0.25},   behind each line; padding in font sizes
 *  "items": [{"position": "top-left", "text": "{clip}  {reel}"}, …], top-left top-centre top-right bottom-…
 *  "framing": {"fdl": "show.fdl", "decision": "ID", "style": "lines", "width": 2, "colour": [1, 1, 0], "opacity": 1}}
 * </pre>
 * Fields: clip, reel, timecode (the frame's source timecode; in a movie counted from its first frame), frame, shot,
 * plate, version, and any clip catalog column ({lens_model}, {iso}…). Text is the bundled DejaVu Sans Mono
 * ({@code DejaVuSansMono.LICENSE}), rasterised by Java2D headless into coverage masks and blended into the float image
 * by {@link io.rushes.engine.deliver.burnin.BurnIn}; no system font is used.
 */
package io.rushes.engine.deliver.burnin;
