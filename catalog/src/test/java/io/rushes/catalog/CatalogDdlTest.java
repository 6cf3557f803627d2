package io.rushes.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.rushes.engine.metadata.ClipField;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The versioned DDL files are exactly what the code creates, and every normalised field is a column. */
class CatalogDdlTest {
    @Test
    void ddlFilesMatchTheCode() throws IOException {
        for (TableDef t : CatalogSchema.TABLES) {
            String resource = "ddl/v" + CatalogSchema.VERSION + "/" + t.name() + ".sql";
            try (InputStream in = Catalog.class.getResourceAsStream(resource)) {
                assertNotNull(in, resource + " is missing: run `java -cp … io.rushes.catalog.Catalog catalog/src/main/resources`");
                assertEquals(Catalog.ddl(t, "${catalog}"), new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        resource + " differs from CatalogSchema: regenerate it (and bump VERSION if a column changed)");
            }
        }
    }

    @Test
    void everyNormalisedFieldIsAClipsColumn() {
        for (ClipField f : ClipField.values()) {
            assertEquals(CatalogSchema.sparkType(f), CatalogSchema.CLIPS.schema().apply(f.column()).dataType(), f.column());
        }
    }

    @Test
    void everyViewIsOnTheClasspath() {
        for (String v : Catalog.VIEWS) {
            assertNotNull(Catalog.viewSql(v));
        }
    }
}
