/**
 * The yardstick: small Java programs with the bug patterns of the benchmarks Fray's evaluation uses,
 * SCTBench's Java ports (order violations, split critical sections, the wrong lock, lock-order
 * deadlocks) and JaConTeBe (bugs from real libraries: a pool's missed notify, a logger's lock-order
 * inversion through a callback, an append that reads its argument's length outside its lock, a
 * cache's check-then-act on a ConcurrentHashMap, a connection pool's close/evict deadlock). Written
 * here from the patterns' descriptions, not copied. Each is a {@code main} that throws from the
 * main thread when the bug happened (some tools ignore failures in other threads); the
 * {@code *Fixed} classes are the corrected versions, for proofs of absence. Every tool in
 * {@code bench/yardstick.sh} runs these same class files.
 */
package dev.whylock.bench.yardstick;
