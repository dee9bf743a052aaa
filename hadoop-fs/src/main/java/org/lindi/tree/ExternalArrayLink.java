package org.lindi.tree;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import org.lindi.error.LindiFormatException;

/**
 * {@code _EXTERNAL_ARRAY_LINK}: the array's chunks are not in the RFS but in dataset {@code name}
 * of the HDF5 file at {@code url}.
 */
public final class ExternalArrayLink {
  private final String linkType;
  private final String url;
  private final String name;

  public ExternalArrayLink(String linkType, String url, String name) {
    this.linkType = linkType;
    this.url = Objects.requireNonNull(url);
    this.name = Objects.requireNonNull(name);
  }

  public static ExternalArrayLink parse(JsonNode json) {
    if (json == null || !json.isObject() || !json.hasNonNull("url") || !json.hasNonNull("name")) {
      throw new LindiFormatException("_EXTERNAL_ARRAY_LINK needs url and name: " + json);
    }
    JsonNode type = json.get("link_type");
    return new ExternalArrayLink(type == null ? "hdf5_dataset" : type.asText(),
        json.get("url").asText(), json.get("name").asText());
  }

  /** {@code hdf5_dataset}. */
  public String linkType() {
    return linkType;
  }

  /** The HDF5 file, resolved like any ref url. */
  public String url() {
    return url;
  }

  /** The dataset path inside the HDF5 file. */
  public String name() {
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExternalArrayLink && ((ExternalArrayLink) o).url.equals(url)
        && ((ExternalArrayLink) o).name.equals(name) && Objects.equals(((ExternalArrayLink) o).linkType, linkType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(linkType, url, name);
  }

  @Override
  public String toString() {
    return "ExternalArrayLink[" + linkType + " " + url + " " + name + "]";
  }
}
