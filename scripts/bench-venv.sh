#!/usr/bin/env bash
# Creates the Python virtualenv the comparisons of `cargo xtask bench` run in
# (target/bench-venv, or $BENCH_VENV) and installs trafilatura, datasketch and scikit-learn
# into it when they are missing. Prints the venv's python path on success.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
venv="${BENCH_VENV:-$root/target/bench-venv}"

python=""
for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1; then
        python="$candidate"
        break
    fi
done
if [ -z "$python" ]; then
    echo "no python3.11 or python3 on PATH" >&2
    exit 1
fi

if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv" >&2
fi
if ! "$venv/bin/python" -c 'import trafilatura, datasketch, sklearn, numpy' >/dev/null 2>&1; then
    "$venv/bin/python" -m pip install --quiet --upgrade pip >&2
    "$venv/bin/python" -m pip install --quiet trafilatura datasketch scikit-learn numpy >&2
fi
echo "$venv/bin/python"
