package io.rushes.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a catalog creates its tables, and upgrades an older one by adding columns without losing rows. */
class CatalogUpgradeTest {
    static SparkSession spark;

    @BeforeAll
    static void session() {
        spark = SparkSession.builder().master("local[1]").appName("catalog-test")
                .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "1").config("spark.databricks.delta.snapshotPartitions", "1")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void createsEveryTableAndView(@TempDir Path dir) {
        Catalog c = Catalog.open(spark, dir.toString());
        for (TableDef t : CatalogSchema.TABLES) {
            assertEquals(t.schema().fieldNames().length, c.read(t).schema().fieldNames().length, t.name());
        }
        spark.udf().register("tc_to_frames", (org.apache.spark.sql.api.java.UDF2<String, Double, Long>) (tc, fps) -> 0L,
                org.apache.spark.sql.types.DataTypes.LongType);
        c.registerViews();
        for (String v : Catalog.VIEWS) {
            assertEquals(0, spark.table(v).count(), v + " over empty tables");
        }
        Row detail = spark.sql("DESCRIBE DETAIL " + c.sqlName(CatalogSchema.CLIPS)).first();
        assertEquals(List.of("record_date"), detail.getList(detail.fieldIndex("partitionColumns")));
    }

    @Test
    void upgradingAnOlderTableAddsColumnsAndKeepsRows(@TempDir Path dir) {
        // A version-0 ingest_errors table: no byte_offset column yet, one row.
        String path = dir + "/ingest_errors";
        spark.sql("CREATE TABLE delta.`" + path + "` (error_id STRING NOT NULL, clip_id STRING, path STRING, stage STRING NOT NULL, "
                + "code STRING NOT NULL, user_error BOOLEAN NOT NULL, message STRING NOT NULL, ingest_id STRING) USING DELTA");
        spark.sql("INSERT INTO delta.`" + path + "` VALUES ('e1', 'c1', '/card/a.dng', 'inspect', 'TRUNCATED', true, 'cut short', 'i1')");
        Catalog c = Catalog.open(spark, dir.toString());
        Row row = c.read(CatalogSchema.INGEST_ERRORS).first();
        assertEquals("cut short", row.getAs("message"));
        assertTrue(row.isNullAt(row.fieldIndex("byte_offset")), "the added column is null for old rows");
        assertEquals(String.valueOf(CatalogSchema.VERSION), spark.sql("SHOW TBLPROPERTIES " + c.sqlName(CatalogSchema.INGEST_ERRORS)
                + " ('" + Catalog.VERSION_PROPERTY + "')").first().getString(1));
    }

    @Test
    void aRetypedColumnIsRefusedNotRewritten(@TempDir Path dir) {
        spark.sql("CREATE TABLE delta.`" + dir + "/ingests` (ingest_id STRING NOT NULL, source STRING NOT NULL, status STRING NOT NULL, "
                + "clips_total STRING) USING DELTA");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Catalog.open(spark, dir.toString()));
        assertTrue(e.getMessage().contains("clips_total") && e.getMessage().contains("new catalog"), e.getMessage());
    }
}
