package io.rushes.engine.integrity;

import io.rushes.engine.error.Errors;
import io.rushes.engine.io.Documents;
import io.rushes.engine.xml.SecureXml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The ASC MHL v2 history of one folder: its {@code ascmhl/} generations in order, and the chain file that
 * seals them with C4 ids.
 */
public final class MhlHistory {
    public static final String FOLDER = "ascmhl";
    public static final String CHAIN = "ascmhl_chain.xml";
    private static final Pattern GENERATION = Pattern.compile("^(\\d{4})_.*\\.mhl$");
    private static final int MAX_GENERATIONS = 10_000;

    private final Path root;
    private final List<MhlGeneration> generations;
    private final Map<String, String> chainC4;

    private MhlHistory(Path root, List<MhlGeneration> generations, Map<String, String> chainC4) {
        this.root = root;
        this.generations = generations;
        this.chainC4 = chainC4;
    }

    public static boolean exists(Path root) {
        return Files.isDirectory(root.resolve(FOLDER));
    }

    /**
     * Reads the history of {@code root}. Its {@code ascmhl/} folder and the generations in it must really be inside
     * {@code root}: a link leading elsewhere is refused, so nothing outside the folder is read as (or written into)
     * its history.
     */
    public static MhlHistory read(Path root) {
        Path folder = root.resolve(FOLDER);
        List<MhlGeneration> gens = new ArrayList<>();
        Map<String, String> chain = new LinkedHashMap<>();
        if (!Files.isDirectory(folder)) {
            return new MhlHistory(root, gens, chain);
        }
        try {
            Path realFolder = requireInside(folder, root.toRealPath());
            List<Path> mhls;
            try (Stream<Path> files = Files.list(folder)) {
                mhls = files.filter(p -> GENERATION.matcher(p.getFileName().toString()).matches()).sorted().toList();
            }
            if (mhls.size() > MAX_GENERATIONS) {
                throw Errors.limitExceeded(folder.toString(), -1, "the number of MHL generations", mhls.size(), MAX_GENERATIONS);
            }
            for (Path p : mhls) {
                requireInside(p, realFolder);
                gens.add(readGeneration(p));
            }
            Path chainFile = folder.resolve(CHAIN);
            if (Files.exists(chainFile, LinkOption.NOFOLLOW_LINKS)) {
                requireInside(chainFile, realFolder);
                Document doc = SecureXml.parse(Documents.read(chainFile, SecureXml.MAX_BYTES, "ASC MHL chain"), chainFile.toString());
                NodeList lists = doc.getElementsByTagNameNS("*", "hashlist");
                for (int i = 0; i < lists.getLength(); i++) {
                    Element e = (Element) lists.item(i);
                    chain.put(childText(e, "path"), childText(e, "c4"));
                }
            }
        } catch (IOException e) {
            throw Errors.io(folder.toString(), e);
        }
        return new MhlHistory(root, gens, chain);
    }

    /** The real path of {@code p}, refused when a link takes it outside {@code realParent}. */
    private static Path requireInside(Path p, Path realParent) throws IOException {
        Path real = p.toRealPath();
        if (!real.startsWith(realParent)) {
            throw Errors.linkLeavesFolder(p.toString(), real.toString(), realParent.toString());
        }
        return real;
    }

    static MhlGeneration readGeneration(Path file) {
        String name = file.getFileName().toString();
        Matcher m = GENERATION.matcher(name);
        int seq = m.matches() ? Integer.parseInt(m.group(1)) : 0;
        return MhlParser.read(file, name, seq, SecureXml.MAX_BYTES);
    }

    private static String childText(Element e, String local) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element el && local.equals(el.getLocalName())) {
                return el.getTextContent().strip();
            }
        }
        return null;
    }

    public Path root() {
        return root;
    }

    public List<MhlGeneration> generations() {
        return generations;
    }

    public Map<String, String> chainC4() {
        return chainC4;
    }

    /**
     * The reference hash of each path and algorithm: the first value recorded as original or verified.
     * A value recorded with action "failed" documents a mismatch and is never a reference.
     */
    public Map<String, MhlGeneration.Entry> referenceEntries() {
        Map<String, MhlGeneration.Entry> out = new LinkedHashMap<>();
        for (MhlGeneration g : generations) {
            for (MhlGeneration.Entry e : g.entries()) {
                MhlGeneration.Entry prev = out.get(e.path());
                if (prev == null && e.failed().isEmpty()) {
                    out.put(e.path(), e); // the common case, one record per path: shared, not copied
                    continue;
                }
                Map<HashAlgorithm, String> merged = new EnumMap<>(HashAlgorithm.class);
                List<String> unknown = new ArrayList<>();
                if (prev != null) {
                    merged.putAll(prev.hashes());
                    unknown.addAll(prev.unknownFormats());
                }
                e.hashes().forEach((a, v) -> {
                    if (!e.failed().contains(a)) {
                        merged.putIfAbsent(a, v);
                    }
                });
                e.unknownFormats().stream().filter(u -> !unknown.contains(u)).forEach(unknown::add);
                long size = prev != null && prev.size() >= 0 ? prev.size() : e.size();
                out.put(e.path(), new MhlGeneration.Entry(e.path(), size, Map.copyOf(merged), Set.of(), List.copyOf(unknown)));
            }
        }
        return out;
    }

    /** Paths whose hash some generation recorded with action "failed". */
    public List<String> recordedFailures() {
        List<String> out = new ArrayList<>();
        for (MhlGeneration g : generations) {
            for (MhlGeneration.Entry e : g.entries()) {
                if (!e.failed().isEmpty()) {
                    out.add(g.fileName() + ": " + e.path());
                }
            }
        }
        return out;
    }

    public int nextSequence() {
        int max = 0;
        for (MhlGeneration g : generations) {
            max = Math.max(max, g.sequence());
        }
        return max + 1;
    }
}
