package io.rushes.engine.fdl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rushes.engine.error.Errors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an FDL travels with media (ASC FDL §5.2, §7.3.3, appendices F–H): matching a clip to the contexts whose
 * {@code clip_id} names it, the whole document as the OpenEXR header attribute {@code ascFramingDecisionList}, and
 * the two references (document uuid, framing decision id) as ALE columns and EDL comments.
 */
public final class FdlLinks {
    public static final String EXR_ATTRIBUTE = "ascFramingDecisionList";
    public static final String ALE_UUID = "fdl-uuid";
    public static final String ALE_DECISION = "fdl-framing-decision-id";
    private static final Pattern EDL_LINE = Pattern.compile("^\\*\\s*(FDL-UUID|FDL-FRAMING[-_]DECISION-ID)\\s*:\\s*(\\S+)\\s*$");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A document uuid and one of its framing decisions. */
    public record Reference(String uuid, String framingDecisionId) {
    }

    /** A context of an FDL that names a clip, with the canvases it gives for it. */
    public record ClipMatch(Fdl fdl, Fdl.Context context, String how) {
    }

    private FdlLinks() {
    }

    /**
     * The contexts, across FDLs, whose clip_id names this clip: by clip name, by file name, or by a frame sequence whose
     * pattern (idx characters standing for zero-padded digits) and min..max range cover {@code fileName}.
     */
    public static List<ClipMatch> forClip(List<Fdl> fdls, String clipName, String fileName) {
        List<ClipMatch> out = new ArrayList<>();
        for (Fdl fdl : fdls) {
            for (Fdl.Context c : fdl.contexts()) {
                JsonNode id = c.clipId();
                if (id == null) {
                    continue;
                }
                if (clipName != null && clipName.equals(id.path("clip_name").asText(null))) {
                    out.add(new ClipMatch(fdl, c, "clip_name"));
                } else if (fileName != null && fileName.equals(id.path("file").asText(null))) {
                    out.add(new ClipMatch(fdl, c, "file"));
                } else if (fileName != null && id.path("sequence").isObject() && inSequence(id.get("sequence"), fileName)) {
                    out.add(new ClipMatch(fdl, c, "sequence"));
                }
            }
        }
        return out;
    }

    static boolean inSequence(JsonNode sequence, String fileName) {
        String value = sequence.path("value").asText("");
        String idx = sequence.path("idx").asText("");
        if (idx.length() != 1 || value.isEmpty()) {
            return false;
        }
        Matcher run = Pattern.compile(Pattern.quote(idx) + "+").matcher(value);
        if (!run.find()) {
            return false;
        }
        String regex = Pattern.quote(value.substring(0, run.start())) + "(\\d{" + (run.end() - run.start()) + ",})"
                + Pattern.quote(value.substring(run.end()));
        Matcher m = Pattern.compile(regex).matcher(fileName);
        if (!m.matches() || m.group(1).length() > 18) {
            return false;
        }
        long frame = Long.parseLong(m.group(1));
        return frame >= sequence.path("min").asLong(Long.MIN_VALUE) && frame <= sequence.path("max").asLong(Long.MAX_VALUE);
    }

    /** The FDL as compact UTF-8 JSON, the value of the OpenEXR string attribute {@value #EXR_ATTRIBUTE} (Appendix G). */
    public static byte[] exrAttributeValue(Fdl fdl) {
        try {
            return JSON.writeValueAsBytes(fdl.tree());
        } catch (JsonProcessingException e) {
            throw Errors.internal(null, e);
        }
    }

    /** The whole attribute as an OpenEXR header stores it: name, NUL, "string", NUL, int32 little-endian size, value. */
    public static byte[] exrAttribute(Fdl fdl) {
        byte[] value = exrAttributeValue(fdl);
        byte[] name = EXR_ATTRIBUTE.getBytes(StandardCharsets.US_ASCII);
        byte[] type = "string".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[name.length + 1 + type.length + 1 + 4 + value.length];
        int o = 0;
        System.arraycopy(name, 0, out, o, name.length);
        o += name.length + 1;
        System.arraycopy(type, 0, out, o, type.length);
        o += type.length + 1;
        for (int i = 0; i < 4; i++) {
            out[o + i] = (byte) (value.length >>> (8 * i));
        }
        System.arraycopy(value, 0, out, o + 4, value.length);
        return out;
    }

    /** The ALE columns of Appendix F for one framing decision. */
    public static Map<String, String> aleColumns(Fdl fdl, String framingDecisionId) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ALE_UUID, fdl.uuid());
        m.put(ALE_DECISION, decision(fdl, framingDecisionId).id());
        return m;
    }

    /** The EDL comment lines of Appendix H for one framing decision. */
    public static List<String> edlComments(Fdl fdl, String framingDecisionId) {
        return List.of("* FDL-UUID: " + fdl.uuid(), "* FDL-FRAMING-DECISION-ID: " + decision(fdl, framingDecisionId).id());
    }

    /** The reference in an event's EDL comments (either spelling of the decision field, as the appendix shows both). */
    public static Optional<Reference> fromEdlComments(List<String> lines) {
        String uuid = null;
        String decision = null;
        for (String line : lines) {
            Matcher m = EDL_LINE.matcher(line.strip());
            if (m.matches()) {
                if (m.group(1).equals("FDL-UUID")) {
                    uuid = m.group(2);
                } else {
                    decision = m.group(2);
                }
            }
        }
        return uuid == null || decision == null ? Optional.empty() : Optional.of(new Reference(uuid, decision));
    }

    /** The reference in an ALE row (column names as Appendix F gives them). */
    public static Optional<Reference> fromAle(Map<String, String> row) {
        String uuid = row.get(ALE_UUID);
        String decision = row.get(ALE_DECISION);
        return uuid == null || decision == null || uuid.isBlank() || decision.isBlank() ? Optional.empty() : Optional.of(new Reference(uuid, decision));
    }

    /** The framing decision a reference points at, among the FDLs at hand. */
    public static Optional<Fdl.FramingDecision> resolve(List<Fdl> fdls, Reference ref) {
        return fdls.stream().filter(f -> f.uuid().equalsIgnoreCase(ref.uuid()))
                .flatMap(f -> f.canvases().stream()).flatMap(c -> c.framingDecisions().stream())
                .filter(d -> d.id().equals(ref.framingDecisionId())).findFirst();
    }

    private static Fdl.FramingDecision decision(Fdl fdl, String id) {
        return fdl.canvases().stream().flatMap(c -> c.framingDecisions().stream()).filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> Errors.invalidArgument("FDL " + fdl.uuid() + " has no framing decision '" + id + "'",
                        "Use one of its framing decision ids (rushes fdl validate lists the FDL)"));
    }
}
