package io.rushes.jobs.plates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Sub-segments: at most N frames, equal sizes, as many as a multiple of the cores when the shot has the frames. */
class SegmentsTest {
    private static List<PlateUnit.PlateFrame> frames(int n) {
        return LongStream.range(0, n).mapToObj(i -> new PlateUnit.PlateFrame("f" + i, i, null, null, "r" + i, "p")).toList();
    }

    private static List<Integer> sizes(int n, int most, int cores) {
        return PlatesJob.segments(frames(n), most, cores).stream().map(List::size).toList();
    }

    @Test
    void segmentsAreEqualAndFillEveryCore() {
        assertEquals(List.of(20, 20, 20, 20, 20, 20, 20, 20, 20, 20), sizes(200, 24, 2), "not 8 of 24 and one of 8");
        assertEquals(List.of(24, 24), sizes(48, 24, 2));
        assertEquals(List.of(1), sizes(1, 24, 4), "a frame is never split");
        assertEquals(List.of(1, 1, 1), sizes(3, 24, 8), "no more segments than frames");
        assertEquals(List.of(), sizes(0, 24, 2));
        List<List<PlateUnit.PlateFrame>> s = PlatesJob.segments(frames(7), 3, 2);
        assertEquals(List.of(1, 2, 2, 2), s.stream().map(List::size).toList());
        assertEquals(frames(7), s.stream().flatMap(List::stream).toList(), "every frame once, in order");
    }
}
