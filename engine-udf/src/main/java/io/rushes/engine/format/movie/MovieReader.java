package io.rushes.engine.format.movie;

import static org.bytedeco.ffmpeg.global.avcodec.AV_FIELD_BB;
import static org.bytedeco.ffmpeg.global.avcodec.AV_FIELD_BT;
import static org.bytedeco.ffmpeg.global.avcodec.AV_FIELD_PROGRESSIVE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_FIELD_TB;
import static org.bytedeco.ffmpeg.global.avcodec.AV_FIELD_TT;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BYTE;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_BT470BG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_UNSPECIFIED;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT2020_NCL;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT470BG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_FCC;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_RGB;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE240M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_UNSPECIFIED;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_BT2020_10;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_BT2020_12;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_UNSPECIFIED;
import static org.bytedeco.ffmpeg.global.avutil.AVCHROMA_LOC_UNSPECIFIED;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_color_primaries_name;
import static org.bytedeco.ffmpeg.global.avutil.av_color_space_name;
import static org.bytedeco.ffmpeg.global.avutil.av_color_transfer_name;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import io.rushes.engine.color.PixelEncoding;
import io.rushes.engine.error.Errors;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.format.FrameReader;
import io.rushes.engine.format.SourceFrame;
import io.rushes.engine.image.ImageLimits;
import io.rushes.engine.image.Region;
import io.rushes.engine.io.ByteSource;
import io.rushes.engine.metadata.Timecode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.PointerPointer;

/**
 * The frames of a movie (QuickTime/MP4, MXF, MPEG-TS) through FFmpeg's demuxers and decoders, read from a
 * {@link ByteSource} through {@link ByteSourceIo}, so an object on S3 is read as a local file is.
 * <p>
 * Frame {@code n} is the n-th frame shown, counted from the first decoded one (0-based), located by its presentation
 * time: {@code first pts + n / frame rate} in the stream's time base. Reading a frame seeks the demuxer to the key frame
 * at or before that time and decodes forward, keeping the frame whose timestamp is frame n; reading onwards (the next
 * frame, or one a few frames on) decodes on without seeking. When a seek lands after the frame (open GOPs, whose leading
 * B-frames need the GOP before, or an imprecise index) it seeks again further back, up to the start of the file.
 * <p>
 * The decoded samples are converted by {@link YCbCrConversion} at their full precision with the matrix and range the
 * stream's tags name. Untagged streams take a stated default, named in the frame's {@link PixelEncoding} description: the
 * BT.709 matrix from 720 lines up and BT.601 below (as FFmpeg and players do), limited range for Y'CbCr and full
 * range for RGB. One decoder thread per reader: a Spark executor already runs one task per core.
 * Not thread-safe; {@link #close()} frees all native memory.
 */
public final class MovieReader implements FrameReader {
    /** Seeking costs a key frame's decode at least: a frame this close ahead is decoded onwards instead. */
    private static final int DECODE_ON_LIMIT = 48;
    /** Packets of the video stream a decoder may take before giving a frame; decoders delay a few dozen at most. */
    private static final int PACKETS_WITHOUT_FRAME_LIMIT = 512;
    /** Seeks further back, each four times further, before giving up on a frame the key frame before did not lead to. */
    private static final int SEEK_ATTEMPTS = 5;
    /** AVFrame.flags bits (libavutil/frame.h, FFmpeg 6.1+; not exported as constants by the bytedeco presets). */
    private static final int FRAME_FLAG_INTERLACED = 1 << 3;
    private static final int FRAME_FLAG_TOP_FIELD_FIRST = 1 << 4;
    /** AVFormatContext.duration_estimation_method: estimated from the bit rate, too rough to count frames by. */
    private static final int DURATION_FROM_BITRATE = 2;
    private static final String PRORES_RAW = "prores_raw";

