package io.rushes.engine.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;

/**
 * The bundled JSON Schemas (2020-12) of Rushes' own documents (deliverable specifications, burn-in templates), and
 * their problems each at its JSON path.
 */
public final class JsonSchemas {
    /** One problem of a document: where ({@code $.a.b}) and what. */
    public record Problem(String path, String message) {
        @Override
        public String toString() {
            return path + ": " + message;
        }
    }

    private JsonSchemas() {
    }

    /**
     * The JSON object a document of {@code kind} ("a deliverable specification") holds, or null with the problem added:
     * larger than {@code maxBytes}, not JSON (with its line and column), or not an object.
     */
    public static JsonNode object(ObjectMapper json, byte[] bytes, int maxBytes, String kind, String file, List<Problem> problems) {
        if (bytes.length > maxBytes) {
            problems.add(new Problem("$", "the document is " + bytes.length + " bytes, above the limit of " + maxBytes + ": " + kind
                    + " is a few hundred bytes; this is not one"));
            return null;
        }
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            problems.add(new Problem("$", "not valid JSON" + (where == null ? "" : " (line " + where.getLineNr() + ", column "
                    + where.getColumnNr() + ")") + ": " + e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            throw io.rushes.engine.error.Errors.io(file, e);
        }
        if (root == null || !root.isObject()) {
            problems.add(new Problem("$", kind + " is a JSON object, not " + (root == null ? "empty" : root.getNodeType())));
            return null;
        }
        return root;
    }

    /** The schema {@code resource} beside {@code owner} in the jar. */
    public static JsonSchema load(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the jar");
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).pathType(PathType.JSON_PATH).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /** Every problem of {@code root}, in path order; an unknown key at the key's own path, since that is what to delete or fix. */
    public static List<Problem> check(JsonSchema schema, JsonNode root) {
        return schema.validate(root).stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString()).thenComparing(ValidationMessage::getMessage))
                .map(JsonSchemas::problem).toList();
    }

    private static Problem problem(ValidationMessage m) {
        String path = m.getInstanceLocation().toString();
        if ("additionalProperties".equals(m.getType()) && m.getProperty() != null) {
            return new Problem(path + "." + m.getProperty(), "unknown key '" + m.getProperty() + "': " + withoutPath(m));
        }
        return new Problem(path, withoutPath(m));
    }

    /** The validator's message without the path it repeats. */
    private static String withoutPath(ValidationMessage m) {
        String text = m.getMessage();
        String prefix = m.getInstanceLocation().toString() + ": ";
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }
}
