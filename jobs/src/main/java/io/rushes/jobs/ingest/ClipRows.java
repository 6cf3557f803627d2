package io.rushes.jobs.ingest;

import io.rushes.catalog.CatalogSchema;
import io.rushes.engine.api.ClipError;
import io.rushes.engine.api.ClipResult;
import io.rushes.engine.api.ClipStatus;
import io.rushes.engine.api.FileResult;
import io.rushes.engine.discovery.Clip;
import io.rushes.engine.integrity.HashAlgorithm;
import io.rushes.engine.metadata.ClipField;
import io.rushes.engine.metadata.ClipMetadata;
import java.io.Serial;
import java.io.Serializable;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * One inspected clip as catalog rows: its {@code clips} row, a {@code files} row per file and an
 * {@code ingest_errors} row per failure, in the column order of {@link CatalogSchema}. Built on the
 * executor that inspected the clip.
 */
public record ClipRows(Row clip, List<Row> files, List<Row> errors, ClipStatus status, long bytes) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The stable id of a clip: where it was found and what it is, not when. */
    static String clipId(String source, Clip clip) {
        return Ids.of(source, clip.directory(), clip.name(), clip.kind());
    }

    static ClipRows of(String source, String ingestId, ClipResult r, MhlReferences mhl) {
        Clip clip = r.clip();
        String clipId = clipId(source, clip);
        ClipMetadata md = r.metadata();
        List<Object> values = new ArrayList<>();
        values.add(clipId);
        values.add(source);
        values.add(clip.directory());
        values.add(clip.kind().name().toLowerCase(Locale.ROOT));
        for (ClipField f : ClipField.values()) {
            values.add(sparkValue(md.get(f)));
        }
        String datetime = md.string(ClipField.RECORD_DATETIME);
        values.add(datetime == null || datetime.length() < 10 ? null : date(datetime.substring(0, 10)));
        values.add(clip.missingFrameCount());
        values.add(r.errors().size());
        values.add(sparkValue(new TreeMap<>(md.rawValues())));
        String fingerprint = Ids.of(values.toArray());
        values.add(fingerprint);
        values.add(ingestId);
        values.add(ClipField.SCHEMA_VERSION);
        if (values.size() != CatalogSchema.CLIPS.schema().size()) {
            throw new IllegalStateException("clips row has " + values.size() + " values for " + CatalogSchema.CLIPS.schema().size() + " columns");
        }
        Row clipRow = RowFactory.create(values.toArray());

        List<Row> files = new ArrayList<>();
        for (FileResult f : r.files()) {
            Map<String, String> hashes = new TreeMap<>();
            for (Map.Entry<HashAlgorithm, String> h : f.hashes().entrySet()) {
                hashes.put(h.getKey().mhlName(), h.getValue());
            }
            Object[] row = {f.location(), clipId, f.relativePath(), f.size(),
                    f.lastModifiedMillis() < 0 ? null : new Timestamp(f.lastModifiedMillis()), f.frame(), f.format(), sparkValue(hashes),
                    mhl.status(f.location(), f.hashes()),
                    f.error() == null ? null : f.error().code(), null, ingestId};
            row[10] = Ids.of(java.util.Arrays.copyOf(row, 10));
            files.add(RowFactory.create(row));
        }
        List<Row> errors = new ArrayList<>();
        for (ClipError e : r.errors()) {
            String path = e.file() == null ? null : e.file();
            errors.add(RowFactory.create(Ids.of(path, "inspect", e.code(), e.message()), clipId, path, "inspect", e.code(), e.userError(),
                    e.offset() < 0 ? null : e.offset(), e.message(), ingestId));
        }
        return new ClipRows(clipRow, files, errors, r.status(), clip.totalBytes());
    }

    /** Spark's row encoder takes Scala collections for array and map columns. */
    static Object sparkValue(Object v) {
        if (v instanceof List<?> list) {
            return scala.jdk.javaapi.CollectionConverters.asScala(new ArrayList<>(list));
        }
        if (v instanceof Map<?, ?> map) {
            return scala.jdk.javaapi.CollectionConverters.asScala(new TreeMap<>(map));
        }
        return v;
    }

    private static Date date(String isoDate) {
        try {
            return Date.valueOf(isoDate);
        } catch (IllegalArgumentException notADate) {
            return null;
        }
    }
}
