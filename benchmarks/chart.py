"""Draws the target ratios of a figures file ("NAME ratio=X" lines) as a horizontal bar chart (PNG).

Shown: the alternating Java/C-Blosc decode ratios (BloscRaceMain medians: both sides under the same
load), the encode ones (grey: the issue sets no encode target), and the Spark and planning ratios.
JMH single-fork ratios and the "best" ratios stay in the figures file only.
"""
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

figures, png = sys.argv[1], sys.argv[2]
rows = []
for line in open(figures):
    parts = line.split()
    if len(parts) == 3 and parts[0] == "scan.noop.lindi.decoded_throughput" and parts[2] == "MB/s":
        # the throughput target as a time ratio: 1.6 GB/s over the measured rate, wants <= 1
        rows.append(("scan.noop.target_1.6GBps_over_lindi", 1600.0 / float(parts[1]), None))
        continue
    if len(parts) == 3 and parts[0] in ("floor.noop.ready_rows.decoded_throughput",
                                        "floor.noop.ready_batches.decoded_throughput"):
        # the same for a source whose readers do no work: Spark's own ceiling (grey: not lindi's)
        rows.append((parts[0].replace(".decoded_throughput", ".target_1.6GBps_over_it"),
                     1600.0 / float(parts[1]), "tab:gray"))
        continue
    if len(parts) != 2 or not parts[1].startswith("ratio="):
        continue
    name, ratio = parts[0], float(parts[1][len("ratio="):])
    if name.endswith("java_over_c"):
        if ".alternating.java_over_c" not in name:
            continue  # JMH single forks and best-of ratios: in the figures file only
        short = name.replace("blosc.", "").replace(".alternating.java_over_c", "")
        if short.startswith("encode."):
            rows.append((short + "  Java/C", ratio, "tab:gray"))
        else:
            rows.append(("decode." + short + "  Java/C", ratio, "tab:green" if ratio >= 1.0 else "tab:red"))
    elif name.startswith("floor."):
        rows.append((name, ratio, "tab:gray"))  # what bounds the noop scan: no target of its own
    else:
        rows.append((name, ratio, "tab:green" if ratio <= 1.0 else "tab:red"))
rows = [(n, r, c or ("tab:green" if r <= 1.0 else "tab:red")) for n, r, c in rows]
if not rows:
    sys.exit("no ratios in " + figures)
fig, ax = plt.subplots(figsize=(9, 0.2 * len(rows) + 1.2))
y = list(range(len(rows)))
ax.barh(y, [r[1] for r in rows], color=[r[2] for r in rows])
ax.set_yticks(y)
ax.set_yticklabels([r[0] for r in rows], fontsize=7)
ax.invert_yaxis()
ax.axvline(1.0, color="black", linewidth=0.8)
ax.set_xlabel("ratio; green = target met, red = missed, grey = no target\n"
              "(Java/C-Blosc decode wants >= 1; lindi/Parquet time and time/target want <= 1)")
ax.set_title("lindi-spark benchmark ratios (" + figures.split("/")[-1] + ")")
fig.tight_layout()
fig.savefig(png, dpi=110)
