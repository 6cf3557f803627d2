package io.rushes.engine.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SchemaDocTest {
    @Test
    void docsMatchTheCode() throws Exception {
        Path doc = Path.of("../docs/schema.md"); // tests run in the module folder
        assertEquals(SchemaDoc.markdown(), Files.readString(doc),
                "docs/schema.md is stale: regenerate it with the command at its top");
    }

    @Test
    void columnNamesAreUniqueSnakeCase() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ClipField f : ClipField.values()) {
            assertEquals(true, f.column().matches("[a-z][a-z0-9_]*"), f.column());
            assertEquals(true, seen.add(f.column()), "duplicate " + f.column());
        }
    }
}
