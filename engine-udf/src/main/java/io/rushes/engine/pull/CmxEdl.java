package io.rushes.engine.pull;

import io.rushes.engine.error.Errors;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.fdl.FdlLinks;
import io.rushes.engine.metadata.Timecode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CMX3600 EDLs as a pull list: each video event's source range (the EDL's source out is exclusive; a shot's last
 * timecode is inclusive), its clip (the {@code * FROM CLIP NAME:} comment, as Avid, Premiere, Nucoda and Resolve
 * write it), its shot name (a {@code * LOC:} marker, else the clip), the editor's ASC CDL ({@code *ASC_SOP} /
 * {@code *ASC_SAT}, with or without the colon) and the FDL framing decision of the FDL specification's appendix H.
 * A dissolve's outgoing side is pulled for the dissolve's length. Audio-only events are left out; retimes (M2) and
 * freeze frames are pulled at their source range and noted.
 */
public final class CmxEdl {
    private static final String TC = "(\\d{2}[:;.,]\\d{2}[:;.,]\\d{2}[:;.,]\\d{2})";
    private static final Pattern EVENT = Pattern.compile(
            "^(\\d{1,6})\\s+(\\S+)\\s+(\\S+)\\s+(C|D|W\\d{3}|K|KB|KO)\\s+(\\d{1,4}\\s+)?" + TC + "\\s+" + TC + "\\s+" + TC + "\\s+" + TC + "\\s*$");
    private static final Pattern SOP = Pattern.compile("^\\*\\s*ASC_SOP:?\\s*\\(([^)]*)\\)\\s*\\(([^)]*)\\)\\s*\\(([^)]*)\\)\\s*$");
    private static final Pattern SAT = Pattern.compile("^\\*\\s*ASC_SAT:?\\s*(\\S+)\\s*$");
    private static final Pattern CLIP_NAME = Pattern.compile("^\\*\\s*(FROM|TO) CLIP NAME:\\s*(.+)$");
    private static final Pattern LOC = Pattern.compile("^\\*\\s*LOC:\\s*" + TC + "\\s+\\S+\\s+(\\S+).*$");
    private static final Pattern M2 = Pattern.compile("^M2\\s+(\\S+)\\s+(-?\\d+(?:\\.\\d+)?)\\s+" + TC + "\\s*$");

    private CmxEdl() {
    }

    /** One event line and the lines after it that belong to it. */
    private static final class Event {
        final int line;
        final Matcher m;
        final List<String> comments = new ArrayList<>();
        String speed;

        Event(int line, Matcher m) {
            this.line = line;
            this.m = m;
        }
    }