    private final String name;
    private ByteSourceIo io;
    private AVFormatContext format;
    private AVCodecContext decoder;
    private AVPacket packet;
    private AVFrame frame;
    private int streamIndex;
    private AVStream stream;
    private String codecName;
    private double framesPerTick;
    private double rate;
    private long firstPts;
    private long frameCount;
    private int width;
    private int height;
    private int pixelFormat;
    private PixelLayout layout;
    private YCbCrConversion conversion;
    private PixelEncoding encoding;
    private FieldOrder fieldOrder;
    private Timecode startTimecode;
    /** The frame {@link #frame} holds, or -1 when none (after a seek, before its first frame). */
    private long current = -1;
    /** Whether the demuxer and decoder continue from {@link #current}, so the next frames come without a seek. */
    private boolean continuous;
    private boolean demuxEnded;
    /** Whether the container's packets carry their timestamps, so a seek to byte 0 is the start (MPEG-TS). */
    private boolean byteSeekable;
    /** Demuxer seeks made since the movie was opened. */
    private long seeks;
    /** Whether the demuxer's seeks land where asked: not in an MXF file without index tables ({@link MxfIndexTables}). */
    private boolean seekable;
    private int demuxError;

    private MovieReader(String name) {
        this.name = name;
    }

    /** Opens {@code source}'s first video stream and decodes its first frame; throws RushesException for a file that cannot be. */
    public static MovieReader open(ByteSource source) {
        MovieReader reader = new MovieReader(source.name());
        try {
            reader.start(source);
            return reader;
        } catch (RuntimeException | Error e) {
            reader.close();
            throw e;
        }
    }

