package io.rushes.engine.metadata;

/** The value types of the normalised schema, and the Java types that hold them. */
public enum FieldType {
    STRING(String.class),
    INT(Integer.class),
    LONG(Long.class),
    DOUBLE(Double.class),
    BOOLEAN(Boolean.class),
    /** ISO 8601 local date-time, {@code 2018-09-26T08:25:27}, with an offset when the file gives one. */
    DATETIME(String.class),
    /** SMPTE timecode {@code HH:MM:SS:FF}, {@code ;} before the frames when drop-frame. */
    TIMECODE(String.class),
    /** Frame numbers and other 64-bit integers, as {@code List<Long>}. */
    LONG_LIST(java.util.List.class),
    STRING_MAP(java.util.Map.class);

    private final Class<?> javaType;

    FieldType(Class<?> javaType) {
        this.javaType = javaType;
    }

    public Class<?> javaType() {
        return javaType;
    }
}
