package io.rushes.engine.format.crw;

import io.rushes.engine.error.Errors;
import io.rushes.engine.io.BinaryReader;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Canon CRW file: the Camera Image File Format (CIFF) of Canon's 2000–2004 cameras. A header names the
 * byte order and the root heap; each heap ends with the offset of its directory of 10-byte records
 * (type, size, offset), whose data lives in the heap or, for small values, in the record itself; some
 * records are heaps themselves. Every record's value is collected by tag id, first one wins.
 */
public final class CrwHeader {
    private static final int MAX_DEPTH = 8;
    private static final int MAX_RECORDS = 4096;
    private static final int MAX_VALUE = 1 << 20;

    public final Map<Integer, byte[]> values = new LinkedHashMap<>();
    private int records;

    public static CrwHeader read(BinaryReader in) {
        in.order(in.u8(0) == 'M' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        long headerLength = in.u32(2);
        if (!in.ascii(6, 8).equals("HEAPCCDR")) {
            throw Errors.corrupt(in.name(), 6, "no HEAPCCDR signature");
        }
        if (headerLength < 14 || headerLength >= in.size()) {
            throw Errors.corrupt(in.name(), 2, "the header length " + headerLength + " is not inside the file");
        }
        CrwHeader h = new CrwHeader();
        h.heap(in, headerLength, in.size(), 0);
        return h;
    }

    private void heap(BinaryReader in, long start, long end, int depth) {
        if (depth > MAX_DEPTH) {
            throw Errors.limitExceeded(in.name(), start, "the CIFF heap nesting depth", depth, MAX_DEPTH);
        }
        if (end - start < 6) {
            throw Errors.corrupt(in.name(), start, "a CIFF heap of " + (end - start) + " bytes cannot hold a directory");
        }
        long dir = start + in.u32(end - 4);
        if (dir < start || dir + 2 > end) {
            throw Errors.corrupt(in.name(), end - 4, "the CIFF directory offset points outside its heap");
        }
        int count = in.u16(dir);
        if (dir + 2 + count * 10L > end) {
            throw Errors.corrupt(in.name(), dir, "the CIFF directory's " + count + " records run past its heap");
        }
        for (int i = 0; i < count; i++) {
            if (++records > MAX_RECORDS) {
                throw Errors.limitExceeded(in.name(), dir, "the number of CIFF records", records, MAX_RECORDS);
            }
            long rec = dir + 2 + i * 10L;
            int type = in.u16(rec);
            int id = type & 0x3fff; // the id without the storage-location bits
            if ((type & 0xc000) == 0x4000) { // value stored in the record
                values.putIfAbsent(id, in.bytes(rec + 2, 8, "a CIFF in-record value"));
                continue;
            }
            long size = in.u32(rec + 2);
            long at = start + in.u32(rec + 6);
            if (at < start || size > end - at) {
                throw Errors.corrupt(in.name(), rec, "CIFF record 0x" + Integer.toHexString(type) + " points outside its heap");
            }
            int dataType = type & 0x3800;
            if (dataType == 0x2800 || dataType == 0x3000) {
                heap(in, at, at + size, depth + 1);
            } else if (size <= MAX_VALUE) {
                values.putIfAbsent(id, in.bytes(at, size, "a CIFF value"));
            }
        }
    }
}
