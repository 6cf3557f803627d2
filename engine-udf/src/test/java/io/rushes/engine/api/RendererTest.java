package io.rushes.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.card.SampleCard;
import io.rushes.engine.develop.DngDevelop;
import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.image.Demosaic;
import io.rushes.engine.integrity.FileHasher;
import io.rushes.engine.integrity.HashAlgorithm;
import io.rushes.engine.io.ByteSink;
import io.rushes.engine.io.FileByteSource;
import io.rushes.engine.io.OutputFolder;
import io.rushes.engine.render.FrameRenderer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The render facade: every frame's outcome a result, every output sized and hashed as written. */
class RendererTest {
    @TempDir
    Path dir;

    private List<Path> frames() throws IOException {
        SampleCard.write(dir.resolve("card"), new SampleCard.Options(1, 2, List.of("A"), 32, 16, 4));
        try (Stream<Path> s = Files.walk(dir.resolve("card"))) {
            return s.filter(p -> p.toString().endsWith(".dng")).sorted().toList();
        }
    }

    private static RenderPlan tiffPlan() {
        return RenderPlan.stills(new FrameRenderer.Options(FrameRenderer.Stage.ACES, FrameRenderer.Format.TIFF16,
                DngDevelop.Output.ACES2065_1, Demosaic.Method.BILINEAR, null), (source, clip, frame) -> clip + "." + frame + ".tif");
    }

    @Test
    void everyFileIsSizedAndHashedAsWrittenAndABadFrameIsOnlyItsOwnFailure() throws Exception {
        List<Path> dngs = frames();
        Path notAFrame = Files.writeString(dir.resolve("notes.txt"), "not a camera file");
        Path out = Files.createDirectories(dir.resolve("out"));
        List<RenderedFile> heard = new ArrayList<>();
        List<RenderedFile> files = new Renderer(location -> new FileByteSource(Path.of(location))).render(tiffPlan(),
                new RenderUnit("A", List.of(new RenderUnit.Frame(dngs.get(0).toString(), 1L), new RenderUnit.Frame(notAFrame.toString(), 2L),
                        new RenderUnit.Frame(dngs.get(1).toString(), 3L))), OutputFolder.local(out), heard::add);
        assertEquals(files, heard, "the listener hears every file, in order");
        assertEquals(3, files.size());
        for (int i : new int[] {0, 2}) {
            RenderedFile f = files.get(i);
            assertTrue(f.ok(), f.toString());
            byte[] written = Files.readAllBytes(Path.of(f.output()));
            assertEquals(written.length, f.bytes());
            assertEquals(FileHasher.hash(written, HashAlgorithm.XXH128), f.xxh128());
            assertEquals("32x16", f.size());
        }
        RenderedFile bad = files.get(1);
        assertFalse(bad.ok());
        assertEquals(ErrorCode.UNSUPPORTED_FORMAT, bad.error().code(), bad.error().getMessage());
        assertNull(bad.output());
    }

    @Test
    void aStoreThatFailsMidwayIsThatFilesIoErrorAndTwoFramesNeverShareAName() throws Exception {
        List<Path> dngs = frames();
        Path out = Files.createDirectories(dir.resolve("out"));
        OutputFolder failing = new OutputFolder() {
            @Override
            public String name() {
                return out.toString();
            }

            @Override
            public ByteSink file(String fileName) {
                ByteSink real = OutputFolder.local(out).file(fileName);
                return new ByteSink() {
                    @Override
                    public String name() {
                        return real.name();
                    }

                    @Override
                    public void write(Content content) throws IOException {
                        real.write(o -> content.writeTo(new OutputStream() {
                            private long n;

                            @Override
                            public void write(int b) throws IOException {
                                write(new byte[] {(byte) b}, 0, 1);
                            }

                            @Override
                            public void write(byte[] b, int off, int len) throws IOException {
                                n += len;
                                if (n > 100) {
                                    throw new IOException("No space left on device");
                                }
                                o.write(b, off, len);
                            }
                        }));
                    }
                };
            }

            @Override
            public Path scratch() {
                return out;
            }
        };
        RenderedFile full = new Renderer(location -> new FileByteSource(Path.of(location))).render(tiffPlan(),
                new RenderUnit("A", List.of(new RenderUnit.Frame(dngs.get(0).toString(), 1L))), failing, f -> { }).get(0);
        assertEquals(ErrorCode.IO, full.error().code(), full.error().getMessage());
        assertTrue(full.error().getMessage().contains("No space left on device"), full.error().getMessage());
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(), s.toList(), "nothing under the final name, no aside file left");
        }

        RenderPlan oneName = RenderPlan.stills(new FrameRenderer.Options(FrameRenderer.Stage.ACES, FrameRenderer.Format.TIFF16,
                DngDevelop.Output.ACES2065_1, Demosaic.Method.BILINEAR, null), (source, clip, frame) -> "same.tif");
        List<RenderedFile> clash = new Renderer(location -> new FileByteSource(Path.of(location))).render(oneName,
                List.of(new RenderUnit("A", List.of(new RenderUnit.Frame(dngs.get(0).toString(), 1L))),
                        new RenderUnit("B", List.of(new RenderUnit.Frame(dngs.get(1).toString(), 1L)))), OutputFolder.local(out), f -> { });
        assertTrue(clash.get(0).ok());
        assertEquals(ErrorCode.INVALID_ARGUMENT, clash.get(1).error().code());
        assertTrue(clash.get(1).error().getMessage().contains("the name same.tif of " + dngs.get(1) + " was given to " + dngs.get(0)),
                clash.get(1).error().getMessage());
    }
}