    /** Reads an EDL whose timecodes count at {@code rate} frames per second (an EDL does not say its rate). */
    public static PullLists.Read read(byte[] bytes, String file, int rate) {
        if (bytes.length > PullLists.MAX_BYTES) {
            throw Errors.documentTooLarge(file, "EDL", PullLists.MAX_BYTES);
        }
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n|\r");
        List<Event> events = new ArrayList<>();
        List<RushesException> errors = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean dropFrame = false;
        boolean sawEvent = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.length() > PullLists.MAX_FIELD_CHARS) {
                throw Errors.invalidDocument(file, "line " + (i + 1), "is longer than " + PullLists.MAX_FIELD_CHARS + " characters",
                        "Check that this is a CMX3600 EDL");
            }
            if (line.isEmpty() || line.startsWith("TITLE:")) {
                continue;
            }
            if (line.startsWith("FCM:")) {
                dropFrame = line.toUpperCase(Locale.ROOT).contains("DROP FRAME") && !line.toUpperCase(Locale.ROOT).contains("NON-DROP");
                continue;
            }
            Matcher event = EVENT.matcher(line);
            if (event.matches()) {
                sawEvent = true;
                Event e = new Event(i + 1, event);
                events.add(e);
                if (dropFrame) {
                    e.comments.add("FCM DROP");
                }
                if (events.size() > PullLists.MAX_SHOTS) {
                    throw Errors.limitExceeded(file, -1, "the number of events", events.size(), PullLists.MAX_SHOTS);
                }
                continue;
            }
            Matcher m2 = M2.matcher(line);
            if (m2.matches() && !events.isEmpty()) {
                events.get(events.size() - 1).speed = m2.group(2);
                continue;
            }
            if (line.startsWith("*") || line.startsWith("AUD") || line.startsWith("SPLIT") || line.startsWith(">>>")) {
                if (!events.isEmpty() && line.startsWith("*")) {
                    events.get(events.size() - 1).comments.add(line);
                }
                continue;
            }
            errors.add(Errors.invalidDocument(file, "line " + (i + 1), "is not a CMX3600 event, comment or note: '" + line + "'",
                    "Check the line (an event is: number, reel, channels, transition, four timecodes)"));
        }
        if (!sawEvent) {
            throw Errors.invalidDocument(file, "line 1", "holds no CMX3600 event", "Check that this is an EDL (a CMX3600 event list)");
        }
        List<Shot> shots = new ArrayList<>();
        for (int k = 0; k < events.size(); k++) {
            Event e = events.get(k);
            try {
                Event next = k + 1 < events.size() ? events.get(k + 1) : null;
                boolean outgoingOfDissolve = next != null && next.m.group(1).equals(e.m.group(1)) && next.m.group(4).equals("D");
                Shot s = shot(e, file, rate, outgoingOfDissolve ? next : null, notes);
                if (s != null) {
                    shots.add(s);
                }
            } catch (RushesException ex) {
                errors.add(ex);
            }
        }
        return new PullLists.Read(List.copyOf(shots), List.copyOf(errors), List.copyOf(notes));
    }

    private static Shot shot(Event e, String file, int rate, Event dissolveIn, List<String> notes) {
        String number = e.m.group(1);
        String channels = e.m.group(3).toUpperCase(Locale.ROOT);
        if (!channels.contains("V") && !channels.equals("B")) {
            return null; // audio only: nothing to pull as plates
        }
        String where = "line " + e.line + ", event " + number;
        boolean drop = e.comments.contains("FCM DROP");
        Timecode in = timecode(e.m.group(6), rate, drop, file, where);
        Timecode out = timecode(e.m.group(7), rate, drop, file, where);
        long length = out.toFrames() - in.toFrames();
        if (dissolveIn != null) {
            // The outgoing side of a dissolve plays on through it: pull it for the dissolve's length.
            length = Integer.parseInt(dissolveIn.m.group(5).strip());
            notes.add(file + ":" + e.line + ": event " + number + " dissolves out over " + length + " frames: its outgoing clip is pulled for them");
        }
        if (length < 0) {
            throw Errors.invalidDocument(file, where, "the source out " + out + " is before the source in " + in,
                    "Fix the event's source timecodes");
        }
        if (length == 0) {
            return null; // the zero-length from-side of a transition with no duration
        }
        if (e.speed != null) {
            notes.add(file + ":" + e.line + ": event " + number + (Double.parseDouble(e.speed) == 0 ? " is a freeze frame" : " is retimed to "
                    + e.speed + " fps") + " (M2): its source range is pulled as the EDL gives it");
        }
        String from = null;
        String to = null;
        String shotName = null;
        Shot.Cdl cdl = null;
        double[][] sop = null;
        Double sat = null;
        for (String c : e.comments) {
            Matcher name = CLIP_NAME.matcher(c);
            if (name.matches() && name.group(1).equals("FROM")) {
                from = clipName(name.group(2));
            } else if (name.matches()) {
                to = clipName(name.group(2));
            }
            Matcher loc = LOC.matcher(c);
            if (loc.matches()) {
                shotName = loc.group(2);
            }
            Matcher s = SOP.matcher(c);
            if (s.matches()) {
                sop = new double[][] {triple(s.group(1), file, where), triple(s.group(2), file, where), triple(s.group(3), file, where)};
            }
            Matcher t = SAT.matcher(c);
            if (t.matches()) {
                sat = finite(t.group(1), file, where);
            }
        }
        String clip;
        if (dissolveIn != null) {
            // The outgoing line carries no comments: the dissolve's own comments name it FROM, the incoming clip TO.
            clip = dissolveIn.comments.stream().map(CLIP_NAME::matcher).filter(Matcher::matches).filter(n -> n.group(1).equals("FROM"))
                    .map(n -> clipName(n.group(2))).findFirst().orElse(null);
        } else {
            clip = e.m.group(4).equals("D") && to != null ? to : from;
        }
        if (sop != null || sat != null) {
            cdl = cdl(sop, sat);
        }
        FdlLinks.Reference fdl = FdlLinks.fromEdlComments(e.comments).orElse(null);
        String reel = e.m.group(2);
        String shot = shotName != null ? shotName : clip != null ? clip : "event " + number;
        Timecode last = Timecode.fromFrames(in.toFrames() + length - 1, rate, drop);
        return new Shot(file + ":" + e.line, shot, clip, reel.equals("BL") || reel.equals("AX") ? null : reel, in, last, null, null, 0, 1, cdl,
                fdl, null, null);
    }

    /** A CDL from an {@code *ASC_SOP} line (or null: identity) and an ASC_SAT value (or null: 1), as the ALE columns give them. */
    static Shot.Cdl cdl(String sopLine, String satText, String file, String where) {
        double[][] sop = null;
        if (sopLine != null) {
            Matcher s = SOP.matcher(sopLine.strip());
            if (!s.matches()) {
                throw Errors.invalidDocument(file, where + ", ASC_SOP", "'" + sopLine + "' is not (slope)(offset)(power)",
                        "Write slope, offset and power as (r g b) each");
            }
            sop = new double[][] {triple(s.group(1), file, where), triple(s.group(2), file, where), triple(s.group(3), file, where)};
        }
        return cdl(sop, satText == null ? null : finite(satText, file, where));
    }

    private static Shot.Cdl cdl(double[][] sop, Double sat) {
        double[] one = {1, 1, 1};
        double[] zero = {0, 0, 0};
        return new Shot.Cdl(sop == null ? one : sop[0], sop == null ? zero : sop[1], sop == null ? one : sop[2], sat == null ? 1 : sat);
    }

    /** "ZZ100_501 (LAY3)" → "ZZ100_501": editors append take notes and retime rates in parentheses; "FF" marks a freeze. */
    private static String clipName(String text) {
        String name = text.strip();
        int paren = name.indexOf(" (");
        if (paren > 0) {
            name = name.substring(0, paren);
        }
        if (name.endsWith(" FF")) {
            name = name.substring(0, name.length() - 3);
        }
        return name.strip();
    }

    private static Timecode timecode(String text, int rate, boolean drop, String file, String where) {
        Timecode tc = PullLists.timecode(text, "timecode", rate, file, where);
        return drop && !tc.dropFrame() ? new Timecode(tc.hours(), tc.minutes(), tc.seconds(), tc.frames(), rate, true) : tc;
    }

    private static double[] triple(String text, String file, String where) {
        String[] parts = text.strip().split("\\s+");
        if (parts.length != 3) {
            throw Errors.invalidDocument(file, where + ", ASC_SOP", "'(" + text + ")' does not hold three numbers",
                    "Write slope, offset and power as (r g b) each");
        }
        return new double[] {finite(parts[0], file, where), finite(parts[1], file, where), finite(parts[2], file, where)};
    }

    private static double finite(String text, String file, String where) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw Errors.invalidDocument(file, where + ", ASC CDL", "'" + text + "' is not a finite number", "Write CDL values as decimal numbers");
    }
}
