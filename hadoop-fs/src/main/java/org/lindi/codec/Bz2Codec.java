package org.lindi.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Objects;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.lindi.error.CodecException;
import org.lindi.error.LindiException;
import org.lindi.zarr.DType;

/**
 * numcodecs {@code bz2}: one or more bzip2 streams back to back, decoded with commons-compress
 * (which allocates its block tables per stream: bzip2 chunks cost more than the other codecs).
 */
public final class Bz2Codec implements Codec {
  public static final String ID = "bz2";

  private final int level;

  public Bz2Codec(int level) {
    this.level = level;
  }

  @Override
  public String id() {
    return ID;
  }

  public int level() {
    return level;
  }

  @Override
  public ByteSlice decode(ByteSlice encoded, DecodeContext ctx) {
    ctx.markInput(encoded.array());
    GrowingOutput out = new GrowingOutput(ctx, ID, encoded.length());
    if (encoded.length() == 0) {
      return out.slice(); // Python's bz2.decompress(b"") is b""
    }
    ByteArrayInputStream raw = new ByteArrayInputStream(encoded.array(), encoded.offset(), encoded.length());
    try (BZip2CompressorInputStream in = new BZip2CompressorInputStream(raw, true)) {
      out.readFully(in);
    } catch (IOException e) {
      throw new CodecException("bz2: corrupt or truncated data (" + e.getMessage() + ")", e);
    } catch (LindiException e) {
      throw e;
    } catch (RuntimeException e) { // commons-compress fails this way on some crafted inputs
      throw new CodecException("bz2: corrupt data (" + e + ")", e);
    }
    return out.slice();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bz2Codec && ((Bz2Codec) o).level == level;
  }

  @Override
  public int hashCode() {
    return Objects.hash(ID, level);
  }

  @Override
  public String toString() {
    return "bz2(level=" + level + ")";
  }

  /** Creates {@link Bz2Codec} from {@code {"id": "bz2", "level": 1}}. */
  public static final class Factory implements CodecFactory {
    @Override
    public String id() {
      return ID;
    }

    @Override
    public Codec create(JsonNode config, DType arrayDtype) {
      CodecConfig c = CodecConfig.of(config, ID);
      return new Bz2Codec(c.intValue("level", 1));
    }
  }
}
