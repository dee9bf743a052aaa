"""Draws the "NAME ratio=X" lines of a figures file as a horizontal bar chart (PNG); 1.0 marked."""
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

figures, png = sys.argv[1], sys.argv[2]
names, ratios = [], []
for line in open(figures):
    parts = line.split()
    if len(parts) == 2 and parts[1].startswith("ratio="):
        names.append(parts[0])
        ratios.append(float(parts[1][len("ratio="):]))
if not names:
    sys.exit("no ratios in " + figures)
fig, ax = plt.subplots(figsize=(9, 0.22 * len(names) + 1.2))
y = range(len(names))
colors = []
for n, r in zip(names, ratios):
    # java/C wants >= 1; lindi/parquet and plan/target want <= 1
    good = r >= 1.0 if n.endswith("java_over_c") else r <= 1.0
    colors.append("tab:green" if good else "tab:red")
ax.barh(list(y), ratios, color=colors)
ax.set_yticks(list(y))
ax.set_yticklabels(names, fontsize=7)
ax.invert_yaxis()
ax.axvline(1.0, color="black", linewidth=0.8)
ax.set_xlabel("ratio (green: target met; Java/C-Blosc wants >= 1, lindi/Parquet and time/target want <= 1)")
ax.set_title("lindi-spark benchmark ratios")
fig.tight_layout()
fig.savefig(png, dpi=110)
