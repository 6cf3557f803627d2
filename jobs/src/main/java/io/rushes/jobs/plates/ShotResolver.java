package io.rushes.jobs.plates;

import io.rushes.catalog.Catalog;
import io.rushes.catalog.CatalogSchema;
import io.rushes.engine.error.Errors;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.metadata.Timecode;
import io.rushes.engine.pull.Shot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Resolves a pull list's shots against the catalog with Spark SQL: each shot to exactly one clip (by name, else by
 * reel and the timecode its range starts at), its source range to frame numbers, its handles clamped to the frames the
 * clip has, and its frames to the catalog's files. A shot that matches no clip, or two, or whose range leaves the clip,
 * is an error for that shot alone: never a guess.
 */
final class ShotResolver {
    /** A shot as resolved: its frames to render (handles included) or why it cannot be. */
    record Resolved(int index, Shot shot, String status, String message, String clipId, String clipName, Long first, Long last,
                    int head, int tail, List<Source> frames, List<Long> missing) {
        boolean renderable() {
            return !frames.isEmpty();
        }
    }

    /**
     * One source frame of a resolved shot: a file of a sequence (its frame number from its name), or frame {@code index}
     * of a movie (its frame number is that index).
     */
    record Source(String location, Long frame, String timecode, String sourceHash, long index) {
    }

    /** Most frames one movie shot expands to: a day of 24 fps, far past any pull. */
    private static final long MAX_MOVIE_FRAMES = 24L * 3600 * 24;

    private static final StructType SHOTS = new StructType()
            .add("shot_index", DataTypes.IntegerType, false).add("clip", DataTypes.StringType).add("reel", DataTypes.StringType)
            .add("tc_in", DataTypes.StringType);

    private static final StructType RANGES = new StructType()
            .add("shot_index", DataTypes.IntegerType, false).add("clip_id", DataTypes.StringType, false)
            .add("range_first", DataTypes.LongType).add("range_last", DataTypes.LongType);

    private final SparkSession spark;
    private final Catalog catalog;

    ShotResolver(SparkSession spark, Catalog catalog) {
        this.spark = spark;
        this.catalog = catalog;
    }

    /** One clip of the catalog that a shot matched. */
    private record Match(String clipId, String clipName, String reel, String kind, String startTimecode, Double timecodeRate,
                         Long firstFrame, Long lastFrame, Long frameCount) {
    }

