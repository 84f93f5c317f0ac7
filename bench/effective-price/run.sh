#!/usr/bin/env bash
# Effective price lookup benchmark: seeds a real MariaDB (the platform-test server) with 10,000 products and
# 200 active price lists, then times 10,000 random look-ups after a warm-up. Not part of any test run.
#   bench/effective-price/run.sh [queries] [warmup]
set -euo pipefail
cd "$(dirname "$0")/../.."
QUERIES="${1:-10000}"
WARMUP="${2:-3000}"
./channelops mvn -B -o verify -pl sales-service -Dit.test=EffectivePriceBench -Dtest=None \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.queries="$QUERIES" -Dbench.warmup="$WARMUP"
cat sales-service/target/bench/effective-price.txt
