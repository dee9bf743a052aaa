package org.lindi.spark;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A static file server on 127.0.0.1 (ephemeral port) that honours {@code Range: bytes=a-b}, as
 * object stores do; it counts the range requests it answers.
 */
final class RangeServer implements AutoCloseable {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

  private final HttpServer server;
  private final Path root;
  final AtomicInteger rangeRequests = new AtomicInteger();

  RangeServer(Path root) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  /** The base url, ending in {@code /}. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      Path file = root.resolve(x.getRequestURI().getPath().substring(1)).normalize();
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        x.sendResponseHeaders(404, -1);
        return;
      }
      long size = Files.size(file);
      String range = x.getRequestHeaders().getFirst("Range");
      long from = 0;
      long to = size - 1;
      int status = 200;
      if (range != null) {
        Matcher m = RANGE.matcher(range);
        if (!m.matches() || Long.parseLong(m.group(1)) >= size) {
          x.getResponseHeaders().set("Content-Range", "bytes */" + size);
          x.sendResponseHeaders(416, -1);
          return;
        }
        from = Long.parseLong(m.group(1));
        to = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
        status = 206;
        rangeRequests.incrementAndGet();
        x.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + size);
      }
      x.getResponseHeaders().set("Accept-Ranges", "bytes");
      long length = to - from + 1;
      boolean head = x.getRequestMethod().equals("HEAD");
      x.sendResponseHeaders(status, head ? -1 : length);
      if (head) {
        return;
      }
      try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r"); OutputStream out = x.getResponseBody()) {
        f.seek(from);
        byte[] buf = new byte[65536];
        long left = length;
        while (left > 0) {
          int n = f.read(buf, 0, (int) Math.min(buf.length, left));
          if (n < 0) {
            break;
          }
          out.write(buf, 0, n);
          left -= n;
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
