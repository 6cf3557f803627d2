/**
 * Review and editorial movies written through FFmpeg's libraries (org.bytedeco ffmpeg 8.1.2, JavaCPP 1.5.14), never
 * by running an {@code ffmpeg} executable.
 *
 * <p>Licence: Rushes depends on the LGPL build of FFmpeg, natives for linux-x86_64 only (the shaded CLI jar grows by
 * about 28 MB). It has every encoder a studio's review and editorial deliverables usually need: ProRes 422 HQ, 4444
 * and 4444 XQ ({@code prores_ks}) and DNxHR HQX and 444 ({@code dnxhd}), in QuickTime or MXF OP1a, and H.264 High 8-bit 4:2:0
 * through Cisco's OpenH264 (BSD-licensed; H.264's patent licence is the distributor's matter, as for any H.264
 * encoder). libx264 (better quality per bit, 10-bit, 4:2:2) and HEVC's libx265 exist only in FFmpeg's GPL build
 * ({@code org.bytedeco:ffmpeg:8.1.2-1.5.14:jar:linux-x86_64-gpl}); linking it makes the whole distribution GPL, so it
 * is left as the deployer's decision and is not the default.
 *
 * <p>Speed (MovieWriteBenchmark, one thread, 12 UHD frames of ProRes 4444, median of three side-by-side rounds): MovieWriter
 * 1.67 CPU-s a frame (0.067 of it the float to Y'CbCr conversion), the ffmpeg 8.1.2 CLI on the same libraries from
 * rgb48le 1.60 (MovieWriter 4 % more), Debian 12's ffmpeg 5.1 1.68, FFmpeg 9.0 (sid) 1.52.
 */
package io.rushes.engine.deliver.movie;
