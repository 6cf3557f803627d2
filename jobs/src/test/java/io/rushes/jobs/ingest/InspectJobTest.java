package io.rushes.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.catalog.Catalog;
import io.rushes.catalog.CatalogSchema;
import io.rushes.engine.integrity.HashAlgorithm;
import io.rushes.jobs.testing.TableSnapshot;
import io.rushes.jobs.testing.TestCards;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import io.rushes.jobs.testing.SparkExtension;

/** Ingest of a 20-clip card with two broken files: rows, errors, idempotent re-runs, and a killed run. */
@ExtendWith(SparkExtension.class)
class InspectJobTest {
    /** Columns that record when something ran, which a re-run after a kill legitimately changes. */
    private static final Set<String> RUN_TIMES = Set.of("started_at", "finished_at");

    @TempDir
    static Path dir;
    static Path card;
    static SparkSession spark;

    @BeforeAll
    static void card(SparkSession session) throws IOException {
        card = TestCards.damagedCard(dir.resolve("card"));
        spark = session;
    }

    private static IngestSummary ingest(String catalog, int batchClips) throws IOException {
        IngestOptions options = new IngestOptions(card.toString(), catalog, Set.of(), batchClips, 2);
        return new InspectJob(spark, options, null).run();
    }

    @Test
    void hashingVerifiesFilesAgainstTheCardsMhlHistory() throws IOException {
        String catalog = dir.resolve("catalog-mhl").toString();
        new InspectJob(spark, new IngestOptions(card.toString(), catalog, Set.of(HashAlgorithm.XXH64), 1000, 2), null).run();
        var files = spark.read().format("delta").load(catalog + "/files");
        long total = files.count();
        // make-card sealed each reel with xxh64; the two files broken afterwards no longer match.
        assertEquals(total - TestCards.BROKEN_FILES, files.where("mhl_status = 'verified'").count());
        assertEquals(TestCards.BROKEN_FILES, files.where("mhl_status = 'mismatch'").count());
        assertEquals(total, files.where("hashes['xxh64'] IS NOT NULL").count());
    }

    @Test
    void twentyClipsTwoErrorsAndAnIdenticalRerunChangesNothing() throws IOException {
        String catalog = dir.resolve("catalog-rerun").toString();
        IngestSummary first = ingest(catalog, 1000);
        assertEquals(TestCards.CLIPS, first.clips());
        assertEquals(TestCards.BROKEN_FILES, first.errors());

        assertEquals(TestCards.CLIPS, spark.read().format("delta").load(catalog + "/clips").count());
        List<Row> errors = spark.read().format("delta").load(catalog + "/ingest_errors").orderBy("code").collectAsList();
        assertEquals(TestCards.BROKEN_FILES, errors.size());
        assertEquals("TRUNCATED", errors.get(0).getAs("code"));
        assertEquals("UNSUPPORTED_FORMAT", errors.get(1).getAs("code"));
        for (Row e : errors) {
            String path = e.getAs("path");
            assertTrue(((String) e.getAs("message")).contains(path.substring(path.lastIndexOf('/') + 1)), "message names the file");
        }
        long sequences = spark.read().format("delta").load(catalog + "/clips").where("kind = 'sequence' AND status = 'ok'").count();
        assertEquals(17, sequences, "18 sequences, one with a truncated frame (partial)");
        assertEquals(1, spark.read().format("delta").load(catalog + "/clips").where("status = 'partial'").count());
        Row ingestRow = spark.read().format("delta").load(catalog + "/ingests").first();
        assertEquals("complete", ingestRow.getAs("status"));
        assertEquals(20L, (long) ingestRow.getAs("clips_total"));
        assertTrue(ingestRow.isNullAt(ingestRow.fieldIndex("failure")));

        // The dropped frame: the clip lands, and the report lists its gap.
        Catalog.existing(spark, catalog).registerViews();
        List<Row> gaps = spark.sql("SELECT clip_name, missing_frame_count, missing_frames FROM missing_frames_report").collectAsList();
        assertEquals(1, gaps.size(), gaps.toString());
        assertTrue(gaps.get(0).getString(0).startsWith(TestCards.CLIP_WITH_A_GAP), gaps.toString());
        assertEquals(1L, gaps.get(0).getLong(1));
        assertEquals(List.of(TestCards.DROPPED_FRAME), gaps.get(0).getList(2));

        Map<String, List<String>> before = TableSnapshot.of(spark, catalog, Set.of());
        IngestSummary second = ingest(catalog, 1000);
        assertEquals(first.ingestId(), second.ingestId(), "same source, same files: same ingest");
        assertEquals(before, TableSnapshot.of(spark, catalog, Set.of()), "an identical re-run changes no row of any table");
    }

