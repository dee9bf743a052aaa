package org.lindi.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.file.AccessDeniedException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP range requests through one shared JDK {@link HttpClient} (so connections are reused):
 * {@code GET} with {@code Range: bytes=a-b}, redirects followed, 408/429/5xx and I/O errors retried
 * with backoff, a stalled response abandoned after the idle timeout. Thread-safe.
 */
final class HttpRangeClient {
  /** {@code bytes first-last/total} or {@code bytes * /total} (total may be {@code *}). */
  private static final Pattern CONTENT_RANGE =
      Pattern.compile("bytes\\s+(?:(\\d+)-(\\d+)|\\*)/(\\d+|\\*)", Pattern.CASE_INSENSITIVE);

  private static final String USER_AGENT = "lindi-spark HttpRangeFileSystem (Java HttpClient)";

  private final HttpClient client;
  private final Backoff backoff;
  private final long idleTimeoutNanos;

  /** Length and modification time of a resource. */
  static final class Resource {
    final long length;
    final long modificationTime;

    Resource(long length, long modificationTime) {
      this.length = length;
      this.modificationTime = modificationTime;
    }
  }

  HttpRangeClient(Duration connectTimeout, Duration idleTimeout, Backoff backoff) {
    this.client = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NORMAL)
        // HTTP/1.1 keep-alive is what object stores speak; no h2c upgrade dance on plain http.
        .version(HttpClient.Version.HTTP_1_1)
        .build();
    this.backoff = backoff;
    this.idleTimeoutNanos = idleTimeout.toNanos();
  }

  /**
   * Reads up to {@code length} bytes at {@code position} into {@code dest}; fewer only at the end
   * of the resource, -1 at or past its end.
   */
  int read(URI uri, long position, byte[] dest, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    return retrying(uri, () -> readOnce(uri, position, dest, offset, length));
  }

  /** Length (and Last-Modified) through a {@code Range: bytes=0-0} GET, which signed urls allow. */
  Resource probe(URI uri) throws IOException {
    return retrying(uri, () -> probeOnce(uri));
  }

  private int readOnce(URI uri, long position, byte[] dest, int offset, int length)
      throws IOException {
    long last = position + length - 1;
    HttpProgress progress = new HttpProgress();
    HttpResponse<Integer> r = send(uri, "bytes=" + position + "-" + last, info -> {
      int sc = info.statusCode();
      if (sc == 206) {
        return new RangeBodySubscriber(dest, offset, length, 0, progress);
      }
      if (sc == 200) {
        return new RangeBodySubscriber(dest, offset, length, position, progress);
      }
      return BodySubscribers.replacing(-1); // drains the body, keeping the connection
    }, progress);
    int sc = r.statusCode();
    if (sc == 206) {
      Matcher m = contentRange(r.headers());
      if (m == null || m.group(1) == null || Long.parseLong(m.group(1)) != position) {
        throw new IOException("HTTP 206 from " + uri + " with Content-Range "
            + r.headers().firstValue("Content-Range").orElse("(none)") + " for a request of bytes "
            + position + "-" + last);
      }
      return r.body();
    }
    if (sc == 200) {
      return r.body() == 0 ? -1 : r.body(); // the whole file, from which we kept [position, ...)
    }
    if (sc == 416) {
      return -1;
    }
    throw statusError(uri, r);
  }

  private Resource probeOnce(URI uri) throws IOException {
    HttpProgress progress = new HttpProgress();
    HttpResponse<Integer> r = send(uri, "bytes=0-0", info -> info.statusCode() / 100 == 2
        ? new RangeBodySubscriber(new byte[1], 0, 1, 0, progress)
        : BodySubscribers.replacing(-1), progress);
    int sc = r.statusCode();
    long length = -1;
    if (sc == 206 || sc == 416) {
      Matcher m = contentRange(r.headers());
      if (m != null && !m.group(3).equals("*")) {
        length = Long.parseLong(m.group(3));
      }
    } else if (sc == 200) {
      length = r.headers().firstValueAsLong("Content-Length").orElse(-1);
    } else {
      throw statusError(uri, r);
    }
    if (length < 0) {
      throw new IOException("cannot tell the length of " + uri + ": HTTP " + sc
          + " without a usable Content-Range or Content-Length");
    }
    return new Resource(length, lastModified(r.headers()));
  }

  private HttpResponse<Integer> send(URI uri, String range,
      HttpResponse.BodyHandler<Integer> handler, HttpProgress progress) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .GET()
        .header("Range", range)
        .header("Accept-Encoding", "identity")
        .header("User-Agent", USER_AGENT)
        .build();
    CompletableFuture<HttpResponse<Integer>> f = client.sendAsync(request, handler);
    long pollMillis = Math.max(10, Math.min(1000, TimeUnit.NANOSECONDS.toMillis(idleTimeoutNanos) / 4));
    while (true) {
      try {
        return f.get(pollMillis, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (progress.idleNanos() > idleTimeoutNanos) {
          f.cancel(true);
          progress.abort();
          throw new SocketTimeoutException("no data from " + uri + " for "
              + TimeUnit.NANOSECONDS.toMillis(idleTimeoutNanos) + " ms");
        }
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof IOException) {
          throw (IOException) c;
        }
        throw new IOException("request to " + uri + " failed: " + c, c);
      } catch (InterruptedException e) {
        f.cancel(true);
        progress.abort();
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while reading " + uri);
      }
    }
  }

  private <T> T retrying(URI uri, Attempt<T> attempt) throws IOException {
    int failures = 0;
    while (true) {
      try {
        return attempt.run();
      } catch (IOException e) {
        failures++;
        if (!isTransient(e) || failures >= backoff.maxAttempts()) {
          throw e;
        }
        long retryAfter = e instanceof HttpStatusException
            ? ((HttpStatusException) e).retryAfterMillis() : 0;
        backoff.sleepAfter(failures, retryAfter);
      }
    }
  }

  private static boolean isTransient(IOException e) {
    if (Thread.currentThread().isInterrupted()) {
      return false;
    }
    if (e instanceof HttpStatusException) {
      return ((HttpStatusException) e).isTransient();
    }
    if (e instanceof SocketTimeoutException || e instanceof ConnectException) {
      return true;
    }
    return !(e instanceof FileNotFoundException || e instanceof AccessDeniedException
        || e instanceof InterruptedIOException);
  }

  private static IOException statusError(URI uri, HttpResponse<?> r) {
    int sc = r.statusCode();
    if (sc == 404 || sc == 410) {
      return new FileNotFoundException(uri + ": HTTP " + sc);
    }
    if (sc == 401 || sc == 403) {
      return new AccessDeniedException(uri.toString(), null, "HTTP " + sc);
    }
    return new HttpStatusException(uri, sc, retryAfterMillis(r.headers()));
  }

  private static Matcher contentRange(HttpHeaders h) {
    Optional<String> v = h.firstValue("Content-Range");
    if (v.isEmpty()) {
      return null;
    }
    Matcher m = CONTENT_RANGE.matcher(v.get().trim());
    return m.matches() ? m : null;
  }

  private static long retryAfterMillis(HttpHeaders h) {
    Optional<String> v = h.firstValue("Retry-After");
    if (v.isPresent()) {
      try {
        return Math.max(0, Long.parseLong(v.get().trim())) * 1000;
      } catch (NumberFormatException e) {
        return 0; // an HTTP date: the backoff schedule is good enough
      }
    }
    return 0;
  }

  private static long lastModified(HttpHeaders h) {
    Optional<String> v = h.firstValue("Last-Modified");
    if (v.isPresent()) {
      try {
        return ZonedDateTime.parse(v.get(), DateTimeFormatter.RFC_1123_DATE_TIME)
            .toInstant().toEpochMilli();
      } catch (DateTimeParseException e) {
        return 0;
      }
    }
    return 0;
  }

  /** One try of a request. */
  @FunctionalInterface
  private interface Attempt<T> {
    T run() throws IOException;
  }
}
