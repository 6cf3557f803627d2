package io.rushes.jobs.testing;

import io.rushes.catalog.CatalogSchema;
import io.rushes.catalog.TableDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Every row of every catalog table, as sorted text, for before/after comparisons. */
public final class TableSnapshot {
    private TableSnapshot() {
    }

    public static Map<String, List<String>> of(SparkSession spark, String catalog, Set<String> ignoredColumns) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (TableDef t : CatalogSchema.TABLES) {
            Dataset<Row> df = spark.read().format("delta").load(catalog + "/" + t.name());
            String[] keep = Arrays.stream(df.columns()).filter(c -> !ignoredColumns.contains(c)).toArray(String[]::new);
            List<String> rows = new ArrayList<>();
            for (Row r : df.selectExpr(keep).collectAsList()) {
                rows.add(r.toString());
            }
            rows.sort(String::compareTo);
            out.put(t.name(), rows);
        }
        return out;
    }
}
