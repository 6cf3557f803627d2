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
        Catalog.existing(session, catalog).registerViews();
        try {
            print(session.sql(query).limit(limit));
            return 0;
        } catch (Exception e) {
            if (!(e instanceof org.apache.spark.sql.AnalysisException || e instanceof org.apache.spark.sql.catalyst.parser.ParseException)) {
                throw e;
            }
            // Spark's own message names the column or syntax at fault and suggests the right one.
            String message = e instanceof org.apache.spark.sql.AnalysisException a ? a.getSimpleMessage() : e.getMessage();
            // The first line names the error class and position; the rest is the query echoed with a caret.
            System.err.println("rushes sql: Cannot query: " + message.strip().lines().findFirst().orElse(""));
            return 2;
        }
    }

    private void print(Dataset<Row> result) {
        switch (format) {
            case table -> System.out.print(table(result.columns(), result.collectAsList()));
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

    /** A plain aligned table (Spark's show() writes to the Scala console, which System.setOut does not follow). */
    static String table(String[] cols, List<Row> rows) {
        List<String[]> cells = new java.util.ArrayList<>();
        cells.add(cols);
        for (Row r : rows) {
            String[] line = new String[cols.length];
            for (int i = 0; i < cols.length; i++) {
                line[i] = r.isNullAt(i) ? "NULL" : String.valueOf(r.get(i));
            }
            cells.add(line);
        }
        int[] width = new int[cols.length];
        for (String[] line : cells) {
            for (int i = 0; i < cols.length; i++) {
                width[i] = Math.min(60, Math.max(width[i], line[i].length()));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] line : cells) {
            for (int i = 0; i < cols.length; i++) {
                String v = line[i].length() > 60 ? line[i].substring(0, 59) + "…" : line[i];
                sb.append(i == 0 ? "" : "  ").append(String.format(java.util.Locale.ROOT, "%-" + Math.max(1, width[i]) + "s", v));
            }
            sb.append(System.lineSeparator());
        }
        sb.append(rows.size()).append(rows.size() == 1 ? " row" : " rows").append(System.lineSeparator());
        return sb.toString();
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
