package io.rushes.jobs.ingest;

import io.delta.tables.DeltaTable;
import io.rushes.catalog.Catalog;
import io.rushes.catalog.CatalogSchema;
import io.rushes.engine.api.ClipResult;
import io.rushes.engine.api.EngineVersion;
import io.rushes.engine.api.InspectOptions;
import io.rushes.engine.api.Inspector;
import io.rushes.engine.discovery.Clip;
import io.rushes.engine.discovery.ClipDiscovery;
import io.rushes.engine.discovery.Discovery;
import io.rushes.engine.discovery.FileEntry;
import io.rushes.engine.format.FormatRegistry;
import io.rushes.jobs.hadoop.HadoopSources;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;

/**
 * Ingest: list a source through Hadoop, group the files into clips on the driver, inspect the clips in
 * size-balanced Spark tasks (one engine call per clip), and MERGE the results into the catalog keyed by
 * stable ids. Clips go in rounds of {@link IngestOptions#batchClips}; each round commits, so a killed
 * ingest keeps its finished rounds and a re-run (same ingest id) redoes only what changed.
 */
public final class InspectJob {
    private final SparkSession spark;
    private final IngestOptions options;
    private final PrintStream progressOut;

    public InspectJob(SparkSession spark, IngestOptions options, PrintStream progressOut) {
        this.spark = spark;
        this.options = options;
        this.progressOut = progressOut;
    }

    public IngestSummary run() throws IOException {
        long startNanos = System.nanoTime();
        HadoopSources sources = new HadoopSources(spark.sparkContext().hadoopConfiguration());
        String source = sources.qualify(options.source());
        Catalog catalog = Catalog.open(spark, sources.qualify(options.catalog()));
        List<FileEntry> listing = sources.list(source);
        Discovery discovery = ClipDiscovery.group(listing);
        List<Clip> clips = new ArrayList<>(discovery.clips());
        clips.sort(Comparator.comparing(Clip::directory).thenComparing(Clip::name));
        String ingestId = ingestId(source, listing);
        MhlReferences mhl = options.hashes().isEmpty() ? MhlReferences.NONE : MhlReferences.read(source, listing);
        if (progressOut != null) {
            mhl.problems().forEach(progressOut::println); // a reel whose history cannot be read: its files get mhl_unreadable
        }
        startIngestRow(catalog, ingestId, source);

        Progress progress = new Progress(spark, clips.size(), progressOut);
        long ok = 0;
        long failed = 0;
        long files = 0;
        long bytes = 0;
        long errors = 0;
        try (progress) {
            int rounds = (clips.size() + options.batchClips() - 1) / options.batchClips();
            for (int from = 0; from < clips.size(); from += options.batchClips()) {
                List<Clip> round = clips.subList(from, Math.min(clips.size(), from + options.batchClips()));
                String name = "round " + (from / options.batchClips() + 1) + "/" + rounds;
                Round r = inspectAndMerge(catalog, source, ingestId, round, sources, mhl, progress, name);
                ok += r.ok;
                failed += r.failed;
                files += r.files;
                bytes += r.bytes;
                errors += r.errors;
            }
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            IngestSummary summary = new IngestSummary(ingestId, source, clips.size(), ok, failed, files, bytes, errors, seconds);
            if (progressOut != null) {
                progressOut.println("ingest: recording the ingest as complete");
            }
            finishIngestRow(catalog, summary);
            return summary;
        } catch (Exception | Error e) {
            // Exception, not RuntimeException: a failed stage comes out of collect() and MERGE as SparkException, a
            // checked exception Scala code throws undeclared.
            failIngestRow(catalog, ingestId, e);
            throw e;
        }
    }

    /** Same source, same files (name, size, time), same options, same engine: same ingest. */
    String ingestId(String source, List<FileEntry> listing) {
        String files = listing.stream().sorted(Comparator.comparing(FileEntry::relativePath))
                .map(f -> f.relativePath() + "|" + f.size() + "|" + f.lastModifiedMillis()).collect(Collectors.joining("\n"));
        return Ids.of(source, files, options.hashes().stream().map(Enum::name).sorted().toList(), EngineVersion.VERSION);
    }

    private record Round(long ok, long failed, long files, long bytes, long errors) {
    }

