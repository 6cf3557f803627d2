package io.rushes.jobs.spark;

import org.apache.spark.sql.SparkSession;

/** Builds the SparkSession Rushes runs in: Delta enabled; local defaults only where the launcher set nothing. */
public final class RushesSpark {
    private RushesSpark() {
    }

    /**
     * @param master the master URL, or null to take spark-submit's (spark.master)
     */
    public static SparkSession session(String master, java.util.Map<String, String> conf) {
        SparkSession.Builder b = SparkSession.builder().appName("rushes")
                .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
        boolean submitted = System.getProperty("spark.master") != null;
        if (master != null) {
            b.master(master);
        } else if (!submitted) {
            b.master("local[*]");
        }
        if (!submitted) {
            // A local run from the CLI: no web UI to bind, few shuffle partitions, loopback only.
            b.config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.databricks.delta.snapshotPartitions", "2");
        }
        if (System.getProperty("spark.log.level") == null) {
            // Spark's default profile logs thousands of INFO lines per ingest over Rushes' own progress; spark-submit
            // --conf spark.log.level=INFO (or a --conf here) brings them back.
            b.config("spark.log.level", "WARN");
        }
        conf.forEach(b::config);
        // Harmless under Java serialisation; needed when the cluster runs Kryo (spark.serializer), beside any registrator of its own.
        String registrators = conf.getOrDefault("spark.kryo.registrator", System.getProperty("spark.kryo.registrator", ""));
        b.config("spark.kryo.registrator", registrators.isBlank() ? io.rushes.jobs.ingest.RushesKryoRegistrator.class.getName()
                : registrators + "," + io.rushes.jobs.ingest.RushesKryoRegistrator.class.getName());
        return b.getOrCreate();
    }
}
