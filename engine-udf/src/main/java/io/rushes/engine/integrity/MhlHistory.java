package io.rushes.engine.integrity;

import io.rushes.engine.error.Errors;
import io.rushes.engine.io.Documents;
import io.rushes.engine.xml.SecureXml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    public static MhlHistory read(Path root) {
        Path folder = root.resolve(FOLDER);
        List<MhlGeneration> gens = new ArrayList<>();
        Map<String, String> chain = new LinkedHashMap<>();
        if (!Files.isDirectory(folder)) {
            return new MhlHistory(root, gens, chain);
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> mhls = files.filter(p -> GENERATION.matcher(p.getFileName().toString()).matches()).sorted().toList();
            if (mhls.size() > MAX_GENERATIONS) {
                throw Errors.limitExceeded(folder.toString(), -1, "the number of MHL generations", mhls.size(), MAX_GENERATIONS);
            }
            for (Path p : mhls) {
                gens.add(readGeneration(p));
            }
            Path chainFile = folder.resolve(CHAIN);
            if (Files.isRegularFile(chainFile)) {
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

    static MhlGeneration readGeneration(Path file) throws IOException {
        String name = file.getFileName().toString();
        Matcher m = GENERATION.matcher(name);
        int seq = m.matches() ? Integer.parseInt(m.group(1)) : 0;
        Document doc = SecureXml.parse(Documents.read(file, SecureXml.MAX_BYTES, "ASC MHL"), file.toString());
        Element root = doc.getDocumentElement();
        if (!"hashlist".equals(root.getLocalName())) {
            throw Errors.corrupt(file.toString(), -1, "the root element is <" + root.getLocalName() + ">, not an ASC MHL <hashlist>");
        }
        String created = firstText(root, "creationdate");
        String process = firstText(root, "process");
        List<MhlGeneration.Entry> entries = new ArrayList<>();
        NodeList hashes = root.getElementsByTagNameNS("*", "hash");
        for (int i = 0; i < hashes.getLength(); i++) {
            Element h = (Element) hashes.item(i);
            Element path = null;
            Map<HashAlgorithm, String> values = new EnumMap<>(HashAlgorithm.class);
            Map<HashAlgorithm, String> actions = new EnumMap<>(HashAlgorithm.class);
            for (Node c = h.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (!(c instanceof Element el)) {
                    continue;
                }
                if ("path".equals(el.getLocalName())) {
                    path = el;
                    continue;
                }
                HashAlgorithm a = HashAlgorithm.fromName(el.getLocalName());
                if (a != null) {
                    values.put(a, el.getTextContent().strip().toLowerCase(java.util.Locale.ROOT));
                    actions.put(a, el.getAttribute("action"));
                }
            }
            if (path == null) {
                throw Errors.corrupt(file.toString(), -1, "a <hash> element has no <path>");
            }
            String size = path.getAttribute("size");
            entries.add(new MhlGeneration.Entry(path.getTextContent().strip(), size.isEmpty() ? -1 : parseSize(size, file),
                    path.getAttribute("lastmodificationdate"), values, actions));
        }
        return new MhlGeneration(name, seq, created, process, entries);
    }

    private static long parseSize(String s, Path file) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw Errors.corrupt(file.toString(), -1, "the size '" + s + "' is not a number");
        }
    }

    private static String firstText(Element root, String local) {
        NodeList l = root.getElementsByTagNameNS("*", local);
        return l.getLength() == 0 ? null : l.item(0).getTextContent().strip();
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
                Map<HashAlgorithm, String> merged = new EnumMap<>(HashAlgorithm.class);
                if (prev != null) {
                    merged.putAll(prev.hashes());
                }
                e.hashes().forEach((a, v) -> {
                    if (!"failed".equals(e.actions().get(a))) {
                        merged.putIfAbsent(a, v);
                    }
                });
                long size = prev != null && prev.size() >= 0 ? prev.size() : e.size();
                out.put(e.path(), new MhlGeneration.Entry(e.path(), size, e.lastModified(), merged, Map.of()));
            }
        }
        return out;
    }

    /** Paths whose hash some generation recorded with action "failed". */
    public List<String> recordedFailures() {
        List<String> out = new ArrayList<>();
        for (MhlGeneration g : generations) {
            for (MhlGeneration.Entry e : g.entries()) {
                if (e.actions().containsValue("failed")) {
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
