package io.rushes.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rushes.catalog.CatalogSchema;
import io.rushes.catalog.TableDef;
import io.rushes.engine.api.ClipError;
import io.rushes.engine.api.ClipResult;
import io.rushes.engine.api.ClipStatus;
import io.rushes.engine.api.FileResult;
import io.rushes.engine.discovery.Clip;
import io.rushes.engine.discovery.FileEntry;
import io.rushes.engine.error.Errors;
import io.rushes.engine.integrity.HashAlgorithm;
import io.rushes.engine.metadata.ClipField;
import io.rushes.engine.metadata.ClipMetadata;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The rows an executor builds, put through Spark's own row encoder for the catalog schema without a Spark session:
 * a value of the wrong Java type for its column (an Integer in a BIGINT array) fails here, not in an ingest.
 */
class ClipRowsTest {
    /** A value of each field type, as the engine's readers produce it. */
    private static Object sample(ClipField f) {
        if (f == ClipField.STATUS) {
            return ClipStatus.PARTIAL.column();
        }
        return switch (f.type()) {
            case STRING -> "A001C003";
            case INT -> 800;
            case LONG -> 1L << 40;
            case DOUBLE -> 23.976;
            case BOOLEAN -> Boolean.TRUE;
            case DATETIME -> "2026-11-24T10:02:00+01:00";
            case TIMECODE -> "10:02:00:01";
            case LONG_LIST -> List.of(86_733L, 9_000_000_000L);
            case STRING_MAP -> Map.of("key", "value");
        };
    }

    private static Clip sequenceWithAGap() {
        List<FileEntry> files = List.of(new FileEntry("file:/card/A001/f.0000001.dng", "A001/f.0000001.dng", 10, 1_000),
                new FileEntry("file:/card/A001/f.0000003.dng", "A001/f.0000003.dng", 10, 2_000));
        return new Clip("f", Clip.Kind.SEQUENCE, "A001", files, List.of(1L, 3L), List.of(2L), 1);
    }

    private static ClipResult result(ClipMetadata md) {
        md.setIfAbsent(ClipField.STATUS, ClipStatus.PARTIAL.column()); // the inspector always sets it
        Clip clip = sequenceWithAGap();
        ClipError error = ClipError.of(Errors.truncated(clip.files().get(1).location(), 100, "the strip"));
        List<FileResult> files = List.of(
                new FileResult(clip.files().get(0).location(), "A001/f.0000001.dng", 10, 1_000, 1L, "dng",
                        Map.of(HashAlgorithm.XXH64, "0123456789abcdef"), null),
                new FileResult(clip.files().get(1).location(), "A001/f.0000003.dng", 10, -1, 3L, "dng", Map.of(), error));
        return new ClipResult(clip, md, files, List.of(error));
    }

    private static void encode(TableDef table, Row row) {
        assertNotNull(ExpressionEncoder.apply(table.schema()).createSerializer().apply(row), table.name());
    }

    private static void encodeAll(ClipRows rows) {
        encode(CatalogSchema.CLIPS, rows.clip());
        rows.files().forEach(r -> encode(CatalogSchema.FILES, r));
        rows.errors().forEach(r -> encode(CatalogSchema.INGEST_ERRORS, r));
    }

    @ParameterizedTest
    @EnumSource(ClipField.class)
    void everyFieldWithAValueFitsItsColumn(ClipField field) {
        ClipMetadata md = new ClipMetadata().set(field, sample(field));
        encodeAll(ClipRows.of("file:/card", "ingest", result(md), MhlReferences.NONE));
    }

    @Test
    void everyFieldAtOnceAndNoneAtAllFitTheSchema() {
        ClipMetadata all = new ClipMetadata();
        for (ClipField f : ClipField.values()) {
            all.set(f, sample(f));
        }
        all.raw("Make", "Rushes");
        encodeAll(ClipRows.of("file:/card", "ingest", result(all), MhlReferences.NONE));
        ClipRows empty = ClipRows.of("file:/card", "ingest", result(new ClipMetadata()), MhlReferences.NONE);
        encodeAll(empty);
        assertEquals(1L, empty.clip().<Long>getAs(CatalogSchema.CLIPS.schema().fieldIndex("missing_frame_count")));
    }

    /** The mistake that failed whole ingests: frame numbers as Integer. It is refused where it is made. */
    @Test
    void frameNumbersAreLongs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ClipMetadata().set(ClipField.MISSING_FRAMES, List.of(2)));
        assertEquals("MISSING_FRAMES takes a list of Long, not [2]", e.getMessage());
    }
}
