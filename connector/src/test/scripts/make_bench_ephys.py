"""Writes the connector's throughput benchmark input into the current directory.

bench.lindi.json + bench.chunks.bin: an int16 array `data` of shape [1800000, 64] in chunks of
[30000, 64], blosc lz4 shuffle (numcodecs), noise plus a slow drift like an ephys recording.
Run with the Debian python that has numpy and numcodecs:

    mkdir -p /tmp/lindi-bench && cd /tmp/lindi-bench && /usr/bin/python3 make_bench_ephys.py
    cd <checkout> && mvn -o -q -pl connector -am test -Dtest=ThroughputBench -DenableAssertions=false \
        -Dsurefire.failIfNoSpecifiedTests=false -Dlindi.bench=/tmp/lindi-bench/bench.lindi.json
"""
import json

import numcodecs
import numpy as np

rng = np.random.default_rng(7)
n, c, ch = 1_800_000, 64, 30_000
codec = numcodecs.Blosc(cname="lz4", clevel=5, shuffle=numcodecs.Blosc.SHUFFLE, blocksize=0)
refs = {".zgroup": {"zarr_format": 2},
        "data/.zarray": {"shape": [n, c], "chunks": [ch, c], "dtype": "<i2", "compressor": codec.get_config(),
                         "filters": None, "fill_value": 0, "order": "C", "zarr_format": 2}}
off = 0
with open("bench.chunks.bin", "wb") as f:
    for i in range(n // ch):
        noise = rng.normal(0, 30, size=(ch, c)).astype(np.int16)
        drift = (np.cumsum(rng.normal(0, 1, size=(ch, 1)), axis=0) % 200).astype(np.int16)
        block = (noise + drift).astype("<i2")
        enc = codec.encode(np.ascontiguousarray(block))
        f.write(enc)
        refs[f"data/{i}.0"] = ["bench.chunks.bin", off, len(enc)]
        off += len(enc)
with open("bench.lindi.json", "w") as out:
    json.dump({"version": 1, "refs": refs}, out)
print("stored", off, "bytes for", n * c * 2, "decoded")
