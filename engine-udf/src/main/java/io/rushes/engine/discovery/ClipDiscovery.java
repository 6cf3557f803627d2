package io.rushes.engine.discovery;

import io.rushes.engine.error.Errors;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groups a flat file listing into clips. Names decide grouping only (content decides the format later):
 * files {@code <base><sep><digits>.<ext>} in one folder form a frame sequence, movie containers are one
 * clip each, RED segments ({@code _001.R3D}, {@code _002.R3D}) one spanned clip, and sidecars
 * (MHL, XML, ALE, WAV, …) are listed apart and never become clips.
 */
public final class ClipDiscovery {
    /** Missing frame numbers listed per clip; the count is always exact. */
    public static final int MAX_LISTED_GAPS = 10_000;

    private static final Pattern NUMBERED = Pattern.compile("^(.*?)([._\\-]?)(\\d+)\\.([A-Za-z0-9]+)$");
    private static final Set<String> SIDECARS = Set.of("mhl", "xml", "ale", "wav", "bwf", "txt", "md5", "sha1",
            "xxh64", "edl", "fdl", "amf", "cdl", "cc", "ccc", "cube", "clf", "csv", "json", "pdf", "log", "rmd",
            "rtf", "aaf", "otio", "srt", "lut", "bin", "ini", "cfg", "sha256", "plist", "thm", "lrv", "rpu");
    private static final Set<String> MOVIES = Set.of("mov", "mp4", "m4v", "mxf", "mts", "m2ts", "avi", "mkv",
            "braw", "crm", "mrf", "insv", "360");
    private static final Pattern RED_SEGMENT = Pattern.compile("^(.*)_(\\d{3})\\.[rR]3[dD]$");

    private ClipDiscovery() {
    }

    /**
     * The listing rules, the same for every storage (local here, Hadoop/S3 in the jobs): hidden folders and the
     * {@code ascmhl/} histories are not entered.
     */
    public static boolean skipsFolder(String name) {
        return name.startsWith(".") || name.equals("ascmhl");
    }

    /** Hidden files (macOS {@code ._} forks, {@code .DS_Store}, partial copies) are never clips. */
    public static boolean skipsFile(String name) {
        return name.startsWith(".");
    }

    /** Lists every regular file under each path (a file, a folder, a whole card) by {@link #skipsFolder} and {@link #skipsFile}. */
    public static List<FileEntry> listLocal(List<Path> roots) {
        List<FileEntry> out = new ArrayList<>();
        for (Path root : roots) {
            Path abs = root.toAbsolutePath().normalize();
            if (Files.isRegularFile(abs)) {
                out.add(entry(abs, abs.getFileName().toString()));
                continue;
            }
            if (!Files.isDirectory(abs)) {
                throw Files.exists(abs) ? Errors.notARegularFile(abs.toString(), "camera")
                        : Errors.notFound(abs.toString(), "no such file or folder", "Check the path");
            }
            try {
                Files.walkFileTree(abs, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        return !dir.equals(abs) && skipsFolder(dir.getFileName().toString())
                                ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && !skipsFile(file.getFileName().toString())) {
                            out.add(new FileEntry(file.toString(), abs.relativize(file).toString().replace('\\', '/'),
                                    attrs.size(), attrs.lastModifiedTime().toMillis()));
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw Errors.io(abs.toString(), e);
            }
        }
        return out;
    }

    private static FileEntry entry(Path file, String relative) {
        try {
            return new FileEntry(file.toString(), relative, Files.size(file), Files.getLastModifiedTime(file).toMillis());
        } catch (IOException e) {
            throw Errors.io(file.toString(), e);
        }
    }

    private record SequenceKey(String directory, String base, String separator, String extension) {
    }

    public static Discovery group(List<FileEntry> files) {
        List<FileEntry> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(FileEntry::relativePath));
        Map<SequenceKey, TreeMap<Long, FileEntry>> sequences = new LinkedHashMap<>();
        Map<String, List<FileEntry>> redClips = new LinkedHashMap<>();
        List<Clip> clips = new ArrayList<>();
        List<FileEntry> sidecars = new ArrayList<>();
        List<FileEntry> ignored = new ArrayList<>();
        List<FileEntry> singles = new ArrayList<>();

        for (FileEntry f : sorted) {
            String name = f.fileName();
            String ext = extension(name);
            if (SIDECARS.contains(ext)) {
                sidecars.add(f);
                continue;
            }
            if (ext.isEmpty() && f.size() == 0) {
                ignored.add(f);
                continue;
            }
            Matcher red = RED_SEGMENT.matcher(name);
            if (red.matches()) {
                redClips.computeIfAbsent(f.directory() + "/" + red.group(1), k -> new ArrayList<>()).add(f);
                continue;
            }
            Matcher m = NUMBERED.matcher(name);
            if (!MOVIES.contains(ext) && m.matches() && m.group(3).length() <= 9) {
                SequenceKey key = new SequenceKey(f.directory(), m.group(1), m.group(2), m.group(4));
                TreeMap<Long, FileEntry> seq = sequences.computeIfAbsent(key, k -> new TreeMap<>());
                if (seq.putIfAbsent(Long.parseLong(m.group(3)), f) != null) {
                    singles.add(f); // same frame number twice (name_01.dng and name_001.dng): keep both
                }
                continue;
            }
            singles.add(f);
        }

        for (Map.Entry<SequenceKey, TreeMap<Long, FileEntry>> e : sequences.entrySet()) {
            TreeMap<Long, FileEntry> seq = e.getValue();
            if (seq.size() == 1) {
                singles.add(seq.firstEntry().getValue());
                continue;
            }
            SequenceKey k = e.getKey();
            List<Long> frames = new ArrayList<>(seq.keySet());
            List<Long> missing = new ArrayList<>();
            long missingCount = 0;
            long previous = frames.get(0);
            for (int i = 1; i < frames.size(); i++) {
                long f = frames.get(i);
                for (long g = previous + 1; g < f; g++) {
                    if (missing.size() < MAX_LISTED_GAPS) {
                        missing.add(g);
                    } else {
                        break;
                    }
                }
                missingCount += f - previous - 1;
                previous = f;
            }
            String name = k.base().isEmpty() ? k.extension() : k.base();
            clips.add(new Clip(name, Clip.Kind.SEQUENCE, k.directory(), List.copyOf(seq.values()), List.copyOf(frames),
                    List.copyOf(missing), missingCount));
        }
        for (Map.Entry<String, List<FileEntry>> e : redClips.entrySet()) {
            List<FileEntry> segs = e.getValue();
            String dir = segs.get(0).directory();
            String base = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
            clips.add(new Clip(base, segs.size() > 1 ? Clip.Kind.SPANNED : Clip.Kind.MOVIE, dir, List.copyOf(segs),
                    List.of(), List.of(), 0));
        }
        for (FileEntry f : singles) {
            String ext = extension(f.fileName());
            Clip.Kind kind = MOVIES.contains(ext) ? Clip.Kind.MOVIE : Clip.Kind.SINGLE;
            clips.add(new Clip(stripExtension(f.fileName()), kind, f.directory(), List.of(f), List.of(), List.of(), 0));
        }
        clips.sort(Comparator.comparing((Clip c) -> c.directory()).thenComparing(Clip::name));
        return new Discovery(List.copyOf(clips), List.copyOf(sidecars), List.copyOf(ignored));
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }
}
