package io.rushes.jobs.cli;

import io.rushes.jobs.ingest.IngestOptions;
import io.rushes.jobs.ingest.IngestSummary;
import io.rushes.jobs.ingest.InspectJob;
import io.rushes.jobs.spark.RushesSpark;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rushes ingest}: inspect a card or turnover on Spark into the catalog's Delta tables. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Inspect every clip of a source on Spark and MERGE the results into the catalog.",
                "Re-running the same ingest changes nothing; an interrupted one can simply be run again."})
public final class IngestCommand implements Callable<Integer> {
    @Option(names = "--source", required = true, description = "Card, folder or file: a local path or a Hadoop URI (s3a://bucket/card).")
    String source;

    @Option(names = "--catalog", required = true, description = "Catalog root: a local path or a Hadoop URI.")
    String catalog;

    @Option(names = "--hash", defaultValue = "none", description = "File hash to compute: xxh128, xxh64, xxh3, md5, sha1, c4 or none.")
    String hash;

    @Option(names = "--batch-clips", defaultValue = "1000", description = "Clips per committed round (default: ${DEFAULT-VALUE}).")
    int batchClips;

    @Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;

    @Mixin
    SparkOptions spark;

    @Override
    public Integer call() throws Exception {
        if (batchClips < 1) {
            throw io.rushes.engine.error.Errors.invalidArgument("--batch-clips " + batchClips + " is not a number of clips",
                    "Give 1 or more (1000 commits a round every thousand clips)");
        }
        IngestOptions options = new IngestOptions(source, catalog, CliValues.hashes(hash), batchClips, 4);
        java.net.URI uri = new org.apache.hadoop.fs.Path(source).toUri();
        if ((uri.getScheme() == null || uri.getScheme().equals("file")) && !java.nio.file.Files.exists(java.nio.file.Path.of(uri.getPath()))) {
            // Said before Spark starts (seconds) for a local typo; remote sources are checked by the listing.
            throw io.rushes.engine.error.Errors.notFound(source, "the source does not exist", "Check the path");
        }
        SparkSession session = RushesSpark.session(spark.master, spark.conf);
        IngestSummary summary = new InspectJob(session, options, quiet ? null : System.err).run();
        System.out.println(summary.line());
        return 0;
    }
}
