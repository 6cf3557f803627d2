package io.rushes.engine.deliver.burnin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import io.rushes.engine.error.Errors;
import io.rushes.engine.io.JsonSchemas;
import io.rushes.engine.io.JsonSchemas.Problem;
import io.rushes.engine.io.BoundedJson;
import io.rushes.engine.io.Documents;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads and validates burn-in templates (bounded JSON, the bundled {@code burnin.schema.json}, then every text's
 * fields), each problem at its JSON path as for deliverable specifications; holds the shipped templates.
 */
public final class BurnInTemplates {
    /** Every shipped template, by name (resources under {@code shipped/}). */
    public static final List<String> SHIPPED = List.of("review");
    public static final int MAX_BYTES = 64 << 10;
    private static final int MAX_STRING = 16 << 10;
    private static final int MAX_DEPTH = 16;

    private static final ObjectMapper JSON = BoundedJson.mapper(MAX_BYTES, MAX_STRING, MAX_DEPTH);
    private static final JsonSchema SCHEMA = JsonSchemas.load(BurnInTemplates.class, "burnin.schema.json");

    /** What reading gave: the typed template when there is no problem, and every problem found. */
    public record Result(String file, BurnInTemplate template, List<Problem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private BurnInTemplates() {
    }

    /** Reads a template, collecting every problem; never throws for a bad one. An FDL it names is resolved against {@code folder}. */
    public static Result read(byte[] bytes, String file, Path folder) {
        List<Problem> problems = new ArrayList<>();
        BurnInTemplate template = typed(bytes, file, folder, problems);
        return new Result(file, problems.isEmpty() ? template : null, List.copyOf(problems));
    }

    /** Reads a template that must be valid: the typed one, or a user error naming the first problem and how many there are. */
    public static BurnInTemplate load(byte[] bytes, String file, Path folder) {
        Result r = read(bytes, file, folder);
        if (!r.valid()) {
            Problem first = r.problems().get(0);
            throw Errors.invalidDocument(file, first.path(), first.message()
                            + (r.problems().size() > 1 ? " (and " + (r.problems().size() - 1) + " more)" : ""),
                    "Fix the burn-in template (its schema is burnin.schema.json; the shipped one is " + String.join(", ", SHIPPED) + ")");
        }
        return r.template();
    }

    /** A shipped template; null when {@code name} is none of {@link #SHIPPED}. */
    public static BurnInTemplate shipped(String name) {
        if (!SHIPPED.contains(name)) {
            return null;
        }
        try (InputStream in = BurnInTemplates.class.getResourceAsStream("shipped/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("burn-in template " + name + " missing from the jar");
            }
            return load(in.readNBytes(MAX_BYTES + 1), "burn-in template " + name, null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read burn-in template " + name, e);
        }
    }

    /**
     * A shipped template by name, or else a template file relative to {@code folder} (the deliverable specification's;
     * null for a shipped specification, which may name only shipped templates). {@code from} names what asked for it.
     */
    public static BurnInTemplate resolve(String nameOrFile, Path folder, String from) {
        BurnInTemplate template = shipped(nameOrFile);
        if (template != null) {
            return template;
        }
        if (folder == null || !nameOrFile.endsWith(".json")) {
            throw Errors.invalidDocument(from, "$.burn_in", "'" + nameOrFile + "' is no shipped burn-in template"
                            + (folder == null ? "" : " and not a .json file"),
                    "Give " + String.join(", ", SHIPPED) + (folder == null ? "" : ", or a template file beside the specification (NAME.json)"));
        }
        Path file = folder.resolve(nameOrFile);
        return load(Documents.read(file, MAX_BYTES, "burn-in template"), file.toString(), file.toAbsolutePath().getParent());
    }

    private static BurnInTemplate typed(byte[] bytes, String file, Path folder, List<Problem> problems) {
        JsonNode root = JsonSchemas.object(JSON, bytes, MAX_BYTES, "a burn-in template", file, problems);
        if (root == null) {
            return null;
        }
        finite(root, "$", problems);
        if (!problems.isEmpty()) {
            return null;
        }
        problems.addAll(JsonSchemas.check(SCHEMA, root));
        if (!problems.isEmpty()) {
            return null;
        }
        return checked(root, file, folder, problems);
    }

    /** Numbers too large for a double (1e999) are refused where they are, before the schema compares them. */
    private static void finite(JsonNode node, String path, List<Problem> problems) {
        if (node.isNumber() && !Double.isFinite(node.asDouble())) {
            problems.add(new Problem(path, "not a finite number (beyond the ±1.8e308 a double holds)"));
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> finite(e.getValue(), path + "." + e.getKey(), problems));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                finite(node.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    private static BurnInTemplate checked(JsonNode root, String file, Path folder, List<Problem> problems) {
        List<BurnInTemplate.Item> items = new ArrayList<>();
        JsonNode list = root.path("items");
        for (int i = 0; i < list.size(); i++) {
            String path = "$.items[" + i + "]";
            JsonNode item = list.get(i);
            try {
                items.add(new BurnInTemplate.Item(path, BurnInTemplate.Position.of(item.get("position").asText()),
                        BurnInText.parse(item.get("text").asText())));
            } catch (BurnInText.Invalid e) {
                problems.add(new Problem(path + ".text", e.getMessage()));
            }
        }
        BurnInTemplate.Framing framing = null;
        if (root.has("framing")) {
            JsonNode f = root.get("framing");
            String fdl = f.has("fdl") ? f.get("fdl").asText() : null;
            if (fdl != null) {
                if (folder == null) {
                    problems.add(new Problem("$.framing.fdl", "a shipped template names no FDL: give it with --set fdl=PATH"));
                } else {
                    fdl = folder.resolve(fdl).toString();
                }
            }
            BurnInTemplate.Style style = BurnInTemplate.Style.valueOf(f.path("style").asText("lines").toUpperCase(Locale.ROOT));
            if (style == BurnInTemplate.Style.MASK && f.has("width")) {
                problems.add(new Problem("$.framing.width", "a mask has no line width: remove width, or use the style lines"));
            }
            framing = new BurnInTemplate.Framing(fdl, f.has("decision") ? f.get("decision").asText() : null, style,
                    f.path("width").asInt(2), colour(f.get("colour"), style == BurnInTemplate.Style.MASK ? 0f : 1f),
                    f.path("opacity").asDouble(style == BurnInTemplate.Style.MASK ? 0.6 : 1.0));
        }
        if (items.isEmpty() && framing == null && problems.isEmpty()) {
            problems.add(new Problem("$", "the template draws nothing: give items (text) or framing"));
        }
        JsonNode box = root.path("box");
        return problems.isEmpty() ? new BurnInTemplate(file, root.get("name").asText(), root.path("description").asText(""),
                root.path("text_size").asDouble(BurnInTemplate.DEFAULT_TEXT_SIZE), colour(root.get("text_colour"), 1f),
                root.path("margin").asDouble(BurnInTemplate.DEFAULT_MARGIN),
                new BurnInTemplate.Box(colour(box.get("colour"), 0f), box.path("opacity").asDouble(0.5), box.path("padding").asDouble(0.25)),
                List.copyOf(items), framing) : null;
    }

    /** A schema-valid colour, or grey {@code value} when none is given. */
    private static float[] colour(JsonNode node, float value) {
        if (node == null) {
            return new float[] {value, value, value};
        }
        return new float[] {(float) node.get(0).asDouble(), (float) node.get(1).asDouble(), (float) node.get(2).asDouble()};
    }
}
