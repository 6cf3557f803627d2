package io.rushes.engine.api;

import io.rushes.engine.deliver.spec.Deliverable;
import io.rushes.engine.render.FrameRenderer;

/**
 * What a render makes of each frame, compiled once and reused for every frame and unit of work: the frame renderer
 * (its colour processor built), how each file is named, and for a review movie the deliverable that writes it.
 */
public final class RenderPlan {
    /**
     * The file name of one frame ({@code frame}: its number in the clip, null for a single file) or of a clip's movie,
     * from the source already open for rendering (its name and, when a template asks for the reel, its metadata).
     */
    @FunctionalInterface
    public interface Naming {
        String name(FrameRenderer.Input first, String clip, Long frame);
    }

    private final FrameRenderer renderer;
    private final Naming naming;
    private final Deliverable movie;

    private RenderPlan(FrameRenderer renderer, Naming naming, Deliverable movie) {
        this.renderer = renderer;
        this.naming = naming;
        this.movie = movie;
    }

    /** A deliverable: its stills one file per frame, or its movie one file per unit of work. */
    public static RenderPlan of(Deliverable deliverable) {
        if (deliverable.spec().canvasTemplate() != null && deliverable.options().framing() == null) {
            throw io.rushes.engine.error.Errors.invalidArgument(deliverable.spec().name() + " sizes each frame by the FDL canvas template '"
                    + deliverable.spec().canvasTemplate() + "', and no FDL frames this render",
                    "Give the shot's FDL (rushes plates: --fdl-folder and the pull list's fdl_uuid), or use a deliverable sized by fit");
        }
        return new RenderPlan(deliverable.movie() ? null : new FrameRenderer(deliverable.options()), deliverable::fileName,
                deliverable.movie() ? deliverable : null);
    }

    /** Stills set by renderer options alone, named by {@code naming}. */
    public static RenderPlan stills(FrameRenderer.Options options, Naming naming) {
        return new RenderPlan(new FrameRenderer(options), naming, null);
    }

    /**
     * This plan with RGB sources read as {@code encoding} (--input-transform, an AMF's input transform) over what their
     * files say; raw frames are developed as before.
     */
    public RenderPlan withInput(io.rushes.engine.color.PixelEncoding encoding) {
        return movie != null ? new RenderPlan(null, naming, movie.readingAs(encoding))
                : new RenderPlan(new FrameRenderer(renderer.options().withInput(encoding)), naming, null);
    }

    FrameRenderer renderer() {
        return renderer;
    }

    Naming naming() {
        return naming;
    }

    /** The movie deliverable, or null for stills. */
    Deliverable movie() {
        return movie;
    }

    public boolean isMovie() {
        return movie != null;
    }
}
