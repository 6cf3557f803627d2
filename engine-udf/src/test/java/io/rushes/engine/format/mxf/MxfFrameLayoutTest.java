package io.rushes.engine.format.mxf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.Samples;
import io.rushes.engine.TestInspect;
import io.rushes.engine.metadata.ClipField;
import io.rushes.engine.metadata.ClipMetadata;
import org.junit.jupiter.api.Test;

/** Interlaced MXF: the frame's height (both fields) and the field layout, from the picture descriptor's FrameLayout. */
class MxfFrameLayoutTest {

    /** The bmx D10 (IMX 50, 625 lines) sample: FrameLayout 1 (separate fields), StoredHeight 304, VideoLineMap 7/320, FieldDominance 1. */
    @Test
    void theD10SampleReportsItsFrameNotOneField() {
        ClipMetadata md = TestInspect.one(Samples.dir().resolve("video/bmx_d10_qt_klv_sample.mxf")).metadata();
        assertEquals(720, md.get(ClipField.WIDTH));
        assertEquals(608, md.get(ClipField.HEIGHT));
        assertEquals(576, md.get(ClipField.ACTIVE_HEIGHT)); // DisplayHeight 288 a field
        assertEquals("interlaced tff", md.get(ClipField.SCAN_TYPE));
        assertEquals("1", md.raw("MXF:FrameLayout"));
    }

    @Test
    void aFullFrameSampleIsProgressiveAtItsStoredHeight() {
        ClipMetadata md = TestInspect.one(Samples.dir().resolve("video/filetype_fixture.mxf")).metadata();
        assertEquals(576, md.get(ClipField.HEIGHT));
        assertEquals("progressive", md.get(ClipField.SCAN_TYPE));
    }

    @Test
    void layoutsThatStoreFieldsDoubleTheHeight() {
        assertFalse(MxfFormat.storesFields(MxfFormat.FULL_FRAME));
        assertTrue(MxfFormat.storesFields(MxfFormat.SEPARATE_FIELDS));
        assertTrue(MxfFormat.storesFields(MxfFormat.MIXED_FIELDS));
        assertTrue(MxfFormat.storesFields(MxfFormat.SEGMENTED_FRAME));
        assertFalse(MxfFormat.storesFields(MxfFormat.SINGLE_FIELD)); // one field is all there is
    }

    /** Lines of opposite parity: the first field is the top one; FieldDominance says which field is shown first. */
    @Test
    void theFieldOrderFollowsTheLineMapAndDominance() {
        byte[] first = {1};
        byte[] second = {2};
        assertEquals("interlaced tff", MxfFormat.scanType(MxfFormat.SEPARATE_FIELDS, new long[] {7, 320}, first));
        assertEquals("interlaced tff", MxfFormat.scanType(MxfFormat.MIXED_FIELDS, new long[] {21, 284}, null)); // dominance defaults to 1
        assertEquals("interlaced bff", MxfFormat.scanType(MxfFormat.MIXED_FIELDS, new long[] {21, 284}, second));
        assertEquals("interlaced bff", MxfFormat.scanType(MxfFormat.SEPARATE_FIELDS, new long[] {22, 284}, first));
        assertEquals("interlaced tff", MxfFormat.scanType(MxfFormat.SEPARATE_FIELDS, new long[] {22, 284}, second));
        assertEquals("interlaced", MxfFormat.scanType(MxfFormat.SEPARATE_FIELDS, new long[] {42}, first));
        assertEquals("psf", MxfFormat.scanType(MxfFormat.SEGMENTED_FRAME, new long[] {21, 584}, first));
        assertEquals("single field", MxfFormat.scanType(MxfFormat.SINGLE_FIELD, new long[] {21}, first));
        assertEquals("progressive", MxfFormat.scanType(MxfFormat.FULL_FRAME, new long[] {42, 0}, null));
    }
}
