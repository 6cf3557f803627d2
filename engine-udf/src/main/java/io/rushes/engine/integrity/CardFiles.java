package io.rushes.engine.integrity;

import io.rushes.engine.error.Errors;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of a folder as ASC MHL sees it: regular files outside {@code ascmhl/} folders and not hidden. Like the
 * {@code ascmhl} reference tool, a link to a file is followed and a linked folder is not descended (what it holds is
 * listed where it really is). Unlike it, a link whose real path leaves the folder is refused, and so are named pipes
 * and devices, each with its reason, so they are neither hashed nor able to hang a run.
 */
final class CardFiles {

    /** Files to hash (as named under the root), paths refused with their issue, and the folders holding an {@code ascmhl/}. */
    record Listing(List<Path> files, Map<Path, MhlReport.Issue> refused, List<Path> historyRoots) {
    }

    private CardFiles() {
    }

    /** The folder's real path: everything below it is judged against it. */
    static Path realRoot(Path root) {
        try {
            return root.toAbsolutePath().normalize().toRealPath();
        } catch (IOException e) {
            throw Errors.io(root.toString(), e);
        }
    }

    /** Told of each file of the folder to hash and of each path refused, in walk order. */
    interface Visitor {
        void file(Path file);

        void refused(Path path, MhlReport.Issue issue);
    }

    /** The whole listing, sorted: for sealing, which writes every file anyway. */
    static Listing list(Path root) {
        List<Path> files = new ArrayList<>();
        Map<Path, MhlReport.Issue> refused = new LinkedHashMap<>();
        List<Path> historyRoots = walk(root, new Visitor() {
            @Override
            public void file(Path file) {
                files.add(file);
            }

            @Override
            public void refused(Path path, MhlReport.Issue issue) {
                refused.put(path, issue);
            }
        });
        files.sort(null);
        return new Listing(files, refused, historyRoots);
    }

    /** Walks the folder, telling {@code visitor} what it finds; returns the folders that hold an {@code ascmhl/}, sorted. */
    static List<Path> walk(Path root, Visitor visitor) {
        List<Path> historyRoots = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root) && isHistoryFolder(dir)) {
                        historyRoots.add(dir.getParent());
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (isHistoryFolder(file) && attrs.isSymbolicLink() && Files.isDirectory(file)) {
                        historyRoots.add(file.getParent()); // a linked ascmhl/: MhlHistory refuses it if it leads outside
                    } else if (file.getFileName().toString().startsWith(".")) {
                        return FileVisitResult.CONTINUE;
                    } else if (attrs.isRegularFile()) {
                        visitor.file(file);
                    } else if (!(attrs.isSymbolicLink() && linksToFolderInside(file, root))) {
                        MhlReport.Issue issue = refusal(file, root, relative(root, file));
                        if (issue == null) {
                            visitor.file(file);
                        } else {
                            visitor.refused(file, issue);
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // An unreadable folder or file (EIO on a damaged card, no permission) is reported; the walk goes on.
                    visitor.refused(file, new MhlReport.Issue(MhlReport.Kind.UNREADABLE, relative(root, file), "cannot be read ("
                            + e.getMessage() + "): check the storage, or copy it again from the camera card"));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw Errors.io(root.toString(), e);
        }
        historyRoots.sort(null);
        return historyRoots;
    }

    /**
     * Checks recorded files one by one without a listing of the card: a regular file whose folder really is inside the
     * root is content; anything else goes through {@link #refusal}. Folders' real paths are cached (a card has far
     * fewer folders than files).
     */
    static final class Checker {
        private final Path root;
        private final Map<Path, Boolean> folderInside = new HashMap<>();

        Checker(Path root) {
            this.root = root;
        }

        MhlReport.Issue refusal(Path file, String rel) {
            try {
                BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attrs.isRegularFile() && folderInside.computeIfAbsent(file.getParent(), this::reallyInside)) {
                    return null;
                }
            } catch (NoSuchFileException e) {
                // missing: refusal() says so
            } catch (IOException e) {
                throw Errors.io(file.toString(), e);
            }
            return CardFiles.refusal(file, root, rel);
        }

        private boolean reallyInside(Path folder) {
            try {
                return folder.toRealPath().startsWith(root);
            } catch (IOException e) {
                return false; // refusal() tells why
            }
        }
    }

    /**
     * Why {@code file} is not content of {@code root} to hash (missing, a link leading out of it, not a regular file),
     * or null when it is a regular file really inside it.
     */
    static MhlReport.Issue refusal(Path file, Path root, String rel) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return new MhlReport.Issue(MhlReport.Kind.MISSING, rel, "recorded in the MHL history but not on disk");
        }
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            return new MhlReport.Issue(MhlReport.Kind.MISSING, rel, "a link to " + e.getFile() + ", which does not exist");
        } catch (IOException e) {
            throw Errors.io(file.toString(), e);
        }
        if (!real.startsWith(root)) {
            return new MhlReport.Issue(MhlReport.Kind.LINK_OUTSIDE, rel, "a link to " + real + ", outside " + root
                    + ": not the folder's content, not hashed (copy what it points to into the folder, or remove the link)");
        }
        if (!Files.isRegularFile(real)) {
            return new MhlReport.Issue(MhlReport.Kind.NOT_REGULAR, rel, "not a regular file (a folder, named pipe or device): not hashed");
        }
        return null;
    }

    static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    private static boolean isHistoryFolder(Path p) {
        return p.getFileName() != null && p.getFileName().toString().equals(MhlHistory.FOLDER);
    }

    private static boolean linksToFolderInside(Path link, Path root) {
        try {
            return Files.isDirectory(link) && link.toRealPath().startsWith(root);
        } catch (IOException e) {
            return false; // a broken link: refusal() says so
        }
    }
}
