package io.rushes.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.card.SampleCard;
import io.rushes.engine.discovery.Clip;
import io.rushes.engine.discovery.ClipDiscovery;
import io.rushes.engine.format.FormatRegistry;
import io.rushes.engine.io.CountingByteSource;
import io.rushes.engine.io.FileByteSource;
import io.rushes.engine.metadata.ClipField;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inspection reads headers only: a bounded number of bytes per frame, whatever the frame size. */
class HeaderOnlyReadTest {
    @Test
    void aSequenceCostsUnder64KiBPerFrame(@TempDir Path dir) throws Exception {
        SampleCard.write(dir, new SampleCard.Options(1, 40, List.of("A"), 640, 360, 5));
        Clip clip = ClipDiscovery.group(ClipDiscovery.listLocal(List.of(dir))).clips().stream()
                .filter(c -> c.kind() == Clip.Kind.SEQUENCE).findFirst().orElseThrow();
        LongAdder bytes = new LongAdder();
        Inspector inspector = new Inspector(FormatRegistry.loadDefault(), l -> new CountingByteSource(new FileByteSource(Path.of(l)), bytes));
        ClipResult r = inspector.inspect(clip, InspectOptions.HEADERS_ONLY);
        assertEquals("ok", r.metadata().string(ClipField.STATUS));
        double perFrame = bytes.doubleValue() / 40;
        assertTrue(perFrame < 64 * 1024, "read " + perFrame + " bytes per frame");
        assertTrue(perFrame < clip.files().get(0).size() / 10.0, "pixel data was read: " + perFrame + " bytes per frame");
    }
}
