package io.rushes.engine.format.cr3;

import io.rushes.engine.error.Errors;
import io.rushes.engine.format.quicktime.Atom;
import io.rushes.engine.format.quicktime.AtomReader;
import io.rushes.engine.format.quicktime.QuickTimeHeader;
import io.rushes.engine.format.tiff.TiffStructure;
import io.rushes.engine.io.BinaryReader;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Canon CR3 still or CRM (Cinema RAW Light) movie: an ISO BMFF container whose movie header holds a
 * Canon box (uuid 85c0b687-820f-11e0-8111-f4ce462b6a48) with the EXIF as embedded TIFF blocks: CMT1
 * (IFD0: make, model), CMT2 (EXIF: exposure, lens, serial), CMT3 (Canon maker notes), CMT4 (GPS).
 */
public record Cr3Header(QuickTimeHeader movie, Map<String, TiffStructure> exif) {
    static final String CANON_UUID = "85c0b687820f11e08111f4ce462b6a48";

    public static Cr3Header read(BinaryReader in) {
        QuickTimeHeader movie = QuickTimeHeader.read(in);
        AtomReader atoms = new AtomReader(in);
        Atom moov = AtomReader.first(atoms.children(0, in.size(), 0), "moov");
        Map<String, TiffStructure> exif = new LinkedHashMap<>();
        if (moov == null) {
            throw Errors.corrupt(in.name(), 0, "no movie header ('moov' box)");
        }
        for (Atom box : atoms.children(moov.payloadStart(), Math.min(moov.end(), in.size()), 1)) {
            if (!box.type().equals("uuid") || box.payloadSize() < 16
                    || !HexFormat.of().formatHex(in.bytes(box.payloadStart(), 16, "a box UUID")).equals(CANON_UUID)) {
                continue;
            }
            List<Atom> canon = atoms.children(box.payloadStart() + 16, box.end(), 2);
            for (Atom a : canon) {
                if (a.type().startsWith("CMT") && a.payloadSize() >= 8) {
                    exif.put(a.type(), TiffStructure.read(in, a.payloadStart()));
                }
            }
        }
        if (exif.isEmpty()) {
            throw Errors.corrupt(in.name(), moov.start(), "the movie header has no Canon metadata box (CMT1–CMT4)");
        }
        return new Cr3Header(movie, exif);
    }
}
