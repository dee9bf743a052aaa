package org.lindi.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lindi.zarr.ArrayMetadata;
import org.lindi.zarr.DType;

/**
 * The child process of {@link CrashSafetyTest}: commits forever until it is killed. Commit
 * {@code c} creates array {@code c<c>} (four appended chunks of values seeded by c), rewrites
 * chunk 0 of {@code shared} with values seeded by c, deletes the array made {@value #KEEP}
 * commits earlier, and sets the root attribute {@code commit} to c. The RFS grows and shrinks
 * with a small region, so relocations happen too.
 */
public final class CrashWriterMain {
  static final int KEEP = 40;
  static final int ELEMENTS = 1000;
  static final int CHUNK = 250;
  static final DType I4 = DType.parse("<i4");

  private CrashWriterMain() {}

  static ArrayMetadata meta() {
    return TestArrays.meta(new long[] {ELEMENTS}, new int[] {CHUNK}, "<i4", "0",
        "{\"id\":\"zlib\",\"level\":1}", null);
  }

  /** Values of commit {@code c}: incompressible enough that every chunk is appended, not inlined. */
  static byte[] values(long c) {
    return TestArrays.values(I4, ELEMENTS, 1_000_003L * c + 17);
  }

  public static void main(String[] args) throws Exception {
    java.nio.file.Path file = java.nio.file.Paths.get(args[0]);
    WriteOptions options = WriteOptions.defaults().withRfsRegion(Long.parseLong(args[1]));
    try (LindiWriter w = LindiWriter.openLocal(file, options)) {
      if (!w.isArray("shared")) {
        w.createArray("shared", meta(), null);
        w.flush();
      }
      long c = w.attributes("").path("commit").asLong(0);
      System.out.println("READY " + c);
      System.out.flush();
      while (true) {
        c++;
        String name = "c" + c;
        w.createArray(name, meta(), TestArrays.json("{\"commit\":" + c + ",\"pad\":\""
            + "x".repeat((int) (c % 97) * 3) + "\"}"));
        w.write(name, new long[] {0}, new long[] {ELEMENTS}, values(c));
        w.write("shared", new long[] {0}, new long[] {CHUNK},
            java.util.Arrays.copyOf(values(c), CHUNK * 4));
        if (w.isArray("c" + (c - KEEP))) {
          w.delete("c" + (c - KEEP));
        }
        ObjectNode root = w.attributes("");
        root.put("commit", c);
        w.setAttributes("", root);
        w.flush();
        System.out.println("COMMIT " + c);
        System.out.flush();
      }
    }
  }
}
