package org.lindi.tree;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * An HDF5 object reference as LINDI stores it: {@code {"_REFERENCE": {"path", "source",
 * "object_id", "source_object_id"}}}. Users see it as its target {@link #path()}.
 */
public final class Reference {
  private final String path;
  private final String source;
  private final String objectId;
  private final String sourceObjectId;

  public Reference(String path, String source, String objectId, String sourceObjectId) {
    this.path = Objects.requireNonNull(path);
    this.source = source;
    this.objectId = objectId;
    this.sourceObjectId = sourceObjectId;
  }

  /** True when {@code json} is an object holding {@code _REFERENCE}. */
  public static boolean isReference(JsonNode json) {
    return json != null && json.isObject() && json.has("_REFERENCE") && json.get("_REFERENCE").isObject();
  }

  /** The reference held by {@code json}, or null when it is not one. */
  public static Reference fromJson(JsonNode json) {
    if (!isReference(json)) {
      return null;
    }
    JsonNode r = json.get("_REFERENCE");
    return new Reference(text(r, "path"), text(r, "source"), text(r, "object_id"),
        text(r, "source_object_id"));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? (field.equals("path") ? "" : null) : v.asText();
  }

  /** The absolute path of the target inside its file, e.g. {@code /acquisition/ephys}. */
  public String path() {
    return path;
  }

  /** The file holding the target ({@code .} for this file). */
  public String source() {
    return source;
  }

  public String objectId() {
    return objectId;
  }

  public String sourceObjectId() {
    return sourceObjectId;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Reference)) {
      return false;
    }
    Reference r = (Reference) o;
    return path.equals(r.path) && Objects.equals(source, r.source) && Objects.equals(objectId, r.objectId)
        && Objects.equals(sourceObjectId, r.sourceObjectId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, source, objectId, sourceObjectId);
  }

  @Override
  public String toString() {
    return path;
  }
}
