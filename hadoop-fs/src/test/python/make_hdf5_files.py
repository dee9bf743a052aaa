#!/usr/bin/python3
"""Writes the small HDF5 files that the org.lindi.hdf5 tests read, and a JSON sidecar per file.

Run with the Debian python (numpy, h5py 3.x, numcodecs):
    /usr/bin/python3 hadoop-fs/src/test/python/make_hdf5_files.py [output-dir]

Each FILE.h5 gets FILE.json: for every dataset what h5py (libhdf5) reports: shape, maxshape, dtype,
chunks, layout, filters, fill value, every allocated chunk (get_chunk_info), the contiguous
address and size, and the sha256 of the data (C order, little-endian). Groups list their member
names and soft links their target, so the Java reader is checked against libhdf5, not itself.
Datasets whose filter is not built into h5py (blosc, zstd, lz4) are written with
write_direct_chunk from chunks encoded here; their sha256 comes from the numpy source array.
"""
import hashlib
import json
import os
import struct
import sys

import h5py
import numcodecs
import numpy as np

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "resources", "hdf5")
RNG = np.random.default_rng(20240611)


def sha256(a):
    a = np.asarray(a)
    return hashlib.sha256(np.ascontiguousarray(a).astype(a.dtype.newbyteorder("<")).tobytes()).hexdigest()


def ramp(shape, dtype, scale=1.0):
    """Smooth but varied data: compresses, and every element differs enough to catch shuffles."""
    n = int(np.prod(shape))
    base = np.arange(n, dtype=np.float64)
    noise = RNG.integers(-50, 50, size=n)
    v = (np.sin(base / 7.0) * 1000 + noise) * scale
    dt = np.dtype(dtype)
    if dt.kind in "iu":
        info = np.iinfo(dt)
        v = np.clip(np.round(v), info.min, info.max)
    return v.astype(dt).reshape(shape)


# --------------------------------------------------------------------------- files and groups
# Objects are created without timestamps so that the files come out byte-identical on every run.

LIBVER = {"earliest": (h5py.h5f.LIBVER_EARLIEST, h5py.h5f.LIBVER_LATEST),  # as h5py's libver=
          "v108": (h5py.h5f.LIBVER_V18, h5py.h5f.LIBVER_V18),
          "latest": (h5py.h5f.LIBVER_LATEST, h5py.h5f.LIBVER_LATEST)}


def new_file(path, libver, userblock=0, sizes=None):
    fcpl = h5py.h5p.create(h5py.h5p.FILE_CREATE)
    fcpl.set_obj_track_times(False)
    if userblock:
        fcpl.set_userblock(userblock)
    if sizes:
        fcpl.set_sizes(*sizes)
    fapl = h5py.h5p.create(h5py.h5p.FILE_ACCESS)
    fapl.set_libver_bounds(*LIBVER[libver])
    return h5py.File(h5py.h5f.create(path.encode(), h5py.h5f.ACC_TRUNC, fcpl=fcpl, fapl=fapl))


def group(parent, path, track_order=False):
    """Creates the groups along path (like create_group, without timestamps)."""
    g = parent
    for name in path.split("/"):
        if name in g:
            g = g[name]
            continue
        gcpl = h5py.h5p.create(h5py.h5p.GROUP_CREATE)
        gcpl.set_obj_track_times(False)
        if track_order:
            gcpl.set_link_creation_order(h5py.h5p.CRT_ORDER_TRACKED | h5py.h5p.CRT_ORDER_INDEXED)
        h5py.h5g.create(g.id, name.encode(), gcpl=gcpl)
        g = g[name]
    return g


# --------------------------------------------------------------------------- dataset makers

def chunked(group, name, data, chunks, **kw):
    return group.create_dataset(name, data=data, chunks=chunks, **kw)


