package io.rushes.engine;

import io.rushes.engine.api.ClipResult;
import io.rushes.engine.api.InspectOptions;
import io.rushes.engine.api.Inspector;
import io.rushes.engine.discovery.ClipDiscovery;
import io.rushes.engine.discovery.Discovery;
import io.rushes.engine.format.FormatRegistry;
import io.rushes.engine.io.FileByteSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Discovery plus inspection over local files, as the CLI does it. */
public final class TestInspect {
    public static final Inspector INSPECTOR = new Inspector(FormatRegistry.loadDefault(), loc -> new FileByteSource(Path.of(loc)));

    private TestInspect() {
    }

    public static List<ClipResult> inspect(Path... paths) {
        Discovery d = ClipDiscovery.group(ClipDiscovery.listLocal(List.of(paths)));
        List<ClipResult> out = new ArrayList<>();
        for (var c : d.clips()) {
            out.add(INSPECTOR.inspect(c, InspectOptions.HEADERS_ONLY));
        }
        return out;
    }

    public static ClipResult one(Path file) {
        List<ClipResult> r = inspect(file);
        if (r.size() != 1) {
            throw new AssertionError("expected one clip for " + file + ", got " + r.size());
        }
        return r.get(0);
    }
}
