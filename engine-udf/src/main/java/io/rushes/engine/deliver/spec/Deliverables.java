package io.rushes.engine.deliver.spec;

import io.rushes.engine.error.Errors;
import io.rushes.engine.io.Documents;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The ready-made deliverable specifications shipped with Rushes, and the choice between one of them and a file. */
public final class Deliverables {
    /** Every shipped specification, by name (resources under {@code shipped/}), in the order they are listed. */
    public static final List<String> SHIPPED = List.of("aces-exr-plate", "dpx-log-pull", "jpeg-thumbnail", "png-poster",
            "prores-4444-review", "prores-4444-review-burnin", "h264-review");

    private Deliverables() {
    }

    /** A shipped specification; null when {@code name} is none of {@link #SHIPPED}. */
    public static DeliverableSpec shipped(String name) {
        if (!SHIPPED.contains(name)) {
            return null;
        }
        try (InputStream in = Deliverables.class.getResourceAsStream("shipped/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("deliverable " + name + " missing from the jar");
            }
            return DeliverableSpecReader.load(in.readNBytes(DeliverableSpecReader.MAX_BYTES + 1), "deliverable " + name);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read deliverable " + name, e);
        }
    }

    /**
     * The deliverable of a shipped specification or a specification file ({@link #resolve}), ready to render: an AMF a
     * file names is found beside it.
     */
    public static Deliverable prepare(String nameOrFile, Map<String, String> values, Deliverable.Development development) {
        DeliverableSpec spec = resolve(nameOrFile);
        Path folder = SHIPPED.contains(nameOrFile) ? null : Path.of(nameOrFile).toAbsolutePath().getParent();
        return Deliverable.prepare(spec, values, folder, development);
    }

    /**
     * A shipped specification by name, or else a specification file: a name with neither a slash nor ".json" that is
     * no shipped one is refused with the list, not looked up as a file.
     */
    public static DeliverableSpec resolve(String nameOrFile) {
        DeliverableSpec spec = shipped(nameOrFile);
        if (spec != null) {
            return spec;
        }
        if (!nameOrFile.contains("/") && !nameOrFile.endsWith(".json")) {
            throw Errors.invalidArgument("'" + nameOrFile + "' is no shipped deliverable and not a .json file",
                    "Give one of " + String.join(", ", SHIPPED) + " (rushes render --list-deliverables), or the path of a specification");
        }
        Path file = Path.of(nameOrFile);
        return DeliverableSpecReader.load(Documents.read(file, DeliverableSpecReader.MAX_BYTES, "deliverable specification"), file.toString());
    }
}
