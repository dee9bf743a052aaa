package org.lindi.io;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Copies an HTTP response body straight into the caller's array: skips {@code skip} bytes (a server
 * that ignored the Range header sends the file from byte 0), keeps at most {@code length} bytes and
 * cancels the response once it has them and more arrive. The body value is the count of bytes kept.
 */
final class RangeBodySubscriber implements HttpResponse.BodySubscriber<Integer> {
  private final byte[] dest;
  private final int offset;
  private final int length;
  private final HttpProgress progress;
  private final CompletableFuture<Integer> result = new CompletableFuture<>();
  private long skip;
  private int filled;
  private Flow.Subscription subscription;

  RangeBodySubscriber(byte[] dest, int offset, int length, long skip, HttpProgress progress) {
    this.dest = dest;
    this.offset = offset;
    this.length = length;
    this.skip = skip;
    this.progress = progress;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    progress.attach(s);
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    progress.touch();
    for (ByteBuffer b : items) {
      if (skip > 0) {
        int k = (int) Math.min(skip, b.remaining());
        b.position(b.position() + k);
        skip -= k;
      }
      int k = Math.min(b.remaining(), length - filled);
      b.get(dest, offset + filled, k);
      filled += k;
      if (filled == length && b.hasRemaining()) {
        // More than we asked for: stop the transfer rather than download the rest of the file.
        subscription.cancel();
        result.complete(filled);
        return;
      }
    }
    // Keep asking after the last wanted byte, so an exact body ends normally and the connection
    // goes back to the pool.
    subscription.request(1);
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    result.complete(filled);
  }

  @Override
  public CompletionStage<Integer> getBody() {
    return result;
  }
}
