package io.rushes.engine.integrity;

import io.rushes.engine.error.Errors;
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
import java.util.stream.Stream;

/**
 * Verifies a folder against every ASC MHL history in it: each file recorded is re-hashed with the
 * algorithms on record and compared with its reference hash; missing files, files no history covers, a
 * generation whose C4 id differs from the chain file, and failures recorded by earlier generations are
 * all reported.
 */
public final class MhlVerifier {
    private MhlVerifier() {
    }

    public static MhlReport verify(Path root) {
        Path abs = root.toAbsolutePath().normalize();
        List<Path> historyRoots = historyRoots(abs);
        List<MhlReport.Issue> issues = new ArrayList<>();
        int verified = 0;
        Set<Path> covered = new HashSet<>();
        if (historyRoots.isEmpty()) {
            issues.add(new MhlReport.Issue(MhlReport.Kind.NO_HISTORY, abs.toString(), "no ascmhl/ folder found"));
        }
        for (Path hr : historyRoots) {
            MhlHistory history = MhlHistory.read(hr);
            String prefix = abs.relativize(hr).toString().replace('\\', '/');
            prefix = prefix.isEmpty() ? "" : prefix + "/";
            for (MhlGeneration.Entry ref : history.referenceEntries().values()) {
                Path file = hr.resolve(ref.path()).normalize();
                if (!file.startsWith(hr)) {
                    issues.add(new MhlReport.Issue(MhlReport.Kind.MISMATCH, prefix + ref.path(), "path escapes the history's folder"));
                    continue;
                }
                covered.add(file);
                if (!Files.isRegularFile(file)) {
                    issues.add(new MhlReport.Issue(MhlReport.Kind.MISSING, prefix + ref.path(), "recorded in the MHL history but not on disk"));
                    continue;
                }
                try {
                    long size = Files.size(file);
                    if (ref.size() >= 0 && size != ref.size()) {
                        issues.add(new MhlReport.Issue(MhlReport.Kind.SIZE_MISMATCH, prefix + ref.path(),
                                "size " + size + ", recorded " + ref.size()));
                    }
                    Set<HashAlgorithm> algorithms = ref.hashes().isEmpty() ? EnumSet.noneOf(HashAlgorithm.class) : EnumSet.copyOf(ref.hashes().keySet());
                    Map<HashAlgorithm, String> actual;
                    try (InputStream in = Files.newInputStream(file)) {
                        actual = FileHasher.hash(in, algorithms);
                    }
                    boolean ok = true;
                    for (HashAlgorithm a : algorithms) {
                        if (!ref.hashes().get(a).equals(actual.get(a))) {
                            ok = false;
                            issues.add(new MhlReport.Issue(MhlReport.Kind.MISMATCH, prefix + ref.path(),
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
            for (String failure : history.recordedFailures()) {
                issues.add(new MhlReport.Issue(MhlReport.Kind.RECORDED_FAILURE, prefix + failure, "an earlier generation recorded a failed verification"));
            }
            for (MhlGeneration g : history.generations()) {
                String sealed = history.chainC4().get(g.fileName());
                Path genFile = hr.resolve(MhlHistory.FOLDER).resolve(g.fileName());
                try (InputStream in = Files.newInputStream(genFile)) {
                    String c4 = FileHasher.hash(in, EnumSet.of(HashAlgorithm.C4)).get(HashAlgorithm.C4);
                    if (sealed == null || !sealed.equals(c4)) {
                        issues.add(new MhlReport.Issue(MhlReport.Kind.CHAIN_MISMATCH, prefix + MhlHistory.FOLDER + "/" + g.fileName(),
                                sealed == null ? "not listed in " + MhlHistory.CHAIN : "C4 is " + c4 + ", chain says " + sealed));
                    }
                } catch (IOException e) {
                    throw Errors.io(genFile.toString(), e);
                }
            }
        }
        for (Path f : listFiles(abs)) {
            if (!covered.contains(f)) {
                issues.add(new MhlReport.Issue(MhlReport.Kind.EXTRA, abs.relativize(f).toString().replace('\\', '/'),
                        "on disk but in no MHL generation"));
            }
        }
        return new MhlReport(abs.toString(), verified, List.copyOf(issues));
    }

    static List<Path> historyRoots(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> Files.isDirectory(p) && p.getFileName() != null
                            && p.getFileName().toString().equals(MhlHistory.FOLDER))
                    .map(Path::getParent).sorted().toList();
        } catch (IOException e) {
            throw Errors.io(root.toString(), e);
        }
    }

    static List<Path> listFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> root.relativize(p).toString().replace('\\', '/').split("/").length > 0)
                    .filter(p -> !inAscmhl(root, p) && !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw Errors.io(root.toString(), e);
        }
    }

    private static boolean inAscmhl(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            if (part.toString().equals(MhlHistory.FOLDER)) {
                return true;
            }
        }
        return false;
    }
}