    private void start(ByteSource source) {
        av_log_set_level(AV_LOG_ERROR);
        try {
            io = ByteSourceIo.open(source);
        } catch (IOException e) {
            throw Errors.io(name, e);
        }
        format = avformat_alloc_context();
        format.pb(io.context());
        int opened = avformat_open_input(format, "", null, null);
        if (opened < 0) {
            format = null; // avformat_open_input freed it
            throw unreadable("FFmpeg cannot read the container", opened);
        }
        int info = avformat_find_stream_info(format, (PointerPointer<?>) null);
        if (info < 0) {
            throw unreadable("FFmpeg cannot find the streams", info);
        }
        String container = format.iformat().name().getString();
        try {
            seekable = !container.equals("mxf") || MxfIndexTables.present(source);
            byteSeekable = container.equals("mpegts");
        } catch (IOException e) {
            throw Errors.io(name, e);
        }
        streamIndex = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
        if (streamIndex < 0) {
            throw Errors.unsupportedFormat(name, "it holds no video stream FFmpeg's " + container + " demuxer can decode (only sound, data or "
                    + "a codec FFmpeg does not know)", "Give the clip's picture file: an MXF OP-Atom clip keeps picture and each sound track in files of their own");
        }
        stream = format.streams(streamIndex);
        AVCodecParameters parameters = stream.codecpar();
        codecName = avcodec_get_name(parameters.codec_id()).getString();
        if (codecName.equals(PRORES_RAW)) {
            throw Errors.unsupportedFeature(name, -1, avcodec_find_decoder_by_name(PRORES_RAW) == null
                    ? "a ProRes RAW movie (this FFmpeg build has no prores_raw decoder)"
                    : "a ProRes RAW movie (FFmpeg's prores_raw decoder gives a colour filter mosaic, and Rushes does not yet read ProRes RAW's "
                            + "colour metadata to develop it)", "Export the clip from Final Cut Pro or the recorder's software as ProRes 4444 or EXR");
        }
        AVCodec codec = avcodec_find_decoder(parameters.codec_id());
        if (codec == null || codec.isNull()) {
            throw Errors.unsupportedFeature(name, -1, "its " + codecName + " video (this FFmpeg build has no decoder for it)",
                    "Transcode the clip to ProRes, DNxHR or an image sequence");
        }
        ImageLimits.checkDeclared(name, -1, "the " + codecName + " frame", parameters.width(), parameters.height());
        rate = frameRate(stream.avg_frame_rate());
        if (!(rate > 0)) {
            rate = frameRate(stream.r_frame_rate());
        }
        if (!(rate > 0) || rate > 1000) {
            throw Errors.corrupt(name, -1, "its " + codecName + " video stream has no frame rate between 0 and 1000 fps");
        }
        AVRational base = stream.time_base();
        if (base.num() <= 0 || base.den() <= 0) {
            throw Errors.corrupt(name, -1, "its video stream has no time base");
        }
        framesPerTick = (double) base.num() / base.den() * rate;
        decoder = avcodec_alloc_context3(codec);
        check(avcodec_parameters_to_context(decoder, parameters), "set up the " + codecName + " decoder");
        decoder.thread_count(1).pkt_timebase(base);
        int started = avcodec_open2(decoder, codec, (org.bytedeco.ffmpeg.avutil.AVDictionary) null);
        if (started < 0) {
            throw unreadable("FFmpeg's " + codecName + " decoder refuses the stream's parameters", started);
        }
        packet = av_packet_alloc();
        frame = av_frame_alloc();
        if (packet == null || frame == null) {
            throw new OutOfMemoryError("av_packet_alloc or av_frame_alloc failed");
        }
        if (!decodeNext()) {
            throw ended("the first video frame", 0);
        }
        firstPts = frame.best_effort_timestamp();
        if (firstPts == AV_NOPTS_VALUE) {
            throw Errors.unsupportedFeature(name, -1, "a " + codecName + " stream without timestamps (frames cannot be found by number)",
                    "Rewrap the stream in QuickTime or MXF (ffmpeg -i IN -c copy OUT.mov)");
        }
        current = 0;
        continuous = true;
        width = frame.width();
        height = frame.height();
        ImageLimits.checkDeclared(name, -1, "the decoded " + codecName + " frame", width, height);
        pixelFormat = frame.format();
        String refusal = PixelLayout.refusal(pixelFormat);
        if (refusal != null) {
            throw Errors.unsupportedFeature(name, -1, "its " + codecName + " video: " + refusal, "Transcode the clip to ProRes 4444 or an image sequence");
        }
        layout = PixelLayout.of(pixelFormat);
        fieldOrder = fieldOrder(parameters.field_order(), frame.flags());
        String defaults = chooseConversion(parameters);
        encoding = encoding(parameters, defaults);
        startTimecode = timecode();
        frameCount = countFrames();
    }

    private static double frameRate(AVRational r) {
        return r.num() > 0 && r.den() > 0 ? (double) r.num() / r.den() : 0;
    }

    private static FieldOrder fieldOrder(int tagged, int frameFlags) {
        if (tagged == AV_FIELD_PROGRESSIVE) {
            return FieldOrder.PROGRESSIVE;
        }
        if (tagged == AV_FIELD_TT || tagged == AV_FIELD_BT) { // BT: bottom coded first, top shown first
            return FieldOrder.TOP_FIELD_FIRST;
        }
        if (tagged == AV_FIELD_BB || tagged == AV_FIELD_TB) {
            return FieldOrder.BOTTOM_FIELD_FIRST;
        }
        if ((frameFlags & FRAME_FLAG_INTERLACED) != 0) {
            return (frameFlags & FRAME_FLAG_TOP_FIELD_FIRST) != 0 ? FieldOrder.TOP_FIELD_FIRST : FieldOrder.BOTTOM_FIELD_FIRST;
        }
        return FieldOrder.UNKNOWN;
    }

