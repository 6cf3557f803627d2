package io.rushes.catalog;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * One catalog table: its name (also its folder under the catalog root), schema, partition columns, the
 * columns that identify a row (the MERGE key), and the Z-order columns OPTIMIZE clusters by.
 */
public record TableDef(String name, String description, StructType schema, List<String> partitionBy, List<String> key,
                       List<String> zOrderBy) {
}
