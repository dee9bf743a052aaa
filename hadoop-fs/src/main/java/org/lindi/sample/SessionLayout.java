package org.lindi.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lindi.write.LindiWriter;
import org.lindi.zarr.ArrayMetadata;
import org.lindi.zarr.DType;
import org.lindi.zarr.Order;

/**
 * Writes everything of a {@link SyntheticSession} but the samples, as pynwb lays an NWB file out
 * and LINDI converts it: the NWBFile root attributes and scalar strings, the probe and its
 * electrode group, the electrodes table, the ElectricalSeries group (its {@code starting_time} with
 * {@code rate}, its {@code electrodes} region and the empty {@code data} array) and the units table.
 */
final class SessionLayout {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String ELECTRODE_GROUP = "general/extracellular_ephys/shank0";
  static final String DEVICE = "general/devices/probe";

  private final SyntheticSession session;
  private final LindiWriter w;
  private final String rootId;

  SessionLayout(SyntheticSession session, LindiWriter w) {
    this.session = session;
    this.w = w;
    this.rootId = objectId("");
  }

  void write() throws IOException {
    w.setAttributes("", nwb("core", "NWBFile", "").put("nwb_version", "2.6.0"));
    scalarString("identifier", objectId("identifier"));
    scalarString("session_description", session.description());
    scalarString("session_start_time", "2024-01-01T12:00:00+00:00");
    scalarString("timestamps_reference_time", "2024-01-01T12:00:00+00:00");
    for (String g : List.of("analysis", "processing", "stimulus/presentation", "stimulus/templates")) {
      w.createGroup(g);
    }
    w.createGroup(DEVICE);
    w.setAttributes(DEVICE, nwb("core", "Device", DEVICE).put("description", "synthetic silicon probe")
        .put("manufacturer", "lindi-spark"));
    w.createGroup(ELECTRODE_GROUP);
    w.setAttributes(ELECTRODE_GROUP, nwb("core", "ElectrodeGroup", ELECTRODE_GROUP)
        .put("description", "the probe's one shank").put("location", "hippocampus"));
    w.createGroup(ELECTRODE_GROUP + "/device");
    ObjectNode link = JSON.createObjectNode();
    link.putObject("_SOFT_LINK").put("path", "/" + DEVICE);
    w.setAttributes(ELECTRODE_GROUP + "/device", link);
    electrodes();
    electricalSeries();
    units();
  }

