package org.lindi.io;

import java.util.concurrent.Flow;

/**
 * When an HTTP exchange last made progress, and how to abort its body: lets the waiting thread
 * give up on a server that stalls mid-response (the JDK client has no read timeout for bodies).
 */
final class HttpProgress {
  private volatile long lastNanos = System.nanoTime();
  private volatile Flow.Subscription subscription;

  void touch() {
    lastNanos = System.nanoTime();
  }

  void attach(Flow.Subscription s) {
    subscription = s;
    touch();
  }

  long idleNanos() {
    return System.nanoTime() - lastNanos;
  }

  void abort() {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }
}
