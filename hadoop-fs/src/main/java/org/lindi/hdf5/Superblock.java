package org.lindi.hdf5;

/**
 * The HDF5 superblock (versions 0 to 3): where it is, the sizes of addresses and lengths, the base
 * address, and the root group's object header.
 */
final class Superblock {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

  final int version;
  final int sizeOfOffsets;
  final int sizeOfLengths;
  /** Absolute file offset that HDF5 addresses are relative to. */
  final long baseAddress;
  /** HDF5 address of the root group's object header. */
  final long rootObjectHeader;
  /** HDF5 address of the end of the file as its writer left it. */
  final long endOfFile;

  private Superblock(int version, int offsets, int lengths, long base, long root, long eof) {
    this.version = version;
    this.sizeOfOffsets = offsets;
    this.sizeOfLengths = lengths;
    this.baseAddress = base;
    this.rootObjectHeader = root;
    this.endOfFile = eof;
  }

  /** Finds the signature at 0, 512, 1024, 2048, ... and parses the superblock after it. */
  static Superblock find(MetadataReader raw) {
    long size = raw.fileSize();
    for (long at = 0; at + SIGNATURE.length <= size; at = at == 0 ? 512 : at * 2) {
      MetadataCursor c = raw.read(at, SIGNATURE.length, "superblock signature");
      boolean match = true;
      for (byte b : SIGNATURE) {
        match &= c.u8() == (b & 0xff);
      }
      if (match) {
        return parse(raw, at);
      }
    }
    throw raw.corrupt("not an HDF5 file: no HDF5 signature at offset 0, 512, 1024, ... of "
        + size + " bytes", -1);
  }

  private static Superblock parse(MetadataReader raw, long at) {
    MetadataCursor head = raw.readUpTo(at + 8, 16, "superblock");
    int version = head.u8();
    if (version == 0 || version == 1) {
      head.skip(4); // free-space, root symbol table entry and shared header versions, reserved
      int offsets = head.u8();
      int lengths = head.u8();
      checkSizes(raw, offsets, lengths, at);
      MetadataReader sized = raw.withLayout(offsets, lengths, 0);
      int fixed = 8 + 16 + (version == 1 ? 4 : 0);
      int total = fixed + 4 * offsets + symbolTableEntrySize(offsets);
      MetadataCursor c = sized.read(at, total, "superblock");
      c.seek(fixed);
      long base = c.address("base");
      c.address("free-space info");
      long eof = c.address("end of file");
      c.address("driver information block");
      // root group symbol table entry: link name offset, object header address, cache, scratch
      c.address("root link name offset");
      long root = c.address("root group object header");
      return checked(raw, new Superblock(version, offsets, lengths, effectiveBase(base, at), root, eof));
    }
    if (version == 2 || version == 3) {
      int offsets = head.u8();
      int lengths = head.u8();
      checkSizes(raw, offsets, lengths, at);
      MetadataReader sized = raw.withLayout(offsets, lengths, 0);
      MetadataCursor c = sized.read(at, 8 + 4 + 4 * offsets + 4, "superblock");
      c.seek(12);
      long base = c.address("base");
      c.address("superblock extension");
      long eof = c.address("end of file");
      long root = c.address("root group object header");
      c.verifyChecksum();
      return checked(raw, new Superblock(version, offsets, lengths, effectiveBase(base, at), root, eof));
    }
    throw raw.unsupported("HDF5 superblock version " + version + " is not supported");
  }

  /** A file shorter than the end-of-file address its writer recorded has lost its tail. */
  private static Superblock checked(MetadataReader raw, Superblock sb) {
    long size = raw.fileSize();
    // libhdf5 compares the recorded end with the physical size, user block included
    if (sb.endOfFile != MetadataReader.UNDEFINED && sb.endOfFile > size) {
      throw raw.corrupt("truncated HDF5 file: " + size + " bytes, but its superblock says it ends at "
          + sb.endOfFile, -1);
    }
    return sb;
  }

  /** libhdf5 takes the superblock's own position as the base when the two differ (a user block). */
  private static long effectiveBase(long base, long at) {
    return base == MetadataReader.UNDEFINED || base != at ? at : base;
  }

  static int symbolTableEntrySize(int offsets) {
    return 2 * offsets + 4 + 4 + 16;
  }

  private static void checkSizes(MetadataReader raw, int offsets, int lengths, long at) {
    if (!validSize(offsets) || !validSize(lengths)) {
      throw raw.corrupt("superblock at " + at + " has invalid sizes of offsets/lengths " + offsets
          + "/" + lengths, at);
    }
  }

  private static boolean validSize(int n) {
    return n == 2 || n == 4 || n == 8;
  }
}
