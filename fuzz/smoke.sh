#!/usr/bin/env bash
# CI's short fuzz run: every target for a few seconds on the stored corpus, which it leaves
# unchanged (new inputs go to a scratch folder), nothing minimised.
set -euo pipefail
cd "$(dirname "$0")"
OCOP_FUZZ_MINIMISE=0 OCOP_FUZZ_GROW=0 bash run.sh "${OCOP_FUZZ_SECONDS:-5}"
