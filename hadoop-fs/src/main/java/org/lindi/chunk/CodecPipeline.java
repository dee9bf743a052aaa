package org.lindi.chunk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.lindi.codec.ByteSlice;
import org.lindi.codec.Codec;
import org.lindi.codec.CodecRegistry;
import org.lindi.codec.DecodeContext;
import org.lindi.codec.ObjectCodec;
import org.lindi.error.CodecException;
import org.lindi.error.LindiException;
import org.lindi.error.LindiFormatException;
import org.lindi.zarr.ArrayMetadata;
import org.lindi.zarr.DType;

/**
 * The codecs of one array in decoding order: the compressor first, then the filters in reverse;
 * for object arrays the last step (the first filter) is an {@link ObjectCodec}. Immutable.
 */
public final class CodecPipeline {
  private final Codec[] byteCodecs;
  private final ObjectCodec objectCodec;

  private CodecPipeline(Codec[] byteCodecs, ObjectCodec objectCodec) {
    this.byteCodecs = byteCodecs;
    this.objectCodec = objectCodec;
  }

  /** Creates the codecs named by {@code meta} from {@code registry}. */
  public static CodecPipeline of(ArrayMetadata meta, CodecRegistry registry) {
    List<JsonNode> configs = new ArrayList<>();
    if (meta.compressor() != null) {
      configs.add(meta.compressor());
    }
    List<JsonNode> filters = meta.filters();
    for (int i = filters.size() - 1; i >= 0; i--) {
      configs.add(filters.get(i));
    }
    DType dtype = meta.dtype();
    List<Codec> bytes = new ArrayList<>();
    ObjectCodec objects = null;
    for (int i = 0; i < configs.size(); i++) {
      Codec c = registry.create(configs.get(i), dtype);
      if (c instanceof ObjectCodec) {
        if (i != configs.size() - 1) {
          throw new LindiFormatException("object codec '" + c.id()
              + "' must be the first filter (the last step of decoding)");
        }
        objects = (ObjectCodec) c;
      } else {
        bytes.add(c);
      }
    }
    if (dtype.kind() == DType.Kind.OBJECT && objects == null) {
      throw new LindiFormatException("array of dtype |O has no object codec (json2, vlen-utf8, vlen-bytes)");
    }
    if (dtype.kind() != DType.Kind.OBJECT && objects != null) {
      throw new LindiFormatException("object codec '" + objects.id() + "' on an array of dtype " + dtype);
    }
    return new CodecPipeline(bytes.toArray(new Codec[0]), objects);
  }

  /** True when the pipeline ends in an object codec. */
  public boolean producesObjects() {
    return objectCodec != null;
  }

  /** True when there is no codec at all (raw chunks). */
  public boolean isEmpty() {
    return byteCodecs.length == 0 && objectCodec == null;
  }

  /** Runs the byte codecs; the context must have been prepared for this chunk. */
  public ByteSlice decodeBytes(ByteSlice encoded, DecodeContext ctx) {
    ByteSlice data = encoded;
    for (Codec codec : byteCodecs) {
      ctx.markInput(data.array());
      data = run(codec, data, ctx);
    }
    return data;
  }

  /** Runs the byte codecs and then the object codec. */
  public Object[] decodeObjects(ByteSlice encoded, DecodeContext ctx) {
    ByteSlice data = decodeBytes(encoded, ctx);
    ctx.markInput(data.array());
    try {
      return objectCodec.decodeObjects(data, ctx);
    } catch (LindiException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CodecException("codec '" + objectCodec.id() + "' failed: " + e, e);
    }
  }

  private static ByteSlice run(Codec codec, ByteSlice data, DecodeContext ctx) {
    try {
      return codec.decode(data, ctx);
    } catch (LindiException e) {
      throw e;
    } catch (RuntimeException e) {
      // a codec bug or corrupt input that slipped past its checks: still a typed error
      throw new CodecException("codec '" + codec.id() + "' failed: " + e, e);
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("CodecPipeline[");
    for (Codec c : byteCodecs) {
      sb.append(c.id()).append(' ');
    }
    if (objectCodec != null) {
      sb.append(objectCodec.id());
    }
    return sb.toString().trim() + "]";
  }
}
