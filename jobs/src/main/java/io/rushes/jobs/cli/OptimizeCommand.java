package io.rushes.jobs.cli;

import io.rushes.catalog.Catalog;
import io.rushes.jobs.spark.RushesSpark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rushes optimize}: compact the catalog's tables and cluster them for the report queries. */
@Command(name = "optimize", mixinStandardHelpOptions = true,
        description = {"Compact small files and Z-order each catalog table for its queries (clips by camera serial, reel",
                "and start timecode within each day; files by clip). Run after large ingests; rows never change."})
public final class OptimizeCommand implements Callable<Integer> {
    @Option(names = "--catalog", required = true, description = "Catalog root: a local path or a Hadoop URI.")
    String catalog;

    @Mixin
    SparkOptions spark;

    @Override
    public Integer call() {
        Catalog.open(RushesSpark.session(spark.master, spark.conf), catalog).optimize();
        System.out.println("optimized " + catalog);
        return 0;
    }
}
