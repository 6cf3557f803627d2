package io.rushes.engine.integrity;

import io.rushes.engine.error.Errors;
import io.rushes.engine.io.Documents;
import io.rushes.engine.xml.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a new ASC MHL v2 generation for a folder: every file under it is hashed; a path already in the
 * history is verified against its reference hash (action {@code verified} or {@code failed}), a new path
 * is recorded as {@code original}. The generation and the updated chain file are written aside and then
 * moved into place, so an interrupted run leaves the history as it was.
 */
public final class MhlWriter {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HHmmss'Z'").withZone(ZoneOffset.UTC);

    /**
     * Result of sealing a folder: the generation written, how many files it lists, how many failed verification, and
     * what could not be sealed (files the history lists that are gone, links leading out of the folder, pipes and
     * devices), each with its reason. The generation lists only what is there, as ASC MHL has no action for a file
     * that is gone and the {@code ascmhl} tool does: it writes the generation, then names the missing files and fails.
     */
    public record Sealed(Path generation, int files, int failed, List<MhlReport.Issue> issues) {
        public boolean complete() {
            return failed == 0 && issues.isEmpty();
        }
    }

    private MhlWriter() {
    }

    public static Sealed seal(Path root, HashAlgorithm algorithm, Instant now, String tool, String toolVersion, String hostname) {
        return seal(root, algorithm, now, tool, toolVersion, hostname, MhlProgress.NONE);
    }

    public static Sealed seal(Path root, HashAlgorithm algorithm, Instant now, String tool, String toolVersion, String hostname,
                              MhlProgress progress) {
        Path abs = CardFiles.realRoot(root);
        MhlHistory history = MhlHistory.read(abs);
        Map<String, MhlGeneration.Entry> refs = history.referenceEntries();
        int sequence = history.nextSequence();
        String date = ISO.format(now);
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<hashlist version=\"2.0\" xmlns=\"urn:ASC:MHL:v2.0\">\n");
        x.append("  <creatorinfo>\n");
        x.append("    <creationdate>").append(date).append("</creationdate>\n");
        x.append("    <hostname>").append(esc(hostname)).append("</hostname>\n");
        x.append("    <tool version=\"").append(esc(toolVersion)).append("\">").append(esc(tool)).append("</tool>\n");
        x.append("  </creatorinfo>\n");
        x.append("  <processinfo>\n");
        x.append("    <process>in-place</process>\n");
        x.append("    <ignore>\n      <pattern>.DS_Store</pattern>\n      <pattern>ascmhl</pattern>\n      <pattern>ascmhl/</pattern>\n    </ignore>\n");
        x.append("  </processinfo>\n");
        CardFiles.Listing card = CardFiles.list(abs);
        List<Path> files = card.files();
        List<MhlReport.Issue> issues = new ArrayList<>(card.refused().values());
        long totalBytes = 0;
        for (Path f : files) {
            totalBytes += sizeOf(f);
        }
        long bytesDone = 0;
        Set<String> sealed = new HashSet<>();
        int failed = 0;
        if (!files.isEmpty()) {
            x.append("  <hashes>\n");
        }
        for (Path f : files) {
            String rel = CardFiles.relative(abs, f);
            progress.hashing(sealed.size(), files.size(), bytesDone, totalBytes, rel);
            sealed.add(rel);
            String value;
            long size;
            String modified;
            try (InputStream in = Files.newInputStream(f)) {
                size = Files.size(f);
                value = FileHasher.hash(in, EnumSet.of(algorithm), size).get(algorithm);
                modified = ISO.format(Files.getLastModifiedTime(f).toInstant());
                bytesDone += size;
            } catch (IOException e) {
                throw Errors.io(f.toString(), e);
            }
            MhlGeneration.Entry ref = refs.get(rel);
            String reference = ref == null ? null : ref.hashes().get(algorithm);
            String action = reference == null ? "original" : reference.equals(value) ? "verified" : "failed";
            if (action.equals("failed")) {
                failed++;
            }
            x.append("    <hash>\n");
            x.append("      <path size=\"").append(size).append("\" lastmodificationdate=\"").append(modified).append("\">")
                    .append(esc(rel)).append("</path>\n");
            x.append("      <").append(algorithm.mhlName()).append(" action=\"").append(action).append("\" hashdate=\"")
                    .append(date).append("\">").append(value).append("</").append(algorithm.mhlName()).append(">\n");
            x.append("    </hash>\n");
        }
        if (!files.isEmpty()) {
            x.append("  </hashes>\n");
        }
        x.append("</hashlist>\n");
        for (String recorded : refs.keySet()) {
            Path path = abs.resolve(recorded).normalize();
            if (!sealed.contains(recorded) && !card.refused().containsKey(path) && path.startsWith(abs)) {
                MhlReport.Issue gone = CardFiles.refusal(path, abs, recorded);
                if (gone != null) {
                    issues.add(gone);
                }
            }
        }

        String folderName = abs.getFileName() == null ? "root" : abs.getFileName().toString();
        String fileName = String.format(java.util.Locale.ROOT, "%04d_%s_%s.mhl", sequence, folderName, NAME.format(now));
        Path folder = abs.resolve(MhlHistory.FOLDER);
        try {
            Files.createDirectories(folder);
            byte[] generation = x.toString().getBytes(StandardCharsets.UTF_8);
            if (generation.length > SecureXml.MAX_BYTES) {
                // A generation the readers refuse (verify, the next seal) must not be written: say so before it is.
                throw Errors.outputTooLarge(folder.resolve(fileName).toString(), "the new ASC MHL generation in bytes", generation.length,
                        SecureXml.MAX_BYTES, "Seal the card's reels (sub-folders) one by one: each keeps a history of its own");
            }
            Path target = folder.resolve(fileName);
            writeAtomically(target, generation);
            StringBuilder chain = new StringBuilder();
            chain.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            chain.append("<ascmhldirectory xmlns=\"urn:ASC:MHL:DIRECTORY:v2.0\">\n");
            for (MhlGeneration g : history.generations()) {
                String c4 = history.chainC4().get(g.fileName());
                if (c4 == null) { // only generations the chain does not seal yet are read and hashed (not every one, every time)
                    c4 = FileHasher.hash(Documents.read(folder.resolve(g.fileName()), SecureXml.MAX_BYTES, "ASC MHL"), HashAlgorithm.C4);
                }
                appendChainEntry(chain, g.sequence(), g.fileName(), c4);
            }
            appendChainEntry(chain, sequence, fileName, FileHasher.hash(generation, HashAlgorithm.C4));
            chain.append("</ascmhldirectory>\n");
            writeAtomically(folder.resolve(MhlHistory.CHAIN), chain.toString().getBytes(StandardCharsets.UTF_8));
            return new Sealed(target, files.size(), failed, List.copyOf(issues));
        } catch (IOException e) {
            throw Errors.io(folder.toString(), e);
        }
    }

    private static long sizeOf(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw Errors.io(f.toString(), e);
        }
    }

    private static void appendChainEntry(StringBuilder chain, int seq, String name, String c4) {
        chain.append("  <hashlist sequencenr=\"").append(seq).append("\">\n");
        chain.append("    <path>").append(esc(name)).append("</path>\n");
        chain.append("    <c4>").append(c4).append("</c4>\n");
        chain.append("  </hashlist>\n");
    }

    static void writeAtomically(Path target, byte[] data) throws IOException {
        new io.rushes.engine.io.FileByteSink(target).write(out -> out.write(data));
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
