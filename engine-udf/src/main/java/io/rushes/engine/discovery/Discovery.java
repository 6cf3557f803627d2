package io.rushes.engine.discovery;

import java.util.List;

/** What a card or turnover holds: clips to inspect, sidecar files, and files ignored. */
public record Discovery(List<Clip> clips, List<FileEntry> sidecars, List<FileEntry> ignored) {
}
