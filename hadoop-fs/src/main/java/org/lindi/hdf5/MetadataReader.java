package org.lindi.hdf5;

import org.lindi.codec.ByteSlice;
import org.lindi.error.ErrorContext;
import org.lindi.error.LindiFormatException;
import org.lindi.error.UnsupportedFeatureException;

/**
 * Fetches HDF5 metadata structures by file address through the {@link BlockCache}, after checking
 * that the address is defined and the structure lies inside the file; knows the file's "size of
 * offsets", "size of lengths" and base address, and builds the errors that name the file and the
 * structure.
 */
final class MetadataReader {
  /** The "undefined address" (all bits set), decoded. */
  static final long UNDEFINED = -1L;
  /** No single metadata structure is read in one piece beyond this (a paged index reads pages). */
  static final int MAX_STRUCTURE_BYTES = 64 << 20;

  private final BlockCache cache;
  private final String displayName;
  private final int sizeOfOffsets;
  private final int sizeOfLengths;
  private final long baseAddress;

  MetadataReader(BlockCache cache, String displayName, int sizeOfOffsets, int sizeOfLengths,
      long baseAddress) {
    this.cache = cache;
    this.displayName = displayName;
    this.sizeOfOffsets = sizeOfOffsets;
    this.sizeOfLengths = sizeOfLengths;
    this.baseAddress = baseAddress;
  }

  MetadataReader withLayout(int offsets, int lengths, long base) {
    return new MetadataReader(cache, displayName, offsets, lengths, base);
  }

  String displayName() {
    return displayName;
  }

  int sizeOfOffsets() {
    return sizeOfOffsets;
  }

  int sizeOfLengths() {
    return sizeOfLengths;
  }

  long fileSize() {
    return cache.size();
  }

  /** Reads the {@code length} bytes of a structure at HDF5 address {@code address}. */
  MetadataCursor read(long address, long length, String structure) {
    checkRange(address, length, structure);
    if (length > MAX_STRUCTURE_BYTES) {
      throw corrupt(structure + " at 0x" + Long.toHexString(address) + " claims " + length
          + " bytes, more than the " + MAX_STRUCTURE_BYTES + " allowed", address);
    }
    ByteSlice bytes = cache.read(baseAddress + address, (int) length);
    return new MetadataCursor(this, bytes, address, structure);
  }

  /** Reads up to {@code length} bytes, fewer when the file ends first (structures of unknown size). */
  MetadataCursor readUpTo(long address, long length, String structure) {
    checkRange(address, 1, structure);
    long available = fileSize() - baseAddress - address;
    return read(address, Math.min(length, available), structure);
  }

  /** Checks that [address, address + length) is a defined range inside the file. */
  void checkRange(long address, long length, String structure) {
    if (address == UNDEFINED) {
      throw corrupt(structure + " has an undefined address", -1);
    }
    if (address < 0 || length < 0 || baseAddress + address > fileSize()
        || length > fileSize() - baseAddress - address) {
      throw new LindiFormatException(structure + " at 0x" + Long.toHexString(address) + " ("
          + length + " bytes) lies outside the file of " + fileSize() + " bytes",
          ErrorContext.ofFile(displayName).withRange(displayName, baseAddress + address,
              Math.max(length, 0)));
    }
  }

  long decodeAddress(long raw, MetadataCursor where, String what) {
    if (sizeOfOffsets == 8 ? raw == -1L : raw == (1L << (8 * sizeOfOffsets)) - 1) {
      return UNDEFINED;
    }
    if (raw < 0) {
      throw corrupt(where.structure() + " has an impossible " + what + " address", where.address());
    }
    return raw;
  }

  /** The absolute file offset of an HDF5 address (addresses are relative to the base address). */
  long absolute(long address) {
    return baseAddress + address;
  }

  /**
   * An error about the structure at HDF5 address {@code address} (-1: none in particular), which
   * the reason names; behind a user block the absolute file offset is added, as the two differ.
   */
  LindiFormatException corrupt(String reason, long address) {
    String where = address >= 0 && baseAddress != 0
        ? " (file offset " + (baseAddress + address) + ")" : "";
    return new LindiFormatException(reason + where, ErrorContext.ofFile(displayName));
  }

  UnsupportedFeatureException unsupported(String reason) {
    return new UnsupportedFeatureException(reason, ErrorContext.ofFile(displayName));
  }
}
