package io.rushes.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rushes.engine.api.ClipError;
import io.rushes.engine.api.ClipResult;
import io.rushes.engine.api.FileResult;
import io.rushes.engine.api.InspectOptions;
import io.rushes.engine.card.SampleCard;
import io.rushes.engine.discovery.Clip;
import io.rushes.engine.discovery.ClipDiscovery;
import io.rushes.engine.error.Errors;
import io.rushes.engine.integrity.HashAlgorithm;
import io.rushes.engine.metadata.ClipField;
import io.rushes.engine.metadata.ClipMetadata;
import io.rushes.jobs.hadoop.HadoopSources;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.reflect.ClassTag$;

/**
 * Everything an ingest sends to executors or back survives Java serialisation (closures, always) and Kryo (task data
 * and broadcasts, when a cluster sets {@code spark.serializer=org.apache.spark.serializer.KryoSerializer}).
 */
class ExecutorSerializationTest {
    @SuppressWarnings("unchecked")
    private static <T> T java(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    /** Spark's Kryo as a cluster with spark.serializer=KryoSerializer runs it, with the registrator RushesSpark adds. */
    private static final SerializerInstance KRYO = new KryoSerializer(new SparkConf()
            .set("spark.kryo.registrator", RushesKryoRegistrator.class.getName())).newInstance();

    @SuppressWarnings("unchecked")
    private static <T> T kryo(T value) {
        var tag = ClassTag$.MODULE$.<T>apply(value.getClass());
        return KRYO.deserialize(KRYO.serialize(value, tag), tag);
    }

    private static List<Clip> clips(Path dir) throws Exception {
        SampleCard.write(dir, new SampleCard.Options(2, 3, List.of("A"), 64, 32, 5));
        return ClipDiscovery.group(ClipDiscovery.listLocal(List.of(dir))).clips();
    }

    private static ClipRows rows(Clip clip) {
        ClipMetadata md = new ClipMetadata().set(ClipField.CLIP_NAME, clip.name()).set(ClipField.STATUS, "partial")
                .set(ClipField.MISSING_FRAMES, List.of(7L)).raw("Make", "Rushes");
        ClipError error = ClipError.of(Errors.truncated(clip.files().get(0).location(), 12, "the strip"));
        FileResult file = new FileResult(clip.files().get(0).location(), clip.files().get(0).relativePath(), 10, 5, 1L, "dng",
                Map.of(HashAlgorithm.XXH64, "00ff"), error);
        return ClipRows.of("file:/card", "ingest-1", new ClipResult(clip, md, List.of(file), List.of(error)), MhlReferences.NONE);
    }

    @Test
    void clipGroupsTravelBothWays(@TempDir Path dir) throws Exception {
        List<List<Clip>> groups = ClipBalancer.groups(clips(dir), 2);
        for (List<Clip> group : groups) {
            assertEquals(group, java(group));
            assertEquals(group, kryo(group));
        }
    }

    @Test
    void rowsComeBackEqual(@TempDir Path dir) throws Exception {
        ClipRows rows = rows(clips(dir).get(0));
        for (ClipRows back : List.of(java(rows), kryo(rows))) {
            assertEquals(rows.clip(), back.clip());
            assertEquals(rows.files(), back.files());
            assertEquals(rows.errors(), back.errors());
            assertEquals(rows.status(), back.status());
            assertEquals(rows.bytes(), back.bytes());
        }
    }

    /** The card's MHL references (a broadcast): every file's status the same after the trip as before it. */
    @Test
    void mhlReferencesTravelWhole(@TempDir Path dir) throws Exception {
        clips(dir);
        HadoopSources sources = new HadoopSources(new Configuration());
        String source = sources.qualify(dir.toString());
        List<io.rushes.engine.discovery.FileEntry> listing = sources.list(source);
        MhlReferences refs = MhlReferences.read(source, listing);
        Map<HashAlgorithm, String> wrong = Map.of(HashAlgorithm.XXH64, "0000000000000000");
        for (MhlReferences back : List.of(java(refs), kryo(refs))) {
            for (io.rushes.engine.discovery.FileEntry f : listing) {
                assertEquals(refs.status(f.location(), wrong), back.status(f.location(), wrong), f.location());
            }
        }
        String someFile = listing.stream().filter(f -> f.location().endsWith(".dng")).findFirst().orElseThrow().location();
        assertEquals("mismatch", kryo(refs).status(someFile, wrong),
                "the sealed card's references came through: a wrong hash is a mismatch");
    }

    @Test
    void optionsReferencesAndStorageTravel() throws Exception {
        InspectOptions options = new InspectOptions(Set.of(HashAlgorithm.XXH64, HashAlgorithm.MD5));
        assertEquals(options, java(options));
        assertEquals(options, kryo(options));
        assertEquals(MhlReferences.NONE.status("file:/card/a.dng", Map.of()), kryo(MhlReferences.NONE).status("file:/card/a.dng", Map.of()));
        assertEquals(MhlReferences.NONE.status("file:/card/a.dng", Map.of()), java(MhlReferences.NONE).status("file:/card/a.dng", Map.of()));

        // HadoopSources travels in the task closure (Java serialisation): its configuration, S3A settings included, with it.
        Configuration conf = new Configuration(false);
        conf.set("fs.s3a.endpoint", "http://127.0.0.1:9000");
        HadoopSources back = java(new HadoopSources(conf));
        assertEquals("file:/card/A001", back.qualify("file:/card/A001"));
        assertEquals("http://127.0.0.1:9000", back.configuration().get("fs.s3a.endpoint"));
    }
}
