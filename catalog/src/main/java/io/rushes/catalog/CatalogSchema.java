package io.rushes.catalog;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;

import io.rushes.engine.metadata.ClipField;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The catalog's tables, in code. The {@code clips} columns are the engine's normalised schema
 * ({@link ClipField}), so a field added there becomes a column here (added to existing tables on open).
 * Version 2 added {@code ingests.failure}, {@code clips.scan_type} and {@code clips.camera_internal_serial}.
 *
 * <p>Layout, chosen for the views' queries:
 * <ul>
 *   <li>{@code clips} is partitioned by {@code record_date}: the day is the first filter of every
 *   editorial and camera report ("what did B camera shoot on day 12"), a shoot day holds hundreds to a
 *   few thousand clips (one healthy file per partition), and the partition is derived, never edited.
 *   OPTIMIZE Z-orders each day by camera serial, reel and start timecode for the camera/reel and
 *   timecode-range searches.</li>
 *   <li>{@code files} is the big table (one row per frame of every sequence: 10^8 rows at studio scale)
 *   and is read by clip: not partitioned (a partition column with enough values would make tiny files),
 *   Z-ordered by {@code clip_id} so a clip's frames share files and data skipping finds them.</li>
 *   <li>{@code ingest_errors} and {@code ingests} are small: no partitioning.</li>
 * </ul>
 */
public final class CatalogSchema {
    /** Bumped whenever a column is added, renamed or retyped; stored as the table property rushes.schema.version. */
    public static final int VERSION = 2;

    public static final TableDef INGESTS = new TableDef("ingests", "one row per distinct ingest (same source contents, same id)",
            new StructType(new StructField[] {
                    field("ingest_id", StringType, false, "stable id: hash of the source, its listing and the options"),
                    field("source", StringType, false, "URI of the card or turnover ingested"),
                    field("status", StringType, false, "running, complete or failed"),
                    field("started_at", TimestampType, true, "first start of this ingest"),
                    field("finished_at", TimestampType, true, "when it completed"),
                    field("clips_total", LongType, true, "clips found"),
                    field("clips_ok", LongType, true, "clips read without error"),
                    field("clips_failed", LongType, true, "clips with status error or unsupported"),
                    field("files_total", LongType, true, "files in clips"),
                    field("bytes_total", LongType, true, "bytes in clips"),
                    field("error_count", LongType, true, "rows written to ingest_errors"),
                    field("hash_algorithms", StringType, true, "file hashes computed (comma-separated), empty for none"),
                    field("engine_version", StringType, true, "Rushes version"),
                    field("spark_version", StringType, true, "Spark version"),
                    field("failure", StringType, true, "why a failed ingest stopped (its rounds committed before stay); null otherwise"),
            }), List.of(), List.of("ingest_id"), List.of());

    public static final TableDef CLIPS = new TableDef("clips", "one row per clip: the normalised schema plus the raw metadata map",
            clipsSchema(), List.of("record_date"), List.of("clip_id"), List.of("camera_serial", "reel", "start_timecode"));

    public static final TableDef FILES = new TableDef("files", "one row per file of every clip",
            new StructType(new StructField[] {
                    field("path", StringType, false, "full URI of the file"),
                    field("clip_id", StringType, false, "the clip it belongs to"),
                    field("relative_path", StringType, true, "path below the ingested source"),
                    field("size", LongType, true, "bytes"),
                    field("modified_at", TimestampType, true, "storage modification time"),
                    field("frame", LongType, true, "frame number in a sequence"),
                    field("format", StringType, true, "format detected by content"),
                    field("hashes", createMapType(StringType, StringType), true, "hash algorithm (MHL name) to hex digest"),
                    field("mhl_status", StringType, true, "verified, mismatch, not_in_mhl, unverifiable (recorded only with hashes Rushes cannot compute) "
                            + "or mhl_unreadable (the history could not be read) when the source has an ASC MHL history; else null"),
                    field("error_code", StringType, true, "error code when this file could not be read"),
                    field("fingerprint", StringType, false, "hash of the row's content: a re-run rewrites a row only when it changed"),
                    field("ingest_id", StringType, true, "ingest that last changed this row"),
            }), List.of(), List.of("path"), List.of("clip_id"));

    public static final TableDef INGEST_ERRORS = new TableDef("ingest_errors", "one row per failure: which file, which stage, why, how to fix",
            new StructType(new StructField[] {
                    field("error_id", StringType, false, "stable id: hash of path, stage, code and message"),
                    field("clip_id", StringType, true, "clip the file belongs to"),
                    field("path", StringType, true, "file that failed"),
                    field("stage", StringType, false, "inspect, hash, list or write"),
                    field("code", StringType, false, "error code (TRUNCATED, CORRUPT, UNSUPPORTED_FORMAT…)"),
                    field("user_error", BooleanType, false, "true: the input is at fault; false: a bug in Rushes"),
                    field("byte_offset", LongType, true, "offset in the file where known"),
                    field("message", StringType, false, "what failed, where, why, and the fix"),
                    field("ingest_id", StringType, true, "ingest that recorded it"),
            }), List.of(), List.of("error_id"), List.of());

    public static final List<TableDef> TABLES = List.of(INGESTS, CLIPS, FILES, INGEST_ERRORS);

    private CatalogSchema() {
    }

    private static StructType clipsSchema() {
        List<StructField> fields = new ArrayList<>();
        fields.add(field("clip_id", StringType, false, "stable id: hash of the source URI, directory, name and kind"));
        fields.add(field("source", StringType, false, "URI of the ingested source"));
        fields.add(field("directory", StringType, true, "directory of the clip below the source"));
        fields.add(field("kind", StringType, false, "sequence, movie, spanned or single"));
        for (ClipField f : ClipField.values()) {
            String unit = f.unit() == null ? "" : " [" + f.unit() + "]";
            fields.add(field(f.column(), sparkType(f), true, f.description() + unit));
        }
        fields.add(field("record_date", DateType, true, "day of record_datetime (the camera's local date): the partition"));
        fields.add(field("missing_frame_count", LongType, true, "frames absent inside the sequence range"));
        fields.add(field("error_count", IntegerType, true, "errors recorded against the clip"));
        fields.add(field("raw", createMapType(StringType, StringType), true, "every key/value the clip's files carried"));
        fields.add(field("fingerprint", StringType, false, "hash of the row's content: a re-run rewrites a row only when it changed"));
        fields.add(field("ingest_id", StringType, true, "ingest that last changed this row"));
        fields.add(field("schema_version", IntegerType, false, "version of the normalised schema"));
        return new StructType(fields.toArray(StructField[]::new));
    }

    static DataType sparkType(ClipField f) {
        return switch (f.type()) {
            case STRING, DATETIME, TIMECODE -> StringType;
            case INT -> IntegerType;
            case LONG -> LongType;
            case DOUBLE -> DoubleType;
            case BOOLEAN -> BooleanType;
            case LONG_LIST -> createArrayType(LongType);
            case STRING_MAP -> createMapType(StringType, StringType);
        };
    }

    private static StructField field(String name, DataType type, boolean nullable, String comment) {
        Metadata md = new MetadataBuilder().putString("comment", comment).build();
        return new StructField(name, type, nullable, md);
    }
}
