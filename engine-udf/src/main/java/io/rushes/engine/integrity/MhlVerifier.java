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
import java.util.Comparator;
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
    private static final CardFiles.Visitor IGNORE = new CardFiles.Visitor() {
        @Override
        public void file(Path file) {
        }

        @Override
        public void refused(Path path, MhlReport.Issue issue) {
        }
    };

    private MhlVerifier() {
    }

    private record Loaded(Path root, String prefix, MhlHistory history, Map<String, MhlGeneration.Entry> references) {
    }

    public static MhlReport verify(Path root) {
        return verify(root, MhlProgress.NONE);
    }

    public static MhlReport verify(Path root, MhlProgress progress) {
        Path abs = CardFiles.realRoot(root);
        // No listing of the card is kept (a card of hundreds of thousands of files would need it in memory): the
        // histories are found first, recorded files checked one by one, and a second walk finds what no history lists.
        List<Path> historyRoots = CardFiles.walk(abs, IGNORE);
        List<MhlReport.Issue> issues = new ArrayList<>();
        if (historyRoots.isEmpty()) {
            issues.add(new MhlReport.Issue(MhlReport.Kind.NO_HISTORY, abs.toString(), "no ascmhl/ folder found"));
        }
        // Every history is read before hashing starts, so progress knows the whole; one that fails stops only its folder.
        List<Loaded> histories = new ArrayList<>();
        List<Path> unreadable = new ArrayList<>();
        long totalFiles = 0;
        long totalBytes = 0;
        for (Path hr : historyRoots) {
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
        CardFiles.Checker checker = new CardFiles.Checker(abs);
        for (Loaded h : histories) {
            for (MhlGeneration.Entry ref : h.references().values()) {
                String rel = h.prefix() + ref.path();
                progress.hashing(filesDone, totalFiles, bytesDone, totalBytes, rel);
                filesDone++;
                Path file = h.root().resolve(ref.path()).normalize();
                if (!file.startsWith(h.root())) {
                    issues.add(new MhlReport.Issue(MhlReport.Kind.OUTSIDE_FOLDER, rel, "the history records a path outside its own folder: "
                            + "it is not verified (a history only vouches for what is below it)"));
                    continue;
                }
                MhlReport.Issue refused = checker.refusal(file, rel);
                if (refused != null) {
                    issues.add(refused);
                    continue;
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
                    if (ref.size() >= 0 && size != ref.size()) {
                        issues.add(new MhlReport.Issue(MhlReport.Kind.SIZE_MISMATCH, rel, "size " + size + ", recorded " + ref.size()));
                    }
                    Set<HashAlgorithm> algorithms = EnumSet.copyOf(ref.hashes().keySet());
                    Map<HashAlgorithm, String> actual;
                    try (InputStream in = Files.newInputStream(file)) {
                        actual = FileHasher.hash(in, algorithms, size);
                    }
                    bytesDone += size;
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
                    // A damaged card is when verification matters most: this file fails, the rest is still verified.
                    issues.add(new MhlReport.Issue(MhlReport.Kind.UNREADABLE, rel, "cannot be read (" + e.getMessage()
                            + "): copy it again from the camera card, or check the storage"));
                }
            }
            for (String failure : h.history().recordedFailures()) {
                issues.add(new MhlReport.Issue(MhlReport.Kind.RECORDED_FAILURE, h.prefix() + failure,
                        "an earlier generation recorded a failed verification"));
            }
            checkChain(h, issues);
        }
        List<MhlReport.Issue> unlisted = new ArrayList<>();
        CardFiles.walk(abs, new CardFiles.Visitor() {
            @Override
            public void file(Path file) {
                if (!recorded(histories, file) && unreadable.stream().noneMatch(file::startsWith)) {
                    unlisted.add(new MhlReport.Issue(MhlReport.Kind.EXTRA, CardFiles.relative(abs, file), "on disk but in no MHL generation"));
                }
            }

            @Override
            public void refused(Path path, MhlReport.Issue issue) {
                if (!recorded(histories, path)) { // else reported with the history's entry
                    unlisted.add(issue);
                }
            }
        });
        unlisted.sort(Comparator.comparing(MhlReport.Issue::path));
        issues.addAll(unlisted);
        return new MhlReport(abs.toString(), verified, List.copyOf(issues));
    }

    private static boolean recorded(List<Loaded> histories, Path file) {
        for (Loaded h : histories) {
            if (file.startsWith(h.root()) && h.references().containsKey(CardFiles.relative(h.root(), file))) {
                return true;
            }
        }
        return false;
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
