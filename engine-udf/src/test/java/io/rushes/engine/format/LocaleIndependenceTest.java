package io.rushes.engine.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.rushes.engine.Samples;
import io.rushes.engine.TestInspect;
import io.rushes.engine.api.ClipResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Inspection does not depend on the JVM's locale: under Arabic (Egypt), whose digits are not ASCII, every
 * sample gives exactly the fields, raw values and errors it gives under {@link Locale#ROOT}.
 */
class LocaleIndependenceTest {
    private static final Locale ARABIC_DIGITS = Locale.forLanguageTag("ar-EG");

    private static List<Path> samples() throws IOException {
        Path dir = Samples.dir();
        List<Path> out = new ArrayList<>();
        for (String sub : List.of("raw", "video", "exr_dpx")) {
            try (Stream<Path> s = Files.walk(dir.resolve(sub))) {
                s.filter(Files::isRegularFile)
                        .filter(p -> !p.toString().endsWith(".json") && !p.toString().endsWith(".txt") && !p.toString().endsWith(".tif")
                                && !p.toString().endsWith(".md") && !p.toString().endsWith(".tsv"))
                        .sorted().forEach(out::add);
            }
        }
        return out;
    }

    private static Map<Path, String> inspectAll(List<Path> files, Locale locale) {
        Locale before = Locale.getDefault();
        Locale.setDefault(locale);
        try {
            Map<Path, String> out = new LinkedHashMap<>();
            for (Path f : files) {
                for (ClipResult r : TestInspect.inspect(f)) {
                    out.put(f, r.metadata().values() + "\n" + r.metadata().rawValues() + "\n" + r.errors());
                }
            }
            return out;
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void everySampleInspectsTheSameUnderAnArabicLocale() throws IOException {
        List<Path> files = samples();
        assertFalse(files.isEmpty());
        assertEquals("٠", String.format(ARABIC_DIGITS, "%d", 0), "the JVM's ar-EG locale must have non-ASCII digits for this test to mean anything");
        Map<Path, String> root = inspectAll(files, Locale.ROOT);
        Map<Path, String> arabic = inspectAll(files, ARABIC_DIGITS);
        for (Path f : files) {
            assertEquals(root.get(f), arabic.get(f), f.toString());
        }
    }
}
