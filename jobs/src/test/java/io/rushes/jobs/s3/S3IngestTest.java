package io.rushes.jobs.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.rushes.jobs.ingest.IngestOptions;
import io.rushes.jobs.ingest.IngestSummary;
import io.rushes.jobs.ingest.InspectJob;
import io.rushes.jobs.testing.S3ProxyServer;
import io.rushes.jobs.testing.TableSnapshot;
import io.rushes.jobs.testing.TestCards;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import io.rushes.jobs.testing.SparkExtension;

/** The same ingest, read from and written to s3a:// on a real S3-compatible server on 127.0.0.1. */
@ExtendWith(SparkExtension.class)
class S3IngestTest {
    @TempDir
    static Path dir;
    static S3ProxyServer s3;
    static SparkSession spark;

    @BeforeAll
    static void start(SparkSession session) throws Exception {
        s3 = S3ProxyServer.start(dir, "rushes");
        spark = session;
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        s3.configure(conf);
        Path card = TestCards.damagedCard(dir.resolve("card"));
        FileSystem fs = FileSystem.get(URI.create("s3a://rushes/"), conf);
        fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(card.toUri()), new org.apache.hadoop.fs.Path("s3a://rushes/card"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void ingestFromAndIntoS3() throws Exception {
        String catalog = "s3a://rushes/catalog";
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        IngestOptions options = new IngestOptions("s3a://rushes/card", catalog, Set.of(), 1000, 2);
        IngestSummary first = new InspectJob(spark, options, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();
        assertEquals(TestCards.CLIPS, first.clips());
        assertEquals(TestCards.BROKEN_FILES, first.errors());
        assertEquals(TestCards.CLIPS, spark.read().format("delta").load(catalog + "/clips").count());
        assertEquals(TestCards.BROKEN_FILES, spark.read().format("delta").load(catalog + "/ingest_errors").count());
        assertEquals(0, spark.read().format("delta").load(catalog + "/files").where("NOT path LIKE 's3a://rushes/card/%'").count());

        Map<String, List<String>> before = TableSnapshot.of(spark, catalog, Set.of());
        new InspectJob(spark, options, null).run();
        assertEquals(before, TableSnapshot.of(spark, catalog, Set.of()), "an identical re-run changes no row of any table");

        String everything = before.toString() + progress.toString(StandardCharsets.UTF_8);
        assertFalse(everything.contains(S3ProxyServer.SECRET_KEY), "credentials never reach a table or the progress output");
    }

    @Test
    void platesFromAnS3CatalogIntoS3() throws Exception {
        String catalog = "s3a://rushes/catalog-plates";
        new InspectJob(spark, new IngestOptions("s3a://rushes/card", catalog, Set.of(), 1000, 2), null).run();
        org.apache.spark.sql.Row clip = spark.read().format("delta").load(catalog + "/clips")
                .where("kind = 'sequence' AND status = 'ok'").orderBy("clip_name").first();
        FileSystem fs = FileSystem.get(URI.create("s3a://rushes/"), spark.sparkContext().hadoopConfiguration());
        try (var out = fs.create(new org.apache.hadoop.fs.Path("s3a://rushes/pulls/pull.csv"))) {
            out.write(("shot,clip,first_frame,last_frame\nSH010," + clip.getAs("clip_name") + "," + clip.getAs("first_frame") + ","
                    + ((Long) clip.getAs("first_frame") + 1) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        io.rushes.jobs.plates.PlatesOptions options = new io.rushes.jobs.plates.PlatesOptions("s3a://rushes/pulls/pull.csv", catalog,
                "s3a://rushes/plates", List.of("aces-exr-plate"), 24, 24, 0, "BG01", false, null);
        io.rushes.jobs.plates.PlatesSummary first = new io.rushes.jobs.plates.PlatesJob(spark, options, null).run();
        assertEquals(2, first.rendered(), first.line());
        List<org.apache.hadoop.fs.LocatedFileStatus> objects = new java.util.ArrayList<>();
        var it = fs.listFiles(new org.apache.hadoop.fs.Path("s3a://rushes/plates"), true);
        while (it.hasNext()) {
            objects.add(it.next());
        }
        assertEquals(2, objects.size(), "the two plates and nothing aside: " + objects);
        for (org.apache.spark.sql.Row r : spark.read().format("delta").load(catalog + "/renders").collectAsList()) {
            String output = r.getAs("output_path");
            assertEquals(true, output.startsWith("s3a://rushes/plates/SH010/v001/aces-exr-plate/SH010_BG01_v001."), output);
            try (var in = fs.open(new org.apache.hadoop.fs.Path(output))) {
                assertEquals(io.rushes.engine.integrity.FileHasher.hash(in.readAllBytes(), io.rushes.engine.integrity.HashAlgorithm.XXH128),
                        r.getAs("xxh128"), output);
            }
        }
        io.rushes.jobs.plates.PlatesSummary again = new io.rushes.jobs.plates.PlatesJob(spark, options, null).run();
        assertEquals(0, again.rendered(), again.line());
        assertEquals(2, again.skipped(), "what is on S3 with its recorded size is delivered: " + again.line());
    }
}
