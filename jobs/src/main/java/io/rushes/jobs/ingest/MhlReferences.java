package io.rushes.jobs.ingest;

import io.rushes.engine.discovery.FileEntry;
import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reference hashes that the source's ASC MHL histories record, by file location, read once on the
 * driver. A file below a history root is {@code verified} or {@code mismatch} when the ingest hashed it
 * with an algorithm the history has, {@code unverifiable} when the history records it with none of the
 * algorithms the ingest computed (for instance only with a hash Rushes does not know), {@code not_in_mhl}
 * when the history does not list it, and {@code mhl_unreadable} when the nearest history above it cannot be
 * read (its error is in {@link #problems()}; the other histories still count). Files no history covers (or
 * not hashed) get no status. Histories are read from local sources ({@code file:}).
 */
final class MhlReferences implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    static final MhlReferences NONE = new MhlReferences(Map.of(), List.of(), Set.of(), List.of());

    private final Map<String, Map<String, String>> expected;
    private final List<String> roots;
    private final Set<String> unreadableRoots;
    private final List<String> problems;

    private MhlReferences(Map<String, Map<String, String>> expected, List<String> roots, Set<String> unreadableRoots,
                          List<String> problems) {
        this.expected = expected;
        this.roots = roots;
        this.unreadableRoots = unreadableRoots;
        this.problems = problems;
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
        Set<String> unreadable = new HashSet<>();
        List<String> problems = new ArrayList<>();
        // Outer histories first, so an inner (more recent, more specific) history overrides them.
        List<Path> ordered = candidates.stream().filter(MhlHistory::exists).sorted(Comparator.comparingInt(Path::getNameCount)).toList();
        for (Path root : ordered) {
            String rootLocation = location(root) + "/";
            roots.add(rootLocation);
            Map<String, MhlGeneration.Entry> references;
            try {
                references = MhlHistory.read(root).referenceEntries();
            } catch (RushesException e) {
                if (e.code() == ErrorCode.INTERNAL) {
                    throw e;
                }
                unreadable.add(rootLocation);
                problems.add(e.during("verify").getMessage());
                continue;
            }
            for (Map.Entry<String, MhlGeneration.Entry> e : references.entrySet()) {
                Map<String, String> hashes = new HashMap<>();
                e.getValue().hashes().forEach((alg, hex) -> hashes.put(alg.mhlName(), hex.toLowerCase(Locale.ROOT)));
                expected.put(location(root.resolve(e.getKey())), hashes);
            }
        }
        return new MhlReferences(expected, roots, Set.copyOf(unreadable), List.copyOf(problems));
    }

    /** One message per history that could not be read, naming its file and the fix. */
    List<String> problems() {
        return problems;
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
        String nearest = null;
        for (String root : roots) {
            if (location.startsWith(root)) {
                nearest = root; // roots run outer to inner: the last match is the nearest history
            }
        }
        if (computed.isEmpty() || nearest == null) {
            return null;
        }
        if (unreadableRoots.contains(nearest)) {
            return "mhl_unreadable";
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
        return "unverifiable";
    }
}