    private Round inspectAndMerge(Catalog catalog, String source, String ingestId, List<Clip> round, HadoopSources sources,
                                  MhlReferences mhl, Progress progress, String roundName) {
        JavaRDD<ClipRows> inspected = inspect(round, source, ingestId, sources, mhl, progress.clipsDone, progress.errors)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Dataset<Row> clipRows = spark.createDataFrame(inspected.map(ClipRows::clip), CatalogSchema.CLIPS.schema());
            Dataset<Row> fileRows = spark.createDataFrame(inspected.flatMap(r -> r.files().iterator()), CatalogSchema.FILES.schema());
            Dataset<Row> errorRows = spark.createDataFrame(inspected.flatMap(r -> r.errors().iterator()), CatalogSchema.INGEST_ERRORS.schema())
                    .dropDuplicates("error_id");
            String clipIds = round.stream().map(c -> "'" + ClipRows.clipId(source, c) + "'").collect(Collectors.joining(","));
            progress.phase("inspecting " + roundName);
            List<ClipRows> summaries = inspected.map(r -> new ClipRows(null, List.of(), r.errors(), r.status(), r.bytes())).collect();
            progress.phase("committing " + roundName + " to the catalog: clips");
            catalog.merge(CatalogSchema.CLIPS, clipRows, "t.fingerprint <> s.fingerprint", null);
            progress.phase("committing " + roundName + " to the catalog: files");
            catalog.merge(CatalogSchema.FILES, fileRows, "t.fingerprint <> s.fingerprint", "t.clip_id IN (" + clipIds + ")");
            progress.phase("committing " + roundName + " to the catalog: ingest_errors");
            catalog.merge(CatalogSchema.INGEST_ERRORS, errorRows, null, "t.clip_id IN (" + clipIds + ")");
            long ok = summaries.stream().filter(s -> s.status().readable()).count();
            long files = round.stream().mapToLong(c -> c.files().size()).sum();
            long bytes = summaries.stream().mapToLong(ClipRows::bytes).sum();
            long errors = summaries.stream().mapToLong(s -> s.errors().size()).sum();
            return new Round(ok, summaries.size() - ok, files, bytes, errors);
        } finally {
            inspected.unpersist(false);
        }
    }

    /** The inspection stage alone: size-balanced groups of clips, one engine call per clip, rows out. */
    JavaRDD<ClipRows> inspect(List<Clip> clips, String source, String ingestId, HadoopSources sources, MhlReferences mhl,
                              LongAccumulator done, LongAccumulator failedFiles) {
        int parallelism = spark.sparkContext().defaultParallelism() * options.tasksPerCore();
        List<List<Clip>> groups = ClipBalancer.groups(clips, parallelism);
        InspectOptions inspectOptions = new InspectOptions(options.hashes());
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<MhlReferences> references = jsc.broadcast(mhl);
        // One group per partition; the engine is called once per clip inside mapPartitions.
        return jsc.parallelize(groups, groups.size())
                .mapPartitions(partition -> {
                    Inspector inspector = new Inspector(EngineHolder.FORMATS, sources);
                    List<ClipRows> out = new ArrayList<>();
                    while (partition.hasNext()) {
                        for (Clip clip : partition.next()) {
                            ClipResult result = inspector.inspect(clip, inspectOptions);
                            ClipRows rows = ClipRows.of(source, ingestId, result, references.value());
                            done.add(1);
                            failedFiles.add(rows.errors().size());
                            out.add(rows);
                        }
                    }
                    return out.iterator();
                });
    }

    /** Runs only the inspection stage over a local source and counts the clips (for benchmarks: no catalog). */
    public long inspectOnly() throws IOException {
        HadoopSources sources = new HadoopSources(spark.sparkContext().hadoopConfiguration());
        String source = sources.qualify(options.source());
        List<Clip> clips = ClipDiscovery.group(sources.list(source)).clips();
        LongAccumulator done = spark.sparkContext().longAccumulator();
        return inspect(clips, source, "bench", sources, MhlReferences.NONE, done, spark.sparkContext().longAccumulator()).count();
    }

    private void startIngestRow(Catalog catalog, String ingestId, String source) {
        Row row = RowFactory.create(ingestId, source, "running", new Timestamp(System.currentTimeMillis()), null, null, null, null, null,
                null, null, options.hashes().stream().map(h -> h.mhlName()).sorted().collect(Collectors.joining(",")),
                EngineVersion.VERSION, spark.version(), null);
        Dataset<Row> df = spark.createDataFrame(List.of(row), CatalogSchema.INGESTS.schema());
        // A re-run of a failed ingest is running again; a complete one keeps its row (an identical re-run changes nothing).
        DeltaTable.forPath(spark, catalog.path(CatalogSchema.INGESTS)).as("t").merge(df.as("s"), "t.ingest_id = s.ingest_id")
                .whenMatched("t.status = 'failed'").updateExpr(Map.of("status", "'running'", "failure", "NULL"))
                .whenNotMatched().insertAll().execute();
    }

    /** The ingest's row ends as failed with the reason; the rounds committed before stay, and a re-run finishes them. */
    private void failIngestRow(Catalog catalog, String ingestId, Throwable cause) {
        try {
            DeltaTable.forPath(spark, catalog.path(CatalogSchema.INGESTS)).update(
                    functions.col("ingest_id").equalTo(ingestId),
                    Map.of("status", functions.lit("failed"), "finished_at", functions.current_timestamp(),
                            "failure", functions.lit(failure(cause))));
        } catch (RuntimeException whileRecording) {
            cause.addSuppressed(whileRecording);
        }
    }

    /** The first line of the innermost message (Spark wraps the cause in plans and stages), bounded. */
    static String failure(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getName() : root.getClass().getSimpleName() + ": " + root.getMessage();
        String line = message.lines().findFirst().orElse(message).strip();
        return line.length() > 2000 ? line.substring(0, 2000) + "…" : line;
    }

    private void finishIngestRow(Catalog catalog, IngestSummary s) {
        Map<String, String> set = Map.of("status", "'complete'", "finished_at", "current_timestamp()", "clips_total", s.clips() + "L",
                "clips_ok", s.clipsOk() + "L", "clips_failed", s.clipsFailed() + "L", "files_total", s.files() + "L",
                "bytes_total", s.bytes() + "L", "error_count", s.errors() + "L", "failure", "NULL");
        DeltaTable.forPath(spark, catalog.path(CatalogSchema.INGESTS))
                .updateExpr("ingest_id = '" + s.ingestId() + "' AND status <> 'complete'", set);
    }

    /** The format registry, loaded once per executor JVM and shared by its tasks (it is stateless). */
    static final class EngineHolder {
        static final FormatRegistry FORMATS = FormatRegistry.loadDefault();

        private EngineHolder() {
        }
    }
}
