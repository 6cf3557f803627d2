package io.rushes.engine.color.amf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.Samples;
import io.rushes.engine.color.CameraLog;
import io.rushes.engine.color.Gamut;
import io.rushes.engine.color.TransformRegistry;
import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AmfReaderTest {
    static List<Path> samples() throws Exception {
        try (Stream<Path> s = Stream.concat(Files.walk(Samples.dir().resolve("amf")), Files.walk(Samples.dir().resolve("clf")))) {
            return s.filter(p -> p.toString().endsWith(".amf")).sorted().toList();
        }
    }

    /**
     * Every sample parses; every pipeline builds, or fails only because it names a transform Rushes does not implement,
     * with that transform in the message. Counts are printed for the issue note.
     */
    @Test
    void everySampleParsesAndItsPipelineBuildsOrNamesWhatIsMissing() throws Exception {
        List<Path> files = samples();
        assertTrue(files.size() >= 100, "samples: " + files.size());
        int built = 0;
        java.util.Map<String, Integer> missing = new java.util.TreeMap<>();
        for (Path f : files) {
            Amf amf = AmfReader.read(Files.readAllBytes(f), f.toString());
            assertTrue(amf.pipeline() != null && amf.uuid() != null || amf.version() != null, f.toString());
            try {
                AmfPipeline.build(amf, f.getParent());
                built++;
            } catch (RushesException e) {
                if (e.code() == ErrorCode.INVALID_DOCUMENT && e.getMessage().contains("which is not in")) {
                    missing.merge("a referenced CLF that is not in the samples", 1, Integer::sum);
                    continue;
                }
                assertEquals(ErrorCode.UNSUPPORTED_FEATURE, e.code(), f + ": " + e.getMessage());
                String name = e.getMessage().replaceAll("(?s).*ACES transform (\\S+) is not supported.*", "$1");
                assertTrue(e.getMessage().contains("is not supported. Closest: urn:ampas:aces:transformId:"), e.getMessage());
                missing.merge(name, 1, Integer::sum);
            }
        }
        System.out.println("AMF samples: " + files.size() + " parsed, " + built + " pipelines built; missing transforms: " + missing);
        // What cannot be built here: a vendor's own look (no public definition) and CLF files the samples do not include.
        assertEquals(java.util.Set.of("LMT.ACME.AcmeDILook", "a referenced CLF that is not in the samples"), missing.keySet());
    }

    @Test
    void aCdlLookRunsInItsWorkingSpace() throws Exception {
        String amf = """
                <aces:acesMetadataFile version="2.0" xmlns:aces="urn:ampas:aces:amf:v2.0" xmlns:cdl="urn:ASC:CDL:v1.01">
                  <aces:amfInfo><aces:uuid>urn:uuid:54bfd6af-57c0-4bd1-8f95-0952c4f25f86</aces:uuid></aces:amfInfo>
                  <aces:pipeline>
                    <aces:inputTransform applied="false">
                      <aces:transformId>urn:ampas:aces:transformId:v2.0:CSC.Arri.LogC3_to_ACES.a2.v1</aces:transformId>
                    </aces:inputTransform>
                    <aces:lookTransform applied="false">
                      <aces:cdlWorkingSpace><aces:fromCdlWorkingSpace>
                        <aces:transformId>urn:ampas:aces:transformId:v1.5:ACEScsc.Academy.ACEScct_to_ACES.a1.0.3</aces:transformId>
                      </aces:fromCdlWorkingSpace></aces:cdlWorkingSpace>
                      <cdl:SOPNode><cdl:Slope>1.1 1.0 0.9</cdl:Slope><cdl:Offset>-0.01 0.02 0</cdl:Offset><cdl:Power>1 1 1.2</cdl:Power></cdl:SOPNode>
                      <cdl:SatNode><cdl:Saturation>0.8</cdl:Saturation></cdl:SatNode>
                    </aces:lookTransform>
                    <aces:lookTransform applied="true"><aces:transformId>urn:ampas:aces:transformId:v1.5:LMT.ACME.Look.a1.v1</aces:transformId></aces:lookTransform>
                  </aces:pipeline>
                </aces:acesMetadataFile>""";
        AmfPipeline p = AmfPipeline.build(AmfReader.read(amf.getBytes(StandardCharsets.UTF_8), "look.amf"), null);
        assertEquals(3, p.plan().size(), p.plan().toString());
        double[] rgb = {0.45, 0.40, 0.35};
        p.apply(rgb);
        // By hand: LogC3 → linear AWG3 → AP0; AP0 → AP1 → ACEScct; CDL (clamped, Rec.709 luma); ACEScct → AP1 → AP0.
        double[] lin = {CameraLog.ARRI_LOGC3.decode(0.45), CameraLog.ARRI_LOGC3.decode(0.40), CameraLog.ARRI_LOGC3.decode(0.35)};
        double[] ap1 = Gamut.AP1.toAces().inverse().apply(Gamut.ARRI_WIDE_GAMUT_3.toAces().apply(lin));
        double[] cct = new double[3];
        double[] slope = {1.1, 1.0, 0.9};
        double[] offset = {-0.01, 0.02, 0};
        double[] power = {1, 1, 1.2};
        for (int c = 0; c < 3; c++) {
            cct[c] = Math.pow(Math.min(1, Math.max(0, CameraLog.ACESCCT.encode(ap1[c]) * slope[c] + offset[c])), power[c]);
        }
        double luma = 0.2126 * cct[0] + 0.7152 * cct[1] + 0.0722 * cct[2];
        double[] back = new double[3];
        for (int c = 0; c < 3; c++) {
            back[c] = CameraLog.ACESCCT.decode(Math.min(1, Math.max(0, luma + 0.8 * (cct[c] - luma))));
        }
        assertArrayEquals(Gamut.AP1.toAces().apply(back), rgb, 1e-12);
    }

    /** A typo gets its neighbours by edit distance, not the registry's whole list (12 KB before). */
    @Test
    void anUnknownTransformIdSuggestsTheClosestIds() {
        RushesException typo = assertThrows(RushesException.class, () -> TransformRegistry.resolve(
                "urn:ampas:aces:transformId:v1.5:ODT.Academy.Rec709_100nits_dimm.a1.0.3", false, "x.amf"));
        assertEquals(ErrorCode.UNSUPPORTED_FEATURE, typo.code());
        assertTrue(typo.getMessage().contains("ACES transform ODT.Academy.Rec709_100nits_dimm is not supported. Closest: "
                + "urn:ampas:aces:transformId:v1.5:ODT.Academy.Rec709_100nits_dim.a1.0.3, "), typo.getMessage());
        assertTrue(typo.getMessage().length() < 800, typo.getMessage().length() + " characters: " + typo.getMessage());
        RushesException unknown = assertThrows(RushesException.class,
                () -> TransformRegistry.resolve("urn:ampas:aces:transformId:v1.5:IDT.Acme.Camera.a1.v1", false, "x.amf"));
        assertTrue(unknown.getMessage().contains("IDT.Acme.Camera is not supported. Closest: ")
                && unknown.getMessage().contains("Give the look or transform as a CLF file instead"), unknown.getMessage());
        assertEquals(5, unknown.getMessage().split("Closest: ")[1].split("\\. Give")[0].split(", ").length, unknown.getMessage());
        RushesException notAnId = assertThrows(RushesException.class, () -> TransformRegistry.resolve("LogC", false, "x.amf"));
        assertEquals(ErrorCode.INVALID_DOCUMENT, notAnId.code());
        assertTrue(notAnId.getMessage().startsWith("Cannot read x.amf: at LogC: not an ACES transform identifier"), notAnId.getMessage());
    }

    /** 100 000 nested elements in a description: refused by the parser's depth bound, not a StackOverflowError. */
    @Test
    void aDeeplyNestedAmfIsRefusedAtTheDepthLimit() {
        String deep = "<aces:acesMetadataFile xmlns:aces=\"urn:ampas:aces:amf:v2.0\"><aces:amfInfo><aces:description>"
                + "<a>".repeat(100_000) + "</a>".repeat(100_000) + "</aces:description></aces:amfInfo></aces:acesMetadataFile>";
        RushesException e = assertThrows(RushesException.class, () -> AmfReader.read(deep.getBytes(StandardCharsets.UTF_8), "deep.amf"));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
        assertTrue(e.getMessage().startsWith("Cannot read deep.amf: its elements nest deeper than 64 levels"), e.getMessage());
    }

    /** Inline CDL values in an AMF are refused when not finite, with the element and the value. */
    @Test
    void aNonFiniteInlineCdlValueIsRefused() {
        for (String[] c : new String[][] {{"<cdl:Offset>0.1 NaN 0.1</cdl:Offset>", "SOPNode/Offset", "\"NaN\""},
            {"<cdl:Power>1 1 Infinity</cdl:Power>", "SOPNode/Power", "\"Infinity\""},
            {"<cdl:Slope>1e999 1 1</cdl:Slope>", "SOPNode/Slope", "\"1e999\""}}) {
            String sop = "<cdl:Slope>1 1 1</cdl:Slope><cdl:Offset>0 0 0</cdl:Offset><cdl:Power>1 1 1</cdl:Power>"
                    .replaceFirst("<cdl:" + c[1].substring(8) + ">[^<]*</cdl:" + c[1].substring(8) + ">", c[0]);
            String xml = """
                    <aces:acesMetadataFile version="2.0" xmlns:aces="urn:ampas:aces:amf:v2.0" xmlns:cdl="urn:ASC:CDL:v1.01">
                      <aces:amfInfo/><aces:pipeline><aces:lookTransform applied="false">
                        <aces:cdlWorkingSpace><aces:fromCdlWorkingSpace><aces:transformId>urn:ampas:aces:transformId:v1.5:ACEScsc.Academy.ACEScct_to_ACES.a1.0.3</aces:transformId></aces:fromCdlWorkingSpace></aces:cdlWorkingSpace>
                        <cdl:SOPNode>%s</cdl:SOPNode><cdl:SatNode><cdl:Saturation>1</cdl:Saturation></cdl:SatNode>
                      </aces:lookTransform></aces:pipeline></aces:acesMetadataFile>""".formatted(sop);
            RushesException e = assertThrows(RushesException.class, () -> AmfReader.read(xml.getBytes(StandardCharsets.UTF_8), "look.amf"));
            assertEquals(ErrorCode.INVALID_DOCUMENT, e.code(), e.getMessage());
            assertTrue(e.getMessage().startsWith("Cannot read look.amf: at pipeline/lookTransform[1]/" + c[1] + ": ")
                    && e.getMessage().contains(c[2] + " is not a finite number"), e.getMessage());
        }
        String sat = "<aces:acesMetadataFile version=\"2.0\" xmlns:aces=\"urn:ampas:aces:amf:v2.0\"><aces:amfInfo/><aces:pipeline>"
                + "<aces:lookTransform><aces:cdlWorkingSpace><aces:fromCdlWorkingSpace><aces:transformId>x</aces:transformId>"
                + "</aces:fromCdlWorkingSpace></aces:cdlWorkingSpace><SatNode><Saturation>inf</Saturation></SatNode></aces:lookTransform>"
                + "</aces:pipeline></aces:acesMetadataFile>";
        RushesException e = assertThrows(RushesException.class, () -> AmfReader.read(sat.getBytes(StandardCharsets.UTF_8), "sat.amf"));
        assertTrue(e.getMessage().contains("at pipeline/lookTransform[1]/SatNode/Saturation: value 1 \"inf\" is not a finite number"),
                e.getMessage());
    }

    @Test
    void hostileFilesAreRefused(@TempDir Path dir) throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<aces:acesMetadataFile xmlns:aces=\"urn:ampas:aces:amf:v2.0\"><aces:amfInfo><aces:description>&x;</aces:description>"
                + "</aces:amfInfo></aces:acesMetadataFile>";
        RushesException entity = assertThrows(RushesException.class, () -> AmfReader.read(xxe.getBytes(StandardCharsets.UTF_8), "xxe.amf"));
        assertEquals(ErrorCode.CORRUPT, entity.code());
        assertTrue(entity.getMessage().startsWith("Cannot read xxe.amf: not well-formed or not allowed XML") && entity.getMessage().contains("DOCTYPE"),
                entity.getMessage());
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY l \"lol\"><!ENTITY l2 \"&l;&l;&l;&l;&l;&l;&l;&l;&l;&l;\">]>"
                + "<aces:acesMetadataFile xmlns:aces=\"urn:ampas:aces:amf:v2.0\"><aces:amfInfo><aces:description>&l2;</aces:description>"
                + "</aces:amfInfo></aces:acesMetadataFile>";
        RushesException bomb = assertThrows(RushesException.class, () -> AmfReader.read(laughs.getBytes(StandardCharsets.UTF_8), "laughs.amf"));
        assertEquals(ErrorCode.CORRUPT, bomb.code());
        assertTrue(bomb.getMessage().contains("DOCTYPE"), bomb.getMessage());
        byte[] big = new byte[(64 << 20) + 1];
        RushesException large = assertThrows(RushesException.class, () -> AmfReader.read(big, "big.amf"));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, large.code());
        assertTrue(large.getMessage().startsWith("Cannot read big.amf at byte 0: the XML size is 67108865, above the limit of 67108864"), large.getMessage());
        RushesException notAmf = assertThrows(RushesException.class, () -> AmfReader.read("<notAmf/>".getBytes(StandardCharsets.UTF_8), "x.amf"));
        assertEquals(ErrorCode.INVALID_DOCUMENT, notAmf.code());
        assertTrue(notAmf.getMessage().startsWith("Cannot read x.amf: at notAmf: not an ACES Metadata File"), notAmf.getMessage());
        RushesException cut = assertThrows(RushesException.class, () -> AmfReader.read("<aces:acesMetadataFile xmlns:aces=\"urn:ampas:aces:amf:v2.0\">"
                .getBytes(StandardCharsets.UTF_8), "cut.amf"));
        assertEquals(ErrorCode.CORRUPT, cut.code());
        assertTrue(cut.getMessage().startsWith("Cannot read cut.amf: not well-formed or not allowed XML at line 1"), cut.getMessage());
        String climbing = """
                <aces:acesMetadataFile version="2.0" xmlns:aces="urn:ampas:aces:amf:v2.0">
                  <aces:amfInfo/><aces:pipeline><aces:lookTransform applied="false"><aces:file>../../etc/passwd</aces:file></aces:lookTransform>
                  </aces:pipeline></aces:acesMetadataFile>""";
        Amf amf = AmfReader.read(climbing.getBytes(StandardCharsets.UTF_8), "climb.amf");
        RushesException e = assertThrows(RushesException.class, () -> AmfPipeline.build(amf, dir));
        assertEquals(ErrorCode.INVALID_DOCUMENT, e.code());
        assertTrue(e.getMessage().contains("at pipeline/lookTransform[1]: the file ../../etc/passwd is outside the AMF's folder"), e.getMessage());
    }
}
