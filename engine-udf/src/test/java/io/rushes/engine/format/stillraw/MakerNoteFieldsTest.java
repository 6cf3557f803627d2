package io.rushes.engine.format.stillraw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rushes.engine.Samples;
import io.rushes.engine.TestInspect;
import io.rushes.engine.deliver.tiff.TiffWriter;
import io.rushes.engine.format.tiff.TiffTags;
import io.rushes.engine.metadata.ClipField;
import io.rushes.engine.metadata.ClipMetadata;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lens and serial fields that cameras keep in their maker notes, as ExifTool reads them. */
class MakerNoteFieldsTest {
    @TempDir
    Path dir;

    private static ClipMetadata sample(String name) {
        return TestInspect.one(Samples.dir().resolve("raw/" + name)).metadata();
    }

    private static JsonNode exiftool(String name) throws IOException {
        return new ObjectMapper().readTree(Samples.dir().resolve("raw/" + name + ".exiftool.json").toFile()).get(0);
    }

    /** Nikon's maker-note Lens (0x0084) is the lens specification: ExifTool's "18 70 3.5 4.5" (printed 18-70mm f/3.5-4.5). */
    @Test
    void theNikonMakerNoteLensSpecificationIsTheLens() throws IOException {
        assertEquals("18 70 3.5 4.5", exiftool("exiftool_Nikon.nef").get("MakerNotes:Lens").asText());
        assertEquals("18-70 mm f/3.5-4.5", sample("exiftool_Nikon.nef").get(ClipField.LENS_MODEL));
    }

    /** The internal serial in Canon's CR3 maker notes (CMT3, tag 0x96), beside the body serial of the EXIF. */
    @Test
    void canonCr3InternalSerialNumbers() throws IOException {
        for (String name : new String[] {"exiftool_CanonRaw.cr3", "filetype_canon-eos-r.cr3"}) {
            ClipMetadata md = sample(name);
            assertEquals(exiftool(name).get("MakerNotes:InternalSerialNumber").asText(), md.get(ClipField.CAMERA_INTERNAL_SERIAL), name);
            assertEquals(exiftool(name).get("EXIF:SerialNumber").asText(), md.get(ClipField.CAMERA_SERIAL), name);
        }
    }

    /**
     * Panasonic's maker note 0x25 holds 16 bytes, "F350807010058" and a NUL, then padding (ExifTool's JSON shows
     * "F350807010058^" with the NULs dropped; it prints "(F35) 2008:07:01 no. 0058"). The text ends at the NUL.
     */
    @Test
    void panasonicRw2InternalSerialNumber() throws IOException {
        assertEquals("F350807010058^", exiftool("exiftool_Panasonic.rw2").get("MakerNotes:InternalSerialNumber").asText());
        ClipMetadata md = sample("exiftool_Panasonic.rw2");
        assertEquals("F350807010058", md.get(ClipField.CAMERA_INTERNAL_SERIAL));
        assertNull(md.get(ClipField.CAMERA_SERIAL), "the internal number is not the one printed on the body");
    }

    /**
     * Canon's maker note keeps the internal serial in tag 0x96 in CR2 as in CR3: a minimal TIFF with Make Canon
     * and a one-entry maker note (exiftool -InternalSerialNumber on it: CG0156580).
     */
    @Test
    void canonMakerNoteInternalSerialInATiffRaw() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(140).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        b.putShort((short) 2) // IFD0: Make, ExifIFD
                .putShort((short) TiffTags.MAKE).putShort((short) 2).putInt(6).putInt(100)
                .putShort((short) TiffTags.EXIF_IFD).putShort((short) 4).putInt(1).putInt(40).putInt(0);
        b.position(40);
        b.putShort((short) 1).putShort((short) TiffTags.MAKER_NOTE).putShort((short) 7).putInt(18).putInt(60).putInt(0);
        b.position(60); // the maker note: an IFD of one ASCII entry
        b.putShort((short) 1).putShort((short) 0x96).putShort((short) 2).putInt(10).putInt(120).putInt(0);
        b.position(100);
        b.put("Canon\0".getBytes(StandardCharsets.US_ASCII));
        b.position(120);
        b.put("CG0156580\0".getBytes(StandardCharsets.US_ASCII));
        ClipMetadata md = TestInspect.one(Files.write(dir.resolve("canon.tif"), b.array())).metadata();
        assertEquals("ok", md.string(ClipField.STATUS));
        assertEquals("CG0156580", md.get(ClipField.CAMERA_INTERNAL_SERIAL));
    }

    /** A TIFF raw with EXIF LensSpecification and no lens model names the lens by its ranges. */
    @Test
    void theExifLensSpecificationWhenNoModelIsWritten() throws IOException {
        byte[] header = new TiffWriter()
                .longs(false, TiffTags.IMAGE_WIDTH, 2).longs(false, TiffTags.IMAGE_LENGTH, 2)
                .shorts(false, TiffTags.BITS_PER_SAMPLE, 8).shorts(false, TiffTags.COMPRESSION, 1)
                .shorts(false, TiffTags.PHOTOMETRIC, 1).ascii(false, TiffTags.MAKE, "Rushes").ascii(false, TiffTags.MODEL, "Still One")
                .rationals(true, TiffTags.LENS_SPECIFICATION, 10, 24, 70, 2.8, 2.8)
                .header(4);
        Path f = Files.write(dir.resolve("lens.tif"), TiffWriter.concat(header, new byte[4]));
        ClipMetadata md = TestInspect.one(f).metadata();
        assertEquals("ok", md.string(ClipField.STATUS));
        assertEquals("24-70 mm f/2.8", md.get(ClipField.LENS_MODEL));
    }
}
