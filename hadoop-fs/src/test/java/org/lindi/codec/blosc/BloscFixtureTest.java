package org.lindi.codec.blosc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lindi.codec.ByteSlice;
import org.lindi.codec.DecodeContext;
import org.lindi.error.DecompressionLimitException;
import org.lindi.zarr.DType;

/**
 * Real c-blosc 1.21.3 frames written by zarr/numcodecs (fixtures/zarr/blosc_matrix): every cname
 * and shuffle, multi-block frames, a short last block, blocks stored out of order, a memcpyed
 * frame. Every chunk decodes, the assembled arrays hash to the manifest's sha256, and the first
 * chunk's header matches the manifest's {@code blosc_first_chunk}.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BloscFixtureTest {
  private static final String MATRIX = "zarr/blosc_matrix.lindi.json";

  static List<JsonNode> bloscArrays() throws IOException {
    List<JsonNode> arrays = new ArrayList<>();
    FixtureChunks.manifestFile(MATRIX).get("arrays").forEach(arrays::add);
    return arrays;
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("bloscArrays")
  void everyChunkDecodesToTheManifestsArray(JsonNode array) throws Exception {
    FixtureChunks rfs = FixtureChunks.open(MATRIX);
    String path = array.get("path").asText();
    JsonNode zarray = rfs.zarray(path);
    int item = DType.parse(zarray.get("dtype").asText()).itemSize();
    int[] shape = ints(zarray.get("shape"));
    int[] chunks = ints(zarray.get("chunks"));
    assertEquals("C", zarray.get("order").asText());
    BloscCodec codec = (BloscCodec) new BloscCodecFactory()
        .create(zarray.get("compressor"), DType.parse(zarray.get("dtype").asText()));
    int chunkBytes = item;
    for (int c : chunks) {
      chunkBytes *= c;
    }

    byte[] whole = new byte[product(shape) * item];
    DecodeContext ctx = new DecodeContext();
    int rows = shape.length == 1 ? 1 : shape[0];
    int cols = shape.length == 1 ? shape[0] : shape[1];
    int chunkRows = shape.length == 1 ? 1 : chunks[0];
    int chunkCols = shape.length == 1 ? chunks[0] : chunks[1];
    for (int ci = 0; ci * chunkRows < rows; ci++) {
      for (int cj = 0; cj * chunkCols < cols; cj++) {
        String key = path + "/" + (shape.length == 1 ? "" + cj : ci + "." + cj);
        byte[] encoded = rfs.chunk(key);
        assertNotNull(encoded, key);
        ByteSlice chunk = codec.decode(ByteSlice.of(encoded),
            ctx.prepare(chunkBytes, chunkBytes / item));
        assertEquals(chunkBytes, chunk.length(), key);
        // copy the chunk's rows, trimmed at the array's edge, into the C-order array
        for (int r = 0; r < chunkRows && ci * chunkRows + r < rows; r++) {
          int n = Math.min(chunkCols, cols - cj * chunkCols);
          System.arraycopy(chunk.array(), chunk.offset() + r * chunkCols * item, whole,
              ((ci * chunkRows + r) * cols + cj * chunkCols) * item, n * item);
        }
      }
    }

    assertEquals(array.get("sha256").asText(), sha256(whole), path);
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("bloscArrays")
  void firstChunkHeaderMatchesTheManifest(JsonNode array) throws Exception {
    String path = array.get("path").asText();
    JsonNode facts = array.get("blosc_first_chunk");
    byte[] encoded = FixtureChunks.open(MATRIX).chunk(path + (path.startsWith("blosc/") ? "/0.0" : "/0"));

    BloscHeader h = BloscHeader.read(ByteSlice.of(encoded));

    assertEquals(facts.get("version").asInt(), h.version());
    assertEquals(facts.get("versionlz").asInt(), h.versionLz());
    assertEquals(facts.get("flags").asInt(), h.flags());
    assertEquals(facts.get("typesize").asInt(), h.typesize());
    assertEquals(facts.get("nbytes").asInt(), h.nbytes());
    assertEquals(facts.get("blocksize").asInt(), h.blocksize());
    assertEquals(facts.get("cbytes").asInt(), h.cbytes());
    assertEquals(facts.get("memcpyed").asBoolean(), h.memcpyed());
    // the manifest counts a memcpyed frame as unsplit whatever its flag says
    assertEquals(facts.get("split_streams").asBoolean(), !h.dontSplit() && !h.memcpyed());
    assertEquals(facts.get("nblocks").asInt(), h.blockCount());
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void aHeaderClaimingTwoBillionBytesIsRefusedBeforeAllocating() throws Exception {
    FixtureChunks rfs = FixtureChunks.open("broken/blosc_bomb.lindi.json");
    byte[] encoded = rfs.chunk("x/0");
    BloscCodec codec = (BloscCodec) new BloscCodecFactory()
        .create(rfs.zarray("x").get("compressor"), DType.parse("<f4"));

    DecompressionLimitException e = assertThrows(DecompressionLimitException.class,
        () -> codec.decode(ByteSlice.of(encoded), new DecodeContext().prepare(4000, 1000)));

    assertEquals("decompression size limit exceeded: header claims 2000000000 bytes, at most 4000"
        + " expected", e.getMessage());
    assertTrue(FixtureChunks.manifestFile("broken/blosc_bomb.lindi.json").get("expect_error")
        .asText().startsWith("decompression size limit exceeded"));
  }

  private static int[] ints(JsonNode list) {
    int[] a = new int[list.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = list.get(i).asInt();
    }
    return a;
  }

  private static int product(int[] a) {
    int p = 1;
    for (int v : a) {
      p *= v;
    }
    return p;
  }

  private static String sha256(byte[] b) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }
}
