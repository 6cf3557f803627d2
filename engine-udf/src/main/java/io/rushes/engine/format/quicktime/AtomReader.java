package io.rushes.engine.format.quicktime;

import io.rushes.engine.error.Errors;
import io.rushes.engine.io.BinaryReader;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks QuickTime / ISO BMFF atoms with every size checked against its parent, a depth limit and a
 * total-atom limit, so a hostile file cannot loop, overflow or exhaust memory.
 */
public final class AtomReader {
    public static final int MAX_ATOMS = 200_000;
    public static final int MAX_DEPTH = 16;

    private final BinaryReader in;
    private int seen;

    public AtomReader(BinaryReader in) {
        this.in = in;
        in.order(ByteOrder.BIG_ENDIAN);
    }

    public BinaryReader in() {
        return in;
    }

    /** The atoms directly inside {@code [from, to)}. */
    public List<Atom> children(long from, long to, int depth) {
        if (depth > MAX_DEPTH) {
            throw Errors.limitExceeded(in.name(), from, "the atom nesting depth", depth, MAX_DEPTH);
        }
        List<Atom> out = new ArrayList<>();
        long at = from;
        while (at + 8 <= to) {
            if (++seen > MAX_ATOMS) {
                throw Errors.limitExceeded(in.name(), at, "the number of atoms", seen, MAX_ATOMS);
            }
            long size = in.u32(at);
            String type = Atom.fourcc(in.u32(at + 4));
            long header = 8;
            if (size == 1) {
                in.require(at, 16, "a 64-bit atom size");
                size = in.u64(at + 8);
                header = 16;
            } else if (size == 0) {
                size = to - at;
            }
            if (size < header || size > to - at) {
                if (depth == 0 && size > to - at && size >= header) {
                    // A top-level atom cut short (a truncated file): keep what is there, flagged by the caller.
                    out.add(new Atom(type, at, at + header, to));
                    truncatedAt = at;
                    break;
                }
                throw Errors.corrupt(in.name(), at, "atom '" + printable(type) + "' declares " + size
                        + " bytes but only " + (to - at) + " remain in its parent");
            }
            out.add(new Atom(type, at, at + header, at + size));
            at += size;
        }
        return out;
    }

    private long truncatedAt = -1;

    /** Offset of the top-level atom that runs past the end of the file, or -1. */
    public long truncatedAt() {
        return truncatedAt;
    }

    public static Atom first(List<Atom> atoms, String type) {
        for (Atom a : atoms) {
            if (a.type().equals(type)) {
                return a;
            }
        }
        return null;
    }

    static String printable(String type) {
        StringBuilder sb = new StringBuilder();
        for (char c : type.toCharArray()) {
            sb.append(c >= 32 && c < 127 ? c : '?');
        }
        return sb.toString();
    }
}
