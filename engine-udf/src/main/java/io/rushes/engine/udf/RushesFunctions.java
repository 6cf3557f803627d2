package io.rushes.engine.udf;

import io.rushes.engine.api.ClipJson;
import io.rushes.engine.api.InspectOptions;
import io.rushes.engine.api.Inspector;
import io.rushes.engine.discovery.Clip;
import io.rushes.engine.discovery.FileEntry;
import io.rushes.engine.format.FormatRegistry;
import io.rushes.engine.io.ByteSourceFactory;
import io.rushes.engine.metadata.Timecode;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.types.DataTypes;

/**
 * The engine as Spark SQL functions. Thin: each function parses its arguments and calls the engine.
 * <ul>
 *   <li>{@code rushes_inspect(location)}: the clip JSON of one file (as {@code rushes inspect --json --raw})</li>
 *   <li>{@code tc_to_frames(tc, fps)}: frames since midnight of a timecode ({@code ;} before the frames = drop-frame)</li>
 *   <li>{@code frames_to_tc(frames, fps, drop)}: the timecode of a frame count</li>
 *   <li>{@code tc_add(tc, frames, fps)}: a timecode moved by a number of frames</li>
 * </ul>
 * Timecode functions return NULL for NULL or malformed input, as SQL functions do.
 */
public final class RushesFunctions {
    private RushesFunctions() {
    }

    /** Registers every function on the session; {@code sources} opens locations on executors (must be serialisable). */
    public static void register(SparkSession spark, ByteSourceFactory sources) {
        if (spark.catalog().functionExists("rushes_inspect")) {
            return; // already registered in this session (several commands in one JVM)
        }
        spark.udf().register("rushes_inspect", (UDF1<String, String>) location -> inspect(location, sources), DataTypes.StringType);
        // Numbers arrive as whatever SQL typed them (24 is INT, 23.976 DECIMAL, a column DOUBLE): take any Number.
        spark.udf().register("tc_to_frames", (UDF2<String, Object, Long>) (tc, fps) -> tcToFrames(tc, number(fps)), DataTypes.LongType);
        spark.udf().register("frames_to_tc", (UDF3<Object, Object, Boolean, String>) (frames, fps, drop) ->
                framesToTc(frames instanceof Number n ? Long.valueOf(n.longValue()) : null, number(fps), drop), DataTypes.StringType);
        spark.udf().register("tc_add", (UDF3<String, Object, Object, String>) (tc, frames, fps) ->
                tcAdd(tc, frames instanceof Number n ? Long.valueOf(n.longValue()) : null, number(fps)), DataTypes.StringType);
    }

    private static Double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : null;
    }

    static String inspect(String location, ByteSourceFactory sources) {
        if (location == null) {
            return null;
        }
        String name = location.substring(location.lastIndexOf('/') + 1);
        FileEntry entry = new FileEntry(location, name, -1, -1);
        Clip clip = new Clip(name.replaceFirst("\\.[^.]*$", ""), Clip.Kind.SINGLE, "", List.of(entry), List.of(), List.of(), 0);
        Inspector inspector = new Inspector(FormatRegistry.loadDefault(), sources);
        return ClipJson.line(inspector.inspect(clip, InspectOptions.HEADERS_ONLY), true);
    }

    static Long tcToFrames(String tc, Double fps) {
        if (tc == null || fps == null || !(fps > 0) || !Timecode.isTimecode(tc)) {
            return null;
        }
        try {
            return Timecode.parse(tc, Timecode.countingRate(fps)).toFrames();
        } catch (RuntimeException invalid) {
            return null;
        }
    }

    static String framesToTc(Long frames, Double fps, Boolean drop) {
        if (frames == null || fps == null || !(fps > 0) || frames < 0) {
            return null;
        }
        int rate = Timecode.countingRate(fps);
        boolean dropFrame = Boolean.TRUE.equals(drop) && rate % 30 == 0;
        return Timecode.fromFrames(frames, rate, dropFrame).toString();
    }

    static String tcAdd(String tc, Long frames, Double fps) {
        if (frames == null || tcToFrames(tc, fps) == null) {
            return null;
        }
        return Timecode.parse(tc, Timecode.countingRate(fps)).plusFrames(frames).toString(); // wraps at midnight
    }
}
