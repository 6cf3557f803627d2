package io.rushes.jobs.cli;

import io.rushes.catalog.Catalog;
import io.rushes.engine.udf.RushesFunctions;
import io.rushes.jobs.hadoop.HadoopSources;
import io.rushes.jobs.spark.RushesSpark;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rushes sql}: query the catalog's tables and views by name. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Run a SQL query against a catalog. Tables: ingests, clips, files, ingest_errors.",
                "Views: " + "clips_by_day_camera_reel, clip_timecode_ranges, lens_iso_report, missing_frames_report, verification_status.",
                "Functions: rushes_inspect(path), tc_to_frames(tc, fps), frames_to_tc(frames, fps, drop), tc_add(tc, frames, fps)."})
public final class SqlCommand implements Callable<Integer> {
    enum Format { table, csv, json }

    @Option(names = "--catalog", required = true, description = "Catalog root: a local path or a Hadoop URI.")
    String catalog;

    @Option(names = "--format", defaultValue = "table", description = "Output: table, csv or json (one object per line).")
    Format format;

    @Option(names = "--limit", defaultValue = "1000", description = "Rows printed at most (default: ${DEFAULT-VALUE}).")
    int limit;

    @Parameters(index = "0", paramLabel = "QUERY", description = "The SQL query.")
    String query;

    @Mixin
    SparkOptions spark;

    @Override
    public Integer call() throws Exception {
        SparkSession session = RushesSpark.session(spark.master, spark.conf);
        HadoopSources sources = new HadoopSources(session.sparkContext().hadoopConfiguration());
        RushesFunctions.register(session, sources);
        Catalog.open(session, catalog).registerViews();
        try {
            print(session.sql(query).limit(limit));
            return 0;
        } catch (Exception e) {
            if (!(e instanceof org.apache.spark.sql.AnalysisException || e instanceof org.apache.spark.sql.catalyst.parser.ParseException)) {
                throw e;
            }
            // Spark's own message names the column or syntax at fault and suggests the right one.
            System.err.println("error: " + (e instanceof org.apache.spark.sql.AnalysisException a ? a.getSimpleMessage() : e.getMessage()));
            return 2;
        }
    }

    private void print(Dataset<Row> result) {
        switch (format) {
            case table -> result.show(limit, false);
            case json -> result.toJSON().collectAsList().forEach(System.out::println);
            case csv -> {
                String[] cols = result.columns();
                System.out.println(csvLine(List.of(cols)));
                for (Row r : result.collectAsList()) {
                    List<Object> values = new java.util.ArrayList<>();
                    for (int i = 0; i < cols.length; i++) {
                        values.add(r.isNullAt(i) ? "" : r.get(i));
                    }
                    System.out.println(csvLine(values));
                }
            }
        }
    }

    static String csvLine(List<?> values) {
        StringBuilder sb = new StringBuilder();
        for (Object v : values) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            String s = String.valueOf(v);
            sb.append(s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s);
        }
        return sb.toString();
    }
}
