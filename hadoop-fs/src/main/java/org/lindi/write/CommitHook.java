package org.lindi.write;

import java.io.IOException;

/** What happens after a writer's local commit and when it closes (publishing to a remote store). */
interface CommitHook {
  CommitHook NONE = new CommitHook() {
    @Override
    public void afterCommit(boolean committed) {}

    @Override
    public void close() {}
  };

  /** Called after every {@code flush()}; {@code committed} tells whether it had changes. */
  void afterCommit(boolean committed) throws IOException;

  /** Called once when the writer closes or aborts. */
  void close() throws IOException;
}
