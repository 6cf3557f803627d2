package io.rushes.jobs.cli;

import io.rushes.engine.image.Region;
import io.rushes.engine.error.Errors;
import io.rushes.engine.error.RushesException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option values the commands share, parsed once with a message that says what is expected; picocli reports a
 * conversion failure as one line naming the option.
 */
final class CliValues {
    private CliValues() {
    }

    /** {@code WxH}, both positive. */
    record Size(int width, int height) {
    }

    /** A frame range {@code A-B} (or one frame {@code A}), first ≤ last. */
    record FrameRange(long first, long last) {
        boolean contains(long frame) {
            return frame >= first && frame <= last;
        }

        @Override
        public String toString() {
            return first == last ? Long.toString(first) : first + "-" + last;
        }
    }

    private static final Pattern SIZE = Pattern.compile("(\\d{1,9})[xX](\\d{1,9})");
    private static final Pattern RANGE = Pattern.compile("(\\d{1,18})(?:-(\\d{1,18}))?");
    private static final Pattern REGION = Pattern.compile("(-?\\d{1,9}),(-?\\d{1,9}),(-?\\d{1,9}),(-?\\d{1,9})");

    static final class SizeConverter implements ITypeConverter<Size> {
        @Override
        public Size convert(String value) {
            Matcher m = SIZE.matcher(value.strip());
            if (!m.matches() || Integer.parseInt(m.group(1)) == 0 || Integer.parseInt(m.group(2)) == 0) {
                throw new TypeConversionException("'" + value + "' is not a size: give WxH in pixels, e.g. 1920x1080");
            }
            return new Size(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
    }

    static final class FrameRangeConverter implements ITypeConverter<FrameRange> {
        @Override
        public FrameRange convert(String value) {
            Matcher m = RANGE.matcher(value.strip());
            if (!m.matches()) {
                throw new TypeConversionException("'" + value + "' is not a frame range: give A-B or one frame number, e.g. 86400-86423");
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2) == null ? first : Long.parseLong(m.group(2));
            if (last < first) {
                throw new TypeConversionException("'" + value + "' ends before it starts: give A-B with A ≤ B");
            }
            return new FrameRange(first, last);
        }
    }

    /** {@code X,Y,W,H}: parsed here; whether it lies inside the frame only the frame can tell (the engine checks). */
    static final class RegionConverter implements ITypeConverter<io.rushes.engine.image.Region> {
        @Override
        public io.rushes.engine.image.Region convert(String value) {
            Matcher m = REGION.matcher(value.replace(" ", ""));
            if (!m.matches()) {
                throw new TypeConversionException("'" + value + "' is not a region: give X,Y,W,H in photosites, e.g. 0,0,1920,1080");
            }
            int x = Integer.parseInt(m.group(1));
            int y = Integer.parseInt(m.group(2));
            int w = Integer.parseInt(m.group(3));
            int h = Integer.parseInt(m.group(4));
            if (x < 0 || y < 0 || w <= 0 || h <= 0) {
                throw new TypeConversionException("'" + value + "' is not a region: X and Y must be 0 or more, W and H more than 0");
            }
            return new io.rushes.engine.image.Region(x, y, w, h);
        }
    }

    /** {@code --hash}: one algorithm by its ASC MHL name, or {@code none}. */
    static java.util.Set<io.rushes.engine.integrity.HashAlgorithm> hashes(String value) {
        if (value.equalsIgnoreCase("none")) {
            return java.util.Set.of();
        }
        io.rushes.engine.integrity.HashAlgorithm a = io.rushes.engine.integrity.HashAlgorithm.fromName(value);
        if (a == null) {
            throw Errors.invalidArgument("--hash '" + value + "' is not a hash Rushes computes", "Use xxh128, xxh64, xxh3, md5, sha1, c4 or none");
        }
        return java.util.Set.of(a);
    }

    /** The folder outputs go into, created if needed; a file there or a folder that cannot be made is the user's to fix. */
    static Path outputFolder(Path folder, String option) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw Errors.invalidArgument(option + " " + folder + " is a file, not a folder", "Give a folder for " + option);
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw cannotWrite(folder, option, e);
        }
        if (!Files.isWritable(folder)) {
            throw Errors.invalidArgument(option + " " + folder + " is not writable", "Give a folder you can write to for " + option);
        }
        return folder;
    }

    /** An output file's path: not a folder, and its folder exists or can be made. */
    static Path outputFile(Path file, String option) {
        if (Files.isDirectory(file)) {
            throw Errors.invalidArgument(option + " " + file + " is a folder", "Give the path of the file to write (it may be inside "
                    + file + ")");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            outputFolder(parent, "the folder of " + option);
        }
        return file;
    }

    private static RushesException cannotWrite(Path folder, String option, IOException e) {
        String why = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.toString();
        return Errors.invalidArgument(option + " " + folder + " cannot be created (" + why + ")",
                "Give a folder you can write to for " + option);
    }
}
