package io.rushes.engine.deliver.movie;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import io.rushes.engine.error.Errors;
import io.rushes.engine.image.ImageLimits;
import io.rushes.engine.image.RgbImage;
import io.rushes.engine.io.ByteSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Locale;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;

/**
 * Writes a movie (ProRes, DNxHR or H.264, no audio) through FFmpeg's libraries, one frame at a time, each an
 * {@link RgbImage} of display code values 0..1 (Rec.709 BT.1886 from an output transform), as QuickTime or MXF OP1a
 * ({@link MovieContainer}). The stream is tagged BT.709 primaries, transfer and matrix in limited range; the start
 * timecode becomes a {@code tmcd} track named with the reel (QuickTime) or the timecode track of the packages (MXF).
 * QuickTime is written with the mov muxer's {@code +faststart}: {@code moov} before {@code mdat}, so a review movie
 * plays while it downloads. Both muxers seek back to finish the file, so the movie is written to a scratch file first
 * and copied into the sink by {@link #finish()} (which, for a local file, writes it aside and renames it into place);
 * closing without finishing leaves nothing under the sink's name. Not thread-safe: one writer per movie.
 */
public final class MovieWriter implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** FFmpeg's dnxhd encoder refuses DNxHR frames smaller than this. */
    private static final int DNXHR_MIN_WIDTH = 256;
    private static final int DNXHR_MIN_HEIGHT = 120;
    /** AVERROR(EINVAL): what a muxer returns for settings it cannot store. */
    private static final int EINVAL = 22;

    private final ByteSink sink;
    private final MovieSettings settings;
    private final int width;
    private final int height;
    private final Path scratch;
    private AVFormatContext format;
    private AVCodecContext encoder;
    private AVStream stream;
    private AVFrame frame;
    private AVPacket packet;
    private long frames;
    private boolean finished;
    private final short[] luma;
    private final short[] chromaCodes;
    private final float[][] cb;
    private final float[][] cr;
    private final float[] cbFull;
    private final float[] crFull;

    private MovieWriter(ByteSink sink, Path scratch, int width, int height, MovieSettings settings) {
        this.sink = sink;
        this.scratch = scratch;
        this.width = width;
        this.height = height;
        this.settings = settings;
        int chromaWidth = settings.codec().halfWidthChroma() ? width / 2 : width;
        luma = new short[width];
        chromaCodes = new short[chromaWidth];
        cb = new float[2][chromaWidth];
        cr = new float[2][chromaWidth];
        cbFull = new float[width];
        crFull = new float[width];
    }

    /**
     * Opens a movie of {@code width x height} for {@code sink}, its scratch file in {@code scratchFolder} (local
     * storage with room for the whole movie).
     */
    public static MovieWriter open(ByteSink sink, Path scratchFolder, int width, int height, MovieSettings settings) throws IOException {
        ImageLimits.check("the movie frame", width, height, "Scale the frames down before writing the movie");
        if (settings.codec().halfWidthChroma() && (width % 2 != 0 || height % 2 != 0)) {
            throw Errors.invalidArgument(String.format(Locale.ROOT, "%s %s needs an even width and height, not %dx%d", settings.codec(),
                    sink.name(), width, height), "Crop or pad the frame by one pixel, or write a 4:4:4 codec");
        }
        if (settings.codec().encoder().equals("dnxhd") && (width < DNXHR_MIN_WIDTH || height < DNXHR_MIN_HEIGHT)) {
            throw Errors.invalidArgument(String.format(Locale.ROOT, "DNxHR %s needs at least %dx%d, not %dx%d", sink.name(), DNXHR_MIN_WIDTH,
                    DNXHR_MIN_HEIGHT, width, height), "Scale the frames up or write ProRes");
        }
        Path scratch = scratchFolder.toAbsolutePath().resolve(".rushes-movie-" + Long.toHexString(RANDOM.nextLong()) + "."
                + settings.container().extension() + ".partial");
        MovieWriter writer = new MovieWriter(sink, scratch, width, height, settings);
        try {
            writer.start();
        } catch (RuntimeException | IOException e) {
            writer.close();
            throw e;
        }
        return writer;
    }

    private void start() throws IOException {
        av_log_set_level(AV_LOG_ERROR);
        MovieCodec codec = settings.codec();
        AVCodec found = avcodec_find_encoder_by_name(codec.encoder());
        if (found == null) {
            throw Errors.unsupportedFeature(sink.name(), -1, "the FFmpeg encoder " + codec.encoder(),
                    "The FFmpeg libraries on the classpath lack it: use the org.bytedeco ffmpeg build for this platform");
        }
        format = new AVFormatContext(null);
        MovieContainer container = settings.container();
        check(avformat_alloc_output_context2(format, null, container.muxer(), scratch.toString()), "set up the " + container + " muxer");
        AVRational rate = av_make_q(settings.rateNumerator(), settings.rateDenominator());
        encoder = avcodec_alloc_context3(found);
        encoder.width(width).height(height).pix_fmt(codec.pixelFormat()).time_base(av_inv_q(rate)).framerate(rate)
                .sample_aspect_ratio(av_make_q(1, 1)).thread_count(settings.threads());
        encoder.color_primaries(AVCOL_PRI_BT709).color_trc(AVCOL_TRC_BT709).colorspace(AVCOL_SPC_BT709).color_range(AVCOL_RANGE_MPEG)
                .chroma_sample_location(AVCHROMA_LOC_LEFT);
        if (codec.bitsPerPixel() > 0) {
            encoder.bit_rate(Math.round(codec.bitsPerPixel() * width * height * settings.rateNumerator() / settings.rateDenominator()));
        }
        if ((format.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
            encoder.flags(encoder.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        AVDictionary options = new AVDictionary(null);
        av_dict_set(options, "profile", codec.profile(), 0);
        int opened = avcodec_open2(encoder, found, options);
        av_dict_free(options);
        if (opened < 0) {
            throw Errors.invalidArgument(String.format(Locale.ROOT, "FFmpeg's %s refused %s for %s at %dx%d, %d/%d fps: %s", codec.encoder(),
                    codec, sink.name(), width, height, settings.rateNumerator(), settings.rateDenominator(), errorText(opened)),
                    "FFmpeg's message on standard error says which setting; change the frame size or the codec");
        }
        stream = avformat_new_stream(format, null);
        if (stream == null) {
            throw Errors.internal(sink.name(), new IllegalStateException("avformat_new_stream returned null"));
        }
        check(avcodec_parameters_from_context(stream.codecpar(), encoder), "copy the encoder's parameters to the stream");
        stream.time_base(encoder.time_base()).avg_frame_rate(rate).r_frame_rate(rate);
        if (settings.startTimecode() != null) {
            AVDictionary metadata = new AVDictionary(null);
            av_dict_set(metadata, "timecode", settings.timecodeText(), 0);
            if (settings.reelName() != null) {
                av_dict_set(metadata, "reel_name", settings.reelName(), 0);
            }
            stream.metadata(metadata);
        }
        if (!settings.metadata().isEmpty() && container == MovieContainer.MOV) {
            AVDictionary metadata = new AVDictionary(null);
            settings.metadata().forEach((key, value) -> av_dict_set(metadata, key, value, 0));
            format.metadata(metadata);
        }
        if (settings.reelName() != null && container == MovieContainer.MXF) {
            AVDictionary metadata = new AVDictionary(null);
            av_dict_set(metadata, "reel_name", settings.reelName(), 0); // mxf: a tape source package named with the reel
            format.metadata(metadata);
        }
        AVIOContext io = new AVIOContext(null);
        check(avio_open(io, scratch.toString(), AVIO_FLAG_WRITE), "create the scratch file " + scratch);
        format.pb(io);
        AVDictionary muxerOptions = new AVDictionary(null);
        if (container == MovieContainer.MOV) {
            // faststart: the muxer moves moov before mdat when it finishes; use_metadata_tags: keys as 'mdta' items, not udta.
            av_dict_set(muxerOptions, "movflags", "+faststart+use_metadata_tags", 0);
        }
        int header = avformat_write_header(format, muxerOptions);
        av_dict_free(muxerOptions);
        if (header == -EINVAL && container == MovieContainer.MXF) {
            throw Errors.invalidArgument(String.format(Locale.ROOT, "FFmpeg's %s muxer refused %s for %s at %dx%d, %d/%d fps: %s", container.muxer(),
                    codec, sink.name(), width, height, settings.rateNumerator(), settings.rateDenominator(), errorText(header)),
                    "MXF takes the broadcast rates (23.976, 24, 25, 29.97, 30, 50, 59.94, 60): "
                            + "conform the rate or write a QuickTime movie");
        }
        check(header, "write the " + container + " header");

        frame = av_frame_alloc();
        frame.format(codec.pixelFormat()).width(width).height(height);
        frame.color_primaries(AVCOL_PRI_BT709).color_trc(AVCOL_TRC_BT709).colorspace(AVCOL_SPC_BT709).color_range(AVCOL_RANGE_MPEG)
                .chroma_location(AVCHROMA_LOC_LEFT);
        check(av_frame_get_buffer(frame, 0), "allocate a frame");
        packet = av_packet_alloc();
    }

    /** Encodes the next frame; it must have the movie's size. */
    public void write(RgbImage image) throws IOException {
        if (finished || frame == null) {
            throw Errors.invalidArgument("the movie " + sink.name() + " is already finished or closed", "Open a new MovieWriter for another movie");
        }
        if (image.width() != width || image.height() != height) {
            throw Errors.invalidArgument(String.format(Locale.ROOT, "frame %d for %s is %dx%d, the movie is %dx%d", frames, sink.name(),
                    image.width(), image.height(), width, height), "Give every frame of a movie the same size");
        }
        check(av_frame_make_writable(frame), "make the frame writable");
        MovieCodec codec = settings.codec();
        int bits = codec.bits();
        int chromaWidth = cb[0].length;
        Plane yPlane = new Plane(0);
        Plane cbPlane = new Plane(1);
        Plane crPlane = new Plane(2);
        int rowsPerChroma = codec.halfHeightChroma() ? 2 : 1;
        for (int y = 0; y < height; y += rowsPerChroma) {
            for (int k = 0; k < rowsPerChroma; k++) {
                Rec709YCbCr.row(image, y + k, codec.halfWidthChroma(), bits, luma, cb[k], cr[k], cbFull, crFull);
                yPlane.put(y + k, luma, width);
            }
            int chromaRow = y / rowsPerChroma;
            cbPlane.put(chromaRow, codes(cb, rowsPerChroma, bits), chromaWidth);
            crPlane.put(chromaRow, codes(cr, rowsPerChroma, bits), chromaWidth);
        }
        frame.pts(frames++);
        check(avcodec_send_frame(encoder, frame), "encode frame " + (frames - 1));
        drain();
    }

    /** The chroma codes of one output row: one input row, or the mean of two (4:2:0, sited between them vertically). */
    private short[] codes(float[][] rows, int count, int bits) {
        for (int x = 0; x < chromaCodes.length; x++) {
            float c = count == 1 ? rows[0][x] : (rows[0][x] + rows[1][x]) * 0.5f;
            chromaCodes[x] = Rec709YCbCr.chromaCode(c, bits);
        }
        return chromaCodes;
    }

    /** One plane of the frame, 8 bits or 16-bit little-endian words a sample, rows {@code linesize} bytes apart. */
    private final class Plane {
        private final ByteBuffer bytes;
        private final ShortBuffer words;
        private final int stride;

        Plane(int index) {
            BytePointer data = frame.data(index);
            int rows = index > 0 && settings.codec().halfHeightChroma() ? height / 2 : height;
            bytes = data.capacity((long) frame.linesize(index) * rows).asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            boolean wide = settings.codec().bits() > 8;
            words = wide ? bytes.asShortBuffer() : null;
            stride = wide ? frame.linesize(index) / 2 : frame.linesize(index);
        }

        void put(int row, short[] samples, int count) {
            if (words != null) {
                words.put(row * stride, samples, 0, count);
                return;
            }
            int o = row * stride;
            for (int x = 0; x < count; x++) {
                bytes.put(o + x, (byte) samples[x]);
            }
        }
    }

    private void drain() throws IOException {
        while (true) {
            int got = avcodec_receive_packet(encoder, packet);
            if (got == AVERROR_EAGAIN() || got == AVERROR_EOF()) {
                return;
            }
            check(got, "receive an encoded frame");
            av_packet_rescale_ts(packet, encoder.time_base(), stream.time_base());
            packet.stream_index(stream.index());
            check(av_interleaved_write_frame(format, packet), "write a frame to the scratch file " + scratch);
        }
    }

    /** Frames written so far. */
    public long frames() {
        return frames;
    }

    /** Flushes the encoder, completes the movie and publishes it through the sink; at least one frame is needed. */
    public void finish() throws IOException {
        if (finished || frame == null) {
            throw Errors.invalidArgument("the movie " + sink.name() + " is already finished or closed", "Open a new MovieWriter for another movie");
        }
        if (frames == 0) {
            throw Errors.invalidArgument("the movie " + sink.name() + " has no frames", "Write at least one frame before finishing");
        }
        check(avcodec_send_frame(encoder, null), "flush the encoder");
        drain();
        check(av_write_trailer(format), "complete the " + settings.container() + " file in the scratch file " + scratch);
        check(closeScratch(), "close the scratch file " + scratch);
        finished = true;
        sink.write(out -> Files.copy(scratch, out));
        close();
    }

    /** Frees FFmpeg's state and deletes the scratch file; a movie not finished is discarded. */
    @Override
    public void close() throws IOException {
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (frame != null) {
            av_frame_free(frame);
            frame = null;
        }
        if (encoder != null) {
            avcodec_free_context(encoder);
            encoder = null;
        }
        if (format != null) {
            closeScratch();
            avformat_free_context(format);
            format = null;
        }
        Files.deleteIfExists(scratch);
    }

    /** Closes the muxer's file once: avio_closep clears only the pointer it is handed, so the context's is cleared here. */
    private int closeScratch() {
        AVIOContext io = format.pb();
        if (io == null || io.isNull()) {
            return 0;
        }
        format.pb(null);
        return avio_closep(io);
    }

    private void check(int result, String what) throws IOException {
        if (result >= 0) {
            return;
        }
        throw new IOException(String.format(Locale.ROOT, "FFmpeg could not %s for %s: %s", what, sink.name(), errorText(result)));
    }

    private static String errorText(int result) {
        byte[] text = new byte[256];
        av_strerror(result, text, text.length);
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        return String.format(Locale.ROOT, "%s (error %d)", new String(text, 0, end, java.nio.charset.StandardCharsets.US_ASCII), result);
    }
}
