package io.rushes.engine.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.error.RushesException;
import org.junit.jupiter.api.Test;

class TimecodeTest {
    @Test
    void dropFrameSkipsTwoFrameNumbersEachMinuteButNotEveryTenth() {
        Timecode t = Timecode.parse("00:00:59;29", 30);
        assertEquals("00:01:00;02", t.plusFrames(1).toString());
        assertEquals("00:10:00;00", Timecode.parse("00:09:59;29", 30).plusFrames(1).toString());
        // one hour of 29.97 DF is 107,892 frames (SMPTE 12M)
        assertEquals(107_892, Timecode.parse("01:00:00;00", 30).toFrames());
    }

    @Test
    void roundTripsEveryFrameOfAnHourAtEachRate() {
        for (int rate : new int[] {24, 25, 30, 60}) {
            for (boolean df : rate % 30 == 0 ? new boolean[] {false, true} : new boolean[] {false}) {
                for (long f = 0; f < 3600L * rate; f += 7) {
                    assertEquals(f, Timecode.fromFrames(f, rate, df).toFrames(), rate + (df ? "DF" : "") + " frame " + f);
                }
            }
        }
    }

    @Test
    void wrapsAtMidnight() {
        assertEquals("00:00:00:00", Timecode.parse("23:59:59:23", 24).plusFrames(1).toString());
    }

    @Test
    void refusesImpossibleTimecodes() {
        RushesException e = assertThrows(RushesException.class, () -> Timecode.parse("10:00:00:25", 25));
        assertEquals("INVALID_ARGUMENT", e.code().name());
        assertTrue(e.getMessage().startsWith("Cannot go on: timecode 10:0:0:25"), e.getMessage());
        RushesException junk = assertThrows(RushesException.class, () -> Timecode.parse("not a timecode", 24));
        assertEquals("INVALID_ARGUMENT", junk.code().name());
        assertEquals("Cannot go on: 'not a timecode' is not a timecode. Write timecode as HH:MM:SS:FF", junk.getMessage());
    }

    @Test
    void bcdBytesFollowSmpte331() {
        Timecode tc = new Timecode(10, 2, 0, 1, 24, false);
        byte[] b = SmpteTimecodeBytes.encode(tc);
        assertEquals(0x01, b[0]);
        assertEquals(0x00, b[1]);
        assertEquals(0x02, b[2]);
        assertEquals(0x10, b[3]);
        assertEquals(tc, SmpteTimecodeBytes.decode(b, 0, 24));
        assertNull(SmpteTimecodeBytes.decode(new byte[] {(byte) 0xFA, 0, 0, 0}, 0, 24), "0xA is not a BCD digit");
    }

    /** DPX (SMPTE ST 268) holds the same BCD digits in one word, hours in its top byte: one decoder for both. */
    @Test
    void aTimecodeWordDecodesWithTheSameBcdRules() {
        assertEquals(new Timecode(10, 2, 0, 1, 24, false), SmpteTimecodeBytes.decodeWord(0x10020001L, 24));
        assertEquals(new Timecode(1, 0, 0, 2, 30, true), SmpteTimecodeBytes.decodeWord(0x01000042L, 30), "bit 6 of the frames is drop-frame");
        assertEquals(new Timecode(1, 0, 0, 2, 25, false), SmpteTimecodeBytes.decodeWord(0x01000042L, 25), "no drop-frame at 25");
        assertNull(SmpteTimecodeBytes.decodeWord(0x1002003AL, 24), "0xA is not a BCD digit");
        assertEquals("10:02:00:3a", SmpteTimecodeBytes.digitsOfWord(0x1002003AL));
        assertEquals("10:02:00:01", SmpteTimecodeBytes.digits(new byte[] {0x01, 0x00, 0x02, 0x10}, 0));
    }

    @Test
    void oneRuleSaysWhatTextIsATimecode() {
        assertEquals(true, Timecode.isTimecode(" 01:00:00;00 "));
        assertEquals(true, Timecode.isTimecode("1:00:00:00"));
        assertEquals(true, Timecode.isTimecode("01:00:00.000"));
        assertEquals(false, Timecode.isTimecode("01:00:00"));
        assertEquals(false, Timecode.isTimecode("01-00-00-00"));
        assertEquals(false, Timecode.isTimecode(null));
    }
}
