package io.rushes.engine.card;

import io.rushes.engine.deliver.dng.DngFrameSpec;
import io.rushes.engine.deliver.dng.DngWriter;
import io.rushes.engine.deliver.quicktime.QuickTimeWriter;
import io.rushes.engine.error.Errors;
import io.rushes.engine.integrity.HashAlgorithm;
import io.rushes.engine.integrity.MhlWriter;
import io.rushes.engine.metadata.Timecode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a sample camera card the project owns: per camera a reel folder of CinemaDNG frame sequences
 * (12-bit RGGB Bayer data rendered from {@link TestScene} through the camera's colour matrix, with shot
 * noise), one QuickTime movie with a timecode track, and an ASC MHL generation sealing the reel. The same
 * seed always gives the same bytes.
 */
public final class SampleCard {
    /** XYZ→camera matrices of the fictional sensor, D65 and illuminant A (made up for Rushes, plausible in shape). */
    static final double[] CM_D65 = {0.7000, -0.1500, -0.0700, -0.4000, 1.2000, 0.2200, -0.0600, 0.1800, 0.6200};
    static final double[] CM_A = {0.7600, -0.2200, -0.0400, -0.3600, 1.1200, 0.2800, -0.0300, 0.1300, 0.7400};
    private static final double[] REC709_TO_XYZ = {0.4124, 0.3576, 0.1805, 0.2126, 0.7152, 0.0722, 0.0193, 0.1192, 0.9505};
    private static final double FPS = 24000.0 / 1001.0;
    private static final Instant SHOOT_DAY = Instant.parse("2026-11-24T09:00:00Z");

    /** Clips per camera: clip names number them C001 to C999, and each camera's movie takes the number after its last clip. */
    public static final int MAX_CLIPS = 998;
    /** Frames per clip: seven minutes at 24 fps, far more than a test card needs. */
    public static final int MAX_FRAMES = 10_000;
    /** Reel ids number cameras 1 to 9. */
    public static final int MAX_CAMERAS = 9;
    /** Frame side: 8K DCI (8192x4320) fits; each frame is rendered whole in memory (4 bytes a photosite). */
    public static final int MAX_SIDE = 8192;
    public static final int MIN_SIDE = 16;

    /**
     * Card settings: clip and frame counts, camera letters, frame size and seed. Checked here, where they enter: counts
     * and sizes a card never needs are refused before a byte is written, naming the limit.
     *
     * @param losslessJpeg compress the DNG frames with lossless JPEG (DNG compression 7) instead of packing them
     */
    public record Options(int clips, int frames, List<String> cameras, int width, int height, long seed, boolean losslessJpeg) {
        public Options {
            count("clips", clips, MAX_CLIPS, "clips per camera (clip names run C001 to C999, the movie takes one)");
            count("frames", frames, MAX_FRAMES, "frames per clip");
            count("cameras", cameras.size(), MAX_CAMERAS, "cameras (reel ids number them 1 to 9)");
            if (width < MIN_SIDE || height < MIN_SIDE || width % 2 != 0 || height % 2 != 0) {
                throw Errors.invalidArgument("the frame size " + width + "x" + height + " is not an even size of at least " + MIN_SIDE + "x" + MIN_SIDE,
                        "Give even numbers (the RGGB Bayer pattern repeats every 2 photosites), e.g. --size 960x540");
            }
            if (width > MAX_SIDE || height > MAX_SIDE) {
                throw Errors.outputTooLarge(null, "the frame size " + width + "x" + height + " has a side that", Math.max(width, height), MAX_SIDE,
                        "A sample card needs no more than 8K DCI: give a smaller --size, e.g. 960x540");
            }
        }

        private static void count(String what, int value, int max, String meaning) {
            if (value < 1) {
                throw Errors.invalidArgument(what + " is " + value + ": a card needs at least 1", "Give at least 1 for --" + what);
            }
            if (value > max) {
                throw Errors.outputTooLarge(null, "the number of " + meaning, value, max, "Give at most " + max + " for --" + what);
            }
        }

        public Options(int clips, int frames, List<String> cameras, int width, int height, long seed) {
            this(clips, frames, cameras, width, height, seed, false);
        }

        public static Options defaults() {
            return new Options(3, 24, List.of("A"), 960, 540, 1);
        }
    }

    /** What was written: the reel folders and every clip's folder or file. */
    public record Written(List<Path> reels, List<Path> clips) {
    }

