/** Benchmarks of sales-service: run on demand, never by {@code verify} (see bench/README.md). */
@NullMarked
package io.channelops.sales.bench;

import org.jspecify.annotations.NullMarked;
