#!/usr/bin/env bash
# Summarises a JFR recording: the top frames of execution samples (where CPU time goes), by count.
#   benchmarks/jfr-hot.sh /tmp/lindi-bench/spark.jfr [N]
set -euo pipefail
jfr print --events jdk.ExecutionSample "$1" \
  | awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); print}' \
  | sort | uniq -c | sort -rn | head -"${2:-25}"
