package io.rushes.engine.api;

import io.rushes.engine.error.Errors;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.io.ByteSourceFactory;
import io.rushes.engine.io.DigestingSink;
import io.rushes.engine.io.OutputFolder;
import io.rushes.engine.render.FrameRenderer;
import io.rushes.engine.render.OpenSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The engine's front door for rendering, as {@link Inspector} is for inspection: one unit of work through one plan,
 * each source opened through the host's factory, each output through the host's folder, sized and hashed as it is
 * written. Every frame's outcome comes back as a {@link RenderedFile} (failures included), so the CLI and the plates
 * job share this one path and differ only in where they record results.
 */
public final class Renderer {
    private final ByteSourceFactory sources;

    public Renderer(ByteSourceFactory sources) {
        this.sources = sources;
    }

    /**
     * Renders {@code unit} by {@code plan} into {@code out}; {@code each} hears every file as it is done (for progress),
     * and the list holds them all in order.
     */
    public List<RenderedFile> render(RenderPlan plan, RenderUnit unit, OutputFolder out, Consumer<RenderedFile> each) {
        return render(plan, List.of(unit), out, each);
    }

    /** Renders several units into one folder, refusing a name given twice across them (a frame never overwrites another). */
    public List<RenderedFile> render(RenderPlan plan, List<RenderUnit> units, OutputFolder out, Consumer<RenderedFile> each) {
        List<RenderedFile> done = new ArrayList<>();
        Map<String, String> named = new HashMap<>();
        for (RenderUnit unit : units) {
            if (plan.isMovie()) {
                RenderedFile movie = movie(plan, unit, out, named);
                done.add(movie);
                each.accept(movie);
                continue;
            }
            try (OpenSource open = new OpenSource(sources)) {
                for (RenderUnit.Frame frame : unit.frames()) {
                    RenderedFile file = still(plan.renderer(), plan.naming(), unit.clip(), frame, out, named, open);
                    done.add(file);
                    each.accept(file);
                }
            }
        }
        return done;
    }

    /** Refuses a name already given to another source of this render. */
    private static void claim(Map<String, String> named, String name, String location) {
        String earlier = named.putIfAbsent(name, location);
        if (earlier != null) {
            throw Errors.invalidArgument("the name " + name + " of " + location + " was given to " + earlier + " already",
                    "Put {clip} and {frame} in the deliverable's naming template so each frame has its own name, or render each clip "
                            + "to its own output folder");
        }
    }

    private RenderedFile still(FrameRenderer renderer, RenderPlan.Naming naming, String clip, RenderUnit.Frame frame, OutputFolder out,
                               Map<String, String> named, OpenSource open) {
        long t0 = System.nanoTime();
        String name = null;
        try {
            FrameRenderer.Input input = open.input(frame.location());
            name = naming.name(input, clip, frame.frame());
            claim(named, name, frame.location() + (input.reader().frameCount() > 1 ? " frame " + frame.index() : ""));
            DigestingSink sink = new DigestingSink(out.file(name));
            FrameRenderer.Rendered rendered = renderer.render(input, frame.index(), sink);
            return new RenderedFile(frame.location(), frame.frame(), name, sink.name(), rendered.size(), 1, sink.bytes(), sink.xxh128(),
                    System.nanoTime() - t0, rendered.warnings(), null);
        } catch (RushesException e) {
            return RenderedFile.failed(frame.location(), frame.frame(), name, System.nanoTime() - t0, e);
        } catch (IOException e) {
            return RenderedFile.failed(frame.location(), frame.frame(), name, System.nanoTime() - t0,
                    Errors.io(name == null ? frame.location() : out.name() + "/" + name, e));
        } catch (RuntimeException e) { // a bug on one frame is that frame's failed result, not the end of the unit
            return RenderedFile.failed(frame.location(), frame.frame(), name, System.nanoTime() - t0, Errors.internal(frame.location(), e));
        }
    }

    private RenderedFile movie(RenderPlan plan, RenderUnit unit, OutputFolder out, Map<String, String> named) {
        long t0 = System.nanoTime();
        String first = unit.frames().isEmpty() ? unit.clip() : unit.frames().get(0).location();
        String name = null;
        try {
            if (unit.frames().isEmpty()) {
                throw Errors.invalidArgument("a movie of " + unit.clip() + " needs at least one frame", "Give the clip's frames");
            }
            try (OpenSource open = new OpenSource(sources)) {
                name = plan.naming().name(open.input(first), unit.clip(), null);
            }
            claim(named, name, first);
            DigestingSink sink = new DigestingSink(out.file(name));
            long frames = plan.movie().writeMovie(unit.frames(), sources, sink, out.scratch());
            return new RenderedFile(first, null, name, sink.name(), null, frames, sink.bytes(), sink.xxh128(), System.nanoTime() - t0,
                    List.of(), null);
        } catch (RushesException e) {
            return RenderedFile.failed(first, null, name, System.nanoTime() - t0, e);
        } catch (IOException e) {
            return RenderedFile.failed(first, null, name, System.nanoTime() - t0, Errors.io(name == null ? first : out.name() + "/" + name, e));
        } catch (RuntimeException e) {
            return RenderedFile.failed(first, null, name, System.nanoTime() - t0, Errors.internal(first, e));
        }
    }
}
