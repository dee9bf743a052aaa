package org.lindi.io;

import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.lindi.container.ContainerFormat;
import org.lindi.container.FileRange;
import org.lindi.container.LindiContainer;
import org.lindi.rfs.ReferenceFileSystem;

/** A container with a fixed location and a fixed table of internal ranges, for resolver tests. */
final class TestContainer implements LindiContainer {
  private final ContainerFormat format;
  private final Path location;
  private final Map<String, FileRange> internal = new HashMap<>();

  TestContainer(ContainerFormat format, String location) {
    this.format = format;
    this.location = new Path(location);
  }

  /** A lindi1 file: "." is the whole file. */
  static TestContainer lindi1(String location) {
    TestContainer c = new TestContainer(ContainerFormat.LINDI1, location);
    return c.with(".", new FileRange(c.location, 0, -1));
  }

  TestContainer with(String url, FileRange range) {
    internal.put(url, range);
    return this;
  }

  @Override
  public ContainerFormat format() {
    return format;
  }

  @Override
  public Path location() {
    return location;
  }

  /** Not part of the fixed shape the resolver relies on; present for implementations that add it. */
  public org.apache.hadoop.fs.FileSystem fileSystem() {
    throw new UnsupportedOperationException("not needed to resolve urls");
  }

  @Override
  public ReferenceFileSystem rfs() {
    throw new UnsupportedOperationException("not needed to resolve urls");
  }

  @Override
  public FileRange resolveInternal(String url) {
    return internal.get(url);
  }

  @Override
  public void close() {
  }

  @Override
  public String toString() {
    return format + " " + location;
  }
}
