package org.lindi.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lindi.codec.CodecVectors.Vector;

/**
 * The encoders of the write path ({@code zlib}, {@code gzip}, {@code zstd}, {@code lz4},
 * {@code shuffle}, {@code delta}, and {@code fletcher32}) produce chunks that decode back, that
 * match numcodecs byte for byte where numcodecs' output is deterministic (filters), and that
 * numcodecs itself decodes (checked with {@code /usr/bin/python3} when it has numcodecs).
 */
@Timeout(120)
class EncoderTest {
  private static final Set<String> ENCODERS = Set.of("zlib", "gzip", "zstd", "lz4", "shuffle", "delta", "fletcher32");
  private static final Path PYTHON = Paths.get("/usr/bin/python3");
  private static final Path SCRIPT = Paths.get("src/test/python/make_codec_vectors.py");

  /** Vectors whose decoded bytes the encoder must reproduce exactly through a round trip. */
  static Stream<Vector> encodable() {
    return CodecVectors.bytesVectors()
        .filter(v -> ENCODERS.contains(v.id()) && v.decoded() != null)
        .filter(v -> !v.id().equals("delta") || losslessDelta(v));
  }

  /** A delta vector of integers stored as themselves, written by numcodecs' encoder. */
  private static boolean losslessDelta(Vector v) {
    JsonNode c = v.codec();
    return c.get("dtype").equals(c.get("astype")) && "iu".indexOf(c.get("dtype").asText().charAt(1)) >= 0
        && !v.name().endsWith("decode-only");
  }

  private static Codec codec(Vector v) {
    return CodecRegistry.defaultRegistry().create(v.codec(), v.dtype());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("encodable")
  void roundTripsThroughOurDecoder(Vector v) {
    Codec codec = codec(v);
    byte[] encoded = codec.encode(ByteSlice.of(v.decoded()), new EncodeContext()).toArray();
    byte[] decoded = codec.decode(ByteSlice.of(encoded), new DecodeContext().prepare(v.decoded().length, -1)).toArray();
    assertArrayEquals(v.decoded(), decoded, v.name());
  }

  /** Filters, whose numcodecs output is deterministic (a compressor's may differ and still be valid). */
  static Stream<Vector> filters() {
    return encodable().filter(v -> v.id().equals("shuffle") || v.id().equals("delta"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filters")
  void filtersEncodeByteForByteLikeNumcodecs(Vector v) {
    byte[] encoded = codec(v).encode(ByteSlice.of(v.decoded()), new EncodeContext()).toArray();
    assertArrayEquals(v.encoded(), encoded, v.name());
  }

  @Test
  void encodersReuseTheContextScratchWithoutCorruptingTheirInput() {
    EncodeContext ctx = new EncodeContext();
    Codec shuffle = new ShuffleCodec(4);
    Codec zlib = new ZlibCodec(5);
    byte[] data = new byte[4000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 7 / 13);
    }
    // a filter's output in the context scratch is the compressor's input
    ByteSlice shuffled = shuffle.encode(ByteSlice.of(data), ctx);
    byte[] expectedShuffled = shuffled.toArray();
    ByteSlice compressed = zlib.encode(shuffled, ctx);
    DecodeContext dctx = new DecodeContext();
    ByteSlice back = zlib.decode(compressed, dctx);
    assertArrayEquals(expectedShuffled, back.toArray());
    assertArrayEquals(data, shuffle.decode(back, dctx).toArray());
  }

  /** What we encode, numcodecs decodes to what we decode it to (and to the input, for lossless codecs). */
  @Test
  void numcodecsDecodesWhatWeEncode() throws Exception {
    assumeTrue(Files.isExecutable(PYTHON) && Files.isRegularFile(SCRIPT), "needs " + PYTHON + " and " + SCRIPT);
    assumeTrue(run(List.of(PYTHON.toString(), "-c", "import numcodecs, numpy"), "").exitCode == 0,
        PYTHON + " has no numcodecs; skipping the cross-check with Python");
    List<Vector> cases = CodecVectors.bytesVectors()
        .filter(v -> ENCODERS.contains(v.id()) && !v.id().equals("fletcher32") && v.decoded() != null)
        .filter(v -> !v.name().endsWith("decode-only"))
        .collect(Collectors.toList());
    ArrayNode requests = CodecVectors.JSON.createArrayNode();
    List<byte[]> ours = new ArrayList<>();
    for (Vector v : cases) {
      Codec codec = codec(v);
      byte[] encoded = codec.encode(ByteSlice.of(v.decoded()), new EncodeContext()).toArray();
      ours.add(codec.decode(ByteSlice.of(encoded), new DecodeContext()).toArray());
      ObjectNode r = requests.addObject();
      r.set("codec", v.codec());
      r.put("dtype", v.dtype().str());
      r.put("encoded", Base64.getEncoder().encodeToString(encoded));
    }
    Result result = run(List.of(PYTHON.toString(), SCRIPT.toString(), "decode"), requests.toString());
    assertEquals(0, result.exitCode, "numcodecs decode failed: " + result.stderr);
    JsonNode answers = CodecVectors.JSON.readTree(result.stdout);
    assertEquals(cases.size(), answers.size());
    int empty = 0;
    for (int i = 0; i < cases.size(); i++) {
      Vector v = cases.get(i);
      JsonNode a = answers.get(i);
      if (a.has("error")) {
        // numcodecs 0.11 refuses empty zstd and lz4 chunks, even its own
        assumeTrue(v.decoded().length == 0, v.name() + ": numcodecs could not decode our output: " + a.get("error"));
        empty++;
        continue;
      }
      byte[] theirs = Base64.getDecoder().decode(a.get("decoded").asText());
      assertArrayEquals(ours.get(i), theirs, v.name() + ": numcodecs decodes our encoding differently");
      if (!v.id().equals("delta") || losslessDelta(v)) {
        assertArrayEquals(v.decoded(), theirs, v.name());
      }
    }
    assertEquals(true, empty < cases.size() / 4, "most cases were checked");
  }

  private static final class Result {
    int exitCode;
    String stdout;
    String stderr;
  }

  private static Result run(List<String> command, String stdin) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    Result r = new Result();
    // read both pipes fully; the outputs are small
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    r.exitCode = p.exitValue();
    r.stdout = new String(out, StandardCharsets.UTF_8);
    r.stderr = new String(err, StandardCharsets.UTF_8);
    return r;
  }
}
