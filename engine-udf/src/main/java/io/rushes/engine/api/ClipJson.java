package io.rushes.engine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rushes.engine.integrity.HashAlgorithm;
import io.rushes.engine.metadata.ClipField;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a {@link ClipResult}: schema version, every normalised field that has a value (in
 * schema order, snake_case), the files with their hashes, the errors, and the raw key/values.
 */
public final class ClipJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ClipJson() {
    }

    public static ObjectNode toJson(ClipResult result, boolean includeRaw) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("schema_version", ClipField.SCHEMA_VERSION);
        o.put("kind", result.clip().kind().name().toLowerCase(java.util.Locale.ROOT));
        o.put("directory", result.clip().directory());
        for (Map.Entry<ClipField, Object> e : result.metadata().values().entrySet()) {
            putValue(o, e.getKey().column(), e.getValue());
        }
        if (result.clip().missingFrameCount() > 0) {
            o.put("missing_frame_count", result.clip().missingFrameCount());
        }
        ArrayNode files = o.putArray("files");
        for (FileResult f : result.files()) {
            ObjectNode fo = files.addObject();
            fo.put("path", f.relativePath());
            fo.put("size", f.size());
            if (f.frame() != null) {
                fo.put("frame", f.frame());
            }
            if (f.format() != null) {
                fo.put("format", f.format());
            }
            if (!f.hashes().isEmpty()) {
                ObjectNode h = fo.putObject("hashes");
                for (Map.Entry<HashAlgorithm, String> he : f.hashes().entrySet()) {
                    h.put(he.getKey().mhlName(), he.getValue());
                }
            }
        }
        ArrayNode errors = o.putArray("errors");
        for (ClipError e : result.errors()) {
            ObjectNode eo = errors.addObject();
            eo.put("file", e.file());
            if (e.offset() >= 0) {
                eo.put("offset", e.offset());
            }
            eo.put("code", e.code());
            eo.put("user_error", e.userError());
            eo.put("message", e.message());
        }
        if (includeRaw) {
            ObjectNode raw = o.putObject("raw");
            result.metadata().rawValues().forEach(raw::put);
        }
        return o;
    }

    private static void putValue(ObjectNode o, String key, Object v) {
        if (v instanceof String s) {
            o.put(key, s);
        } else if (v instanceof Integer i) {
            o.put(key, i);
        } else if (v instanceof Long l) {
            o.put(key, l);
        } else if (v instanceof Double d) {
            o.put(key, d);
        } else if (v instanceof Boolean b) {
            o.put(key, b);
        } else if (v instanceof List<?> list) {
            ArrayNode a = o.putArray(key);
            for (Object item : list) {
                a.add(((Number) item).longValue());
            }
        } else if (v != null) {
            o.put(key, v.toString());
        }
    }

    public static String line(ClipResult result, boolean includeRaw) {
        try {
            return MAPPER.writeValueAsString(toJson(result, includeRaw));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }
}
