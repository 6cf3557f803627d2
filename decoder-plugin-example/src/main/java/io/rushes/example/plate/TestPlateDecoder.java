package io.rushes.example.plate;

import io.rushes.engine.color.PixelEncoding;
import io.rushes.engine.format.FrameDecoder;
import io.rushes.engine.format.FrameReader;
import io.rushes.engine.format.SourceFrame;
import io.rushes.engine.image.Region;
import io.rushes.engine.image.RgbImage;
import io.rushes.engine.io.ByteSource;
import java.util.Set;

/**
 * The frames of a test plate: the FrameDecoder a studio would write around a vendor SDK (open the clip in
 * {@link #open}, decode a frame in {@link FrameReader#read}, free the SDK's handles in {@link FrameReader#close}).
 * Reads only the rows a region covers.
 */
public final class TestPlateDecoder implements FrameDecoder {
    @Override
    public Set<String> formats() {
        return Set.of("rushes-test-plate");
    }

    @Override
    public FrameReader open(ByteSource source) {
        TestPlates.Header header = TestPlates.header(source);
        return new FrameReader() {
            @Override
            public int width() {
                return header.width();
            }

            @Override
            public int height() {
                return header.height();
            }

            @Override
            public long frameCount() {
                return 1;
            }

            @Override
            public SourceFrame read(long index, Region region) {
                Region r = region == null ? new Region(0, 0, header.width(), header.height()) : region;
                float[] rows = TestPlates.rows(source, header, r.y(), r.height());
                RgbImage band = new RgbImage(header.width(), r.height(), rows);
                RgbImage image = r.x() == 0 && r.width() == header.width() ? band : band.crop(new Region(r.x(), 0, r.width(), r.height()));
                return new SourceFrame.Rgb(image, PixelEncoding.ACESCG);
            }
        };
    }
}
