package io.rushes.jobs.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every Spark-backed command shares. */
public final class SparkOptions {
    @Option(names = "--master", description = "Spark master URL (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--conf", description = "Spark or Hadoop setting, KEY=VALUE (repeatable), e.g. "
            + "spark.hadoop.fs.s3a.endpoint=http://minio:9000. Credentials belong here or in the environment, never in URIs.")
    Map<String, String> conf = new LinkedHashMap<>();
}
