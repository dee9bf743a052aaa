#!/usr/bin/python3
"""Test vectors for the Java codecs in org.lindi.codec, written by numcodecs 0.11 (and h5py for
fletcher32, whose checksum is HDF5's own).

Usage (Debian's /usr/bin/python3, which has numpy, numcodecs 0.11 and h5py):

    /usr/bin/python3 make_codec_vectors.py [OUT_DIR]
        writes OUT_DIR/vectors.json (default: ../resources/codecs next to this script)

    /usr/bin/python3 make_codec_vectors.py decode < requests.json
        decodes [{"codec": {...}, "dtype": "<i2", "encoded": BASE64}, ...] with numcodecs and prints
        [{"decoded": BASE64} | {"error": "..."}, ...]; the Java tests use it to check that what Java
        encodes decodes with numcodecs.

vectors.json: {"generator", "numcodecs", "numpy", "vectors": [VECTOR, ...]}, VECTOR =
    {"name", "codec": numcodecs config, "dtype": the array dtype the codec is created for,
     "encoded": BASE64, and either "decoded": BASE64 (bytes codecs) or "objects": [TAGGED, ...]
     (object codecs: {"str": s} {"int": "123"} {"float": "1.5"|"NaN"|"Infinity"|"-Infinity"}
     {"bool": b} {"null": true} {"json": value} {"bytes": BASE64}),
     optional "numcodecs_decodes": false when numcodecs 0.11 itself refuses the encoded bytes
     (e.g. an empty lz4 or zstd chunk, a zstd frame without content size), and "note"}.
"""
import base64
import bz2
import gzip
import hashlib
import io
import json
import lzma
import math
import os
import subprocess
import sys

import numpy as np
import numcodecs

SEED = 20240611


class _FixedClock:
    """numcodecs' gzip writes the current time into each member; a fixed one keeps the file stable."""

    @staticmethod
    def time():
        return 0


gzip.time = _FixedClock
rng = np.random.default_rng(SEED)
VECTORS = []


def b64(b):
    return base64.b64encode(bytes(b)).decode("ascii")


def to_bytes(x):
    if isinstance(x, (bytes, bytearray, memoryview)):
        return bytes(x)
    return np.ascontiguousarray(x).tobytes()


def add(name, config, dtype, encoded, decoded=None, objects=None, numcodecs_decodes=True, note=None):
    v = {"name": name, "codec": config, "dtype": np.dtype(dtype).str, "encoded": b64(to_bytes(encoded))}
    if objects is not None:
        v["objects"] = objects
    elif len(to_bytes(decoded)) > 4096:
        # large chunks are described by their hash to keep the file small
        raw = to_bytes(decoded)
        v["decoded_length"] = len(raw)
        v["decoded_sha256"] = hashlib.sha256(raw).hexdigest()
    else:
        v["decoded"] = b64(to_bytes(decoded))
    if not numcodecs_decodes:
        v["numcodecs_decodes"] = False
    if note:
        v["note"] = note
    VECTORS.append(v)


