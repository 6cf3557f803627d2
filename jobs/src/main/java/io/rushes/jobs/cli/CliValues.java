package io.rushes.jobs.cli;

import io.rushes.engine.error.Errors;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.image.Region;
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
    /**
     * Frames by number ({@code first}–{@code last}), or by timecode ({@code timecodes}: the first and last as written,
     * placed on a movie's own timecode by {@link #indices}).
     */
    record FrameRange(long first, long last, String[] timecodes) {
        FrameRange(long first, long last) {
            this(first, last, null);
        }

        boolean contains(long frame) {
            return timecodes == null && frame >= first && frame <= last;
        }

        /** The movie's frames (0 its first) in this range: by number, or by timecode from the movie's start timecode. */
        long[] indices(long frameCount, io.rushes.engine.metadata.Timecode start, String movie) {
            long from = first;
            long to = last;
            if (timecodes != null) {
                if (start == null) {
                    throw io.rushes.engine.error.Errors.invalidArgument("--frames " + this + " by timecode of " + movie + ", which has no timecode",
                            "Give its frames by number, counted from 0");
                }
                from = io.rushes.engine.metadata.Timecode.parse(timecodes[0], start.rate()).toFrames() - start.toFrames();
                to = io.rushes.engine.metadata.Timecode.parse(timecodes[1], start.rate()).toFrames() - start.toFrames();
            }
            from = Math.max(0, from);
            to = Math.min(frameCount - 1, to);
            return from > to ? new long[0] : java.util.stream.LongStream.rangeClosed(from, to).toArray();
        }

        @Override
        public String toString() {
            if (timecodes != null) {
                return timecodes[0].equals(timecodes[1]) ? timecodes[0] : timecodes[0] + "-" + timecodes[1];
            }
            return first == last ? Long.toString(first) : first + "-" + last;
        }
    }

    private static final Pattern SIZE = Pattern.compile("(\\d{1,9})[xX](\\d{1,9})");
    private static final Pattern TIMECODE_RANGE = Pattern.compile("(\\d{2}:\\d{2}:\\d{2}[:;]\\d{2})(?:-(\\d{2}:\\d{2}:\\d{2}[:;]\\d{2}))?");
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
            Matcher tc = TIMECODE_RANGE.matcher(value.strip());
            if (tc.matches()) {
                // Placed on the movie's own rate when it is read: only then is a frame count of 24 or 50 known to be valid.
                return new FrameRange(0, 0, new String[] {tc.group(1), tc.group(2) == null ? tc.group(1) : tc.group(2)});
            }
            Matcher m = RANGE.matcher(value.strip());
            if (!m.matches()) {
                throw new TypeConversionException("'" + value + "' is not a frame range: give A-B or one frame number, e.g. 86400-86423, "
                        + "or timecodes of a movie, e.g. 01:00:00:00-01:00:00:23");
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