    /** The matrix, range and chroma siting from the first frame's tags (the decoder's reading of the bitstream), else the stream's; returns the defaults taken. */
    private String chooseConversion(AVCodecParameters parameters) {
        int space = frame.colorspace() != AVCOL_SPC_UNSPECIFIED ? frame.colorspace() : parameters.color_space();
        int range = frame.color_range() != 0 ? frame.color_range() : parameters.color_range();
        int siting = frame.chroma_location() != AVCHROMA_LOC_UNSPECIFIED ? frame.chroma_location() : parameters.chroma_location();
        StringBuilder defaults = new StringBuilder();
        boolean full;
        if (layout.name().startsWith("yuvj") || range == AVCOL_RANGE_JPEG) {
            full = true;
        } else if (range == AVCOL_RANGE_MPEG) {
            full = false;
        } else {
            full = layout.rgb();
            defaults.append(full ? "full range for RGB" : "limited range");
        }
        YCbCrMatrix matrix;
        if (layout.rgb() || layout.gray()) {
            matrix = YCbCrMatrix.BT709; // not used: no chroma to convert
        } else if (space == AVCOL_SPC_BT709) {
            matrix = YCbCrMatrix.BT709;
        } else if (space == AVCOL_SPC_BT470BG || space == AVCOL_SPC_SMPTE170M) {
            matrix = YCbCrMatrix.BT601;
        } else if (space == AVCOL_SPC_BT2020_NCL) {
            matrix = YCbCrMatrix.BT2020_NCL;
        } else if (space == AVCOL_SPC_SMPTE240M) {
            matrix = YCbCrMatrix.SMPTE240M;
        } else if (space == AVCOL_SPC_FCC) {
            matrix = YCbCrMatrix.FCC;
        } else if (space == AVCOL_SPC_RGB) {
            if (layout.chromaShiftX() != 0 || layout.chromaShiftY() != 0) {
                throw Errors.corrupt(name, -1, "its video is tagged as RGB coded in Y'CbCr's place (matrix 0) but has subsampled chroma (" + layout.name() + ")");
            }
            matrix = YCbCrMatrix.IDENTITY;
        } else if (space == AVCOL_SPC_UNSPECIFIED || space == 3) { // 3: reserved, as untagged
            matrix = height >= 720 ? YCbCrMatrix.BT709 : YCbCrMatrix.BT601;
            defaults.append(defaults.length() > 0 ? ", " : "").append(matrix.label()).append(" matrix for ").append(height).append(" lines");
        } else {
            throw Errors.unsupportedFeature(name, -1, "its video's Y'CbCr matrix " + av_color_space_name(space).getString(),
                    "Transcode the clip to BT.709 or BT.2020 Y'CbCr, or RGB");
        }
        conversion = new YCbCrConversion(matrix, full, siting);
        return defaults.toString();
    }

    /**
     * What the RGB values are: Rec.709 video when the stream is tagged with the BT.709 curve (BT.709, SMPTE 170M or
     * BT.2020's 10- and 12-bit forms of it, all one OETF with BT.1886 its display) on BT.709 primaries, or untagged;
     * anything else is an encoding Rushes cannot name from the tags alone (camera log curves are named by the camera's
     * metadata, at a higher level), so it is unknown, with the tags said.
     */
    private PixelEncoding encoding(AVCodecParameters parameters, String defaults) {
        int transfer = frame.color_trc() != AVCOL_TRC_UNSPECIFIED ? frame.color_trc() : parameters.color_trc();
        int primaries = frame.color_primaries() != AVCOL_PRI_UNSPECIFIED ? frame.color_primaries() : parameters.color_primaries();
        boolean rec709Curve = transfer == AVCOL_TRC_BT709 || transfer == AVCOL_TRC_SMPTE170M || transfer == AVCOL_TRC_BT2020_10
                || transfer == AVCOL_TRC_BT2020_12;
        boolean untagged = transfer == AVCOL_TRC_UNSPECIFIED && primaries == AVCOL_PRI_UNSPECIFIED;
        StringBuilder details = new StringBuilder(String.format(Locale.ROOT, "%s %dx%d %s (%s), %s", codecName, width, height, layout.name(),
                conversion.describe(layout), fieldOrder.description()));
        if (fieldOrder.interlaced()) {
            details.append(" (decoded as whole frames, not deinterlaced)");
        }
        if (untagged) {
            details.append("; untagged colour: Rec.709 video assumed");
        }
        if (!defaults.isEmpty()) {
            details.append("; untagged matrix or range: defaults used (").append(defaults).append(')');
        }
        if (untagged || (rec709Curve && (primaries == AVCOL_PRI_BT709 || primaries == AVCOL_PRI_UNSPECIFIED))) {
            PixelEncoding video = PixelEncoding.REC709_VIDEO;
            return new PixelEncoding(video.id(), video.description() + "; " + details, video.toAces());
        }
        if (rec709Curve && (primaries == AVCOL_PRI_BT470BG || primaries == AVCOL_PRI_SMPTE170M)) {
            // SD video: its own primaries, converted on the display to Rec.709's.
            boolean pal = primaries == AVCOL_PRI_BT470BG;
            PixelEncoding sd = PixelEncoding.videoOn(pal ? SD_625 : SD_525, pal ? "BT.601 625-line (BT.470BG)" : "SMPTE 170M");
            return new PixelEncoding(sd.id(), sd.description() + "; " + details, sd.toAces());
        }
        return PixelEncoding.unknown(String.format(Locale.ROOT, "a movie whose video is tagged transfer %s and primaries %s, which do not name "
                + "an input transform; %s", colourName(av_color_transfer_name(transfer)), colourName(av_color_primaries_name(primaries)), details));
    }

