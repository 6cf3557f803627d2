package io.rushes.jobs.plates;

import io.rushes.catalog.CatalogSchema;
import io.rushes.engine.api.EngineVersion;
import io.rushes.engine.api.RenderPlan;
import io.rushes.engine.api.RenderUnit;
import io.rushes.engine.api.RenderedFile;
import io.rushes.engine.api.Renderer;
import io.rushes.engine.deliver.spec.Deliverable;
import io.rushes.engine.deliver.spec.DeliverableSpec;
import io.rushes.engine.deliver.spec.DeliverableSpecReader;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.image.Demosaic;
import io.rushes.engine.io.ByteSink;
import io.rushes.engine.io.OutputFolder;
import io.rushes.jobs.hadoop.HadoopOutputFolder;
import io.rushes.jobs.hadoop.HadoopSources;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;

/**
 * The executor's half of a plates run, inside {@code mapPartitions}: each unit through the engine's {@link Renderer}
 * with a render plan built once per executor and reused by every unit that shares it, each output written through
 * the store's atomic sink, and one {@code renders} row per file (a failed frame is a failed row).
 */
final class PlateRendering {
    /** Faults a test asks for from configuration ({@code spark.rushes.plates.injectFailure}): never set in production. */
    enum InjectedFailure {
        NONE,
        /** The first task's first attempt dies after its first file is committed. */
        TASK,
        /** The first task's first attempt dies halfway through writing its first file's bytes. */
        MID_FRAME;

        static InjectedFailure of(String value) {
            return value == null || value.isBlank() ? NONE : valueOf(value.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }

    /** What a task dies of when a failure is injected: an Error, so no layer takes it for one frame's failure. */
    static final class InjectedTaskDeath extends Error {
        InjectedTaskDeath(String where) {
            super("rushes: failure injected by spark.rushes.plates.injectFailure " + where);
        }
    }

    private PlateRendering() {
    }

    /** Plans built on this executor, by {@link PlateUnit#planKey()}: a shot's processor is compiled once, not per task. */
    private static final Map<String, Object> PLANS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > 64;
        }
    };

    /** The unit's plan, or the error that stops every frame of it (a bad AMF, a spec this build cannot render). */
    private static Object plan(PlateUnit unit) {
        synchronized (PLANS) {
            return PLANS.computeIfAbsent(unit.planKey(), k -> {
                try {
                    DeliverableSpec spec = DeliverableSpecReader.load(unit.specBytes(), unit.specName());
                    Path folder = null;
                    if (unit.amf() != null && spec.colour().display()) {
                        // The shot's AMF replaces the spec's: its looks and output transform are the shot's grade.
                        Path amf = Path.of(unit.amf());
                        spec = new DeliverableSpec(spec.file(), spec.name(), spec.description(), spec.format(),
                                new DeliverableSpec.Colour(true, null, amf.getFileName().toString(), null), spec.compression(), spec.bitDepth(),
                                spec.fit(), spec.canvasTemplate(), spec.burnIn(), spec.naming());
                        folder = amf.getParent();
                    }
                    Map<String, String> values = Map.of("shot", unit.shot(), "plate", unit.plate(), "version", Integer.toString(unit.version()));
                    Deliverable d = Deliverable.prepare(spec, values, folder, new Deliverable.Development(
                            unit.hq() ? Demosaic.Method.RCD : Demosaic.Method.BILINEAR, null, null, 0, 0));
                    if (spec.canvasTemplate() != null && unit.fdlPath() != null) {
                        d = d.framedBy(ShotFraming.apply(unit.fdlPath(), unit.fdl(), spec.canvasTemplate()));
                    }
                    return RenderPlan.of(d);
                } catch (RushesException e) {
                    return e;
                }
            });
        }
    }

