package io.rushes.engine.integrity;

import io.rushes.engine.error.Errors;
import io.rushes.engine.io.Documents;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an ASC MHL generation as a stream (StAX), keeping per {@code <hash>} only what verification needs, so a
 * generation of hundreds of thousands of files costs its entries, not a DOM ten times its size. Hardened like
 * {@code SecureXml}: no DTD, no external entities, a bound on the bytes read, on element depth and on text length.
 */
final class MhlParser {
    static final int MAX_DEPTH = io.rushes.engine.xml.SecureXml.MAX_DEPTH;
    static final int MAX_TEXT = 1 << 16;
    private static final XMLInputFactory FACTORY = factory();

    private MhlParser() {
    }

    private static XMLInputFactory factory() {
        // The JDK's own parser, whatever StAX implementation the host puts on the class path (Hadoop ships Woodstox).
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }

    static MhlGeneration read(Path file, String fileName, int sequence, long maxBytes) {
        String name = file.toString();
        try (InputStream in = new Bounded(Documents.open(file, "ASC MHL"), maxBytes, name)) {
            XMLStreamReader x = FACTORY.createXMLStreamReader(in);
            try {
                return parse(x, name, fileName, sequence);
            } finally {
                x.close();
            }
        } catch (XMLStreamException e) {
            throw Errors.invalidMhl(name, "not well-formed XML" + where(e) + ": " + message(e));
        } catch (IOException e) {
            throw Errors.io(name, e);
        }
    }

    private static MhlGeneration parse(XMLStreamReader x, String name, String fileName, int sequence) throws XMLStreamException {
        Deque<String> open = new ArrayDeque<>();
        List<MhlGeneration.Entry> entries = new ArrayList<>();
        String created = null;
        String process = null;
        while (x.hasNext()) {
            int event = x.next();
            if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw Errors.invalidMhl(name, "it declares a DTD or entities" + where(x) + ", which ASC MHL never uses");
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                open.pop();
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String local = x.getLocalName();
            if (open.isEmpty() && !"hashlist".equals(local)) {
                throw Errors.invalidMhl(name, "the root element is <" + local + ">, not an ASC MHL <hashlist>");
            }
            if ("hash".equals(local) && "hashes".equals(open.peek())) {
                entries.add(hash(x, name, open.size() + 1));
            } else if ("creationdate".equals(local) && created == null) {
                created = text(x, name);
            } else if ("process".equals(local) && process == null) {
                process = text(x, name);
            } else {
                open.push(local);
                if (open.size() > MAX_DEPTH) {
                    throw Errors.documentTooDeep(name, line(x), MAX_DEPTH);
                }
            }
        }
        if (!open.isEmpty()) {
            throw Errors.invalidMhl(name, "it ends inside <" + open.peek() + ">");
        }
        return new MhlGeneration(fileName, sequence, created, process, entries);
    }

    /** One {@code <hash>}: its path and hash format children; the reader is left on its end tag. */
    private static MhlGeneration.Entry hash(XMLStreamReader x, String name, int depth) throws XMLStreamException {
        String path = null;
        long size = -1;
        Map<HashAlgorithm, String> values = new EnumMap<>(HashAlgorithm.class);
        Set<HashAlgorithm> failed = EnumSet.noneOf(HashAlgorithm.class);
        List<String> unknown = List.of();
        while (true) {
            int event = x.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String local = x.getLocalName();
            switch (local) {
                case "path" -> {
                    String s = x.getAttributeValue(null, "size");
                    size = s == null || s.isBlank() ? -1 : size(s, name, x);
                    path = text(x, name);
                }
                case "previousPath", "metadata" -> skip(x, name, depth + 1);
                default -> {
                    String action = x.getAttributeValue(null, "action");
                    String value = text(x, name).toLowerCase(Locale.ROOT);
                    HashAlgorithm a = HashAlgorithm.fromName(local);
                    if (a == null) {
                        unknown = unknown.isEmpty() ? new ArrayList<>() : unknown;
                        unknown.add(local);
                    } else {
                        values.put(a, value);
                        if ("failed".equals(action)) {
                            failed.add(a);
                        }
                    }
                }
            }
        }
        if (path == null) {
            throw Errors.invalidMhl(name, "a <hash> element has no <path>" + where(x));
        }
        return new MhlGeneration.Entry(path, size, Map.copyOf(values), failed.isEmpty() ? Set.of() : Set.copyOf(failed),
                List.copyOf(unknown));
    }

    private static long size(String s, String name, XMLStreamReader x) {
        try {
            long v = Long.parseLong(s.strip());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw Errors.invalidMhl(name, "the size '" + s + "'" + where(x) + " is not a file size");
        }
    }

    private static String text(XMLStreamReader x, String name) throws XMLStreamException {
        String t = x.getElementText();
        if (t.length() > MAX_TEXT) {
            throw Errors.invalidMhl(name, "an element's text is longer than " + MAX_TEXT + " characters" + where(x));
        }
        return t.strip();
    }

    /** Skips an element Rushes does not need, with the same depth bound. */
    private static void skip(XMLStreamReader x, String name, int depth) throws XMLStreamException {
        int level = 1;
        while (level > 0) {
            int event = x.next();
            if (event == XMLStreamConstants.START_ELEMENT && ++level + depth > MAX_DEPTH) {
                throw Errors.documentTooDeep(name, line(x), MAX_DEPTH);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                level--;
            }
        }
    }

    private static int line(XMLStreamReader x) {
        return x.getLocation() == null ? -1 : x.getLocation().getLineNumber();
    }

    private static String where(XMLStreamReader x) {
        return x.getLocation() == null ? "" : " (line " + x.getLocation().getLineNumber() + ")";
    }

    private static String where(XMLStreamException e) {
        return e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber();
    }

    /** The parser's own sentence, without the location prefix it repeats. */
    private static String message(XMLStreamException e) {
        String m = String.valueOf(e.getMessage());
        int i = m.indexOf("Message: ");
        return i >= 0 ? m.substring(i + "Message: ".length()).strip() : m.strip();
    }

    /** Refuses to read past a bound, so a huge generation is stopped while it streams. */
    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private final String name;
        private long count;

        Bounded(InputStream in, long limit, String name) {
            super(in);
            this.limit = limit;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            count += n;
            if (count > limit) {
                throw Errors.documentTooLarge(name, "ASC MHL", limit);
            }
        }
    }
}
