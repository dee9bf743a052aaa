package org.lindi.hdf5;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An object header (version 1, or version 2 with signature {@code OHDR}) with all its messages,
 * continuation blocks ({@code OCHK} in version 2) followed.
 */
final class ObjectHeader {
  private static final int MAX_CONTINUATIONS = 10_000;
  private static final int MAX_MESSAGES = 1_000_000;

  final long address;
  final List<HeaderMessage> messages;

  private ObjectHeader(long address, List<HeaderMessage> messages) {
    this.address = address;
    this.messages = Collections.unmodifiableList(messages);
  }

  /** The first message of {@code type}, or null. */
  HeaderMessage first(int type) {
    for (HeaderMessage m : messages) {
      if (m.type == type) {
        return m;
      }
    }
    return null;
  }

  List<HeaderMessage> all(int type) {
    List<HeaderMessage> out = new ArrayList<>();
    for (HeaderMessage m : messages) {
      if (m.type == type) {
        out.add(m);
      }
    }
    return out;
  }

  static ObjectHeader read(MetadataReader file, long address) {
    MetadataCursor probe = file.readUpTo(address, 4, "object header");
    boolean v2 = probe.remaining() >= 4 && probe.ascii(4).equals("OHDR");
    List<HeaderMessage> messages = new ArrayList<>();
    Deque<long[]> continuations = new ArrayDeque<>();
    boolean creationOrder;
    int expected;
    if (v2) {
      creationOrder = readV2Prefix(file, address, messages, continuations);
      expected = -1;
    } else {
      expected = readV1Prefix(file, address, messages, continuations);
      creationOrder = false;
    }
    Set<Long> seen = new HashSet<>();
    seen.add(address);
    int blocks = 0;
    while (!continuations.isEmpty()) {
      long[] next = continuations.poll();
      if (!seen.add(next[0]) || ++blocks > MAX_CONTINUATIONS) {
        throw file.corrupt("object header at 0x" + Long.toHexString(address)
            + " has a continuation cycle or too many continuation blocks", next[0]);
      }
      if (v2) {
        MetadataCursor c = file.read(next[0], next[1], "object header continuation block");
        c.expectSignature("OCHK");
        c.seek((int) next[1] - 4).verifyChecksum();
        c.seek(4);
        readMessages(file, c, (int) next[1] - 4, true, creationOrder, messages, continuations);
      } else {
        MetadataCursor c = file.read(next[0], next[1], "object header continuation block");
        readMessages(file, c, (int) next[1], false, false, messages, continuations);
      }
      if (messages.size() > MAX_MESSAGES) {
        throw file.corrupt("object header at 0x" + Long.toHexString(address)
            + " has too many messages", address);
      }
    }
    if (expected >= 0 && messages.size() > expected) {
      throw file.corrupt("object header at 0x" + Long.toHexString(address) + " holds "
          + messages.size() + " messages but declares " + expected, address);
    }
    return new ObjectHeader(address, messages);
  }

  private static int readV1Prefix(MetadataReader file, long address, List<HeaderMessage> messages,
      Deque<long[]> continuations) {
    MetadataCursor p = file.read(address, 16, "object header");
    int version = p.u8();
    if (version != 1) {
      throw file.corrupt("bad object header at 0x" + Long.toHexString(address)
          + ": neither an 'OHDR' signature nor version 1 (found " + version + ")", address);
    }
    p.skip(1);
    int count = p.u16();
    p.u32(); // reference count
    long size = p.u32();
    MetadataCursor c = file.read(address + 16, size, "object header");
    readMessages(file, c, (int) size, false, false, messages, continuations);
    return count;
  }

  private static boolean readV2Prefix(MetadataReader file, long address,
      List<HeaderMessage> messages, Deque<long[]> continuations) {
    MetadataCursor p = file.readUpTo(address, 4 + 1 + 1 + 16 + 4 + 8, "object header");
    p.expectSignature("OHDR");
    int version = p.u8();
    if (version != 2) {
      throw file.unsupported("object header version " + version + " at 0x"
          + Long.toHexString(address) + " is not supported");
    }
    int flags = p.u8();
    if ((flags & 0x20) != 0) {
      p.skip(16); // access, modification, change and birth times
    }
    if ((flags & 0x10) != 0) {
      p.skip(4); // attribute phase change values
    }
    long size = p.count(1 << (flags & 0x03), "chunk size");
    int prefix = p.position();
    if (size > MetadataReader.MAX_STRUCTURE_BYTES) {
      throw file.corrupt("object header at 0x" + Long.toHexString(address) + " claims " + size
          + " bytes", address);
    }
    MetadataCursor c = file.read(address, prefix + size + 4, "object header");
    c.seek((int) (prefix + size)).verifyChecksum();
    c.seek(prefix);
    boolean creationOrder = (flags & 0x04) != 0;
    readMessages(file, c, (int) (prefix + size), true, creationOrder, messages, continuations);
    return creationOrder;
  }

  /** Reads messages from the cursor position up to {@code end}. */
  private static void readMessages(MetadataReader file, MetadataCursor c, int end, boolean v2,
      boolean creationOrder, List<HeaderMessage> messages, Deque<long[]> continuations) {
    int headerSize = v2 ? 4 + (creationOrder ? 2 : 0) : 8;
    while (end - c.position() >= headerSize) {
      int type;
      int size;
      int flags;
      if (v2) {
        type = c.u8();
        size = c.u16();
        flags = c.u8();
        if (creationOrder) {
          c.u16();
        }
      } else {
        type = c.u16();
        size = c.u16();
        flags = c.u8();
        c.skip(3);
      }
      if (size > end - c.position()) {
        throw file.corrupt("object header message of type 0x" + Integer.toHexString(type)
            + " at 0x" + Long.toHexString(c.address() + c.position()) + " runs past its block",
            c.address());
      }
      long bodyAddress = c.address() + c.position();
      HeaderMessage m = new HeaderMessage(type, flags, c.bytes(size), bodyAddress);
      if (type == HeaderMessage.CONTINUATION) {
        MetadataCursor mc = m.cursor(file, "object header continuation message");
        long at = mc.address("continuation block");
        long length = mc.lengthField("continuation length");
        if (length < (v2 ? 8 : 0)) {
          throw file.corrupt("object header continuation at 0x" + Long.toHexString(at)
              + " is too short", bodyAddress);
        }
        continuations.add(new long[] {at, length});
      } else if (type != 0) {
        messages.add(m);
      }
    }
  }
}
