package io.rushes.engine.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The Rushes version this engine was built as (from the build, recorded with every ingest). */
public final class EngineVersion {
    public static final String VERSION = load();

    private EngineVersion() {
    }

    private static String load() {
        try (InputStream in = EngineVersion.class.getResourceAsStream("/io/rushes/engine/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
