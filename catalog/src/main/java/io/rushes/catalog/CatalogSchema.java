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
 * Version 2 added {@code ingests.failure}, {@code clips.scan_type} and {@code clips.camera_internal_serial}; version 3 the
 * plates tables {@code pulls}, {@code renders} and {@code render_documents}.
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
    public static final int VERSION = 3;

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

    public static final TableDef PULLS = new TableDef("pulls", "one row per shot of a pull list: what it asked for and what it resolved to",
            new StructType(new StructField[] {
                    field("pull_id", StringType, false, "stable id: hash of the pull list's location and the shot's name and line"),
                    field("pull_list", StringType, false, "URI of the pull list"),
                    field("pull_list_hash", StringType, true, "xxh128 of the pull list's bytes"),
                    field("origin", StringType, true, "file and line (or JSON path) of the shot"),
                    field("shot", StringType, true, "shot name"),
                    field("clip_name", StringType, true, "source clip asked for"),
                    field("reel", StringType, true, "reel or tape asked for"),
                    field("source_in", StringType, true, "first source timecode asked for (without handles)"),
                    field("source_out", StringType, true, "last source timecode asked for, inclusive"),
                    field("handles", IntegerType, true, "handles asked for on each side [frames]"),
                    field("status", StringType, false, "resolved, missing_frames (some frames of the range are absent) or error"),
                    field("message", StringType, true, "why the shot could not be resolved, or what was clamped and is missing"),
                    field("clip_id", StringType, true, "the one catalog clip the shot resolved to"),
                    field("first_frame", LongType, true, "first frame pulled, without handles [frame number]"),
                    field("last_frame", LongType, true, "last frame pulled, without handles [frame number]"),
                    field("head_handle", IntegerType, true, "handle frames granted before the cut (clamped to the clip) [frames]"),
                    field("tail_handle", IntegerType, true, "handle frames granted after the cut [frames]"),
                    field("frames", LongType, true, "frames to render, handles included [frames]"),
                    field("missing_frames", createArrayType(LongType), true, "frames of the range absent from the catalog [frame numbers]"),
                    field("amf", StringType, true, "the shot's AMF"),
                    field("fdl", StringType, true, "the shot's FDL reference (uuid/framing decision)"),
                    field("cdl", StringType, true, "the editor's ASC CDL (slope, offset, power, saturation)"),
                    field("deliverables", StringType, true, "deliverables asked for (comma-separated)"),
                    field("version", IntegerType, true, "version asked for"),
                    field("plates_id", StringType, true, "plates run that last resolved it"),
                    field("resolved_at", TimestampType, true, "when"),
            }), List.of(), List.of("pull_id"), List.of());

    public static final TableDef RENDERS = new TableDef("renders", "one row per rendered file (or failure to render it), with its lineage",
            new StructType(new StructField[] {
                    field("render_id", StringType, false, "stable id: hash of the delivery root, shot, version, deliverable and source frame (or movie)"),
                    field("shot", StringType, true, "shot name"),
                    field("version", IntegerType, true, "version delivered"),
                    field("deliverable", StringType, true, "deliverable name"),
                    field("pull_id", StringType, true, "the pulls row"),
                    field("clip_id", StringType, true, "source clip"),
                    field("source_path", StringType, true, "source file (the first of a movie's)"),
                    field("source_hash", StringType, true, "the source file's xxh128 from the catalog, else size:modified-time"),
                    field("source_frame", LongType, true, "source frame number (null for a movie)"),
                    field("source_timecode", StringType, true, "source timecode of the frame (of a movie's first frame)"),
                    field("amf_hash", StringType, true, "xxh128 of the AMF applied (render_documents)"),
                    field("fdl_hash", StringType, true, "xxh128 of the FDL applied (render_documents)"),
                    field("spec_hash", StringType, true, "xxh128 of the deliverable specification (render_documents)"),
                    field("cdl", StringType, true, "the editor's ASC CDL recorded with the shot"),
                    field("parameters_hash", StringType, false, "hash over every input above that shapes the pixels: equal means the same file"),
                    field("shot_parameters_hash", StringType, false, "hash over the shot's frame range and parameters: a version's identity"),
                    field("engine_version", StringType, true, "Rushes version that rendered it"),
                    field("output_path", StringType, true, "URI of the file written"),
                    field("frames", LongType, true, "frames in the file [frames]"),
                    field("image_size", StringType, true, "width x height"),
                    field("bytes", LongType, true, "file size [bytes]"),
                    field("xxh128", StringType, true, "xxh128 of the file as written"),
                    field("render_ms", DoubleType, true, "time the file took [ms]"),
                    field("status", StringType, false, "ok or failed"),
                    field("error_code", StringType, true, "error code when it failed"),
                    field("message", StringType, true, "why it failed, and the fix; warnings otherwise"),
                    field("plates_id", StringType, true, "plates run that rendered it"),
                    field("rendered_at", TimestampType, true, "when"),
            }), List.of(), List.of("render_id"), List.of("shot", "version"));

    public static final TableDef RENDER_DOCUMENTS = new TableDef("render_documents", "the documents renders applied, by content hash",
            new StructType(new StructField[] {
                    field("document_hash", StringType, false, "xxh128 of the content"),
                    field("kind", StringType, false, "amf, fdl or deliverable"),
                    field("name", StringType, true, "where it was read from"),
                    field("content", StringType, true, "the document itself (UTF-8)"),
            }), List.of(), List.of("document_hash"), List.of());

    /** What an ingest writes; a catalog needs these to be one. */
    public static final List<TableDef> INGEST_TABLES = List.of(INGESTS, CLIPS, FILES, INGEST_ERRORS);

    public static final List<TableDef> TABLES = List.of(INGESTS, CLIPS, FILES, INGEST_ERRORS, PULLS, RENDERS, RENDER_DOCUMENTS);

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
