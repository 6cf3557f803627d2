package io.rushes.jobs.ingest;

import io.rushes.engine.discovery.FileEntry;
import io.rushes.engine.integrity.HashAlgorithm;
import io.rushes.engine.integrity.MhlGeneration;
import io.rushes.engine.integrity.MhlHistory;
import java.io.Serial;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The reference hashes that the source's ASC MHL histories record, by file location, read once on the
 * driver. A file below a history root is {@code verified} or {@code mismatch} when the ingest hashed it
 * with an algorithm the history has, {@code not_in_mhl} when the history does not list it; files no
 * history covers (or not hashed) get no status. Histories are read from local sources ({@code file:}).
 */
final class MhlReferences implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    static final MhlReferences NONE = new MhlReferences(Map.of(), List.of());

    private final Map<String, Map<String, String>> expected;
    private final List<String> roots;

    private MhlReferences(Map<String, Map<String, String>> expected, List<String> roots) {
        this.expected = expected;
        this.roots = roots;
    }

    static MhlReferences read(String source, List<FileEntry> listing) {
        if (!source.startsWith("file:")) {
            return NONE;
        }
        Path base = Path.of(URI.create(source));
        TreeSet<Path> candidates = new TreeSet<>();
        candidates.add(base);
        for (FileEntry f : listing) {
            for (Path dir = Path.of(URI.create(f.location())).getParent(); dir != null && dir.startsWith(base); dir = dir.getParent()) {
                if (!candidates.add(dir)) {
                    break;
                }
            }
        }
        Map<String, Map<String, String>> expected = new HashMap<>();
        List<String> roots = new ArrayList<>();
        // Outer histories first, so an inner (more recent, more specific) history overrides them.
        List<Path> ordered = candidates.stream().filter(MhlHistory::exists).sorted(Comparator.comparingInt(Path::getNameCount)).toList();
        for (Path root : ordered) {
            roots.add(location(root) + "/");
            for (Map.Entry<String, MhlGeneration.Entry> e : MhlHistory.read(root).referenceEntries().entrySet()) {
                Map<String, String> hashes = new HashMap<>();
                e.getValue().hashes().forEach((alg, hex) -> hashes.put(alg.mhlName(), hex.toLowerCase(Locale.ROOT)));
                expected.put(location(root.resolve(e.getKey())), hashes);
            }
        }
        return new MhlReferences(expected, roots);
    }

    private static String location(Path p) {
        String uri = p.toUri().toString();
        // Hadoop writes local locations as file:/a/b, Path.toUri as file:///a/b.
        return uri.replaceFirst("^file:///", "file:/").replaceFirst("/$", "");
    }

    boolean isEmpty() {
        return roots.isEmpty();
    }

    /** The status of one file given the hashes the ingest computed (MHL names to hex), or null. */
    String status(String location, Map<HashAlgorithm, String> computed) {
        if (computed.isEmpty() || roots.stream().noneMatch(location::startsWith)) {
            return null;
        }
        Map<String, String> want = expected.get(location);
        if (want == null) {
            return "not_in_mhl";
        }
        for (Map.Entry<HashAlgorithm, String> c : computed.entrySet()) {
            String w = want.get(c.getKey().mhlName());
            if (w != null) {
                return w.equalsIgnoreCase(c.getValue()) ? "verified" : "mismatch";
            }
        }
        return null;
    }
}
