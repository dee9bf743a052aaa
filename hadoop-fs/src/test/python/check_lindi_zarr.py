#!/usr/bin/env python3
"""Reads arrays of a lindi1 file or a .lindi.tar with zarr-python, independently of the Java code.

Usage: check_lindi_zarr.py FILE SIDECAR.json
SIDECAR is {"arrays": {"<zarr path>": "<sha256 of the C-order little-endian bytes>", ...}}.

The containers are read by their specifications only: lindi1 by its 1024-byte header; a tar the
way LINDI's LindiTarFile does (.tar_entry.json -> .tar_index.json -> lindi.json, with LINDI's own
consistency checks), plus Python's tarfile must list every indexed member and the archive must end
with 1024 NUL bytes. Each array is opened with zarr.open_array over a dict store holding the bytes
every ref points to, and its sha256 compared. Exit 0 when all match.
"""
import base64
import hashlib
import json
import os
import sys
import tarfile

import numpy as np
import zarr


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def beside(path, url, off, n):
    """A relative url: a file in the lindi file's folder."""
    if "://" in url or url.startswith("/") or ".." in url.split("/"):
        fail("unexpected url %s" % url)
    with open(os.path.join(os.path.dirname(path), url), "rb") as fh:
        fh.seek(off)
        return fh.read(n)


def load_lindi1(path, data):
    header = json.loads(data[:data.index(0)].decode("utf-8"))
    if header.get("format") != "lindi1":
        fail("not lindi1: %r" % header)
    start, size = header["rfs_start"], header["rfs_size"]
    if start + size + header.get("rfs_padding", 0) > len(data):
        fail("RFS region past the end of the file")
    rfs = json.loads(data[start:start + size])

    def resolve(url, off, n):
        if url != ".":
            return beside(path, url, off, n)
        return data[off:off + n]
    return rfs, resolve


def load_tar(path, data):
    entry = json.loads(data[512:512 + 1024])
    info = entry["index"]
    index = json.loads(data[info["d"]:info["d"] + info["s"]])
    lookup = {f["n"]: f for f in index["files"]}
    # LindiTarFile's own checks when it opens a tar
    own = lookup.get(".tar_index.json")
    if own is None or any(own[k] != info[k] for k in "nods"):
        fail(".tar_index.json does not list itself as .tar_entry.json says")
    e = lookup.get(".tar_entry.json")
    if e is None or (e["o"], e["d"], e["s"]) != (0, 512, 1024):
        fail(".tar_entry.json listed as %r" % e)
    if data[-1024:] != b"\0" * 1024:
        fail("the archive does not end with 1024 NUL bytes")
    with tarfile.open(path) as t:
        members = {m.name: m for m in t.getmembers()}
    for f in index["files"]:
        m = members.get(f["n"])
        if f["n"].startswith(".trash/"):
            continue
        if m is None or m.offset != f["o"] or m.offset_data != f["d"] or m.size != f["s"]:
            fail("tar member %s does not match the index: %r" % (f["n"], m and (m.offset, m.offset_data, m.size)))
    r = lookup["lindi.json"]
    rfs = json.loads(data[r["d"]:r["d"] + r["s"]])

    def resolve(url, off, n):
        if not url.startswith("./"):
            return beside(path, url, off, n)
        f = lookup[url[2:]]
        if off + n > f["s"]:
            fail("ref past its member: %s" % url)
        return data[f["d"] + off:f["d"] + off + n]
    return rfs, resolve


def main():
    path, sidecar = sys.argv[1], sys.argv[2]
    with open(path, "rb") as fh:
        data = fh.read()
    is_tar = data[257:262] == b"ustar"
    rfs, resolve = load_tar(path, data) if is_tar else load_lindi1(path, data)
    templates = rfs.get("templates", {})
    store = {}
    for key, v in rfs["refs"].items():
        if isinstance(v, dict):
            store[key] = json.dumps(v).encode()
        elif isinstance(v, str):
            store[key] = base64.b64decode(v[7:]) if v.startswith("base64:") else v.encode()
        else:
            url = v[0]
            for name, value in templates.items():
                url = url.replace("{{" + name + "}}", value)
            store[key] = resolve(url, v[1], v[2])
    expected = json.load(open(sidecar))["arrays"]
    for p, sha in expected.items():
        a = zarr.open_array(store=store, path=p, mode="r")[...]
        a = np.ascontiguousarray(a).astype(a.dtype.newbyteorder("<"))
        got = hashlib.sha256(a.tobytes()).hexdigest()
        if got != sha:
            fail("%s: sha256 %s, expected %s" % (p, got, sha))
    print("OK %d arrays, %s" % (len(expected), "tar" if is_tar else "lindi1"))


if __name__ == "__main__":
    main()