    static Iterator<Row> render(Iterator<PlateUnit> units, HadoopSources sources, String platesId, InjectedFailure inject,
                                LongAccumulator framesDone, CollectionAccumulator<String> failures) {
        TaskContext task = TaskContext.get();
        boolean injecting = inject != InjectedFailure.NONE && task != null && task.partitionId() == 0 && task.attemptNumber() == 0;
        Renderer renderer = new Renderer(sources);
        List<Row> rows = new ArrayList<>();
        while (units.hasNext()) {
            PlateUnit unit = units.next();
            Map<String, PlateUnit.PlateFrame> byKey = new HashMap<>();
            unit.frames().forEach(f -> byKey.put(f.key(), f));
            Object plan = plan(unit);
            if (plan instanceof RushesException e) {
                for (PlateUnit.PlateFrame f : unit.movie() ? unit.frames().subList(0, 1) : unit.frames()) {
                    rows.add(row(unit, f, RenderedFile.failed(f.location(), f.frame(), null, 0, e), platesId));
                    failures.add(unit.shot() + ": " + e.during("render").getMessage());
                }
                continue;
            }
            OutputFolder folder = new HadoopOutputFolder(unit.folder(), sources.configuration());
            if (injecting) {
                folder = injected(folder, inject);
            }
            RenderUnit work = new RenderUnit(unit.clipName(), unit.frames().stream()
                    .map(f -> new RenderUnit.Frame(f.location(), f.frame(), f.index())).toList());
            renderer.render((RenderPlan) plan, work, folder, file -> {
                PlateUnit.PlateFrame source = unit.movie() ? unit.frames().get(0) : byKey.get(PlateUnit.PlateFrame.key(file.source(), file.frame()));
                rows.add(row(unit, source, file, platesId));
                framesDone.add(file.frames() > 0 ? file.frames() : 1);
                if (!file.ok()) {
                    failures.add(unit.shot() + ": " + file.error().during("render").getMessage());
                }
                if (injecting && inject == InjectedFailure.TASK) {
                    throw new InjectedTaskDeath("after " + file.output());
                }
            });
        }
        return rows.iterator();
    }

    /** A folder whose first file's bytes stop halfway, as a task killed mid-write leaves them. */
    private static OutputFolder injected(OutputFolder folder, InjectedFailure inject) {
        if (inject != InjectedFailure.MID_FRAME) {
            return folder;
        }
        return new OutputFolder() {
            @Override
            public String name() {
                return folder.name();
            }

            @Override
            public ByteSink file(String fileName) {
                ByteSink sink = folder.file(fileName);
                return new ByteSink() {
                    @Override
                    public String name() {
                        return sink.name();
                    }

                    @Override
                    public void write(Content content) throws IOException {
                        sink.write(out -> content.writeTo(new FilterOutputStream(out) {
                            private long written;

                            @Override
                            public void write(byte[] b, int off, int len) throws IOException {
                                out.write(b, off, len);
                                written += len;
                                if (written > 64) {
                                    throw new InjectedTaskDeath("after " + written + " bytes of " + sink.name());
                                }
                            }
                        }));
                    }
                };
            }

            @Override
            public Path scratch() {
                return folder.scratch();
            }
        };
    }

    private static Row row(PlateUnit unit, PlateUnit.PlateFrame f, RenderedFile file, String platesId) {
        RushesException e = file.error();
        String message = e != null ? e.during("render").getMessage() : file.warnings().isEmpty() ? null : String.join("; ", file.warnings());
        return new GenericRowWithSchema(new Object[] {f.renderId(), unit.shot(), unit.version(), unit.deliverable(), unit.pullId(), unit.clipId(), f.location(),
                f.sourceHash(), unit.movie() ? null : f.frame(), f.timecode(), unit.amfHash(), unit.fdlHash(), unit.specHash(), unit.cdl(),
                f.parametersHash(), unit.shotParametersHash(), EngineVersion.VERSION, file.output(), file.ok() ? file.frames() : null,
                file.size(), file.ok() ? file.bytes() : null, file.xxh128(), file.nanos() / 1e6, file.ok() ? "ok" : "failed",
                e == null ? null : e.code().name(), message, platesId, new Timestamp(System.currentTimeMillis())}, CatalogSchema.RENDERS.schema());
    }
}
