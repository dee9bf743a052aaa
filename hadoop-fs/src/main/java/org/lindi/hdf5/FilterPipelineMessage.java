package org.lindi.hdf5;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The filter pipeline message (0x000B, versions 1 and 2): the filters in the order they encode. */
final class FilterPipelineMessage {
  private static final int MAX_FILTERS = 32;
  private static final int MAX_CLIENT_VALUES = 4096;

  private FilterPipelineMessage() {}

  static List<Hdf5Filter> parse(MetadataReader file, HeaderMessage m) {
    MetadataCursor c = m.cursor(file, "filter pipeline message");
    int version = c.u8();
    int count = c.u8();
    if (version != 1 && version != 2) {
      throw file.unsupported("filter pipeline message version " + version + " is not supported");
    }
    if (count > MAX_FILTERS) {
      throw file.corrupt("filter pipeline message lists " + count + " filters", m.address);
    }
    if (version == 1) {
      c.skip(6);
    }
    List<Hdf5Filter> filters = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int id = c.u16();
      int nameLength = version == 1 || id >= 256 ? c.u16() : 0;
      int flags = c.u16();
      int values = c.u16();
      if (values > MAX_CLIENT_VALUES) {
        throw file.corrupt("filter " + id + " claims " + values + " client data values", m.address);
      }
      String name = "";
      if (nameLength > 0) {
        byte[] raw = c.bytes(nameLength).toArray();
        int end = 0;
        while (end < raw.length && raw[end] != 0) {
          end++;
        }
        name = new String(raw, 0, end, StandardCharsets.US_ASCII);
      }
      int[] data = new int[values];
      for (int v = 0; v < values; v++) {
        data[v] = (int) c.u32();
      }
      if (version == 1 && values % 2 == 1) {
        c.skip(4); // version 1 pads the client data to a multiple of 8 bytes
      }
      filters.add(new Hdf5Filter(id, name, flags, data));
    }
    return filters;
  }
}
