package io.rushes.engine.integrity;

import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.Errors;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.io.Documents;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies a folder against every ASC MHL history in it: each file recorded is re-hashed with the
 * algorithms on record and compared with its reference hash; missing files, files no history covers, a
 * generation whose C4 id differs from the chain file, and failures recorded by earlier generations are
 * all reported. A history that cannot be read is reported and its folder left unverified; the others are
 * verified all the same.
 */
public final class MhlVerifier {
    private MhlVerifier() {
    }

    private record Loaded(Path root, String prefix, MhlHistory history, Map<String, MhlGeneration.Entry> references) {
    }

    public static MhlReport verify(Path root) {
        return verify(root, MhlProgress.NONE);
    }

    public static MhlReport verify(Path root, MhlProgress progress) {
        Path abs = CardFiles.realRoot(root);
        CardFiles.Listing card = CardFiles.walk(abs);
        Set<Path> onCard = new HashSet<>(card.files());
        List<MhlReport.Issue> issues = new ArrayList<>();
        if (card.historyRoots().isEmpty()) {
            issues.add(new MhlReport.Issue(MhlReport.Kind.NO_HISTORY, abs.toString(), "no ascmhl/ folder found"));
        }
        // Every history is read before hashing starts, so progress knows the whole; one that fails stops only its folder.
        List<Loaded> histories = new ArrayList<>();
        List<Path> unreadable = new ArrayList<>();
        long totalFiles = 0;
        long totalBytes = 0;
        for (Path hr : card.historyRoots()) {
            String prefix = CardFiles.relative(abs, hr);
            prefix = prefix.isEmpty() ? "" : prefix + "/";
            try {
                MhlHistory history = MhlHistory.read(hr);
                Loaded loaded = new Loaded(hr, prefix, history, history.referenceEntries());
                histories.add(loaded);
                totalFiles += loaded.references().size();
                for (MhlGeneration.Entry e : loaded.references().values()) {
                    totalBytes += Math.max(0, e.size());
                }
            } catch (RushesException e) {
                if (e.code() == ErrorCode.INTERNAL) {
                    throw e;
                }
                unreadable.add(hr);
                issues.add(new MhlReport.Issue(MhlReport.Kind.UNREADABLE_HISTORY, prefix + MhlHistory.FOLDER + "/",
                        e.during("verify").getMessage() + "; the files of " + (prefix.isEmpty() ? "this folder" : prefix) + " are not verified"));
            }
        }
        int verified = 0;
        long filesDone = 0;
        long bytesDone = 0;
        Set<Path> covered = new HashSet<>();
        for (Loaded h : histories) {
            for (MhlGeneration.Entry ref : h.references().values()) {
                String rel = h.prefix() + ref.path();
                progress.hashing(filesDone, totalFiles, bytesDone, totalBytes, rel);
                filesDone++;
                Path file = h.root().resolve(ref.path()).normalize();
                if (!file.startsWith(h.root())) {
                    issues.add(new MhlReport.Issue(MhlReport.Kind.MISMATCH, rel, "path escapes the history's folder"));
                    continue;
                }
                covered.add(file);
                if (!onCard.contains(file)) {
                    MhlReport.Issue refused = CardFiles.refusal(file, abs, rel);
                    if (refused != null) {
                        issues.add(refused);
                        continue;
                    }
                }
                if (ref.hashes().isEmpty()) {
                    issues.add(new MhlReport.Issue(MhlReport.Kind.UNVERIFIABLE, rel, ref.unknownFormats().isEmpty()
                            ? "recorded with no hash: nothing to verify it against"
                            : "recorded only with " + String.join(", ", ref.unknownFormats()) + ", which Rushes cannot compute: "
                                    + "verify it with a tool that can, or seal a verified copy with a hash Rushes knows"));
                    continue;
                }
                try {
                    long size = Files.size(file);
                    bytesDone += size;
                    if (ref.size() >= 0 && size != ref.size()) {
                        issues.add(new MhlReport.Issue(MhlReport.Kind.SIZE_MISMATCH, rel, "size " + size + ", recorded " + ref.size()));
                    }
                    Set<HashAlgorithm> algorithms = EnumSet.copyOf(ref.hashes().keySet());
                    Map<HashAlgorithm, String> actual;
                    try (InputStream in = Files.newInputStream(file)) {
                        actual = FileHasher.hash(in, algorithms);
                    }
                    boolean ok = true;
                    for (HashAlgorithm a : algorithms) {
                        if (!ref.hashes().get(a).equals(actual.get(a))) {
                            ok = false;
                            issues.add(new MhlReport.Issue(MhlReport.Kind.MISMATCH, rel,
                                    a.mhlName() + " is " + actual.get(a) + ", recorded " + ref.hashes().get(a)));
                        }
                    }
                    if (ok) {
                        verified++;
                    }
                } catch (IOException e) {
                    throw Errors.io(file.toString(), e);
                }
            }
            for (String failure : h.history().recordedFailures()) {
                issues.add(new MhlReport.Issue(MhlReport.Kind.RECORDED_FAILURE, h.prefix() + failure,
                        "an earlier generation recorded a failed verification"));
            }
            checkChain(h, issues);
        }
        for (Path f : card.files()) {
            if (!covered.contains(f) && unreadable.stream().noneMatch(f::startsWith)) {
                issues.add(new MhlReport.Issue(MhlReport.Kind.EXTRA, CardFiles.relative(abs, f), "on disk but in no MHL generation"));
            }
        }
        card.refused().forEach((path, issue) -> {
            if (!covered.contains(path)) {
                issues.add(issue);
            }
        });
        return new MhlReport(abs.toString(), verified, List.copyOf(issues));
    }

    private static void checkChain(Loaded h, List<MhlReport.Issue> issues) {
        for (MhlGeneration g : h.history().generations()) {
            String sealed = h.history().chainC4().get(g.fileName());
            Path genFile = h.root().resolve(MhlHistory.FOLDER).resolve(g.fileName());
            try (InputStream in = Documents.open(genFile, "ASC MHL")) {
                String c4 = FileHasher.hash(in, EnumSet.of(HashAlgorithm.C4)).get(HashAlgorithm.C4);
                if (sealed == null || !sealed.equals(c4)) {
                    issues.add(new MhlReport.Issue(MhlReport.Kind.CHAIN_MISMATCH, h.prefix() + MhlHistory.FOLDER + "/" + g.fileName(),
                            sealed == null ? "not listed in " + MhlHistory.CHAIN : "C4 is " + c4 + ", chain says " + sealed));
                }
            } catch (IOException e) {
                throw Errors.io(genFile.toString(), e);
            }
        }
    }
}
