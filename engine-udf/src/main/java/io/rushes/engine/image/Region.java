package io.rushes.engine.image;

/** A rectangle of a frame as stored (before orientation), in pixels or photosites from its top-left. */
public record Region(int x, int y, int width, int height) {
}
