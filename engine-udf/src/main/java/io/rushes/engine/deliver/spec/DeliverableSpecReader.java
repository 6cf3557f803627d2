package io.rushes.engine.deliver.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import io.rushes.engine.color.TransformRegistry;
import io.rushes.engine.error.Errors;
import io.rushes.engine.io.JsonSchemas;
import io.rushes.engine.io.JsonSchemas.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Reads and validates a deliverable specification: bounded JSON parsing (size, string length, nesting depth, duplicate
 * keys refused), the bundled JSON Schema (draft 2020-12), then the rules that join fields (a DPX log pull is ACEScct, a
 * JPEG is display code values, compression goes with OpenEXR, the naming template's fields and extension). Every
 * problem names its JSON path, as {@code FdlReader} does for framing.
 */
public final class DeliverableSpecReader {
    /** Largest specification read: real ones are a few hundred bytes. */
    public static final int MAX_BYTES = 64 << 10;
    private static final int MAX_STRING = 16 << 10;
    private static final int MAX_DEPTH = 16;

    private static final ObjectMapper JSON = io.rushes.engine.io.BoundedJson.mapper(MAX_BYTES, MAX_STRING, MAX_DEPTH);
    private static final JsonSchema SCHEMA = JsonSchemas.load(DeliverableSpecReader.class, "deliverable.schema.json");

    /** What reading gave: the typed specification when there is no problem, and every problem found. */
    public record Result(String file, DeliverableSpec spec, List<Problem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private DeliverableSpecReader() {
    }

    /** Reads a specification, collecting every problem; never throws for a bad one. */
    public static Result read(byte[] bytes, String file) {
        List<Problem> problems = new ArrayList<>();
        DeliverableSpec spec = typed(bytes, file, problems);
        return new Result(file, problems.isEmpty() ? spec : null, List.copyOf(problems));
    }

    /** Reads a specification that must be valid: the typed one, or a user error naming the first problem and how many there are. */
    public static DeliverableSpec load(byte[] bytes, String file) {
        Result r = read(bytes, file);
        if (!r.valid()) {
            Problem first = r.problems().get(0);
            throw Errors.invalidDocument(file, first.path(), first.message()
                            + (r.problems().size() > 1 ? " (and " + (r.problems().size() - 1) + " more)" : ""),
                    "Fix the deliverable specification (its schema is deliverable.schema.json; rushes render --list-deliverables shows "
                            + "ready-made ones)");
        }
        return r.spec();
    }

    private static DeliverableSpec typed(byte[] bytes, String file, List<Problem> problems) {
        JsonNode root = JsonSchemas.object(JSON, bytes, MAX_BYTES, "a deliverable specification", file, problems);
        if (root == null) {
            return null;
        }
        problems.addAll(JsonSchemas.check(SCHEMA, root));
        if (!problems.isEmpty()) {
            return null;
        }
        return checked(root, file, problems);
    }

    /** The typed specification of a schema-valid document, with the rules a schema does not say well. */
    private static DeliverableSpec checked(JsonNode root, String file, List<Problem> problems) {
        DeliverableSpec.Format format = DeliverableSpec.Format.valueOf(root.get("format").asText().toUpperCase(Locale.ROOT));
        DeliverableSpec.Colour colour = colour(root.get("colour"), format, problems);
        DeliverableSpec.Compression compression = null;
        if (root.has("compression")) {
            if (format == DeliverableSpec.Format.EXR) {
                compression = DeliverableSpec.Compression.valueOf(root.get("compression").asText().toUpperCase(Locale.ROOT));
            } else {
                problems.add(new Problem("$.compression", "compression is an OpenEXR setting; " + format.key()
                        + " has none: remove it or use the format exr"));
            }
        }
        Integer bitDepth = null;
        if (root.has("bit_depth")) {
            bitDepth = root.get("bit_depth").asInt();
            if (!format.bitDepths().contains(bitDepth)) {
                problems.add(new Problem("$.bit_depth", format.key() + " is written at " + new TreeSet<>(format.bitDepths()).toString()
                        .replaceAll("[\\[\\]]", "").replace(", ", " or ") + " bits, not " + bitDepth
                        + (format == DeliverableSpec.Format.EXR && bitDepth == 32 ? " (OpenEXR plates are 16-bit half)" : "")));
            }
        }
        int fit = 0;
        String canvasTemplate = null;
        JsonNode resolution = root.path("resolution");
        if (resolution.has("fit")) {
            fit = resolution.get("fit").asInt(); // the schema keeps it a whole number from 1 to 65535 (1e999 and 512.5 refused)
        }
        if (resolution.has("canvas_template")) {
            canvasTemplate = resolution.get("canvas_template").asText();
        }
        NameTemplate naming = naming(root.get("naming").asText(), format, problems);
        String description = root.has("description") ? root.get("description").asText() : "";
        String burnIn = root.has("burn_in") ? root.get("burn_in").asText() : null;
        if (burnIn != null) {
            if (!colour.display()) {
                problems.add(new Problem("$.burn_in", "burn-ins are drawn in display code values, and this deliverable is scene-referred"
                        + (colour.space() == null ? "" : " (" + colour.space().key() + ")") + ": remove burn_in, or use the stage display"));
            } else if (burnIn.startsWith("/") || java.util.Arrays.asList(burnIn.split("/")).contains("..")) {
                problems.add(new Problem("$.burn_in", "'" + burnIn + "' leaves the specification's folder: give a shipped template or a file"
                        + " beside the specification (a relative path without '..')"));
            }
        }
        return problems.isEmpty() ? new DeliverableSpec(file, root.get("name").asText(), description, format, colour, compression,
                bitDepth, fit, canvasTemplate, burnIn, naming) : null;
    }

    private static DeliverableSpec.Colour colour(JsonNode node, DeliverableSpec.Format format, List<Problem> problems) {
        boolean display = node.get("stage").asText().equals("display");
        DeliverableSpec.Space space = null;
        if (node.has("space")) {
            String key = node.get("space").asText();
            for (DeliverableSpec.Space s : DeliverableSpec.Space.values()) {
                if (s.key().equals(key)) {
                    space = s;
                }
            }
        }
        String amf = node.has("amf") ? node.get("amf").asText() : null;
        String transform = node.has("output_transform") ? node.get("output_transform").asText() : null;
        if (display) {
            if (space != null) {
                problems.add(new Problem("$.colour.space", "display code values have no scene space: remove space, or use the stage scene"));
            }
            if (amf != null && transform != null) {
                problems.add(new Problem("$.colour.output_transform", "give an AMF or an output transform, not both (the AMF holds its own)"));
            } else if (transform != null && !TransformRegistry.supports(transform)) {
                problems.add(new Problem("$.colour.output_transform", "'" + transform + "' is not an ACES output transform Rushes implements"
                        + " (for instance urn:ampas:aces:transformId:v2.0:Output.Academy.Rec709-D65_100nit_in_Rec709-D65_BT1886.a2.v1)"));
            }
        } else {
            if (space == null) {
                problems.add(new Problem("$.colour", "the stage scene needs its space: ACES2065-1, ACEScg or ACEScct"));
            }
            if (amf != null || transform != null) {
                problems.add(new Problem(amf != null ? "$.colour.amf" : "$.colour.output_transform",
                        "an output transform goes with the stage display; scene-referred pixels are written before any"));
            }
        }
        if ((format == DeliverableSpec.Format.JPEG || format == DeliverableSpec.Format.PNG) && !display) {
            problems.add(new Problem("$.colour.stage", format.key() + " holds 8-bit display code values: use the stage display"));
        }
        boolean dpx = format == DeliverableSpec.Format.DPX10 || format == DeliverableSpec.Format.DPX16;
        if (dpx && space != DeliverableSpec.Space.ACESCCT) {
            problems.add(new Problem(display ? "$.colour.stage" : "$.colour.space", "DPX holds integer code values from 0 to 1: a log pull,"
                    + " so the stage scene with the space ACEScct (OpenEXR for linear plates)"));
        }
        return new DeliverableSpec.Colour(display, space, amf, transform);
    }

    private static NameTemplate naming(String text, DeliverableSpec.Format format, List<Problem> problems) {
        NameTemplate template;
        try {
            template = NameTemplate.parse(text);
        } catch (NameTemplate.Invalid e) {
            problems.add(new Problem("$.naming", e.getMessage()));
            return null;
        }
        if (!format.extensions().contains(template.extension())) {
            problems.add(new Problem("$.naming", "'" + text + "' should end in ." + String.join(" or .", new TreeSet<>(format.extensions()))
                    + ", what " + format.key() + " writes"));
        }
        if (!format.movie() && !template.fields().contains(NameTemplate.Field.FRAME)) {
            problems.add(new Problem("$.naming", "'" + text + "' has no {frame}: every frame of a sequence would get the same name"));
        }
        if (format.movie() && template.fields().contains(NameTemplate.Field.FRAME)) {
            problems.add(new Problem("$.naming", "'" + text + "' uses {frame}, but a movie is one file per clip"));
        }
        return template;
    }
}