def sample(dtype, n, compressible=True):
    """n values of dtype: a ramp with repeats (so compressors find matches) mixed with noise."""
    dt = np.dtype(dtype)
    if dt.kind == "b":
        return rng.integers(0, 2, n).astype(bool)
    if dt.kind in "iu":
        info = np.iinfo(dt)
        if compressible:
            base = (np.arange(n) // 3) % 50
            noise = rng.integers(0, 4, n)
            v = base + noise
            if info.min < 0:
                v = v - 25
            return v.astype(dt)
        return rng.integers(info.min, info.max, n, dtype=dt.newbyteorder("=")).astype(dt)
    if dt.kind == "f":
        v = np.sin(np.arange(n) / 7.0) * 100 + rng.normal(0, 1, n)
        return v.astype(dt)
    if dt.kind == "c":
        return (np.sin(np.arange(n) / 5.0) + 1j * np.cos(np.arange(n) / 3.0)).astype(dt)
    raise ValueError(dtype)


def check_roundtrip(codec, data, encoded):
    dec = to_bytes(codec.decode(encoded))
    assert dec == data.tobytes(), (codec, len(dec), data.nbytes)


# ---------------------------------------------------------------- compressors
COMPRESSOR_DTYPES = ["|u1", "<i2", ">i4", "<f8"]
LENGTHS = [0, 1, 7, 100]


def compressors():
    configs = [
        ("zlib", [{"id": "zlib", "level": lv} for lv in (0, 1, 6, 9)]),
        ("gzip", [{"id": "gzip", "level": lv} for lv in (1, 5, 9)]),
        ("bz2", [{"id": "bz2", "level": lv} for lv in (1, 9)]),
        ("zstd", [{"id": "zstd", "level": lv} for lv in (1, 3, 19, -5)]),
        ("lz4", [{"id": "lz4", "acceleration": a} for a in (1, 10)]),
        ("lzma", [
            numcodecs.LZMA().get_config(),
            numcodecs.LZMA(preset=1, check=lzma.CHECK_CRC32).get_config(),
            numcodecs.LZMA(preset=0, check=lzma.CHECK_SHA256).get_config(),
            numcodecs.LZMA(preset=1, check=lzma.CHECK_NONE).get_config(),
            numcodecs.LZMA(format=lzma.FORMAT_ALONE, preset=2).get_config(),
            numcodecs.LZMA(format=lzma.FORMAT_RAW, filters=[
                {"id": lzma.FILTER_LZMA2, "preset": 1}]).get_config(),
            numcodecs.LZMA(format=lzma.FORMAT_RAW, filters=[
                {"id": lzma.FILTER_DELTA, "dist": 4},
                {"id": lzma.FILTER_LZMA2, "preset": 2, "dict_size": 1 << 16}]).get_config(),
            numcodecs.LZMA(format=lzma.FORMAT_RAW, filters=[
                {"id": lzma.FILTER_LZMA1, "preset": 1, "lc": 2, "lp": 1, "pb": 1}]).get_config(),
            numcodecs.LZMA(format=lzma.FORMAT_RAW, filters=[
                {"id": lzma.FILTER_X86},
                {"id": lzma.FILTER_LZMA2, "preset": 0}]).get_config(),
        ]),
    ]
    for cid, cfgs in configs:
        for ci, cfg in enumerate(cfgs):
            codec = numcodecs.get_codec(dict(cfg))
            for dt in COMPRESSOR_DTYPES:
                for n in LENGTHS:
                    if ci > 0 and (dt != "<i2" or n not in (0, 100)):
                        continue  # other configurations: one dtype, empty and non-empty
                    data = sample(dt, n)
                    enc = to_bytes(codec.encode(data))
                    ok = True
                    try:
                        check_roundtrip(codec, data, enc)
                    except Exception:
                        ok = False
                    add(f"{cid}/{ci}/{dt}/n{n}", cfg, dt, enc, data, numcodecs_decodes=ok)
    # a larger, very compressible chunk: the decoders must grow their output
    data = (np.arange(20000) // 1000).astype("<i4")
    for cfg in ({"id": "zlib", "level": 1}, {"id": "gzip", "level": 1}, {"id": "bz2", "level": 1},
                {"id": "zstd", "level": 1}, {"id": "lz4", "acceleration": 1},
                numcodecs.LZMA(preset=1).get_config()):
        codec = numcodecs.get_codec(dict(cfg))
        enc = to_bytes(codec.encode(data))
        check_roundtrip(codec, data, enc)
        add(f"{cfg['id']}/large/<i4/n20000", cfg, "<i4", enc, data)

    # gzip: several members, and members followed by NUL padding (Python's gzip reads both)
    a, b = sample("<i2", 30), sample("<i2", 41)
    two = gzip.compress(a.tobytes(), 5) + gzip.compress(b.tobytes(), 1)
    cat = np.concatenate([a, b])
    check_roundtrip(numcodecs.GZip(), cat, two)
    add("gzip/members2/<i2", {"id": "gzip", "level": 5}, "<i2", two, cat)
    padded = two + b"\0" * 9
    check_roundtrip(numcodecs.GZip(), cat, padded)
    add("gzip/members2-padded/<i2", {"id": "gzip", "level": 5}, "<i2", padded, cat)
    # a gzip header with FEXTRA, FNAME, FCOMMENT and FHCRC set
    body = sample("<f8", 20)
    hdr = bytearray(b"\x1f\x8b\x08\x1e\0\0\0\0\0\xff")
    hdr += (4).to_bytes(2, "little") + b"ab\0\0" + b"name.bin\0" + b"a comment\0"
    import zlib as _zlib
    hdr += (_zlib.crc32(bytes(hdr)) & 0xFFFF).to_bytes(2, "little")
    comp = _zlib.compressobj(6, _zlib.DEFLATED, -15)
    raw = comp.compress(body.tobytes()) + comp.flush()
    member = bytes(hdr) + raw + (_zlib.crc32(body.tobytes())).to_bytes(4, "little") \
        + (body.nbytes & 0xFFFFFFFF).to_bytes(4, "little")
    check_roundtrip(numcodecs.GZip(), body, member)
    add("gzip/header-fields/<f8", {"id": "gzip", "level": 6}, "<f8", member, body)

    # bz2 and xz: several streams back to back (Python decompresses all of them)
    two = bz2.compress(a.tobytes(), 9) + bz2.compress(b.tobytes(), 1)
    check_roundtrip(numcodecs.BZ2(), cat, two)
    add("bz2/streams2/<i2", {"id": "bz2", "level": 9}, "<i2", two, cat)
    two = lzma.compress(a.tobytes()) + lzma.compress(b.tobytes(), preset=1)
    check_roundtrip(numcodecs.LZMA(), cat, two)
    add("lzma/streams2/<i2", numcodecs.LZMA().get_config(), "<i2", two, cat)

    # zstd: frames without content size (the zstd CLI on a pipe) and two frames back to back;
    # numcodecs 0.11 refuses a frame without content size, later versions stream it
    for n in (0, 5, 3000):
        data = sample("<i4", n)
        p = subprocess.run(["zstd", "-q", "-c", "-3", "--no-check"], input=data.tobytes(),
                           stdout=subprocess.PIPE, check=True)
        assert subprocess.run(["zstd", "-q", "-d", "-c"], input=p.stdout,
                              stdout=subprocess.PIPE, check=True).stdout == data.tobytes()
        add(f"zstd/no-content-size/<i4/n{n}", {"id": "zstd", "level": 3}, "<i4", p.stdout, data,
            numcodecs_decodes=False, note="frame without content size, written by the zstd CLI")
    a4, b4 = sample("<i4", 50), sample("<i4", 70)
    z = numcodecs.Zstd(level=3)
    two = to_bytes(z.encode(a4)) + to_bytes(z.encode(b4))
    add("zstd/frames2/<i4", {"id": "zstd", "level": 3}, "<i4", two, np.concatenate([a4, b4]),
        numcodecs_decodes=False, note="two frames; numcodecs 0.11 reads the first frame size only")
    p = subprocess.run(["zstd", "-q", "-c", "-3", "--check"], input=a4.tobytes(),
                       stdout=subprocess.PIPE, check=True)
    add("zstd/checksum/<i4", {"id": "zstd", "level": 3}, "<i4", p.stdout, a4,
        numcodecs_decodes=False, note="zstd CLI frame with content checksum")


# ---------------------------------------------------------------- numeric filters
ALL_NUMERIC = ["|b1", "|i1", "|u1", "<i2", ">i2", "<u2", ">u2", "<i4", ">i4", "<u4", ">u4",
               "<i8", ">i8", "<u8", ">u8", "<f2", ">f2", "<f4", ">f4", "<f8", ">f8", "<c8", ">c16"]


def shuffles():
    for es in (1, 2, 3, 4, 8, 16):
        codec = numcodecs.Shuffle(elementsize=es)
        for n in (0, 1, 5, 64):
            raw = rng.integers(0, 256, n * es, dtype="u1")
            enc = to_bytes(codec.encode(raw))
            check_roundtrip(codec, raw, enc)
            add(f"shuffle/es{es}/n{n}", codec.get_config(), "|u1", enc, raw)
    for dt in ("<i2", ">i2", "<f4", ">f8", "<c8", "<u8"):
        codec = numcodecs.Shuffle(elementsize=np.dtype(dt).itemsize)
        data = sample(dt, 33)
        enc = to_bytes(codec.encode(data))
        check_roundtrip(codec, data, enc)
        add(f"shuffle/{dt}/n33", codec.get_config(), dt, enc, data)


def numeric_values(dt, n):
    """Encoded values of dtype dt for decode-only vectors: random bits over the full range plus
    the special values (NaN, infinities, -0.0, ties, out-of-range floats for integer casts)."""
    dt = np.dtype(dt)
    if dt.kind == "b":
        return np.frombuffer(bytes([0, 1, 1, 0, 2, 255, 1, 0][: max(n, 0)] * (n // 8 + 1))[:n], "?")
    if dt.kind in "iu":
        info = np.iinfo(dt)
        special = [0, 1, -1, info.min, info.max, 2, 100, -100]
        special = [s for s in special if info.min <= s <= info.max]
        rand = rng.integers(info.min, info.max, max(n - len(special), 0), dtype=dt.newbyteorder("="), endpoint=True)
        return np.concatenate([np.array(special, dtype=dt), rand.astype(dt)])[:n]
    if dt.kind == "f":
        special = [0.0, -0.0, 1.5, 2.5, -2.5, -0.5, 0.49999997, 255.5, 256.0, -129.0, 65504.0, 65520.0,
                   1e-8, 6e-8, 1e-40, 3e38, -3e38, 1e300, 2.0 ** 31, -(2.0 ** 31), 2.0 ** 32 - 1,
                   2.0 ** 63, 1e19, -1e19, float("nan"), float("inf"), -float("inf"), 40000.0,
                   -40000.0, 70000.7, 123456789.123]
        with np.errstate(over="ignore"):
            sp = np.array(special, dtype="f8").astype(dt)
        rand = (rng.normal(0, 1, max(n - len(sp), 0)) * 10.0 ** rng.integers(-6, 8, max(n - len(sp), 0)))
        return np.concatenate([sp, rand.astype(dt)])[:n]
    if dt.kind == "c":
        re = numeric_values(np.dtype("f8"), n)
        im = numeric_values(np.dtype("f8"), n)[::-1]
        return (re + 1j * im).astype(dt)
    raise ValueError(dt)


def astypes():
    import warnings
    warnings.simplefilter("ignore")
    little = [d for d in ALL_NUMERIC if not d.startswith(">")]
    big = [d for d in ALL_NUMERIC if d.startswith(">")]
    # every kind and size to every kind and size; byte order is orthogonal, so big-endian types
    # are covered from and to a few partners
    pairs = [(e, d) for e in little for d in little if e != d]
    pairs += [(e, d) for e in big for d in ("<i8", "<f8", "<c16")]
    pairs += [(e, d) for e in ("<i8", "<f8", "<c8") for d in big]
    pairs += [(">i4", ">i4"), (">f8", ">f8")]
    for enc_dt, dec_dt in pairs:
        ek, dk = np.dtype(enc_dt).kind, np.dtype(dec_dt).kind
        if ek == "c" and dk != "c":
            continue  # numpy drops the imaginary part with a ComplexWarning
        codec = numcodecs.AsType(encode_dtype=enc_dt, decode_dtype=dec_dt)
        enc = numeric_values(enc_dt, 36)
        dec = codec.decode(enc.tobytes())
        add(f"astype/{enc_dt}->{dec_dt}", codec.get_config(), dec_dt, enc, dec)
    codec = numcodecs.AsType(encode_dtype="<f4", decode_dtype="<f8")
    add("astype/empty", codec.get_config(), "<f8", b"", b"")
    # float64 -> float16 rounding: random halves' midpoints (ties), just above and below them,
    # subnormals and values near overflow
    h = rng.integers(0, 0x7c00, 600, dtype="<u2").view("<f2").astype("f8")
    h2 = h.astype("<f2").view("<u2")
    up = (h2 + 1).view("<f2").astype("f8")
    mid = (h + up) / 2
    eps = np.abs(mid) * 2.0 ** -40 + 1e-300
    vals = np.concatenate([mid, mid + eps, mid - eps, -mid, rng.normal(0, 1, 100) * 10.0 ** rng.integers(-9, 6, 100),
                           [65504.0, 65519.99, 65520.0, 2.0 ** -24, 2.0 ** -25, 2.0 ** -25 * 1.0000001, 3 * 2.0 ** -26]])
    codec = numcodecs.AsType(encode_dtype="<f8", decode_dtype="<f2")
    add("astype/<f8-><f2/rounding", codec.get_config(), "<f2", vals.astype("<f8"), codec.decode(vals.astype("<f8").tobytes()))


def deltas():
    pairs = [("<i2", "<i2"), ("<i4", "<i4"), ("<i8", "<i8"), ("<i8", "<i2"), (">i4", ">i4"),
             ("<u2", "<u2"), ("|u1", "|u1"), ("|i1", "|i1"), ("<u4", "<i4"), (">u8", ">u8"),
             ("<i2", "|i1"), ("<f4", "<f4"), ("<f8", "<f4"), (">f8", ">f8"), ("<f2", "<f2"),
             ("<f8", "<f8"), ("<i4", "<f4"), ("<f4", "<i2"), ("<f2", "<f4"), ("<f4", "<f2"),
             ("<i4", "<i8"), ("<u8", "<f8")]
    for dt, at in pairs:
        codec = numcodecs.Delta(dtype=dt, astype=at)
        for n in (1, 7, 200):
            data = sample(dt, n)
            if np.dtype(dt).kind == "f" and n == 200:
                data[::13] = np.array(1e4, dtype=dt)  # large steps make the accumulation type matter
            enc = to_bytes(codec.encode(data))
            dec = to_bytes(codec.decode(enc))
            add(f"delta/{dt}-as-{at}/n{n}", codec.get_config(), dt, enc, dec)
        # decode-only: arbitrary encoded values (wrap-around, float accumulation in numpy's type)
        enc = numeric_values(at, 60)
        if np.dtype(at).kind == "f":
            enc = np.where(np.isfinite(enc.astype("f8")), enc, np.array(1, dtype=at)).astype(at)
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            dec = to_bytes(codec.decode(enc.tobytes()))
        add(f"delta/{dt}-as-{at}/decode-only", codec.get_config(), dt, enc, dec)


def fixedscaleoffsets():
    import warnings
    warnings.simplefilter("ignore")
    cases = [
        ("<f8", "<u2", 1000, 10), ("<f4", "|u1", 0, 100), ("<f8", "<i4", -5.5, 0.25),
        (">f4", ">i2", 2, 1000), ("<f2", "|u1", 0, 10), ("<f4", "<f4", 1.5, 3),
        ("<f8", "<f2", 0.5, 0.5), ("<f2", "<f2", 1000, 2), ("<f4", "<u4", 100000, 7),
        ("<f4", "<i8", 0, 1e6), ("<f8", ">u8", 1e3, 1), ("<f4", "<f8", 0.1, 100000),
        ("<f2", "<f2", 0.25, 70000.0), ("<f4", "<f4", 1e39, 2), ("<i4", "<i2", 7, 3),
        ("<i2", "|u1", 100, 1), ("<f8", "<i2", 0, 1), ("<f4", "|i1", -200, 0.5),
    ]
    for dt, at, off, sc in cases:
        codec = numcodecs.FixedScaleOffset(offset=off, scale=sc, dtype=dt, astype=at)
        name = f"fixedscaleoffset/{dt}-as-{at}/o{off}/s{sc}"
        data = sample(dt, 50)
        enc = to_bytes(codec.encode(data))
        add(name, codec.get_config(), dt, enc, to_bytes(codec.decode(enc)))
        enc = numeric_values(at, 40)
        add(name + "/decode-only", codec.get_config(), dt, enc, to_bytes(codec.decode(enc.tobytes())))


def quantizes():
    for dt, at, digits in [("<f4", "<f4", 3), ("<f8", "<f8", 1), ("<f8", "<f4", 2), (">f8", ">f8", 5),
                           ("<f4", "<f2", 2), ("<f2", "<f2", 1), ("<f4", "<f8", 4), ("<f8", "<f8", -1)]:
        codec = numcodecs.Quantize(digits=digits, dtype=dt, astype=at)
        data = sample(dt, 45)
        enc = to_bytes(codec.encode(data))
        add(f"quantize/{dt}-as-{at}/d{digits}", codec.get_config(), dt, enc, to_bytes(codec.decode(enc)))


def bitrounds():
    for dt, kb in [("<f4", 7), ("<f8", 20), ("<f2", 3), ("<f4", 0), ("<f4", 23)]:
        codec = numcodecs.BitRound(keepbits=kb)
        data = sample(dt, 30)
        enc = to_bytes(codec.encode(data.copy()))
        add(f"bitround/{dt}/k{kb}", codec.get_config(), dt, enc, to_bytes(codec.decode(enc)))


def packbits():
    codec = numcodecs.PackBits()
    for n in (0, 1, 7, 8, 9, 33, 64):
        data = rng.integers(0, 2, n).astype(bool)
        enc = to_bytes(codec.encode(data))
        check_roundtrip(codec, data, enc)
        add(f"packbits/n{n}", codec.get_config(), "|b1", enc, data)


def categorizes():
    labels = ["apple", "banana", "cherry", "kiwi", "é€😀"]
    values = np.array(["apple", "kiwi", "zzz", "cherry", "banana", "", "é€😀", "apple", "kiwi"], dtype=object)
    for dt in ("<U6", ">U6", "<U3", "<U10"):
        for at in ("|u1", "<u2", ">i4"):
            codec = numcodecs.Categorize(labels=labels, dtype=dt, astype=at)
            data = values.astype(dt)
            enc = to_bytes(codec.encode(data))
            add(f"categorize/{dt}/{at}", codec.get_config(), dt, enc, to_bytes(codec.decode(enc)))
    codec = numcodecs.Categorize(labels=labels, dtype=object, astype="<u2")
    enc = to_bytes(codec.encode(values))
    dec = codec.decode(enc)
    add("categorize/object/<u2", codec.get_config(), "|O", enc, objects=[tag(x) for x in dec])


def fletcher32():
    import h5py
    for dt, n in (("|u1", 1), ("|u1", 7), ("|u1", 8), ("<i2", 100), (">i4", 33), ("<f8", 250), ("|u1", 1001)):
        data = sample(dt, n, compressible=False)
        with h5py.File(io.BytesIO(), "w") as f:
            ds = f.create_dataset("x", data=data, chunks=(n,), fletcher32=True)
            mask, chunk = ds.id.read_direct_chunk((0,))
        assert chunk[:-4] == data.tobytes()
        add(f"fletcher32/{dt}/n{n}", {"id": "fletcher32"}, dt, chunk, data, numcodecs_decodes=False,
            note="written by HDF5 (h5py); numcodecs 0.11 has no fletcher32")


# ---------------------------------------------------------------- object codecs
def tag(x):
    if x is None:
        return {"null": True}
    if isinstance(x, (bool, np.bool_)):
        return {"bool": bool(x)}
    if isinstance(x, (int, np.integer)):
        return {"int": str(int(x))}
    if isinstance(x, (float, np.floating)):
        f = float(x)
        if math.isnan(f):
            return {"float": "NaN"}
        if math.isinf(f):
            return {"float": "Infinity" if f > 0 else "-Infinity"}
        return {"float": repr(f)}
    if isinstance(x, str):
        return {"str": x}
    if isinstance(x, bytes):
        return {"bytes": b64(x)}
    if isinstance(x, (dict, list)):
        return {"json": x}
    raise TypeError(type(x))


def object_codecs():
    strings = ["", "a", "hello world", "é€😀", "tab\tnew\nline", "x" * 300, "\u0000nul"]
    codec = numcodecs.VLenUTF8()
    for n in (0, 1, 7):
        arr = np.array(strings[:n], dtype=object)
        enc = to_bytes(codec.encode(arr))
        add(f"vlen-utf8/n{n}", codec.get_config(), "|O", enc, objects=[tag(s) for s in codec.decode(enc)])
    codec = numcodecs.VLenBytes()
    blobs = [b"", b"\x00\xff", b"abc", bytes(range(256))]
    for n in (0, 4):
        arr = np.array(blobs[:n], dtype=object)
        enc = to_bytes(codec.encode(arr))
        add(f"vlen-bytes/n{n}", codec.get_config(), "|O", enc, objects=[tag(bytes(s)) for s in codec.decode(enc)])

    json2 = numcodecs.JSON()
    cfg = json2.get_config()
    items = ["s", "é€😀", 1, -7, 2 ** 62, 2.5, -0.0, 1e300, float("nan"), float("inf"), -float("inf"), None,
             True, False, {"_REFERENCE": {"path": "/acquisition/x", "object_id": "abc", "source": ".",
                                          "source_object_id": "def"}},
             [1, "x", 2.0, None, {"_REFERENCE": {"path": "/a"}}]]
    arr = np.empty(len(items), dtype=object)
    arr[:] = items
    enc = to_bytes(json2.encode(arr))
    add("json2/mixed", cfg, "|O", enc, objects=[tag(x) for x in items])
    arr = np.empty(0, dtype=object)
    enc = to_bytes(json2.encode(arr))
    add("json2/empty", cfg, "|O", enc, objects=[])
    # 2-D: numcodecs writes nested lists, one per row; compound rows (lists) inside a 2-D array
    arr = np.array([["a", "b", "c"], ["d", "e", "f"]], dtype=object)
    enc = to_bytes(json2.encode(arr))
    add("json2/2d", cfg, "|O", enc, objects=[tag(x) for x in arr.ravel()])
    arr = np.empty((2, 2), dtype=object)
    for i in range(2):
        for j in range(2):
            arr[i, j] = [i, "r%d%d" % (i, j), 0.5 * j]
    enc = to_bytes(json2.encode(arr))
    add("json2/2d-compound", cfg, "|O", enc, objects=[tag(x) for x in arr.ravel()])
    rows = np.empty(3, dtype=object)
    rows[:] = [[1, 2.5, {"_REFERENCE": {"path": "/x"}}], [2, float("nan"), None], [3, -1.0, {"_REFERENCE": {"path": "/y"}}]]
    enc = to_bytes(json2.encode(rows))
    add("json2/compound-rows", cfg, "|O", enc, objects=[tag(x) for x in rows])


def decode_requests():
    reqs = json.load(sys.stdin)
    out = []
    for r in reqs:
        try:
            codec = numcodecs.get_codec(dict(r["codec"]))
            dec = codec.decode(base64.b64decode(r["encoded"]))
            out.append({"decoded": b64(to_bytes(dec))})
        except Exception as e:  # reported per request, the Java test names it
            out.append({"error": repr(e)})
    json.dump(out, sys.stdout)


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "decode":
        decode_requests()
        return
    here = os.path.dirname(os.path.abspath(__file__))
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "resources", "codecs")
    compressors()
    shuffles()
    astypes()
    deltas()
    fixedscaleoffsets()
    quantizes()
    bitrounds()
    packbits()
    categorizes()
    fletcher32()
    object_codecs()
    names = [v["name"] for v in VECTORS]
    assert len(names) == len(set(names)), "duplicate vector names"
    os.makedirs(out_dir, exist_ok=True)
    doc = {"generator": "hadoop-fs/src/test/python/make_codec_vectors.py", "seed": SEED,
           "numcodecs": numcodecs.__version__, "numpy": np.__version__, "vectors": VECTORS}
    with open(os.path.join(out_dir, "vectors.json"), "w") as f:
        json.dump(doc, f, indent=0, sort_keys=False)  # NaN appears inside json2 rows
        f.write("\n")
    print(f"{len(VECTORS)} vectors -> {os.path.join(out_dir, 'vectors.json')}")


if __name__ == "__main__":
    main()
