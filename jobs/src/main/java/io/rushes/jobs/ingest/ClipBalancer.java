package io.rushes.jobs.ingest;

import io.rushes.engine.discovery.Clip;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Spreads clips over tasks by size: largest first, each to the lightest group so far (LPT scheduling,
 * within 4/3 of the best balance). Header reads cost little per byte, so each clip counts its bytes plus
 * a fixed cost per file.
 */
final class ClipBalancer {
    /** Bytes one file "weighs" beyond its size: opening it and reading its header. */
    static final long PER_FILE_COST = 256 * 1024;

    private ClipBalancer() {
    }

    static long weight(Clip c) {
        return c.totalBytes() / 64 + c.files().size() * PER_FILE_COST;
    }

    static List<List<Clip>> groups(List<Clip> clips, int groups) {
        int n = Math.max(1, Math.min(groups, clips.size()));
        List<List<Clip>> out = new ArrayList<>();
        PriorityQueue<long[]> load = new PriorityQueue<>(Comparator.comparingLong((long[] g) -> g[0]).thenComparingLong(g -> g[1]));
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
            load.add(new long[] {0, i});
        }
        List<Clip> sorted = new ArrayList<>(clips);
        sorted.sort(Comparator.comparingLong(ClipBalancer::weight).reversed().thenComparing(Clip::name));
        for (Clip c : sorted) {
            long[] lightest = load.poll();
            out.get((int) lightest[1]).add(c);
            lightest[0] += weight(c);
            load.add(lightest);
        }
        return out;
    }
}
