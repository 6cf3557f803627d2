package io.rushes.jobs.testing;

import io.rushes.jobs.spark.RushesSpark;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** One local SparkSession for the whole test JVM (starting one costs seconds), stopped at exit. */
public final class SharedSpark {
    private static SparkSession session;

    private SharedSpark() {
    }

    public static synchronized SparkSession get() {
        if (session == null) {
            // local[2,2]: a failed task is tried once more, as on a cluster (the plates tests inject one).
            session = RushesSpark.session("local[2,2]", Map.of(
                    "spark.sql.shuffle.partitions", "2",
                    "spark.default.parallelism", "2",
                    "spark.databricks.delta.snapshotPartitions", "2",
                    "spark.sql.sources.parallelPartitionDiscovery.parallelism", "2"));
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop, "stop-shared-spark"));
        }
        return session;
    }
}
