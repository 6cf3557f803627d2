/**
 * Deliverable specifications: a small JSON document saying what one deliverable is, checked against the bundled
 * {@code deliverable.schema.json} (draft 2020-12) and then by the rules that join fields, every problem at its JSON path.
 * <pre>
 * {"name": "aces-exr-plate",                      [A-Za-z0-9._-], 1 to 64
 *  "description": "…",                            shown by rushes render --list-deliverables
 *  "format": "exr",                               tiff16 tiff32f exr dpx10 dpx16 jpeg png | prores_422hq prores_4444
 *                                                 prores_4444xq dnxhr_hqx dnxhr_444 h264 (movies: one QuickTime file per clip)
 *  "colour": {"stage": "scene", "space": "ACES2065-1"},   or ACEScg, ACEScct; or {"stage": "display"} with an
 *                                                 optional "amf" (beside the spec) or "output_transform" (an ACES id)
 *  "compression": "piz",                          exr only: none rle zips zip piz
 *  "bit_depth": 16,                               optional; must be what the format writes
 *  "resolution": {"fit": 512},                    longest side, 1 to 65535; or {"canvas_template": ID} (refused by render)
 *  "burn_in": "review",                           a shipped burn-in template, or NAME.json beside the spec (display only)
 *  "naming": "{shot}_{plate}_v{version:03d}.{frame:04d}.exr"}
 * </pre>
 * Naming fields: clip, reel, frame (from each frame), shot, plate, version (given: {@code --set key=value}); numbers
 * pad with {@code :0Nd}. {@link io.rushes.engine.deliver.spec.Deliverable} maps a specification onto
 * {@link io.rushes.engine.render.FrameRenderer.Options}; {@link io.rushes.engine.deliver.spec.Deliverables} holds the
 * shipped ones.
 */
package io.rushes.engine.deliver.spec;