    /** A commit that fails (here a CHECK constraint an administrator put on the table) ends the ingest's row as failed. */
    @Test
    void aFailedIngestSaysFailedWithItsReasonAndARerunCompletesIt() throws IOException {
        String catalog = dir.resolve("catalog-failed").toString();
        Catalog c = Catalog.open(spark, catalog);
        spark.sql("ALTER TABLE " + c.sqlName(CatalogSchema.CLIPS) + " ADD CONSTRAINT no_sequences CHECK (kind <> 'sequence')");
        RuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> ingest(catalog, 1000));
        Row failed = spark.read().format("delta").load(catalog + "/ingests").first();
        assertEquals("failed", failed.getAs("status"));
        String failure = failed.getAs("failure");
        assertTrue(failure.contains("no_sequences") && !failure.contains("\n"), failure);
        assertTrue(InspectJob.failure(e).equals(failure), failure);

        spark.sql("ALTER TABLE " + c.sqlName(CatalogSchema.CLIPS) + " DROP CONSTRAINT no_sequences");
        ingest(catalog, 1000);
        Row rerun = spark.read().format("delta").load(catalog + "/ingests").first();
        assertEquals("complete", rerun.getAs("status"));
        assertTrue(rerun.isNullAt(rerun.fieldIndex("failure")));
        assertEquals(TestCards.CLIPS, spark.read().format("delta").load(catalog + "/clips").count());
    }

    @Test
    void aKilledIngestRunAgainEndsWithTheSameTables() throws Exception {
        String reference = dir.resolve("catalog-reference").toString();
        ingest(reference, 1000);

        String catalog = dir.resolve("catalog-killed").toString();
        Process child = startIngestProcess(catalog);
        Path clipsLog = Path.of(catalog, "clips", "_delta_log");
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        // Kill it once the first round of clips is committed (version 0 is the CREATE) and before it ends.
        while (child.isAlive() && commits(clipsLog) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        boolean killedMidway = child.isAlive();
        child.destroyForcibly().waitFor();
        assertTrue(killedMidway, "the ingest finished before it could be killed; the card needs more rounds");
        long clipsAfterKill = spark.read().format("delta").load(catalog + "/clips").count();
        assertTrue(clipsAfterKill > 0 && clipsAfterKill < TestCards.CLIPS, "killed midway: " + clipsAfterKill + " clips committed");

        ingest(catalog, 1000);
        assertEquals(TableSnapshot.of(spark, reference, RUN_TIMES), TableSnapshot.of(spark, catalog, RUN_TIMES));
    }

    private static long commits(Path deltaLog) throws IOException {
        if (!Files.isDirectory(deltaLog)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(deltaLog)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).count();
        }
    }

    /** The CLI's ingest in its own JVM, one clip group per round so there is time to kill it midway. */
    private static Process startIngestProcess(String catalog) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-XX:") || a.startsWith("-D")).toList());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("io.rushes.jobs.cli.RushesCli");
        cmd.addAll(List.of("ingest", "--source", card.toString(), "--catalog", catalog, "--batch-clips", "2", "--quiet", "--master", "local[1]"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(new File(dir.toFile(), "killed-ingest.log")).start();
    }
}
