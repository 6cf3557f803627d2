package io.rushes.engine.deliver.dpx;

/**
 * What the code values of a DPX frame mean, as the caller names it, and the SMPTE ST 268 transfer characteristic and
 * colorimetric specification codes (table 5A/5B, the same in OpenImageIO's libdpx {@code Characteristic}) that say so
 * in the image element. ST 268 has codes for printing density, ADX, linear and a generic "logarithmic", and none for
 * ACES or camera gamuts; where no code names the primaries, colorimetric is 0 "user defined" and the element's
 * 32-character description names the encoding exactly (a reader that knows only the codes still sees "a log
 * encoding").
 */
public enum DpxEncoding {
    /**
     * Scene- or display-linear values scaled to the code range: transfer 2 "linear". Colorimetric 0 "user defined": the
     * linear code is "transfer only" in ST 268, and the primaries (ACES, camera, Rec.709) are not known from the pixels.
     */
    LINEAR(2, 0, "linear"),
    /**
     * Cineon-style printing density (a film scan, a log pull for a film-out): transfer 1 and colorimetric 1 "printing
     * density", the pair telecine and film scanners write.
     */
    PRINTING_DENSITY(1, 1, "printing density"),
    /**
     * Academy Density Exchange (SMPTE ST 2065-3): code 13 "ADX" for both, which ST 2065-3 asks of an ADX DPX and which
     * OpenImageIO names kADX.
     */
    ADX(13, 13, "ADX"),
    /**
     * ACEScct (AP1 primaries, a logarithmic curve with a linear toe): transfer 3 "logarithmic", the nearest code ST 268
     * has (there is none for ACEScct), colorimetric 0 "user defined" because AP1 is not in the table; the description
     * reads "ACEScct".
     */
    ACESCCT(3, 0, "ACEScct"),
    /**
     * A camera's own log encoding (ARRI LogC3, Sony S-Log3, RED Log3G10…) in its camera gamut: transfer 3 "logarithmic",
     * colorimetric 0 "user defined" (no camera gamut has a code); the description reads "camera log".
     */
    CAMERA_LOG(3, 0, "camera log");

    private final int transfer;
    private final int colorimetric;
    private final String description;

    DpxEncoding(int transfer, int colorimetric, String description) {
        this.transfer = transfer;
        this.colorimetric = colorimetric;
        this.description = description;
    }

    /** The transfer characteristic code written at byte 801. */
    public int transfer() {
        return transfer;
    }

    /** The colorimetric specification code written at byte 802. */
    public int colorimetric() {
        return colorimetric;
    }

    /** The default image element description (byte 820, 32 characters). */
    public String description() {
        return description;
    }
}
