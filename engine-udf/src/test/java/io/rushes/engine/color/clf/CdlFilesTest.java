package io.rushes.engine.color.clf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import java.nio.charset.StandardCharsets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CdlFilesTest {
    private static Path file(String name) {
        return ClfReaderTest.suite().resolveSibling(name);
    }

    @Test
    void aCollectionListsEveryCorrectionWithItsId() throws Exception {
        List<CdlFiles.Correction> all = CdlFiles.read(Files.readAllBytes(file("cdl_test1.ccc")), "cdl_test1.ccc", "Fwd");
        assertEquals("cc0001", all.get(0).id());
        assertArrayEquals(new double[] {1.0, 1.0, 0.9}, all.get(0).cdl().slope());
        assertEquals(1.7, all.get(0).cdl().saturation());
        assertEquals(all.size(), CdlFiles.read(Files.readAllBytes(file("cdl_test1.cdl")), "cdl_test1.cdl", "Fwd").size(),
                "the decision list holds the same corrections");
    }

    /** The ASC CDL v1.01 schema declares ASC_SOP and ASC_SAT as substitution-group members of SOPNode and SatNode. */
    @Test
    void ascSopAndAscSatReadAsSopNodeAndSatNode() throws Exception {
        ClfNode.Cdl sop = CdlFiles.read(Files.readAllBytes(file("cdl_test_ASC_SOP.cc")), "a", "Fwd").get(0).cdl();
        ClfNode.Cdl sat = CdlFiles.read(Files.readAllBytes(file("cdl_test_ASC_SAT.cc")), "b", "Fwd").get(0).cdl();
        assertArrayEquals(new double[] {1.1, 1.2, 1.3}, sop.slope());
        assertArrayEquals(new double[] {3.1, 3.2, 3.3}, sop.power());
        assertEquals(0.42, sat.saturation());
    }

    @Test
    void aNonFiniteValueInACdlFileIsRefusedWithItsElement() {
        String cc = "<ColorCorrectionCollection xmlns=\"urn:ASC:CDL:v1.01\"><ColorCorrection id=\"a\"><SOPNode><Slope>1 1 1</Slope>"
                + "<Offset>0 0 0</Offset><Power>1 1 1</Power></SOPNode></ColorCorrection><ColorCorrection id=\"b\"><SOPNode>"
                + "<Slope>1 1 1</Slope><Offset>0 Infinity 0</Offset><Power>1 1 1</Power></SOPNode></ColorCorrection></ColorCorrectionCollection>";
        RushesException e = assertThrows(RushesException.class, () -> CdlFiles.read(cc.getBytes(StandardCharsets.UTF_8), "show.ccc", "Fwd"));
        assertEquals(ErrorCode.INVALID_DOCUMENT, e.code());
        assertTrue(e.getMessage().startsWith("Cannot read show.ccc: at ColorCorrectionCollection/ColorCorrection[2]/SOPNode/Offset: "
                + "value 2 \"Infinity\" is not a finite number"), e.getMessage());
    }
}