def low_level(group, name, data, layout, chunks=None, alloc_early=False, maxshape=None):
    """Compact layouts and early allocation (implicit chunk index) need the low-level API."""
    dcpl = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
    dcpl.set_layout(layout)
    dcpl.set_obj_track_times(False)
    if chunks is not None:
        dcpl.set_chunk(chunks)
    if alloc_early:
        dcpl.set_alloc_time(h5py.h5d.ALLOC_TIME_EARLY)
    space = h5py.h5s.create_simple(data.shape, maxshape or data.shape)
    tid = h5py.h5t.py_create(data.dtype)
    dsid = h5py.h5d.create(group.id, name.encode(), tid, space, dcpl=dcpl)
    dsid.write(h5py.h5s.ALL, h5py.h5s.ALL, np.ascontiguousarray(data))
    return group[name]


def full_chunks(data, chunks):
    """Yields (offset, full-size chunk array) for every chunk; edge chunks padded with zeros."""
    grid = [range(0, s, c) for s, c in zip(data.shape, chunks)]
    for offset in np.ndindex(*[len(g) for g in grid]):
        start = tuple(o * c for o, c in zip(offset, chunks))
        block = np.zeros(chunks, dtype=data.dtype)
        sl = tuple(slice(s, min(s + c, n)) for s, c, n in zip(start, chunks, data.shape))
        part = data[sl]
        block[tuple(slice(0, p) for p in part.shape)] = part
        yield start, block


def hdf5_lz4_frame(raw, block_size):
    """The HDF5 lz4 filter (id 32004) framing: total size, block size, then size-prefixed blocks."""
    out = [struct.pack(">QI", len(raw), block_size)]
    lz4 = numcodecs.LZ4(acceleration=1)
    for i in range(0, len(raw), block_size):
        block = raw[i:i + block_size]
        compressed = bytes(lz4.encode(block))[4:]  # drop numcodecs' own 4-byte size prefix
        if len(compressed) >= len(block):
            compressed = block  # stored raw: compressed size == block size tells the reader so
        out.append(struct.pack(">I", len(compressed)))
        out.append(compressed)
    return b"".join(out)


