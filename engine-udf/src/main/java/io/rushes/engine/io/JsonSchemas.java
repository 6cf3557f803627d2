package io.rushes.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
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
    /** One schema problem: where ({@code $.a.b}) and what. */
    public record Problem(String path, String message) {
    }

    private JsonSchemas() {
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