    List<Resolved> resolve(List<Shot> shots) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < shots.size(); i++) {
            Shot s = shots.get(i);
            rows.add(RowFactory.create(i, s.clip(), s.reel(), s.in() == null ? null : s.in().toString()));
        }
        spark.createDataFrame(rows, SHOTS).createOrReplaceTempView("rushes_pull_shots");
        String clips = catalog.sqlName(CatalogSchema.CLIPS);
        // By name first (an extension the editor's system kept is ignored); by reel and timecode only for shots the
        // name found nothing for. Each shot keeps its best kind of match; more than one clip of that kind is ambiguous.
        Dataset<Row> matched = spark.sql("""
                WITH by_name AS (
                  SELECT s.shot_index, c.clip_id, 1 AS priority FROM rushes_pull_shots s JOIN %1$s c
                    ON s.clip IS NOT NULL AND (c.clip_name = s.clip OR c.clip_name = regexp_replace(s.clip, '\\\\.[A-Za-z0-9]{1,5}$', ''))
                   AND (s.reel IS NULL OR c.reel IS NULL OR c.reel = s.reel)
                ), by_reel AS (
                  SELECT s.shot_index, c.clip_id, 2 AS priority FROM rushes_pull_shots s JOIN %1$s c
                    ON s.reel IS NOT NULL AND s.tc_in IS NOT NULL AND c.reel = s.reel AND c.start_timecode IS NOT NULL
                   AND tc_to_frames(s.tc_in, c.timecode_rate)
                       BETWEEN tc_to_frames(c.start_timecode, c.timecode_rate) AND tc_to_frames(c.end_timecode, c.timecode_rate)
                ), candidates AS (SELECT * FROM by_name UNION ALL SELECT * FROM by_reel),
                best AS (SELECT shot_index, min(priority) AS priority FROM candidates GROUP BY shot_index)
                SELECT m.shot_index, c.clip_id, c.clip_name, c.reel, c.kind, c.start_timecode, c.timecode_rate, c.first_frame,
                       c.last_frame, c.frame_count
                FROM candidates m JOIN best b ON m.shot_index = b.shot_index AND m.priority = b.priority
                JOIN %1$s c ON c.clip_id = m.clip_id
                """.formatted(clips));
        Map<Integer, List<Match>> matches = new HashMap<>();
        for (Row r : matched.collectAsList()) {
            matches.computeIfAbsent(r.getInt(0), k -> new ArrayList<>()).add(new Match(r.getString(1), r.getString(2), r.getString(3),
                    r.getString(4), r.getString(5), r.isNullAt(6) ? null : r.getDouble(6), r.isNullAt(7) ? null : r.getLong(7),
                    r.isNullAt(8) ? null : r.getLong(8), r.isNullAt(9) ? null : r.getLong(9)));
        }
        List<Resolved> resolved = new ArrayList<>();
        List<Row> ranges = new ArrayList<>();
        for (int i = 0; i < shots.size(); i++) {
            Shot shot = shots.get(i);
            List<Match> found = matches.getOrDefault(i, List.of());
            try {
                Resolved r = range(i, shot, one(shot, found));
                resolved.add(r);
                ranges.add(RowFactory.create(i, r.clipId(), r.first() - r.head(), r.last() + r.tail()));
            } catch (RushesException e) {
                resolved.add(new Resolved(i, shot, "error", e.during("resolve").getMessage(), null, null, null, null, 0, 0, List.of(), List.of()));
            }
        }
        return withFiles(resolved, ranges);
    }

    /** The one clip a shot names: none or several are the shot's error, with what would tell them apart. */
    private static Match one(Shot shot, List<Match> found) {
        String asked = (shot.clip() != null ? "clip " + shot.clip() : "") + (shot.clip() != null && shot.reel() != null ? " on " : "")
                + (shot.reel() != null ? "reel " + shot.reel() : "") + (shot.clip() == null && shot.in() != null ? " at " + shot.in() : "");
        if (found.isEmpty()) {
            throw Errors.notFound(shot.origin(), "shot " + shot.shot() + ": no clip of the catalog is " + asked,
                    "Check the name and reel against the catalog (rushes sql \"SELECT clip_name, reel, start_timecode FROM clips\"), "
                            + "or ingest the card that holds it");
        }
        if (found.size() > 1) {
            throw Errors.invalidArgument("shot " + shot.shot() + ": " + found.size() + " clips of the catalog are " + asked
                    + " (" + String.join(", ", found.stream().map(m -> m.clipName() + " reel " + m.reel() + " id " + m.clipId()).toList()) + ")",
                    "Give the reel as well as the clip name, so one clip answers").inFile(shot.origin());
        }
        return found.get(0);
    }

    /** The shot's frame numbers in the clip, its handles clamped to what the clip holds. */
    private static Resolved range(int index, Shot shot, Match clip) {
        boolean sequence = clip.firstFrame() != null;
        long clipFirst = sequence ? clip.firstFrame() : 0;
        long clipLast = sequence ? clip.lastFrame() : clip.frameCount() == null ? Long.MAX_VALUE : clip.frameCount() - 1;
        List<String> notes = new ArrayList<>();
        long first;
        long last;
        if (shot.in() != null) {
            if (clip.startTimecode() == null || clip.timecodeRate() == null) {
                throw Errors.invalidArgument("shot " + shot.shot() + " asks for timecodes " + shot.in() + "-" + shot.last()
                        + " but clip " + clip.clipName() + " records no timecode", "Pull it by frame numbers (first_frame, last_frame)")
                        .inFile(shot.origin());
            }
            int rate = Timecode.countingRate(clip.timecodeRate());
            if (rate != shot.in().rate()) {
                notes.add("timecodes counted at the clip's " + rate + " fps (the list counts " + shot.in().rate() + ")");
            }
            long start = Timecode.parse(clip.startTimecode(), rate).toFrames();
            first = clipFirst + Timecode.parse(shot.in().toString(), rate).toFrames() - start;
            last = clipFirst + Timecode.parse(shot.last().toString(), rate).toFrames() - start;
        } else {
            first = shot.first();
            last = shot.lastFrame();
        }
        if (first < clipFirst || last > clipLast || last < first) {
            throw Errors.invalidArgument(String.format(Locale.ROOT, "shot %s asks for frames %d-%d%s but clip %s holds %d-%d%s",
                    shot.shot(), first, last, shot.in() != null ? " (" + shot.in() + "-" + shot.last() + ")" : "", clip.clipName(), clipFirst, clipLast, clip.startTimecode() != null ? " (from " + clip.startTimecode() + ")" : ""),
                    "Check the shot's source range against the clip's (the range must lie inside the clip; handles are clamped)")
                    .inFile(shot.origin());
        }
        int head = (int) Math.min(shot.handles(), first - clipFirst);
        int tail = (int) Math.min(shot.handles(), clipLast - last);
        if (head < shot.handles() || tail < shot.handles()) {
            notes.add("handles clamped to the clip: " + head + " before, " + tail + " after (asked " + shot.handles() + ")");
        }
        return new Resolved(index, shot, "resolved", notes.isEmpty() ? null : String.join("; ", notes), clip.clipId(), clip.clipName(),
                first, last, head, tail, List.of(), List.of());
    }

    /** The catalog's files of every resolved range, and the frames of the ranges that are not there. */
    private List<Resolved> withFiles(List<Resolved> resolved, List<Row> ranges) {
        if (ranges.isEmpty()) {
            return resolved;
        }
        spark.createDataFrame(ranges, RANGES).createOrReplaceTempView("rushes_pull_ranges");
        Dataset<Row> files = spark.sql("""
                SELECT r.shot_index, f.path, f.frame, f.hashes['xxh128'], f.size, CAST(f.modified_at AS STRING), c.start_timecode,
                       c.timecode_rate, c.drop_frame, c.first_frame
                FROM rushes_pull_ranges r JOIN %s f ON f.clip_id = r.clip_id
                  AND (f.frame IS NULL OR f.frame BETWEEN r.range_first AND r.range_last)
                JOIN %s c ON c.clip_id = r.clip_id
                WHERE f.error_code IS NULL OR f.error_code <> 'UNSUPPORTED_FORMAT'
                ORDER BY r.shot_index, f.frame, f.path
                """.formatted(catalog.sqlName(CatalogSchema.FILES), catalog.sqlName(CatalogSchema.CLIPS)));
        Map<Integer, List<Source>> byShot = new HashMap<>();
        Map<Integer, Integer> movieRates = new HashMap<>();
        for (Row r : files.collectAsList()) {
            Long frame = r.isNullAt(2) ? null : r.getLong(2);
            String hash = r.isNullAt(3) ? "size " + r.get(4) + " modified " + r.get(5) : "xxh128 " + r.getString(3);
            String tc = null;
            if (frame != null && !r.isNullAt(6) && !r.isNullAt(7) && !r.isNullAt(9)) {
                tc = Timecode.parse(r.getString(6), Timecode.countingRate(r.getDouble(7))).plusFrames(frame - r.getLong(9)).toString();
            } else if (!r.isNullAt(6)) {
                tc = r.getString(6);
            }
            byShot.computeIfAbsent(r.getInt(0), k -> new ArrayList<>()).add(new Source(r.getString(1), frame, tc, hash, 0));
            if (frame == null && !r.isNullAt(6) && !r.isNullAt(7)) {
                movieRates.put(r.getInt(0), Timecode.countingRate(r.getDouble(7)));
            }
        }
        List<Resolved> out = new ArrayList<>(resolved.size());
        for (Resolved r : resolved) {
            if (!r.status().equals("resolved")) {
                out.add(r);
                continue;
            }
            List<Source> sources = movieFrames(byShot.getOrDefault(r.index(), List.of()), r, movieRates.get(r.index()));
            TreeSet<Long> present = new TreeSet<>();
            sources.forEach(s -> {
                if (s.frame() != null) {
                    present.add(s.frame());
                }
            });
            List<Long> missing = new ArrayList<>();
            boolean sequence = !present.isEmpty();
            for (long f = r.first() - r.head(); sequence && f <= r.last() + r.tail() && missing.size() < 10_000; f++) {
                if (!present.contains(f)) {
                    missing.add(f);
                }
            }
            String status = sources.isEmpty() ? "error" : missing.isEmpty() ? "resolved" : "missing_frames";
            String message = sources.isEmpty() ? "Cannot resolve " + r.shot().origin() + ": shot " + r.shot().shot() + ": clip "
                    + r.clipName() + " has no readable file in the range. Re-ingest the card, or check its files" : missing.isEmpty() ? r.message()
                    : join(r.message(), missing.size() + " frames of the range are not in the catalog (" + span(missing) + ")");
            out.add(new Resolved(r.index(), r.shot(), status, message, r.clipId(), r.clipName(), r.first(), r.last(), r.head(), r.tail(),
                    sources, missing));
        }
        return out;
    }

    /**
     * A movie clip's one file as the frames of the shot's range (handles included), each with its timecode from the
     * movie's start; the sources of a sequence as they are.
     */
    private static List<Source> movieFrames(List<Source> sources, Resolved r, Integer rate) {
        if (sources.size() != 1 || sources.get(0).frame() != null) {
            return sources;
        }
        Source movie = sources.get(0);
        long from = r.first() - r.head();
        long to = Math.min(r.last() + r.tail(), from + MAX_MOVIE_FRAMES - 1);
        Timecode start = movie.timecode() == null || rate == null ? null : Timecode.parse(movie.timecode(), rate);
        List<Source> frames = new ArrayList<>();
        for (long f = from; f <= to; f++) {
            frames.add(new Source(movie.location(), f, start == null ? null : start.plusFrames(f).toString(), movie.sourceHash(), f));
        }
        return frames;
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }

    /** Frame numbers as runs: 1001-1003, 1007. */
    static String span(List<Long> frames) {
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < frames.size() && runs.size() < 20; ) {
            int j = i;
            while (j + 1 < frames.size() && frames.get(j + 1) == frames.get(j) + 1) {
                j++;
            }
            runs.add(i == j ? Long.toString(frames.get(i)) : frames.get(i) + "-" + frames.get(j));
            i = j + 1;
        }
        return String.join(", ", runs) + (runs.size() == 20 ? ", …" : "");
    }
}