def blosc_bitshuffle(raw, itemsize, block_bytes):
    """Bit-shuffles raw in blocks of block_bytes with C-Blosc's copy of the bitshuffle library (an
    independent oracle): compresses it with Blosc in blocks of that size, then takes every block
    back out of the frame without unshuffling it. raw must hold a multiple of 8 elements: Blosc
    copies a block of any other length unshuffled, where the HDF5 filter shuffles all but the last
    (n % 8) elements."""
    frame = numcodecs.Blosc(cname="lz4", clevel=5, shuffle=numcodecs.Blosc.BITSHUFFLE,
                            blocksize=block_bytes).encode(np.frombuffer(raw, dtype="u%d" % itemsize))
    flags, typesize = frame[2], frame[3]
    nbytes, blocksize, cbytes = struct.unpack("<III", frame[4:16])
    assert flags & 0x04 and not flags & 0x02 and typesize == itemsize, flags
    assert nbytes == len(raw) and blocksize == min(block_bytes, nbytes), (blocksize, block_bytes)
    nblocks = -(-nbytes // blocksize)
    starts = struct.unpack("<%dI" % nblocks, frame[16:16 + 4 * nblocks])
    blocks = []
    for b, pos in enumerate(starts):
        size = min(blocksize, nbytes - b * blocksize)
        leftover = size != blocksize
        splits = 1 if flags & 0x10 or leftover else itemsize  # one stream per byte unless not split
        part = size // splits
        out = []
        for _ in range(splits):
            csize = struct.unpack("<I", frame[pos:pos + 4])[0]
            body = bytes(frame[pos + 4:pos + 4 + csize])
            pos += 4 + csize
            out.append(body if csize == part else
                       bytes(numcodecs.LZ4().decode(struct.pack("<I", part) + body)))
        blocks.append(b"".join(out))
    return blocks


def hdf5_bitshuffle(raw, itemsize, block_elements, compression, level=3):
    """The HDF5 bitshuffle filter (id 32008): blocks bit-shuffled one by one (the last one cut to a
    multiple of 8 elements, the rest copied as is); with LZ4 (2) or zstd (3), a total-size and
    block-size header and a 4-byte big-endian size before each compressed block."""
    n = len(raw) // itemsize
    whole = (n - n % 8) * itemsize  # the elements past the last multiple of 8 are copied as is
    shuffled = blosc_bitshuffle(raw[:whole], itemsize, block_elements * itemsize) if whole else []
    leftover = raw[whole:]
    if compression == 0:
        return b"".join(shuffled) + leftover
    out = [struct.pack(">QI", len(raw), block_elements * itemsize)]
    for block in shuffled:
        if compression == 2:
            packed = bytes(numcodecs.LZ4(acceleration=1).encode(block))[4:]
        else:
            packed = bytes(numcodecs.Zstd(level=level).encode(block))
        out.append(struct.pack(">I", len(packed)) + packed)
    return b"".join(out) + leftover


def plugin_filtered(group, name, data, chunks, filter_id, opts, encode):
    """A dataset whose (not built-in) filter is applied here; chunks written with write_direct_chunk."""
    ds = group.create_dataset(name, shape=data.shape, dtype=data.dtype, chunks=chunks,
                              compression=filter_id, compression_opts=opts, allow_unknown_filter=True)
    for start, block in full_chunks(data, chunks):
        ds.id.write_direct_chunk(start, encode(np.ascontiguousarray(block).tobytes()), 0)
    ds.attrs["_source_sha256"] = sha256(data)
    return ds


# --------------------------------------------------------------------------- files

def common_tree(f):
    """Datasets every file version gets: v1 B-tree (earliest) or the v4 indexes (latest)."""
    ints = group(f, "ints")
    chunked(ints, "i2_le_gzip_shuffle", ramp((100, 7), "<i2"), (16, 4), compression="gzip",
            compression_opts=6, shuffle=True)
    chunked(ints, "i4_be_fletcher", ramp((1000,), ">i4", 40), (64,), fletcher32=True)
    chunked(ints, "u1_plain", (ramp((37, 5), "<i4") % 256).astype("u1"), (8, 5))
    chunked(ints, "i8_le_gzip", ramp((300,), "<i8", 1e6), (128,), compression="gzip")
    chunked(ints, "u8_be", ramp((20,), ">u8", 1e3) + np.uint64(2**63), (6,))
    floats = group(f, "floats")
    chunked(floats, "f4_le_gzip", ramp((30, 20, 10), "<f4", 0.01), (7, 8, 3), compression="gzip",
            compression_opts=4)
    chunked(floats, "f8_be_shuffle_fletcher", ramp((50, 3), ">f8", 0.5), (50, 2), shuffle=True,
            fletcher32=True)
    chunked(floats, "f4_be", ramp((25,), ">f4", 0.25), (10,))
    f.create_dataset("contiguous_i4", data=ramp((40, 3), "<i4"))
    f.create_dataset("contiguous_f8_be", data=ramp((17,), ">f8", 0.3))
    low_level(f, "compact_i2", ramp((12,), "<i2"), h5py.h5d.COMPACT)
    f.create_dataset("scalar_f8", data=np.float64(2.5))
    f.create_dataset("empty_chunked", shape=(0, 4), maxshape=(None, 4), chunks=(8, 4), dtype="<f4")
    sparse = f.create_dataset("sparse_i4", shape=(100,), chunks=(10,), dtype="<i4", fillvalue=-7)
    sparse[0:30] = np.arange(30)
    sparse[70:80] = np.arange(70, 80)
    many = f.create_dataset("many_chunks_i4", data=np.arange(3000, dtype="<i4") * 3, chunks=(10,))
    deep = group(f, "a/b/c")
    chunked(deep, "deep_f8", ramp((9, 9), "<f8"), (4, 4))
    f["link_to_f4"] = h5py.SoftLink("/floats/f4_le_gzip")
    f["a/b/link_up"] = h5py.SoftLink("/a/b/c/deep_f8")
    f["a/chain"] = h5py.SoftLink("/link_to_f4")
    f["a/dangling"] = h5py.SoftLink("/no/such/thing")
    crowd = group(f, "crowd")
    for i in range(40):
        crowd.create_dataset("member_%02d" % i, data=np.arange(i % 5 + 1, dtype="<i2"))
    group(crowd, "sub_group")
    return many


def latest_only(f):
    idx = group(f, "index")
    chunked(idx, "single_plain", ramp((20, 5), "<i4"), (20, 5))
    chunked(idx, "single_gzip", ramp((20, 5), ">f4"), (20, 5), compression="gzip")
    low_level(idx, "implicit_i2", ramp((40, 6), "<i2"), h5py.h5d.CHUNKED, chunks=(10, 3),
              alloc_early=True)
    chunked(idx, "fixed_gzip_shuffle", ramp((100, 7), "<i2"), (16, 4), compression="gzip",
            shuffle=True)
    chunked(idx, "fixed_plain_f8", ramp((33, 4), ">f8"), (5, 4))
    chunked(idx, "fixed_paged_i2", ramp((2100,), "<i2"), (2,))  # 1050 entries > 1024: paged
    chunked(idx, "fixed_paged_gzip", ramp((2060,), "<i4"), (2,), compression="gzip")
    chunked(idx, "fixed_under_max", ramp((50,), "<i4"), (10,), maxshape=(100,))
    chunked(idx, "earray_gzip", ramp((1000, 3), "<f4"), (10, 3), maxshape=(None, 3),
            compression="gzip")
    chunked(idx, "earray_plain_sblocks", ramp((2000,), "<i2"), (4,), maxshape=(None,))
    chunked(idx, "earray_filtered_sblocks", ramp((1500,), ">i4"), (3,), maxshape=(None,),
            compression="gzip", shuffle=True)
    chunked(idx, "earray_unlim_last", ramp((3, 100), "<i4"), (2, 8), maxshape=(3, None))
    chunked(idx, "earray_unlim_middle", ramp((4, 50, 3), "<i2"), (3, 7, 2), maxshape=(4, None, 3))
    bt = chunked(idx, "btree2_gzip", ramp((30, 40), "<f8"), (7, 9), maxshape=(None, None),
                 compression="gzip")
    chunked(idx, "btree2_plain_deep", ramp((200, 200), "i1", 0.1), (10, 10), maxshape=(None, None))
    chunked(idx, "btree2_filtered_deep", ramp((60, 130), "<i2"), (4, 5), maxshape=(None, None),
            fletcher32=True)
    # rank 10 with one-element chunks: big records, few per node, so the tree gets two levels
    deep = idx.create_dataset("btree2_depth2", shape=(2,) * 10, chunks=(1,) * 10, dtype="i1",
                              maxshape=(None,) * 10)
    deep[0] = ramp((2,) * 9, "i1", 0.1)
    deep[1, 0] = ramp((2,) * 8, "i1", 0.1)
    sparse = idx.create_dataset("btree2_sparse", shape=(50, 50), chunks=(10, 10), dtype="<f4",
                                maxshape=(None, None), fillvalue=1.5)
    sparse[0:10, 20:40] = 3.0
    sparse[45:50, 45:50] = 4.0
    dense = group(f, "dense")
    for i in range(30):
        group(dense, "g%02d" % i)
    dense.create_dataset("a_dataset", data=ramp((6,), "<i2"))
    dense["soft"] = h5py.SoftLink("/index/fixed_gzip_shuffle")
    ordered = group(f, "ordered", track_order=True)  # link info with a creation-order index
    for i in range(20):
        ordered.create_dataset("d%02d" % (19 - i), data=np.full((3,), i, dtype="<i2"))
    misc = group(f, "misc")  # what the reader describes but has no dtype or codec for
    chunked(misc, "lzf_i4", ramp((100,), "<i4"), (25,), compression="lzf")
    chunked(misc, "bool_enum", ramp((50,), "<i4") > 0, (16,))
    pairs = np.zeros(20, dtype=[("a", "<i4"), ("b", "<f8")])
    pairs["a"] = np.arange(20)
    pairs["b"] = np.arange(20) / 4
    chunked(misc, "compound", pairs, (8,))
    misc.create_dataset("fixed_strings", data=np.array([b"ab", b"cde", b"f"], dtype="|S3"))
    plugins = group(f, "plugins")
    data = ramp((64, 10), "<i4")
    plugin_filtered(plugins, "blosc_lz4", data, (16, 10), 32001, (2, 2, 4, 640, 5, 1, 1),
                    numcodecs.Blosc(cname="lz4", clevel=5, shuffle=numcodecs.Blosc.SHUFFLE).encode)
    plugin_filtered(plugins, "zstd", ramp((50, 4), "<f8"), (12, 4), 32015, (3,),
                    numcodecs.Zstd(level=3).encode)
    plugin_filtered(plugins, "lz4", ramp((3000,), "<i2"), (1000,), 32004, (0,),
                    lambda raw: hdf5_lz4_frame(raw, 512))
    # cd_values as the filter's set_local leaves them: version 0.5, item size, block size, compression
    # cd_values as the filter's set_local leaves them: version 0.5, item size, block size, compression;
    # small smooth values, so that Blosc (the oracle) compresses rather than copies the blocks
    def smooth(n, dtype, scale=100):
        return (np.sin(np.arange(n) / 7.0) * scale).astype(dtype)
    plugin_filtered(plugins, "bitshuffle_lz4", smooth(1000, "<i4"), (500,), 32008, (0, 5, 4, 0, 2),
                    lambda raw: hdf5_bitshuffle(raw, 4, 2048, 2))
    plugin_filtered(plugins, "bitshuffle_lz4_blocks", smooth(2006, "<i2"), (1003,), 32008,
                    (0, 5, 2, 64, 2), lambda raw: hdf5_bitshuffle(raw, 2, 64, 2))
    plugin_filtered(plugins, "bitshuffle_plain", np.arange(100) * 0.5, (50,), 32008,
                    (0, 5, 8, 16, 0), lambda raw: hdf5_bitshuffle(raw, 8, 16, 0))
    plugin_filtered(plugins, "bitshuffle_zstd", smooth(1200, ">i2").reshape(40, 30), (16, 30),
                    32008, (0, 5, 2, 0, 3, 3), lambda raw: hdf5_bitshuffle(raw, 2, 4096, 3))
    noisy = RNG.integers(-2**31, 2**31 - 1, size=700, dtype="<i4")  # incompressible: raw lz4 blocks
    plugin_filtered(plugins, "lz4_raw_blocks", noisy, (700,), 32004, (1024,),
                    lambda raw: hdf5_lz4_frame(raw, 1024))


# --------------------------------------------------------------------------- sidecar

LAYOUT = {0: "compact", 1: "contiguous", 2: "chunked", 3: "virtual"}


def fill_json(v):
    v = v.item() if hasattr(v, "item") and np.ndim(v) == 0 and v.dtype.kind in "biuf" else v
    return v if isinstance(v, (bool, int, float)) else repr(v)


def describe_dataset(ds):
    dcpl = ds.id.get_create_plist()
    layout = LAYOUT[dcpl.get_layout()]
    d = {
        "shape": list(ds.shape),
        "maxshape": [(-1 if m is None else m) for m in (ds.maxshape or ())],
        "dtype": ds.dtype.str,
        "layout": layout,
        "chunks": list(ds.chunks) if ds.chunks else None,
        "fillvalue": fill_json(ds.fillvalue),
        "filters": [],
    }
    for i in range(dcpl.get_nfilters()):
        code, flags, values, name = dcpl.get_filter(i)
        d["filters"].append({"id": code, "flags": flags, "values": list(values),
                             "name": name.decode("latin-1")})
    if "_source_sha256" in ds.attrs:
        d["sha256"] = ds.attrs["_source_sha256"]
    else:
        d["sha256"] = sha256(ds[()])
    if layout == "chunked":
        d["chunk_list"] = chunk_list(ds, d)  # [[offset...], address, size, filter_mask]
    elif layout == "contiguous":
        d["address"] = ds.id.get_offset()
        d["storage_size"] = ds.id.get_storage_size()
    return d


def chunk_list(ds, d):
    """Every allocated chunk as get_chunk_info reports it, its offset checked by the read path.

    libhdf5 1.10's get_chunk_info (and get_chunk_info_by_coord) report wrong offsets for an
    extensible array index whose unlimited axis is not the first, while reads are right. So each
    chunk's offset is confirmed with read_direct_chunk (the read path); where it disagrees, the
    offset is taken from the grid position whose read_direct_chunk returns exactly that chunk's
    stored bytes.
    """
    raw = open(ds.file.filename, "rb").read()
    base = ds.file.id.get_create_plist().get_userblock()
    infos = [ds.id.get_chunk_info(i) for i in range(ds.id.get_num_chunks())]

    def stored(info):
        return raw[base + info.byte_offset: base + info.byte_offset + info.size]

    def direct(offset):
        try:
            return ds.id.read_direct_chunk(tuple(offset))[1]
        except Exception:  # an unallocated chunk
            return None

    by_bytes = None
    chunks = []
    for info in infos:
        offset = list(info.chunk_offset)
        if direct(offset) != stored(info):
            if by_bytes is None:
                by_bytes = {}
                grid = [range(0, n, c) for n, c in zip(ds.shape, ds.chunks)]
                for start in np.ndindex(*[len(g) for g in grid]):
                    coord = [i * c for i, c in zip(start, ds.chunks)]
                    b = direct(coord)
                    if b is not None:
                        by_bytes.setdefault(b, []).append(coord)
            candidates = by_bytes.get(stored(info), [])
            assert len(candidates) == 1, (ds.name, offset, len(candidates))
            offset = candidates[0]
            d["chunk_info_offsets_corrected"] = True
        chunks.append([offset, info.byte_offset, info.size, info.filter_mask])
    return sorted(chunks)


def sidecar(path):
    out = {"file": os.path.basename(path), "datasets": {}, "groups": {}, "soft_links": {}}
    with h5py.File(path, "r") as f:
        out["superblock_version"] = f.id.get_create_plist().get_version()[0]
        # h5py's chunk byte_offset and contiguous offset are relative to the HDF5 base address,
        # i.e. they leave out a user block; the Java reader reports absolute file offsets
        out["userblock"] = f.id.get_create_plist().get_userblock()

        def walk(group, prefix):
            names = sorted(group.keys())
            out["groups"][prefix] = names
            for name in names:
                full = prefix + "/" + name if prefix else name
                link = group.get(name, getlink=True)
                if isinstance(link, h5py.SoftLink):
                    out["soft_links"][full] = link.path
                    continue
                obj = group[name]
                if isinstance(obj, h5py.Group):
                    walk(obj, full)
                else:
                    out["datasets"][full] = describe_dataset(obj)

        walk(f, "")
    with open(path[:-3] + ".json", "w") as fp:
        json.dump(out, fp, sort_keys=True, separators=(",", ":"))


# --------------------------------------------------------------------------- main

def main():
    os.makedirs(OUT, exist_ok=True)
    files = []

    p = os.path.join(OUT, "earliest.h5")  # superblock 0, v1 headers, symbol tables, v1 B-trees
    with new_file(p, "earliest") as f:
        common_tree(f)
    files.append(p)

    p = os.path.join(OUT, "latest.h5")  # superblock 3, v2 headers, dense groups, v4 indexes
    with new_file(p, "latest") as f:
        common_tree(f)
        latest_only(f)
    files.append(p)

    p = os.path.join(OUT, "v108.h5")  # superblock 2, v2 object headers, layout v3
    with new_file(p, "v108") as f:
        g = group(f, "grp")
        chunked(g, "f4_gzip", ramp((40, 6), "<f4", 0.1), (16, 4), compression="gzip")
        for i in range(12):
            group(g, "sub%02d" % i)
    files.append(p)

    p = os.path.join(OUT, "userblock.h5")  # superblock at 512; addresses relative to it
    with new_file(p, "earliest", userblock=512) as f:
        chunked(f, "data_i2", ramp((50,), "<i2"), (16,), compression="gzip")
        f.create_dataset("contig_f4", data=ramp((10,), "<f4"))
    files.append(p)

    p = os.path.join(OUT, "small_offsets.h5")  # 4-byte addresses and lengths
    with new_file(p, "earliest", sizes=(4, 4)) as f:
        chunked(f, "many_i4", np.arange(2000, dtype="<i4"), (10,))
        chunked(f, "gzip_f8", ramp((30, 3), "<f8"), (8, 3), compression="gzip")
    files.append(p)

    for p in files:
        sidecar(p)
        print(p, os.path.getsize(p))


if __name__ == "__main__":
    main()
