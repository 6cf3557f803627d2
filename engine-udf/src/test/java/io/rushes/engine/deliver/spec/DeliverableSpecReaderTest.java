package io.rushes.engine.deliver.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class DeliverableSpecReaderTest {
    /** A valid specification with one part replaced: {@code "KEY": VALUE} spliced in place of the format line. */
    private static String spec(String replaced, String with) {
        String base = """
                {"name": "plate", "format": "exr", "colour": {"stage": "scene", "space": "ACES2065-1"}, "compression": "zip",
                 "resolution": {"fit": 2048}, "naming": "{shot}_{plate}_v{version:03d}.{frame:04d}.exr"}
                """;
        assertTrue(base.contains(replaced), replaced);
        return base.replace(replaced, with);
    }

    static Stream<Arguments> badSpecs() {
        return Stream.of(
                Arguments.of("unknown key", spec("\"compression\"", "\"colour_space\": \"x\", \"compression\""), "$.colour_space",
                        "property 'colour_space' is not defined in the schema and the schema does not allow additional properties"),
                Arguments.of("unknown key inside", spec("\"space\"", "\"lut\": 33, \"space\""), "$.colour.lut",
                        "property 'lut' is not defined in the schema"),
                Arguments.of("wrong type", spec("2048", "\"2048\""), "$.resolution.fit", "string found, integer expected"),
                Arguments.of("bad format", spec("\"exr\"", "\"exr2\""), "$.format", "does not have a value in the enumeration"),
                Arguments.of("missing naming", spec(", \"naming\": \"{shot}_{plate}_v{version:03d}.{frame:04d}.exr\"", ""), "$",
                        "required property 'naming' not found"),
                Arguments.of("zero fit", spec("2048", "0"), "$.resolution.fit", "must have a minimum value of 1"),
                Arguments.of("non-finite fit", spec("2048", "1e999"), "$.resolution.fit", "must have a maximum value of 65535"),
                Arguments.of("fractional fit", spec("2048", "512.5"), "$.resolution.fit", "number found, integer expected"),
                Arguments.of("fit and canvas", spec("\"fit\": 2048", "\"fit\": 2048, \"canvas_template\": \"VX\""), "$.resolution",
                        "must have at most 1 properties"),
                Arguments.of("naming ..", spec("{shot}_", "..{shot}_"), "$.naming", "holds '..'"),
                Arguments.of("naming /", spec("{shot}_", "/tmp/{shot}_"), "$.naming", "'/' is outside the characters a name may hold"),
                Arguments.of("naming unknown field", spec("{plate}", "{take}"), "$.naming",
                        "unknown field {take}: the fields are clip, reel, frame, shot, plate, version"),
                Arguments.of("naming character", spec("{shot}_", "{shot}:"), "$.naming", "':' is outside the characters a name may hold"),
                Arguments.of("naming extension", spec(".exr\"", ".dpx\""), "$.naming", "should end in .exr, what exr writes"),
                Arguments.of("naming without frame", spec(".{frame:04d}", ""), "$.naming",
                        "has no {frame}: every frame of a sequence would get the same name"),
                Arguments.of("compression off exr", spec("\"exr\"", "\"tiff16\"").replace(".exr\"", ".tif\""), "$.compression",
                        "compression is an OpenEXR setting; tiff16 has none"),
                Arguments.of("dpx linear", spec("\"exr\"", "\"dpx10\"").replace(".exr\"", ".dpx\"").replace(", \"compression\": \"zip\"", ""),
                        "$.colour.space", "DPX holds integer code values from 0 to 1: a log pull"),
                Arguments.of("jpeg scene", spec("\"exr\"", "\"jpeg\"").replace(".exr\"", ".jpg\"").replace(", \"compression\": \"zip\"", ""),
                        "$.colour.stage", "jpeg holds 8-bit display code values: use the stage display"),
                Arguments.of("scene without space", spec(", \"space\": \"ACES2065-1\"", ""), "$.colour",
                        "the stage scene needs its space: ACES2065-1, ACEScg or ACEScct"),
                Arguments.of("bit depth", spec("\"compression\"", "\"bit_depth\": 32, \"compression\""), "$.bit_depth",
                        "exr is written at 16 bits, not 32 (OpenEXR plates are 16-bit half)"),
                Arguments.of("output transform", spec("{\"stage\": \"scene\", \"space\": \"ACES2065-1\"}",
                        "{\"stage\": \"display\", \"output_transform\": \"urn:ampas:aces:transformId:v2.0:Output.Nowhere.a2.v1\"}"),
                        "$.colour.output_transform", "is not an ACES output transform Rushes implements"),
                Arguments.of("duplicate key", spec("\"compression\"", "\"format\": \"exr\", \"compression\""), "$", "Duplicate field 'format'"),
                Arguments.of("not an object", "[1]", "$", "a deliverable specification is a JSON object, not ARRAY"),
                Arguments.of("too deep", "{\"a\":" + "[".repeat(50) + "]".repeat(50) + "}", "$", "nesting depth"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSpecs")
    void refusesABadSpecAtItsPath(String what, String json, String path, String message) {
        DeliverableSpecReader.Result r = DeliverableSpecReader.read(json.getBytes(StandardCharsets.UTF_8), "bad.json");
        assertEquals(null, r.spec());
        assertTrue(r.problems().stream().anyMatch(p -> p.path().equals(path) && p.message().contains(message)), r.problems().toString());
        RushesException e = assertThrows(RushesException.class, () -> DeliverableSpecReader.load(json.getBytes(StandardCharsets.UTF_8), "bad.json"));
        assertEquals(ErrorCode.INVALID_DOCUMENT, e.code());
        assertTrue(e.getMessage().startsWith("Cannot read bad.json: at $"), e.getMessage());
    }

    @Test
    void refusesADocumentAboveTheSizeBound() {
        byte[] big = ("{\"description\": \"" + "x".repeat(DeliverableSpecReader.MAX_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertEquals("$: the document is " + big.length + " bytes, above the limit of 65536: a deliverable specification is a few hundred"
                + " bytes; this is not one", DeliverableSpecReader.read(big, "big.json").problems().get(0).toString());
    }

    @Test
    void takesAWholeFitWrittenAsADecimal() {
        assertEquals(512, DeliverableSpecReader.load(spec("2048", "512.0").getBytes(StandardCharsets.UTF_8), "ok.json").fit());
        assertEquals("[$.resolution.fit: must have a maximum value of 65535, $.resolution.fit: number found, integer expected]",
                DeliverableSpecReader.read(spec("2048", "1e999").getBytes(StandardCharsets.UTF_8), "inf.json").problems().toString(),
                "JSON has no infinity, but 1e999 parses as one: refused by the schema's bounds");
        assertEquals("[$.resolution.fit: must have a maximum value of 65535]",
                DeliverableSpecReader.read(spec("2048", "1e20").getBytes(StandardCharsets.UTF_8), "big.json").problems().toString());
        assertEquals("[$.resolution.fit: must have a minimum value of 1, $.resolution.fit: number found, integer expected]",
                DeliverableSpecReader.read(spec("2048", "-1e999").getBytes(StandardCharsets.UTF_8), "ninf.json").problems().toString());
    }

    @Test
    void readsAValidSpec() {
        DeliverableSpec s = DeliverableSpecReader.load(spec("x", "x").getBytes(StandardCharsets.UTF_8), "ok.json");
        assertEquals(DeliverableSpec.Format.EXR, s.format());
        assertEquals(DeliverableSpec.Compression.ZIP, s.compression());
        assertEquals(2048, s.fit());
        assertEquals(new DeliverableSpec.Colour(false, DeliverableSpec.Space.ACES2065_1, null, null), s.colour());
        assertEquals("{shot}_{plate}_v{version:03d}.{frame:04d}.exr", s.naming().text());
    }
}
