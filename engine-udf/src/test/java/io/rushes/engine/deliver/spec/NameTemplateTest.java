package io.rushes.engine.deliver.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameTemplateTest {
    private static final Map<NameTemplate.Field, String> VALUES = Map.of(NameTemplate.Field.SHOT, "SH010", NameTemplate.Field.PLATE, "BG01",
            NameTemplate.Field.VERSION, "3", NameTemplate.Field.FRAME, "86400", NameTemplate.Field.CLIP, "A001C002", NameTemplate.Field.REEL, "A001");

    @Test
    void expandsWithZeroPadding() {
        NameTemplate t = NameTemplate.parse("{shot}_{plate}_v{version:03d}.{frame:04d}.exr");
        assertEquals(EnumSet.of(NameTemplate.Field.SHOT, NameTemplate.Field.PLATE, NameTemplate.Field.VERSION, NameTemplate.Field.FRAME), t.fields());
        assertEquals("exr", t.extension());
        assertEquals("SH010_BG01_v003.86400.exr", t.expand(VALUES), "a number wider than its padding is kept whole");
        assertEquals("SH010_BG01_v003.0012.exr", t.expand(with(NameTemplate.Field.FRAME, "12")));
        assertEquals("A001_A001C002.0000012.jpg", NameTemplate.parse("{reel}_{clip}.{frame:7d}.jpg").expand(with(NameTemplate.Field.FRAME, "12")),
                "7d pads with zeros too: names sort as numbers");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "..{clip}.{frame}.exr | holds '..'",
        "../{clip}.{frame}.exr | '/' is outside",
        "/tmp/{clip}.{frame}.exr | '/' is outside the characters a name may hold, [A-Za-z0-9._-]",
        "out/{clip}.{frame}.exr | '/' is outside",
        "{clip} {frame}.exr | 'a space' is outside",
        "{clip}.{frame}..exr | holds '..'",
        ".{clip}.{frame}.exr | starts with '.': the file would be hidden",
        "{take}.{frame}.exr | unknown field {take}: the fields are clip, reel, frame, shot, plate, version",
        "{shot:03d}.{frame}.exr | {shot} is text, not a number",
        "{frame:x}.exr | '{frame:x}' is not a field",
        "{clip.{frame}.exr | '{' without its pair",
        "{clip}}.{frame}.exr | '}' without its pair",
        "plate_é.{frame}.exr | 'é' is outside",
    })
    void refusesBadTemplates(String template, String message) {
        NameTemplate.Invalid e = assertThrows(NameTemplate.Invalid.class, () -> NameTemplate.parse(template));
        assertEquals(true, e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void checksTheExpandedNameToo() {
        NameTemplate t = NameTemplate.parse("{reel}_{clip}.{frame}.dpx");
        assertEquals("'A 01_A001C002.86400.dpx' holds a space, outside the characters a name may hold, [A-Za-z0-9._-]",
                assertThrows(NameTemplate.Invalid.class, () -> t.expand(with(NameTemplate.Field.REEL, "A 01"))).getMessage());
        assertEquals("'.._A001C002.86400.dpx' holds '..': a name is one file in the output folder, never a way out of it",
                assertThrows(NameTemplate.Invalid.class, () -> t.expand(with(NameTemplate.Field.REEL, ".."))).getMessage());
        assertEquals("'a_b_A001C002.86400.dpx' holds /, outside the characters a name may hold, [A-Za-z0-9._-]".replace("a_b", "a/b"),
                assertThrows(NameTemplate.Invalid.class, () -> t.expand(with(NameTemplate.Field.REEL, "a/b"))).getMessage());
        assertEquals("the naming template {reel}_{clip}.{frame}.dpx uses {frame}, which has no value",
                assertThrows(NameTemplate.Invalid.class, () -> t.expand(Map.of(NameTemplate.Field.REEL, "A", NameTemplate.Field.CLIP, "C")))
                        .getMessage());
    }

    private static Map<NameTemplate.Field, String> with(NameTemplate.Field field, String value) {
        Map<NameTemplate.Field, String> m = new java.util.EnumMap<>(VALUES);
        m.put(field, value);
        return m;
    }
}