  private void electrodes() throws IOException {
    String t = SyntheticSession.ELECTRODES;
    int n = session.channels();
    w.createGroup(t);
    ObjectNode attrs = nwb("hdmf-common", "DynamicTable", t)
        .put("description", "metadata about extracellular electrodes");
    attrs.putArray("colnames").add("location").add("group").add("group_name").add("x").add("y").add("z");
    w.setAttributes(t, attrs);
    long[] ids = new long[n];
    double[] x = new double[n];
    double[] y = new double[n];
    double[] z = new double[n];
    List<Object> location = new ArrayList<>();
    List<Object> group = new ArrayList<>();
    List<Object> groupName = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      ids[c] = c;
      x[c] = c % 2 == 0 ? 16.0 : 48.0; // two staggered columns, 20 um apart in depth
      y[c] = 20.0 * (c / 2);
      location.add(c < n / 2 ? "CA1" : "CA3");
      group.add(reference(ELECTRODE_GROUP));
      groupName.add("shank0");
    }
    longs(t + "/id", ids, nwb("hdmf-common", "ElementIdentifiers", t + "/id"));
    strings(t + "/location", location, column(t + "/location", "brain region"));
    strings(t + "/group", group, column(t + "/group", "electrode group"));
    strings(t + "/group_name", groupName, column(t + "/group_name", "electrode group name"));
    doubles(t + "/x", x, column(t + "/x", "x coordinate (um)"));
    doubles(t + "/y", y, column(t + "/y", "y coordinate (um)"));
    doubles(t + "/z", z, column(t + "/z", "z coordinate (um)"));
  }

  private void electricalSeries() throws IOException {
    String es = SyntheticSession.ELECTRICAL_SERIES;
    w.createGroup(es);
    w.setAttributes(es, nwb("core", "ElectricalSeries", es).put("comments", "synthetic: LFP, noise and spikes")
        .put("description", "raw voltage traces"));
    ObjectNode start = JSON.createObjectNode().put("_SCALAR", true).put("rate", session.rate()).put("unit", "seconds");
    ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.0);
    array(es + "/starting_time", "<f8", new long[] {1}, b.array(), start, true);
    int n = session.channels();
    ByteBuffer region = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
    for (int c = 0; c < n; c++) {
      region.putInt(c);
    }
    ObjectNode regionAttrs = nwb("hdmf-common", "DynamicTableRegion", es + "/electrodes")
        .put("description", "electrodes of this series");
    regionAttrs.set("table", reference(SyntheticSession.ELECTRODES));
    array(es + "/electrodes", "<i4", new long[] {n}, region.array(), regionAttrs, true);
    ObjectNode dataAttrs = JSON.createObjectNode().put("conversion", SignalModel.MICROVOLTS_PER_COUNT * 1e-6)
        .put("offset", 0.0).put("resolution", -1.0).put("unit", "volts");
    w.createArray(SyntheticSession.DATA, ArrayMetadata.of(new long[] {session.samples(), n},
        new int[] {session.chunkRows(), n}, DType.parse("<i2"), Order.C, JSON.getNodeFactory().numberNode(0),
        session.compressor(), List.of(), '.'), dataAttrs);
  }

  private void units() throws IOException {
    String t = SyntheticSession.UNITS;
    List<InjectedUnit> units = session.units();
    w.createGroup(t);
    ObjectNode attrs = nwb("core", "Units", t).put("description", "units injected by the generator");
    attrs.putArray("colnames").add("spike_times").add("electrodes").add("max_electrode").add("amplitude");
    w.setAttributes(t, attrs);
    int u = units.size();
    long[] ids = new long[u];
    long[] spikeIndex = new long[u];
    long[] electrodeIndex = new long[u];
    long[] maxElectrode = new long[u];
    double[] amplitude = new double[u];
    List<Double> times = new ArrayList<>();
    List<Long> electrodes = new ArrayList<>();
    for (int i = 0; i < u; i++) {
      InjectedUnit unit = units.get(i);
      ids[i] = unit.id();
      for (double s : unit.spikeTimes(session.rate())) {
        times.add(s);
      }
      spikeIndex[i] = times.size();
      for (int c = unit.channel() - 1; c <= unit.channel() + 1; c++) {
        if (c >= 0 && c < session.channels()) {
          electrodes.add((long) c);
        }
      }
      electrodeIndex[i] = electrodes.size();
      maxElectrode[i] = unit.channel();
      amplitude[i] = unit.amplitudeMicrovolts();
    }
    longs(t + "/id", ids, nwb("hdmf-common", "ElementIdentifiers", t + "/id"));
    doubles(t + "/spike_times", times.stream().mapToDouble(Double::doubleValue).toArray(),
        column(t + "/spike_times", "the spike times for each unit in seconds")
            .put("resolution", 1.0 / session.rate()));
    uints(t + "/spike_times_index", spikeIndex, index(t, "spike_times"));
    ObjectNode regionAttrs = nwb("hdmf-common", "DynamicTableRegion", t + "/electrodes")
        .put("description", "the electrodes where each unit's spikes are seen");
    regionAttrs.set("table", reference(SyntheticSession.ELECTRODES));
    longs(t + "/electrodes", electrodes.stream().mapToLong(Long::longValue).toArray(), regionAttrs);
    uints(t + "/electrodes_index", electrodeIndex, index(t, "electrodes"));
    longs(t + "/max_electrode", maxElectrode, column(t + "/max_electrode", "electrode with the largest waveform"));
    doubles(t + "/amplitude", amplitude, column(t + "/amplitude", "trough depth on max_electrode (uV)"));
  }

  // ---- arrays ------------------------------------------------------------------------------

  private void longs(String path, long[] v, ObjectNode attrs) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (long x : v) {
      b.putLong(x);
    }
    array(path, "<i8", new long[] {v.length}, b.array(), attrs, true);
  }

  private void uints(String path, long[] v, ObjectNode attrs) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (long x : v) {
      b.putInt((int) x);
    }
    array(path, "<u4", new long[] {v.length}, b.array(), attrs, true);
  }

  private void doubles(String path, double[] v, ObjectNode attrs) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (double x : v) {
      b.putDouble(x);
    }
    array(path, "<f8", new long[] {v.length}, b.array(), attrs, true);
  }

  /** A whole 1-D (or one-element) array in one chunk. */
  private void array(String path, String dtype, long[] shape, byte[] bytes, ObjectNode attrs, boolean compressed)
      throws IOException {
    int chunk = (int) Math.max(1, shape[0]);
    w.createArray(path, ArrayMetadata.of(shape, new int[] {chunk}, DType.parse(dtype), Order.C,
        JSON.getNodeFactory().numberNode(0), compressed ? session.compressor() : null, List.of(), '.'), attrs);
    if (shape[0] > 0) {
      w.write(path, new long[] {0}, shape, bytes);
    }
  }

  /** A 1-D json2 object array (strings or references) in one chunk. */
  private void strings(String path, List<Object> items, ObjectNode attrs) throws IOException {
    int chunk = Math.max(1, items.size());
    w.createArray(path, ArrayMetadata.of(new long[] {items.size()}, new int[] {chunk}, DType.parse("|O"), Order.C,
        JSON.getNodeFactory().numberNode(0), null, List.of(Json2Chunk.filter()), '.'), attrs);
    if (!items.isEmpty()) {
      w.writeChunk(path, new long[] {0}, Json2Chunk.encode(items));
    }
  }

  /** A scalar string as h5py gives it to LINDI: {@code <U<n>} of shape [1] marked {@code _SCALAR}. */
  private void scalarString(String path, String value) throws IOException {
    int n = Math.max(1, value.length());
    ByteBuffer b = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
    value.codePoints().forEach(b::putInt);
    w.createArray(path, ArrayMetadata.of(new long[] {1}, new int[] {1}, DType.parse("<U" + n), Order.C,
        JSON.getNodeFactory().textNode(""), null, List.of(), '.'), JSON.createObjectNode().put("_SCALAR", true));
    w.write(path, new long[] {0}, new long[] {1}, b.array());
  }

  // ---- attributes --------------------------------------------------------------------------

  private ObjectNode nwb(String namespace, String type, String path) {
    return JSON.createObjectNode().put("namespace", namespace).put("neurodata_type", type)
        .put("object_id", objectId(path));
  }

  private ObjectNode column(String path, String description) {
    return nwb("hdmf-common", "VectorData", path).put("description", description);
  }

  private ObjectNode index(String table, String column) {
    ObjectNode a = nwb("hdmf-common", "VectorIndex", table + "/" + column + "_index")
        .put("description", "Index for VectorData '" + column + "'");
    a.set("target", reference(table + "/" + column));
    return a;
  }

  /** An HDF5 object reference as LINDI stores it (keys sorted, as json2 writes them). */
  private JsonNode reference(String path) {
    ObjectNode r = JSON.createObjectNode();
    r.putObject("_REFERENCE").put("object_id", objectId(path)).put("path", "/" + path).put("source", ".")
        .put("source_object_id", rootId);
    return r;
  }

  /** A UUID fixed by the seed and the path, so the same session gets the same ids. */
  private String objectId(String path) {
    return UUID.nameUUIDFromBytes((session.seed() + ":/" + path).getBytes(StandardCharsets.UTF_8)).toString();
  }
}
