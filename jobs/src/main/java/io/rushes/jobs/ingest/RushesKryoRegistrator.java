package io.rushes.jobs.ingest;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import org.apache.spark.serializer.KryoRegistrator;

/**
 * Kryo for what an ingest sends between driver and executors. Kryo's default field serializer cannot build Java
 * records (their fields are final and set only by the canonical constructor) and leaves the JDK's immutable
 * collections ({@code List.of}, {@code Map.copyOf}) empty inside, so a cluster that sets
 * {@code spark.serializer=org.apache.spark.serializer.KryoSerializer} failed every ingest; these types go through
 * their Java serialisation inside Kryo instead (a few per clip: the cost is noise beside inspecting the clip).
 */
public final class RushesKryoRegistrator implements KryoRegistrator {
    static final Class<?>[] TYPES = {
            io.rushes.engine.discovery.Clip.class,
            io.rushes.engine.discovery.FileEntry.class,
            io.rushes.engine.api.InspectOptions.class,
            ClipRows.class,
            MhlReferences.class,
    };

    @Override
    public void registerClasses(Kryo kryo) {
        for (Class<?> type : TYPES) {
            kryo.register(type, new JavaSerializer());
        }
    }
}