    /** ITU-R BT.601 625-line (EBU) and 525-line (SMPTE 170M) primaries, D65 (ITU-R BT.1700, SMPTE 170M). */
    private static final io.rushes.engine.color.Chromaticities SD_625 = new io.rushes.engine.color.Chromaticities(0.640, 0.330, 0.290, 0.600,
            0.150, 0.060, 0.3127, 0.3290);
    private static final io.rushes.engine.color.Chromaticities SD_525 = new io.rushes.engine.color.Chromaticities(0.630, 0.340, 0.310, 0.595,
            0.155, 0.070, 0.3127, 0.3290);

    private static String colourName(org.bytedeco.javacpp.BytePointer name) {
        return name == null || name.isNull() ? "unknown" : name.getString();
    }

    /** The timecode tag of the video stream, else of another stream (QuickTime's tmcd track), else of the container (MXF). */
    private Timecode timecode() {
        String text = tag(stream.metadata(), "timecode");
        for (int s = 0; text == null && s < format.nb_streams(); s++) {
            text = tag(format.streams(s).metadata(), "timecode");
        }
        if (text == null) {
            text = tag(format.metadata(), "timecode");
        }
        if (text == null || !Timecode.isTimecode(text)) {
            return null; // absent, or not a timecode: the movie has none Rushes can count from
        }
        try {
            return Timecode.parse(text, Timecode.countingRate(rate));
        } catch (RushesException e) {
            throw Errors.corrupt(name, -1, "its timecode tag '" + text + "' is not a timecode at " + Timecode.countingRate(rate) + " fps (" + e.reason() + ")");
        }
    }

    private static String tag(AVDictionary metadata, String key) {
        if (metadata == null || metadata.isNull()) {
            return null;
        }
        AVDictionaryEntry entry = av_dict_get(metadata, key, null, 0);
        return entry == null || entry.isNull() ? null : entry.value().getString(StandardCharsets.UTF_8);
    }

    /** nb_frames when the container counts them, else the stream's or file's duration × rate, else video packets counted without decoding. */
    private long countFrames() {
        if (stream.nb_frames() > 0) {
            return stream.nb_frames();
        }
        if (stream.duration() != AV_NOPTS_VALUE && stream.duration() > 0) {
            return Math.round(stream.duration() * framesPerTick);
        }
        if (format.duration() != AV_NOPTS_VALUE && format.duration() > 0 && format.duration_estimation_method() != DURATION_FROM_BITRATE) {
            return Math.round(format.duration() / 1e6 * rate);
        }
        rewind();
        long packets = 0;
        while (true) {
            int read = av_read_frame(format, packet);
            if (read < 0) {
                break;
            }
            if (packet.stream_index() == streamIndex) {
                packets++;
            }
            av_packet_unref(packet);
        }
        rewind();
        return packets;
    }

