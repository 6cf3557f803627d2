package io.rushes.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.card.SampleCard;
import io.rushes.jobs.ingest.IngestOptions;
import io.rushes.jobs.ingest.InspectJob;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import io.rushes.jobs.testing.SparkExtension;

/** {@code rushes sql} over an ingested catalog: tables, views and functions by name; Spark's errors plainly. */
@ExtendWith(SparkExtension.class)
class SqlCommandTest {
    @TempDir
    static Path dir;
    static String catalog;

    @BeforeAll
    static void ingest(org.apache.spark.sql.SparkSession spark) throws Exception {
        Path card = dir.resolve("card");
        SampleCard.write(card, new SampleCard.Options(2, 3, List.of("A"), 64, 32, 3));
        catalog = dir.resolve("catalog").toString();
        new InspectJob(spark, new IngestOptions(card.toString(), catalog, Set.of(), 1000, 2), null).run();
    }

    private static CliRun sql(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "sql";
        all[1] = "--catalog";
        all[2] = catalog;
        System.arraycopy(args, 0, all, 3, args.length);
        return CliRun.of(all);
    }

    @Test
    void viewsAnswer() {
        CliRun r = sql("--format", "csv", "SELECT camera_label, reel, clips, frames FROM clips_by_day_camera_reel");
        assertEquals(0, r.code(), r.err());
        // two 3-frame sequences and a 3-frame movie
        assertEquals(List.of("camera_label,reel,clips,frames", "A,A001R1DB,3,9"), r.out().lines().toList(), r.out());

        r = sql("--format", "csv", "SELECT clip_name FROM clip_timecode_ranges "
                + "WHERE tc_to_frames('10:04:00:04', timecode_rate) BETWEEN start_frame AND end_frame");
        assertEquals(List.of("clip_name", "A001C002_261124_R1DB"), r.out().lines().toList(), "timecode search finds the clip");

        r = sql("SELECT lens_model, iso, clips FROM lens_iso_report ORDER BY clips DESC");
        assertTrue(r.out().contains("Rushes Prime 35mm T2.8") && r.out().contains("800"), r.out());

        r = sql("--format", "json", "SELECT count(*) AS n FROM verification_status WHERE verification = 'inspected'");
        assertEquals("{\"n\":3}", r.out().strip());

        r = sql("--format", "csv", "SELECT start_timecode, frames_to_tc(tc_to_frames(start_timecode, 24.0) + 24, 24, false) AS plus_one_second "
                + "FROM clips WHERE clip_name = 'A001C001_261124_R1DB'");
        String[] row = r.out().lines().toList().get(1).split(",");
        assertEquals(io.rushes.engine.metadata.Timecode.parse(row[0], 24).plusFrames(24).toString(), row[1]);
    }

    @Test
    void optimizeKeepsEveryRow() {
        CliRun before = sql("--format", "csv", "SELECT count(*) AS clips, sum(frame_count) AS frames FROM clips");
        PrintStream out = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        int code;
        try {
            code = RushesCli.run("optimize", "--catalog", catalog);
        } finally {
            System.setOut(out);
        }
        assertEquals(0, code);
        assertEquals(before.out(), sql("--format", "csv", "SELECT count(*) AS clips, sum(frame_count) AS frames FROM clips").out());
        CliRun history = sql("--format", "json", "DESCRIBE HISTORY delta.`" + catalog + "/clips`");
        assertTrue(history.out().contains("\"operation\":\"OPTIMIZE\""), history.out() + history.err());
    }

    /** A mistyped catalog root is an error, and nothing is created there (ingest and optimize create catalogs). */
    @Test
    void aPathWithNoCatalogFailsAndCreatesNothing() throws Exception {
        Path nowhere = dir.resolve("no-catalog-here");
        String saved = catalog;
        catalog = nowhere.toString();
        CliRun r;
        try {
            r = sql("SELECT count(*) FROM clips");
        } finally {
            catalog = saved;
        }
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("rushes sql: Cannot query file:" + nowhere + ": it holds no Rushes catalog"), r.err());
        assertTrue(r.err().contains("rushes ingest --catalog"), r.err());
        assertTrue(!java.nio.file.Files.exists(nowhere), "nothing created at " + nowhere);
    }

    @Test
    void aWrongColumnGivesSparksErrorPlainly() {
        CliRun r = sql("SELECT no_such_column FROM clips");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("UNRESOLVED_COLUMN") && r.err().contains("no_such_column"), r.err());
        assertTrue(!r.err().contains("+- "), "no query plan dump: " + r.err());
    }
}
