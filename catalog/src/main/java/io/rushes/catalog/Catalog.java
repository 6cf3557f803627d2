package io.rushes.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A Rushes catalog: the Delta tables under one root URI (local path, {@code file:}, {@code s3a://}…),
 * one folder per table. {@link #open} creates missing tables from the versioned DDL and upgrades older
 * ones by adding the columns they lack (never dropping or retyping, so no data is lost); {@link
 * #registerViews} makes the tables and the report views queryable by name.
 */
public final class Catalog {
    /** The report views, in dependency order; each is {@code views/NAME.sql} on the classpath. */
    public static final List<String> VIEWS = List.of("clips_by_day_camera_reel", "clip_timecode_ranges", "lens_iso_report",
            "missing_frames_report", "verification_status", "render_lineage", "deliveries_by_amf", "rerender_if_cdl_changes");
    static final String VERSION_PROPERTY = "rushes.schema.version";

    private final SparkSession spark;
    private final String root;

    private Catalog(SparkSession spark, String root) {
        this.spark = spark;
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    /**
     * A catalog that must already exist, for readers ({@code rushes sql}): nothing is created, so a mistyped root is
     * an error instead of four new empty tables answering 0. Older tables are still upgraded (columns added).
     */
    public static Catalog existing(SparkSession spark, String root) {
        Catalog c = new Catalog(spark, qualify(spark, root));
        // The plates tables come later in a catalog's life (created here when absent); the ingest tables make it one.
        List<String> absent = CatalogSchema.INGEST_TABLES.stream().filter(t -> !io.delta.tables.DeltaTable.isDeltaTable(spark, c.path(t)))
                .map(TableDef::name).toList();
        if (absent.size() == CatalogSchema.INGEST_TABLES.size()) {
            throw io.rushes.engine.error.Errors.notFound(c.root, "it holds no Rushes catalog (no Delta tables "
                    + String.join(", ", absent) + ")", "Check the path, or create the catalog with rushes ingest --catalog " + root);
        }
        if (!absent.isEmpty()) {
            throw io.rushes.engine.error.Errors.notFound(c.root, "the catalog lacks the tables " + String.join(", ", absent),
                    "Run rushes ingest (or rushes optimize) on it once to recreate them");
        }
        for (TableDef t : CatalogSchema.TABLES) {
            c.createOrUpgrade(t);
        }
        return c;
    }

    /** The catalog at {@code root}, created or upgraded to this version's tables. */
    public static Catalog open(SparkSession spark, String root) {
        Catalog c = new Catalog(spark, qualify(spark, root));
        for (TableDef t : CatalogSchema.TABLES) {
            c.createOrUpgrade(t);
        }
        return c;
    }

    /** A relative or scheme-less root made absolute ({@code warehouse} → {@code file:/work/warehouse}): SQL needs it so. */
    static String qualify(SparkSession spark, String root) {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(root);
        try {
            return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(p).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach the catalog " + root + ": " + e.getMessage(), e);
        }
    }

    public String path(TableDef table) {
        return root + "/" + table.name();
    }

    /** {@code delta.`path`}: how SQL names a path-based Delta table. */
    public String sqlName(TableDef table) {
        return "delta.`" + path(table).replace("`", "``") + "`";
    }

    public Dataset<Row> read(TableDef table) {
        return spark.read().format("delta").load(path(table));
    }

    private void createOrUpgrade(TableDef t) {
        if (!io.delta.tables.DeltaTable.isDeltaTable(spark, path(t))) {
            spark.sql(ddl(t, root));
            return;
        }
        StructType current = read(t).schema();
        Map<String, StructField> have = new LinkedHashMap<>();
        for (StructField f : current.fields()) {
            have.put(f.name(), f);
        }
        List<String> added = new ArrayList<>();
        for (StructField f : t.schema().fields()) {
            StructField old = have.get(f.name());
            if (old == null) {
                added.add(column(f, false));
            } else if (!old.dataType().sameType(f.dataType())) {
                throw new IllegalStateException("Catalog table " + path(t) + " has column " + f.name() + " as " + old.dataType().sql()
                        + " but this Rushes needs " + f.dataType().sql() + ". Retyping would lose data: ingest into a new catalog, "
                        + "or copy the table with a CAST and point Rushes at the copy");
            }
        }
        if (!added.isEmpty()) {
            spark.sql("ALTER TABLE " + sqlName(t) + " ADD COLUMNS (" + String.join(", ", added) + ")");
        }
        // A commit only when the version changes: every run of every command opens the catalog.
        String version = io.delta.tables.DeltaTable.forPath(spark, path(t)).detail().select("properties").first().<String, String>getJavaMap(0)
                .get(VERSION_PROPERTY);
        if (!added.isEmpty() || !String.valueOf(CatalogSchema.VERSION).equals(version)) {
            spark.sql("ALTER TABLE " + sqlName(t) + " SET TBLPROPERTIES ('" + VERSION_PROPERTY + "' = '" + CatalogSchema.VERSION + "')");
        }
    }

    /** The CREATE TABLE statement of a table under {@code root}; the versioned DDL files are these with root = ${catalog}. */
    public static String ddl(TableDef t, String root) {
        StringBuilder sb = new StringBuilder();
        sb.append("-- ").append(t.name()).append(": ").append(t.description()).append('\n');
        sb.append("-- Schema version ").append(CatalogSchema.VERSION).append(". Generated from CatalogSchema; do not edit.\n");
        sb.append("CREATE TABLE IF NOT EXISTS delta.`").append(root).append('/').append(t.name()).append("` (\n");
        sb.append(java.util.Arrays.stream(t.schema().fields()).map(f -> "  " + column(f, true)).collect(Collectors.joining(",\n")));
        sb.append("\n) USING DELTA\n");
        if (!t.partitionBy().isEmpty()) {
            sb.append("PARTITIONED BY (").append(String.join(", ", t.partitionBy())).append(")\n");
        }
        sb.append("TBLPROPERTIES ('").append(VERSION_PROPERTY).append("' = '").append(CatalogSchema.VERSION).append("')\n");
        return sb.toString();
    }

    private static String column(StructField f, boolean withNullability) {
        String comment = f.getComment().isDefined() ? " COMMENT '" + f.getComment().get().replace("'", "\\'") + "'" : "";
        return f.name() + " " + f.dataType().sql() + (withNullability && !f.nullable() ? " NOT NULL" : "") + comment;
    }

    /**
     * MERGE {@code rows} into {@code table} by its key: insert new rows; update matched rows only when {@code changed}
     * holds (null: never; so an identical re-run writes nothing); when {@code staleScope} is given, delete the rows in
     * that scope the source no longer yields.
     */
    public void merge(TableDef table, Dataset<Row> rows, String changed, String staleScope) {
        String on = table.key().stream().map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" AND "));
        var merge = io.delta.tables.DeltaTable.forPath(spark, path(table)).as("t").merge(rows.as("s"), on);
        if (changed != null) {
            merge = merge.whenMatched(changed).updateAll();
        }
        merge = merge.whenNotMatched().insertAll();
        if (staleScope != null) {
            merge = merge.whenNotMatchedBySource(staleScope).delete();
        }
        merge.execute();
    }

    /** Temp views named after the tables, then the report views over them. */
    public void registerViews() {
        for (TableDef t : CatalogSchema.TABLES) {
            read(t).createOrReplaceTempView(t.name());
        }
        for (String view : VIEWS) {
            spark.sql("CREATE OR REPLACE TEMP VIEW " + view + " AS\n" + viewSql(view));
        }
    }

    public static String viewSql(String view) {
        try (InputStream in = Catalog.class.getResourceAsStream("views/" + view + ".sql")) {
            if (in == null) {
                throw new IllegalStateException("view " + view + " is missing from the catalog jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compacts small files and clusters each table by its Z-order columns (run after large ingests). */
    public void optimize() {
        for (TableDef t : CatalogSchema.TABLES) {
            // Quoted: Delta's grammar takes some column names (version) as keywords.
            String zorder = t.zOrderBy().isEmpty() ? "" : " ZORDER BY (" + t.zOrderBy().stream().map(c -> "`" + c + "`")
                    .collect(Collectors.joining(", ")) + ")";
            spark.sql("OPTIMIZE " + sqlName(t) + zorder);
        }
    }

    /** Writes the versioned DDL files (ddl/v{VERSION}/TABLE.sql) into a resources directory. */
    public static void main(String[] args) throws IOException {
        java.nio.file.Path dir = java.nio.file.Path.of(args[0], "io/rushes/catalog/ddl/v" + CatalogSchema.VERSION);
        java.nio.file.Files.createDirectories(dir);
        for (TableDef t : CatalogSchema.TABLES) {
            java.nio.file.Files.writeString(dir.resolve(t.name() + ".sql"), ddl(t, "${catalog}"));
        }
    }
}