    private SampleCard() {
    }

    public static Written write(Path dir, Options o) throws IOException {
        return write(dir, o, step -> { });
    }

    /** Writes the card, telling {@code progress} each clip and seal as it starts (a large card takes minutes). */
    public static Written write(Path dir, Options o, java.util.function.Consumer<String> progress) throws IOException {
        int total = o.cameras().size() * (o.clips() + 1);
        List<Path> reels = new ArrayList<>();
        List<Path> clips = new ArrayList<>();
        for (int c = 0; c < o.cameras().size(); c++) {
            String cam = o.cameras().get(c).toUpperCase(Locale.ROOT);
            String reelId = "R" + (char) ('1' + c) + (char) ('A' + (o.seed() % 26)) + (char) ('B' + c);
            String reel = cam + "001" + reelId;
            Path reelDir = dir.resolve(reel);
            Files.createDirectories(reelDir);
            reels.add(reelDir);
            String serial = String.format(Locale.ROOT, "RSH%05d", (o.seed() * 7919 + c * 104729) % 100000);
            for (int k = 1; k <= o.clips(); k++) {
                String clipName = String.format(Locale.ROOT, "%s001C%03d_%s_%s", cam, k, "261124", reelId);
                Timecode start = Timecode.fromFrames(tcStartFrames(o.seed(), c, k), 24, false);
                Path clipDir = reelDir.resolve(clipName);
                progress.accept(String.format(Locale.ROOT, "clip %d/%d: %s, %d frames of %dx%d", clips.size() + 1, total, clipName,
                        o.frames(), o.width(), o.height()));
                Files.createDirectories(clipDir);
                writeSequence(clipDir, clipName, o, cam, reel, serial, start, (int) (o.seed() * 31 + c * 7 + k));
                clips.add(clipDir);
            }
            String movieName = String.format(Locale.ROOT, "%s001C%03d_%s_%s.mov", cam, o.clips() + 1, "261124", reelId);
            Timecode start = Timecode.fromFrames(tcStartFrames(o.seed(), c, o.clips() + 1), 24, false);
            Path movie = reelDir.resolve(movieName);
            progress.accept(String.format(Locale.ROOT, "clip %d/%d: %s (QuickTime)", clips.size() + 1, total, movieName));
            writeMovie(movie, o, cam, reel, serial, start);
            clips.add(movie);
            setTimes(reelDir);
            progress.accept("sealing " + reel + " with an ASC MHL generation (xxh64)");
            MhlWriter.seal(reelDir, HashAlgorithm.XXH64, SHOOT_DAY.plusSeconds(3600L * 8 + c), "rushes", "0.1", "rushes-card");
        }
        return new Written(reels, clips);
    }

    /** Start timecode: 10:00 on the shoot day plus two minutes a clip, per camera offset by a few frames. */
    static long tcStartFrames(long seed, int camera, int clip) {
        return 24L * 3600 * 10 + 24L * 120 * clip + 24L * 7 * camera + seed % 24;
    }

