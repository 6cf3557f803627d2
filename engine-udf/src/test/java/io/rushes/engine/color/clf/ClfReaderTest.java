package io.rushes.engine.color.clf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.Samples;
import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The CLF v3 test suite (Implementation Guide Annex B, from OpenColorIO): legal files load, every illegal/ file is refused. */
class ClfReaderTest {
    static Path suite() {
        return Samples.dir().resolve("clf/OpenColorIO/tests/data/files/clf");
    }

    static Stream<Path> legal() throws Exception {
        try (Stream<Path> s = Files.walk(suite())) {
            return s.filter(p -> p.toString().endsWith(".clf") && !p.toString().contains("/illegal/")).sorted().toList().stream();
        }
    }

    static Stream<Path> illegal() throws Exception {
        try (Stream<Path> s = Files.walk(suite())) {
            return s.filter(p -> p.toString().endsWith(".clf") && p.toString().contains("/illegal/")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("legal")
    void legalFilesLoad(Path file) throws Exception {
        ProcessList list = ClfReader.read(Files.readAllBytes(file), file.toString());
        assertFalse(list.nodes().isEmpty());
        double[] rgb = {0.5, 0.25, 0.125};
        list.apply(rgb);
        for (double v : rgb) {
            assertFalse(Double.isNaN(v), file + " gives NaN for mid grey");
        }
    }

    @org.junit.jupiter.api.Test
    void entitiesAndOversizedArraysAreRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<ProcessList id=\"a\" compCLFversion=\"3.0\"><Description>&x;</Description></ProcessList>";
        RushesException e = assertThrows(RushesException.class, () -> ClfReader.read(xxe.getBytes(), "xxe.clf"));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                + "<ProcessList id=\"a\" compCLFversion=\"3.0\"><Description>&b;</Description></ProcessList>";
        RushesException bomb = assertThrows(RushesException.class, () -> ClfReader.read(laughs.getBytes(), "laughs.clf"));
        assertEquals(ErrorCode.CORRUPT, bomb.code());
        assertTrue(bomb.getMessage().startsWith("Cannot read laughs.clf: not well-formed or not allowed XML") && bomb.getMessage().contains("DOCTYPE"),
                bomb.getMessage());
        String huge = "<ProcessList id=\"a\" compCLFversion=\"3.0\"><LUT3D inBitDepth=\"32f\" outBitDepth=\"32f\">"
                + "<Array dim=\"1000 1000 1000 3\">0 0 0</Array></LUT3D></ProcessList>";
        RushesException big = assertThrows(RushesException.class, () -> ClfReader.read(huge.getBytes(), "huge.clf"));
        assertTrue(big.getMessage().contains("N N N 3"), big.getMessage());
    }

    /**
     * What each file of the suite's illegal/ folders is refused for: the element (or, for XML that is not well-formed,
     * the line and column the parser stopped at) and the reason. A file added to the suite without a row here fails.
     */
    private static final String ILLEGAL = """
            illegal/array_bad_dimension.clf | ProcessList/Matrix[1]/Array | dim="3 3 3 4 5 6 7 8 9 0" is not a list of positive integers
            illegal/array_bad_value.clf | ProcessList/Matrix[1]/Array | value 5 "P" is not a number
            illegal/array_missing_values.clf | ProcessList/Matrix[1]/Array | holds 3 values, not the 9 it takes
            illegal/array_too_many_values.clf | ProcessList/Matrix[1]/Array | holds more than the 9 values it takes
            illegal/cdl_bad_power.clf | ProcessList/ASC_CDL[2]/SOPNode/Power | power must be > 0, not 0.0
            illegal/cdl_bad_sat.clf | ProcessList/ASC_CDL[2]/SatNode/Saturation | holds more than the 1 value it takes
            illegal/cdl_bad_slope.clf | ProcessList/ASC_CDL[2]/SOPNode/Slope | holds 2 values, not the 3 it takes
            illegal/cdl_bad_style.clf | ProcessList/ASC_CDL[2] | ASC_CDL style "invalid_cdl_style" is not Fwd, Rev, FwdNoClamp or RevNoClamp
            illegal/cdl_missing_offset.clf | ProcessList/ASC_CDL[2]/SOPNode | <Offset> is missing
            illegal/cdl_missing_power.clf | ProcessList/ASC_CDL[2]/SOPNode | <Power> is missing
            illegal/cdl_missing_slope.clf | ProcessList/ASC_CDL[2]/SOPNode | <Slope> is missing
            illegal/exponent_bad_param.clf | ProcessList/Exponent[2]/ExponentParams | offset is only for the monCurve styles
            illegal/exponent_bad_value.clf | ProcessList/Exponent[2]/ExponentParams | monCurve needs exponent in [1, 10] and offset in [0, 0.9], not 0.99, 0.0
            illegal/image_png.clf | line 1, column 1 | Invalid byte 1 of 1-byte UTF-8 sequence
            illegal/indexMap_test2.clf | ProcessList/LUT3D[2]/IndexMap | <IndexMap> is not allowed in <LUT3D> (CLF v3)
            illegal/log_bad_param.clf | ProcessList/Log[2]/LogParams | linSideBreak and linearSlope belong to the camera styles, not linToLog
            illegal/log_bad_style.clf | ProcessList/Log[2] | Log style "invalidStyle" is not one of [log10, antiLog10, log2, antiLog2, linToLog, logToLin, cameraLinToLog, cameraLogToLin]
            illegal/log_missing_breakpnt.clf | ProcessList/Log[2]/LogParams | style cameraLogToLin needs linSideBreak
            illegal/lut1d_half_domain_missing_values.clf | ProcessList/LUT1D[4]/Array | a halfDomain LUT1D has exactly 65536 entries, not 32
            illegal/lut1d_half_domain_set_false.clf | ProcessList/LUT1D[4] | halfDomain, when present, must be "true", not "false"
            illegal/lut1d_raw_half_set_false.clf | ProcessList/LUT1D[4] | rawHalfs, when present, must be "true", not "false"
            illegal/lut3d_unequal_size.clf | ProcessList/LUT3D[2]/Array | a LUT3D Array is "N N N 3" with 2 <= N <= 129, not "2 2 3 3"
            illegal/matrix_end_missing.clf | line 5, column 3 | The element type "Matrix" must be terminated by the matching end-tag "</Matrix>"
            illegal/process_list_missing.clf | Matrix | the root element is <Matrix>, not <ProcessList>
            illegal/range_bad_noclamp.clf | ProcessList/Range[2] | a Range with only one pair clamps: style noClamp makes it a no-op
            illegal/range_bad_values.clf | ProcessList/Range[2] | needs maxInValue > minInValue and maxOutValue >= minOutValue
            illegal/range_empty.clf | ProcessList/Range[2] | a Range needs a min pair, a max pair, or both
            illegal/range_nonmatching_clamp.clf | ProcessList/Range[3] | a one-sided Range clamps without scaling, so its in and out values must be equal once normalised
            illegal/transform_bad_outdepth.clf | ProcessList/Matrix[2] | outBitDepth "16d" is not one of 8i, 10i, 12i, 16i, 16f, 32f
            illegal/transform_bitdepth_mismatch.clf | ProcessList/LUT1D[3] | inBitDepth 32f does not match the previous node's outBitDepth 16f
            illegal/transform_corrupted_tag.clf | line 12, column 14 | The end-tag for element type "ProcessList" must end with a '>' delimiter
            illegal/transform_element_end_missing.clf | line 12, column 1 | XML document structures must start and end within the same entity
            illegal/transform_empty.clf | ProcessList | the ProcessList holds no process node
            illegal/transform_missing.clf | line 2, column 1 | Premature end of file
            illegal/transform_missing_inbitdepth.clf | ProcessList/LUT1D[2] | inBitDepth is required
            illegal/transform_missing_outbitdepth.clf | ProcessList/LUT1D[2] | outBitDepth is required
            illegal/unknown_elements.clf | ProcessList/B[5] | <B> is not a CLF v3 process node (Matrix, Range, LUT1D, LUT3D, Log, Exponent, ASC_CDL)
            pre-smpte_only/illegal/log_bad_version.clf | ProcessList/Log[4] | <Log> came with CLF v3; this file declares compCLFversion 2.0
            pre-smpte_only/illegal/process_list_bad_version.clf | ProcessList | compCLFversion "three" is not a version number
            pre-smpte_only/illegal/process_list_higher_version.clf | ProcessList | compCLFversion 3.2 is newer than the CLF 3.0 this reader implements
            pre-smpte_only/illegal/transform_id_empty.clf | ProcessList | a CLF v3 ProcessList needs a non-empty id attribute
            pre-smpte_only/illegal/transform_missing_id.clf | ProcessList | a CLF v3 ProcessList needs a non-empty id attribute
            smpte_only/illegal/id_bad_value.clf | ProcessList/Id[1] | Id "3bae2da8" is not a urn:uuid (ST 2136-1)
            smpte_only/illegal/process_list_higher_ns_version.clf | ProcessList | namespace http://www.smpte-ra.org/ns/2136-1/2025 is not CLF v3 (urn:AMPAS:CLF:v3.0) or SMPTE ST 2136-1:2024
            """;

    @ParameterizedTest(name = "{0}")
    @MethodSource("illegal")
    void illegalFilesAreRefusedWithTheirElementAndReason(Path file) throws Exception {
        String name = suite().relativize(file).toString();
        String[] expected = ILLEGAL.lines().map(l -> l.split(" \\| ", 3)).filter(r -> r[0].equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " has no expected element and reason in ILLEGAL"));
        byte[] bytes = Files.readAllBytes(file);
        RushesException e = assertThrows(RushesException.class, () -> ClfReader.read(bytes, name));
        boolean xml = expected[1].startsWith("line ");
        assertEquals(xml ? ErrorCode.CORRUPT : ErrorCode.INVALID_DOCUMENT, e.code(), e.getMessage());
        String reason = xml ? "not well-formed or not allowed XML at " + expected[1] + ": " + expected[2] : "at " + expected[1] + ": " + expected[2];
        assertEquals(reason, e.reason());
    }

    @org.junit.jupiter.api.Test
    void aDeeplyNestedClfIsRefusedAtTheDepthLimit() {
        String deep = "<ProcessList id=\"a\" compCLFversion=\"3.0\"><Description>" + "<a>".repeat(100_000) + "</a>".repeat(100_000)
                + "</Description></ProcessList>";
        RushesException e = assertThrows(RushesException.class, () -> ClfReader.read(deep.getBytes(), "deep.clf"));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
        assertTrue(e.getMessage().startsWith("Cannot read deep.clf: its elements nest deeper than 64 levels"), e.getMessage());
    }

    private static String clf(String node) {
        return "<ProcessList id=\"a\" compCLFversion=\"3.0\">" + node + "</ProcessList>";
    }

    /** Each kind of number a CLF holds, made NaN or infinite: the node, the element or attribute, and the value. */
    static Stream<Arguments> nonFinite() {
        String io = "inBitDepth=\"32f\" outBitDepth=\"32f\"";
        return Stream.of(
                Arguments.of(clf("<Matrix " + io + "><Array dim=\"3 3\">1 0 0 0 NaN 0 0 0 1</Array></Matrix>"),
                        "ProcessList/Matrix[1]/Array: value 5 \"NaN\""),
                Arguments.of(clf("<Range " + io + "><minInValue>0</minInValue><maxInValue>inf</maxInValue><minOutValue>0</minOutValue>"
                        + "<maxOutValue>1</maxOutValue></Range>"), "ProcessList/Range[1]/maxInValue: value 1 \"inf\""),
                Arguments.of(clf("<LUT1D " + io + "><Array dim=\"2 1\">0 1e400</Array></LUT1D>"), "ProcessList/LUT1D[1]/Array: value 2 \"1e400\""),
                Arguments.of(clf("<LUT1D inBitDepth=\"16f\" outBitDepth=\"16f\" rawHalfs=\"true\"><Array dim=\"2 1\">0 31744</Array></LUT1D>"),
                        "ProcessList/LUT1D[1]/Array: value 2 (raw half 31744) is infinite or NaN"),
                Arguments.of(clf("<LUT3D " + io + "><Array dim=\"2 2 2 3\">" + "0 0 0 ".repeat(7) + "0 -Infinity 0</Array></LUT3D>"),
                        "ProcessList/LUT3D[1]/Array: value 23 \"-Infinity\""),
                Arguments.of(clf("<Log " + io + " style=\"linToLog\"><LogParams base=\"NaN\"/></Log>"),
                        "ProcessList/Log[1]/LogParams/@base: \"NaN\""),
                Arguments.of(clf("<Log " + io + " style=\"cameraLinToLog\"><LogParams linSideBreak=\"0.01\" linSideSlope=\"Infinity\"/></Log>"),
                        "ProcessList/Log[1]/LogParams/@linSideSlope: \"Infinity\""),
                Arguments.of(clf("<Exponent " + io + " style=\"basicFwd\"><ExponentParams exponent=\"inf\"/></Exponent>"),
                        "ProcessList/Exponent[1]/ExponentParams/@exponent: \"inf\""),
                Arguments.of(clf("<ASC_CDL " + io + "><SOPNode><Slope>1 1 1</Slope><Offset>NaN 0 0</Offset><Power>1 1 1</Power></SOPNode></ASC_CDL>"),
                        "ProcessList/ASC_CDL[1]/SOPNode/Offset: value 1 \"NaN\""),
                Arguments.of(clf("<ASC_CDL " + io + "><SatNode><Saturation>1e309</Saturation></SatNode></ASC_CDL>"),
                        "ProcessList/ASC_CDL[1]/SatNode/Saturation: value 1 \"1e309\""));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("nonFinite")
    void nonFiniteValuesAreRefusedWhereTheyAreRead(String xml, String where) {
        RushesException e = assertThrows(RushesException.class, () -> ClfReader.read(xml.getBytes(), "nan.clf"));
        assertEquals(ErrorCode.INVALID_DOCUMENT, e.code());
        assertTrue(e.getMessage().startsWith("Cannot read nan.clf: at " + where), e.getMessage());
        assertTrue(e.getMessage().contains(" is not a finite number. ") || e.getMessage().contains(" is infinite or NaN. "), e.getMessage());
    }
}
