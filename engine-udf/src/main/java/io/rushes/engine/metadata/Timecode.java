package io.rushes.engine.metadata;

import io.rushes.engine.error.Errors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SMPTE ST 12-1 timecode at an integer counting rate, with drop-frame counting for the 30 and 60 based
 * NTSC rates. Immutable; frames are counted from 00:00:00:00.
 */
public record Timecode(int hours, int minutes, int seconds, int frames, int rate, boolean dropFrame) {
    private static final Pattern TEXT = Pattern.compile("(\\d{1,2}):(\\d{2}):(\\d{2})([:;.,])(\\d{2,3})");

    public Timecode {
        if (rate <= 0 || rate > 1000) {
            throw Errors.invalidArgument("timecode rate " + rate + " is out of range", "Use a rate between 1 and 1000");
        }
        if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59 || frames < 0 || frames >= rate) {
            throw Errors.invalidArgument("timecode " + hours + ":" + minutes + ":" + seconds + ":" + frames
                    + " is not valid at " + rate + " fps", "Check the timecode and its rate");
        }
        if (dropFrame && rate % 30 != 0) {
            throw Errors.invalidArgument("drop-frame timecode needs a rate of 30 or 60, not " + rate, "Use non-drop-frame");
        }
    }

    /** The integer counting rate for a frame rate: 23.976 counts at 24, 29.97 at 30. */
    public static int countingRate(double fps) {
        return Math.max(1, (int) Math.round(fps));
    }

    /** Whether the text is written as a timecode (HH:MM:SS:FF, ; or , before the frames for drop-frame). */
    public static boolean isTimecode(String text) {
        return text != null && TEXT.matcher(text.strip()).matches();
    }

    public static Timecode parse(String text, int rate) {
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches()) {
            throw Errors.invalidArgument("'" + text + "' is not a timecode", "Write timecode as HH:MM:SS:FF");
        }
        boolean df = m.group(4).equals(";") || m.group(4).equals(",");
        return new Timecode(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(5)), rate, df);
    }

    private int dropPerMinute() {
        return dropFrame ? rate / 15 : 0; // 2 at 30, 4 at 60
    }

    /** Frames since midnight. */
    public long toFrames() {
        long totalMinutes = 60L * hours + minutes;
        long frameNo = ((totalMinutes * 60) + seconds) * rate + frames;
        int drop = dropPerMinute();
        if (drop > 0) {
            frameNo -= drop * (totalMinutes - totalMinutes / 10);
        }
        return frameNo;
    }

    public static Timecode fromFrames(long frameNo, int rate, boolean dropFrame) {
        long perDay = 24L * 3600 * rate;
        int drop = dropFrame ? rate / 15 : 0;
        if (drop > 0) {
            perDay -= 24L * 60 * drop - 24L * 6 * drop;
        }
        frameNo = Math.floorMod(frameNo, perDay);
        if (drop > 0) {
            long framesPer10Min = 600L * rate - 9L * drop;
            long framesPerMin = 60L * rate - drop;
            long tens = frameNo / framesPer10Min;
            long rem = frameNo % framesPer10Min;
            frameNo += 9L * drop * tens;
            if (rem > drop) {
                frameNo += drop * ((rem - drop) / framesPerMin);
            }
        }
        int f = (int) (frameNo % rate);
        long secs = frameNo / rate;
        return new Timecode((int) (secs / 3600), (int) (secs / 60 % 60), (int) (secs % 60), f, rate, dropFrame);
    }

    public Timecode plusFrames(long n) {
        return fromFrames(toFrames() + n, rate, dropFrame);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d%s%02d", hours, minutes, seconds, dropFrame ? ";" : ":", frames);
    }
}