    static DngFrameSpec spec(Options o, String cam, String reel, String serial, Timecode tc, LocalDateTime when) {
        double[] neutral = cameraResponse(new double[] {1, 1, 1});
        double[] asShot = {neutral[0] / neutral[1], 1, neutral[2] / neutral[1]};
        return new DngFrameSpec("Rushes", "Cinema One", serial, "RCO 1.0.4", cam, reel, o.width(), o.height(), 12, 4095, 256,
                FPS, tc, 1.0 / 48, 800, 2.8, 2.8, 35, "Rushes Prime 35mm T2.8",
                when.format(DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss", Locale.ROOT)), CM_A, CM_D65, asShot);
    }

    /** Camera RGB of a linear Rec.709 colour: Rec.709 → XYZ → camera (ColorMatrix2, D65). */
    static double[] cameraResponse(double[] rgb) {
        double[] xyz = mul(REC709_TO_XYZ, rgb);
        return mul(CM_D65, xyz);
    }

    private static double[] mul(double[] m, double[] v) {
        return new double[] {
            m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
            m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
            m[6] * v[0] + m[7] * v[1] + m[8] * v[2],
        };
    }

    private static void writeSequence(Path clipDir, String clipName, Options o, String cam, String reel, String serial,
                                      Timecode start, int sceneSeed) throws IOException {
        TestScene scene = new TestScene(sceneSeed);
        LocalDateTime when = LocalDateTime.ofInstant(SHOOT_DAY, ZoneOffset.UTC).plusSeconds(start.toFrames() / 24 - 9 * 3600);
        int firstFrame = 86400; // frame numbers follow camera practice: a running count, not 0 or 1
        for (int f = 0; f < o.frames(); f++) {
            Timecode tc = start.plusFrames(f);
            DngFrameSpec s = spec(o, cam, reel, serial, tc, when);
            int[] samples = renderBayer(scene, s, f / FPS, o.seed() * 1_000_003L + sceneSeed * 8191L + f);
            byte[] pixels = o.losslessJpeg() ? DngWriter.losslessJpeg(s, samples) : DngWriter.pack(s, samples);
            byte[] header = DngWriter.header(s, pixels.length, o.losslessJpeg() ? DngWriter.LOSSLESS_JPEG : DngWriter.UNCOMPRESSED);
            Path file = clipDir.resolve(String.format(Locale.ROOT, "%s.%07d.dng", clipName, firstFrame + f));
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(header);
                out.write(pixels);
            }
        }
    }

    /** Mosaics the scene through the camera: RGGB, black 256, white 4095, shot and read noise. */
    static int[] renderBayer(TestScene scene, DngFrameSpec s, double t, long noiseSeed) {
        int w = s.width();
        int h = s.height();
        int[] out = new int[w * h];
        SplittableRandom random = new SplittableRandom(noiseSeed);
        double[] rgb = new double[3];
        double range = s.whiteLevel() - s.blackLevel();
        double gain = range * 0.35; // 18% grey lands about 2.5 stops under clip
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                scene.sample((x + 0.5) / w, (y + 0.5) / h, t, rgb);
                double[] cam = cameraResponse(rgb);
                int channel = (y & 1) == 0 ? ((x & 1) == 0 ? 0 : 1) : ((x & 1) == 0 ? 1 : 2);
                double signal = Math.max(0, cam[channel]) * gain;
                double noise = Math.sqrt(signal * 0.6 + 4.0) * gaussian(random);
                long v = Math.round(s.blackLevel() + signal + noise);
                out[y * w + x] = (int) Math.max(0, Math.min(s.whiteLevel(), v));
            }
        }
        return out;
    }

    private static double gaussian(SplittableRandom r) {
        double u1 = 1.0 - r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static void writeMovie(Path movie, Options o, String cam, String reel, String serial, Timecode start) throws IOException {
        int w = Math.min(o.width(), 320) & ~1;
        int h = Math.max(16, (w * o.height() / o.width()) & ~1);
        int frames = Math.min(o.frames(), 24);
        TestScene scene = new TestScene(o.seed() + 99);
        List<byte[]> images = new ArrayList<>();
        double[] rgb = new double[3];
        for (int f = 0; f < frames; f++) {
            byte[] img = new byte[w * h * 3];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    scene.sample((x + 0.5) / w, (y + 0.5) / h, f / FPS, rgb);
                    for (int c = 0; c < 3; c++) {
                        img[(y * w + x) * 3 + c] = (byte) Math.round(255 * rec709Oetf(Math.min(1, Math.max(0, rgb[c]))));
                    }
                }
            }
            images.add(img);
        }
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("com.apple.quicktime.make", "Rushes");
        keys.put("com.apple.quicktime.model", "Cinema One");
        keys.put("com.apple.quicktime.camera.identifier", cam);
        keys.put("com.apple.quicktime.camera.serial", serial);
        keys.put("com.apple.quicktime.reel", reel);
        long created = SHOOT_DAY.getEpochSecond() + start.toFrames() / 24 - 9 * 3600;
        QuickTimeWriter.Movie m = new QuickTimeWriter.Movie(w, h, 24000, 1001, start, reel, keys, created);
        try (OutputStream out = Files.newOutputStream(movie)) {
            QuickTimeWriter.write(m, images, out);
        }
    }

    private static double rec709Oetf(double l) {
        return l < 0.018 ? 4.5 * l : 1.099 * Math.pow(l, 0.45) - 0.099;
    }

    /** Fixed modification times, so MHL generations and hashes are the same on every run. */
    private static void setTimes(Path root) throws IOException {
        FileTime t = FileTime.from(SHOOT_DAY);
        try (var walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                Files.setLastModifiedTime(p, t);
            }
        }
    }
}
