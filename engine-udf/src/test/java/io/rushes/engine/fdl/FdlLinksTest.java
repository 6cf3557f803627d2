package io.rushes.engine.fdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FdlLinksTest {
    /** Appendix E's two contexts: one clip named with its movie file, one with a frame sequence. */
    private static final Fdl CLIPS = FdlReader.load("""
            {"uuid": "BCD142EB-3BAA-4EA8-ADD8-A46AE8DC4D97", "version": {"major": 2, "minor": 0},
             "framing_intents": [{"id": "FDLSMP01", "aspect_ratio": {"width": 16, "height": 9}}],
             "contexts": [
              {"label": "movie", "clip_id": {"clip_name": "A002_C307_0523JT", "file": "A002_C307_0523JT.MOV"},
               "canvases": [{"id": "C1", "source_canvas_id": "C1", "dimensions": {"width": 3840, "height": 2160},
                 "framing_decisions": [{"id": "C1-FDLSMP01", "framing_intent_id": "FDLSMP01",
                   "dimensions": {"width": 3840, "height": 2160}, "anchor_point": {"x": 0, "y": 0}}]}]},
              {"label": "frames", "clip_id": {"clip_name": "A003_C307_0523JT",
                 "sequence": {"value": "A003_C307_0523JT_###.exr", "idx": "#", "min": 0, "max": 100}},
               "canvases": [{"id": "C2", "source_canvas_id": "C2", "dimensions": {"width": 4096, "height": 2160},
                 "framing_decisions": [{"id": "C2-FDLSMP01", "framing_intent_id": "FDLSMP01",
                   "dimensions": {"width": 3840, "height": 2160}, "anchor_point": {"x": 128, "y": 0}}]}]}]}
            """.getBytes(StandardCharsets.UTF_8), "clips.fdl");

    @Test
    void clipsAreFoundByNameFileOrSequenceRange() {
        assertEquals("movie", FdlLinks.forClip(List.of(CLIPS), "A002_C307_0523JT", null).get(0).context().label());
        assertEquals("file", FdlLinks.forClip(List.of(CLIPS), "renamed", "A002_C307_0523JT.MOV").get(0).how());
        List<FdlLinks.ClipMatch> frame = FdlLinks.forClip(List.of(CLIPS), null, "A003_C307_0523JT_042.exr");
        assertEquals("sequence", frame.get(0).how());
        assertEquals("C2", frame.get(0).context().canvases().get(0).id());
        assertTrue(FdlLinks.forClip(List.of(CLIPS), null, "A003_C307_0523JT_101.exr").isEmpty(), "after max");
        assertTrue(FdlLinks.forClip(List.of(CLIPS), null, "A003_C307_0523JT_42.exr").isEmpty(), "fewer digits than ###");
        assertTrue(FdlLinks.forClip(List.of(CLIPS), null, "B003_C307_0523JT_042.exr").isEmpty());
        assertEquals("sequence", FdlLinks.forClip(List.of(CLIPS), null, "A003_C307_0523JT_0042.exr").get(0).how(), "wider frame numbers");
    }

    @Test
    void theExrAttributeCarriesTheWholeDocument() throws Exception {
        byte[] attr = FdlLinks.exrAttribute(CLIPS);
        byte[] head = "ascFramingDecisionList\0string\0".getBytes(StandardCharsets.US_ASCII);
        assertTrue(Arrays.equals(head, Arrays.copyOf(attr, head.length)));
        int size = ByteBuffer.wrap(attr, head.length, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        assertEquals(attr.length - head.length - 4, size);
        byte[] value = Arrays.copyOfRange(attr, head.length + 4, attr.length);
        assertEquals(CLIPS.tree(), new ObjectMapper().readTree(value));
        assertTrue(FdlReader.read(value, "from-exr").valid());
    }

    @Test
    void aleAndEdlReferencesRoundTrip() {
        Map<String, String> ale = FdlLinks.aleColumns(CLIPS, "C2-FDLSMP01");
        assertEquals(Map.of("fdl-uuid", "BCD142EB-3BAA-4EA8-ADD8-A46AE8DC4D97", "fdl-framing-decision-id", "C2-FDLSMP01"), ale);
        List<String> edl = FdlLinks.edlComments(CLIPS, "C2-FDLSMP01");
        assertEquals(List.of("* FDL-UUID: BCD142EB-3BAA-4EA8-ADD8-A46AE8DC4D97", "* FDL-FRAMING-DECISION-ID: C2-FDLSMP01"), edl);
        FdlLinks.Reference ref = FdlLinks.fromEdlComments(List.of("* FROM CLIP NAME: A003", edl.get(0), edl.get(1))).orElseThrow();
        assertEquals(FdlLinks.fromAle(ale).orElseThrow(), ref);
        assertEquals(new Fdl.Dimensions(3840, 2160), FdlLinks.resolve(List.of(CLIPS), ref).orElseThrow().dimensions());
        // Appendix H's table spells the field FDL-FRAMING_DECISION-ID: both spellings are read.
        assertTrue(FdlLinks.fromEdlComments(List.of("* FDL-UUID: X", "* FDL-FRAMING_DECISION-ID: Y")).isPresent());
        assertTrue(FdlLinks.fromEdlComments(List.of("* FDL-UUID: X")).isEmpty());
        RushesException e = assertThrows(RushesException.class, () -> FdlLinks.edlComments(CLIPS, "NOPE"));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().contains("has no framing decision 'NOPE'") && e.getMessage().contains("framing decision ids"), e.getMessage());
    }
}