    /**
     * Back to the first packet, the decoder emptied. MPEG-TS goes back to byte 0 (its packets carry their own
     * timestamps, and a seek by time lands on a key frame by its decoding time, which can be past the first); the
     * others seek to the stream's start time.
     */
    private void rewind() {
        seeks++;
        boolean atStart = byteSeekable && av_seek_frame(format, -1, 0, AVSEEK_FLAG_BYTE) >= 0;
        if (!atStart) {
            check(av_seek_frame(format, streamIndex, stream.start_time() == AV_NOPTS_VALUE ? 0 : stream.start_time(), AVSEEK_FLAG_BACKWARD),
                    "go back to the start");
        }
        avcodec_flush_buffers(decoder);
        demuxEnded = false;
        continuous = false;
        current = -1;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public long frameCount() {
        return frameCount;
    }

    @Override
    public boolean numbersFramesByIndex() {
        return true;
    }

    @Override
    public Timecode startTimecode() {
        return startTimecode;
    }

    /** Progressive or interlaced (and which field first), from the stream's tag or its first frame's flags. */
    public FieldOrder fieldOrder() {
        return fieldOrder;
    }

    /** Demuxer seeks so far: reading frames in order makes none. */
    long seeks() {
        return seeks;
    }

    /** How the samples become R'G'B' (matrix, range, chroma siting), from the stream's tags or the stated defaults. */
    YCbCrConversion conversion() {
        return conversion;
    }

    /** What every frame's values are (the same for the whole movie). */
    public PixelEncoding encoding() {
        return encoding;
    }

    /** The frame number {@code timecode} labels, counted from {@link #startTimecode()} (past midnight too). */
    public long frameAt(Timecode timecode) {
        if (startTimecode == null) {
            throw Errors.invalidArgument(name + " has no timecode to find " + timecode + " by", "Give the frame by number");
        }
        if (timecode.rate() != startTimecode.rate() || timecode.dropFrame() != startTimecode.dropFrame()) {
            throw Errors.invalidArgument(String.format(Locale.ROOT, "timecode %s at %d fps cannot be found in %s, whose timecode %s counts at %d fps%s",
                    timecode, timecode.rate(), name, startTimecode, startTimecode.rate(), startTimecode.dropFrame() ? " drop-frame" : ""),
                    "Give the timecode as the movie counts it");
        }
        long day = new Timecode(23, 59, 59, timecode.rate() - 1, timecode.rate(), timecode.dropFrame()).toFrames() + 1;
        return Math.floorMod(timecode.toFrames() - startTimecode.toFrames(), day);
    }

    @Override
    public SourceFrame read(long index, Region region) {
        if (region != null && (region.x() < 0 || region.y() < 0 || region.width() < 1 || region.height() < 1
                || (long) region.x() + region.width() > width || (long) region.y() + region.height() > height)) {
            throw Errors.invalidArgument(String.format(Locale.ROOT, "region %s is outside the %dx%d frames of %s", region, width, height, name),
                    "Give a region inside the frame");
        }
        return new SourceFrame.Rgb(conversion.toRgb(decoded(index), region), encoding);
    }

    /** The samples of frame {@code index} as decoded, valid until the next call. */
    Planes decoded(long index) {
        if (frame == null) {
            throw Errors.invalidArgument("the movie " + name + " is closed", "Open it again");
        }
        if (index < 0 || index >= frameCount) {
            throw Errors.invalidArgument(String.format(Locale.ROOT, "there is no frame %d: the movie holds %d frames (0 to %d)", index, frameCount,
                    frameCount - 1), "Give a frame number inside the movie").inFile(name);
        }
        position(index);
        if (frame.format() != pixelFormat || frame.width() != width || frame.height() != height) {
            throw Errors.unsupportedFeature(name, -1, String.format(Locale.ROOT, "a movie whose frames change format: frame %d is %dx%d %s, frame 0 %dx%d %s",
                    index, frame.width(), frame.height(), pixFmtName(frame.format()), width, height, layout.name()), "Split the movie where the format changes");
        }
        ByteBuffer[] planes = new ByteBuffer[layout.planeCount()];
        int[] strides = new int[planes.length];
        for (int p = 0; p < planes.length; p++) {
            strides[p] = frame.linesize(p);
            if (strides[p] <= 0) {
                throw Errors.internal(name, new IllegalStateException("plane " + p + " of a decoded " + layout.name() + " frame has line size " + strides[p]));
            }
            planes[p] = frame.data(p).capacity((long) strides[p] * layout.rows(p, height)).asByteBuffer();
        }
        return new Planes(layout, width, height, planes, strides);
    }

    private static String pixFmtName(int pixFmt) {
        return colourName(av_get_pix_fmt_name(pixFmt));
    }

    /** Makes {@link #frame} frame {@code index}: decoding on from the current frame when it is a little ahead, else seeking. */
    private void position(long index) {
        if (index == current) {
            return;
        }
        if (continuous && index > current && (index - current <= DECODE_ON_LIMIT || !seekable)) {
            decodeOnTo(index);
            return;
        }
        if (!seekable) { // decoded from the first frame on: slow on a long file, but the frame is the one asked for
            rewind();
            decodeOnTo(index);
            continuous = true;
            return;
        }
        long backoff = 0;
        for (int attempt = 0; attempt < SEEK_ATTEMPTS; attempt++) {
            long from = Math.max(0, index - backoff);
            if (from == 0) {
                rewind();
            } else {
                seek(firstPts + Math.round(from / framesPerTick));
            }
            boolean decoded = decodeNext();
            if (!decoded && from == 0) {
                throw ended("frame " + index, index);
            }
            current = decoded ? frameIndex() : Long.MAX_VALUE; // nothing after the key frame found: seek further back
            continuous = decoded;
            if (current <= index) {
                decodeOnTo(index);
                return;
            }
            if (from == 0) {
                break;
            }
            backoff = backoff == 0 ? Math.max(1, Math.round(rate)) : backoff * 4;
        }
        throw Errors.corrupt(name, -1, String.format(Locale.ROOT, "frame %d cannot be decoded: decoding from the key frame at or before it "
                + "(and from the start of the file) %s", index, current == Long.MAX_VALUE ? "gives no frame" : "first gives frame " + current));
    }

    private void seek(long pts) {
        seeks++;
        int sought = av_seek_frame(format, streamIndex, pts, AVSEEK_FLAG_BACKWARD);
        if (sought < 0) {
            rewind();
        } else {
            avcodec_flush_buffers(decoder);
            demuxEnded = false;
        }
        current = -1;
        continuous = false;
    }

    /** Decodes on from {@link #current} to {@code index}; a gap in the timestamps over {@code index} is a damaged stream. */
    private void decodeOnTo(long index) {
        while (current < index) {
            if (!decodeNext()) {
                continuous = false;
                throw ended("frame " + index, index);
            }
            current = frameIndex();
        }
        if (current != index) {
            continuous = false;
            throw Errors.corrupt(name, -1, String.format(Locale.ROOT, "no frame is shown at frame %d's time: the video's timestamps jump over it to frame %d "
                    + "(a variable frame rate, or a damaged stream)", index, current));
        }
    }

    /** The frame number of the decoded frame's presentation time. */
    private long frameIndex() {
        long ts = frame.best_effort_timestamp();
        if (ts == AV_NOPTS_VALUE) {
            return current + 1;
        }
        return Math.round((ts - firstPts) * framesPerTick);
    }

    /** The next frame the decoder gives into {@link #frame}; false when the stream has ended. */
    private boolean decodeNext() {
        int packetsWithoutFrame = 0;
        while (true) {
            int received = avcodec_receive_frame(decoder, frame);
            if (received >= 0) {
                return true;
            }
            if (received == AVERROR_EOF()) {
                return false;
            }
            if (received != AVERROR_EAGAIN()) { // a damaged frame the decoder reports and skips, as the ffmpeg CLI goes on past it
                if (++packetsWithoutFrame > PACKETS_WITHOUT_FRAME_LIMIT) {
                    throw Errors.corrupt(name, -1, "its " + codecName + " decoder failed " + PACKETS_WITHOUT_FRAME_LIMIT + " times without a frame: "
                            + errorText(received));
                }
                continue;
            }
            if (demuxEnded) {
                return false;
            }
            int read = av_read_frame(format, packet);
            if (read < 0) {
                if (io.failure() != null) {
                    throw Errors.io(name, io.failure());
                }
                demuxEnded = true;
                demuxError = read == AVERROR_EOF() ? 0 : read;
                avcodec_send_packet(decoder, (AVPacket) null); // drain the frames the decoder still holds
                continue;
            }
            if (packet.stream_index() != streamIndex) {
                av_packet_unref(packet);
                continue;
            }
            avcodec_send_packet(decoder, packet); // a damaged packet is skipped, as the ffmpeg CLI does; its frame is then missing
            av_packet_unref(packet);
            if (++packetsWithoutFrame > PACKETS_WITHOUT_FRAME_LIMIT) {
                throw Errors.corrupt(name, -1, "its " + codecName + " decoder gave no frame for " + PACKETS_WITHOUT_FRAME_LIMIT + " packets");
            }
        }
    }

    /** The stream ended before {@code what}: cut short when the demuxer read to the end of the file, else damaged. */
    private RushesException ended(String what, long index) {
        String detail = demuxError != 0 ? " (FFmpeg: " + errorText(demuxError) + ")" : "";
        if (io.reachedEnd() && (frameCount == 0 || index < frameCount)) {
            return Errors.truncated(name, io.size(), what + (frameCount > 0 ? " of the " + frameCount + " its " + codecName + " stream declares" : "") + detail);
        }
        if (index == 0) {
            return Errors.corrupt(name, -1, "no " + codecName + " frame could be decoded" + detail);
        }
        return Errors.corrupt(name, -1, "the " + codecName + " video stream ends before " + what + detail);
    }

    /** The container or stream cannot be read: damaged (a file cut short shows as such at the first frame it lacks). */
    private RushesException unreadable(String what, int error) {
        if (io.failure() != null) {
            return Errors.io(name, io.failure());
        }
        return Errors.corrupt(name, -1, what + ": " + errorText(error) + (io.reachedEnd() ? ", having read to the end of the file (it may be cut short)" : ""));
    }

    private void check(int result, String what) {
        if (result < 0) {
            throw Errors.corrupt(name, -1, "FFmpeg could not " + what + ": " + errorText(result));
        }
    }

    static String errorText(int error) {
        byte[] text = new byte[256];
        av_strerror(error, text, text.length);
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        return String.format(Locale.ROOT, "%s (error %d)", new String(text, 0, end, StandardCharsets.US_ASCII), error);
    }

    /** Frees the decoder, the demuxer and the I/O context; the source stays open (it is the caller's). */
    @Override
    public void close() {
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (frame != null) {
            av_frame_free(frame);
            frame = null;
        }
        if (decoder != null) {
            avcodec_free_context(decoder);
            decoder = null;
        }
        if (format != null) {
            if (format.iformat() != null && !format.iformat().isNull()) {
                avformat_close_input(format); // leaves the custom AVIOContext to us
            } else {
                avformat_free_context(format);
            }
            format = null;
        }
        if (io != null) {
            io.close();
            io = null;
        }
    }
}
