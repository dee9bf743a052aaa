package org.lindi.io;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local HTTP server (127.0.0.1, ephemeral port) that serves byte arrays the way object stores
 * do. Paths: {@code /files/<name>} (Range: 206 + Content-Range, 416 past the end),
 * {@code /redirect/<name>} (302 to /files), {@code /flaky/<name>} (503 with Retry-After: 0 for the
 * first {@link #flakyFailures} requests of each name), {@code /norange/<name>} (ignores Range:
 * always 200 with the whole file), {@code /stall/<name>} (sends headers, then nothing).
 * Counts requests, and connections by client port.
 */
final class RangeHttpServer implements AutoCloseable {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

  static {
    // The JDK server writes headers and body separately: without this, Nagle's algorithm and
    // delayed ACKs add 40 ms to every response.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(16, r -> {
    Thread t = new Thread(r, "range-http-server");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> flakyCounts = new ConcurrentHashMap<>();
  private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
  final AtomicInteger requests = new AtomicInteger();
  final Set<String> queries = ConcurrentHashMap.newKeySet();
  volatile int flakyFailures = 2;

  RangeHttpServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** The base url, e.g. {@code http://127.0.0.1:40123}. */
  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void put(String name, byte[] data) {
    files.put(name, data);
  }

  /** Distinct client connections seen so far. */
  int connections() {
    return clientPorts.size();
  }

  private void handle(HttpExchange ex) throws IOException {
    requests.incrementAndGet();
    clientPorts.add(ex.getRemoteAddress().getPort());
    if (ex.getRequestURI().getRawQuery() != null) {
      queries.add(ex.getRequestURI().getRawQuery());
    }
    try (InputStream in = ex.getRequestBody()) {
      in.readAllBytes();
    }
    String path = ex.getRequestURI().getPath();
    int slash = path.indexOf('/', 1);
    String kind = slash < 0 ? path.substring(1) : path.substring(1, slash);
    String name = slash < 0 ? "" : path.substring(slash + 1);
    byte[] data = files.get(name);
    switch (kind) {
      case "redirect":
        ex.getResponseHeaders().set("Location", "/files/" + name);
        send(ex, 302, new byte[0]);
        return;
      case "flaky":
        if (flakyCounts.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet()
            <= flakyFailures) {
          ex.getResponseHeaders().set("Retry-After", "0");
          send(ex, 503, "slow down".getBytes());
          return;
        }
        break;
      case "files":
      case "norange":
      case "stall":
        break;
      default:
        send(ex, 404, "no such kind".getBytes());
        return;
    }
    if (data == null) {
      send(ex, 404, "not found".getBytes());
      return;
    }
    if (kind.equals("stall")) {
      ex.sendResponseHeaders(200, data.length);
      try {
        Thread.sleep(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.close();
      return;
    }
    String range = ex.getRequestHeaders().getFirst("Range");
    if (range == null || kind.equals("norange")) {
      send(ex, 200, data);
      return;
    }
    Matcher m = RANGE.matcher(range);
    if (!m.matches()) {
      send(ex, 400, "bad range".getBytes());
      return;
    }
    long first = Long.parseLong(m.group(1));
    long last = m.group(2).isEmpty() ? data.length - 1 : Long.parseLong(m.group(2));
    if (first >= data.length) {
      ex.getResponseHeaders().set("Content-Range", "bytes */" + data.length);
      send(ex, 416, new byte[0]);
      return;
    }
    last = Math.min(last, data.length - 1);
    byte[] body = java.util.Arrays.copyOfRange(data, (int) first, (int) last + 1);
    ex.getResponseHeaders().set("Content-Range",
        "bytes " + first + "-" + last + "/" + data.length);
    ex.getResponseHeaders().set("Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT");
    send(ex, 206, body);
  }

  private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
