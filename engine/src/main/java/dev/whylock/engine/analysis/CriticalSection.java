package dev.whylock.engine.analysis;

import java.util.List;

/**
 * What happens while one acquisition site holds a lock, over every observed execution: which
 * tasks took it there, which fields they wrote and read and which functions they ran before
 * releasing it, and which other sites of the same lock touch the same fields (so the lock keeps
 * the two apart).
 *
 * @param lockClass  the lock class
 * @param site       the function that takes it
 * @param tasks      the tasks that took it there, in order of first appearance
 * @param writes     fields written while it was held there, in order of first appearance
 * @param reads      fields read (and not written) while it was held there, in order of first appearance
 * @param calls      other functions that did a visible operation while it was held there, in order of first appearance
 * @param excludes   other acquisition sites of the lock whose sections access a field this one
 *                   writes, or write a field this one reads; most shared fields first, then by name
 */
public record CriticalSection(String lockClass, String site, List<String> tasks, List<String> writes, List<String> reads,
        List<String> calls, List<String> excludes) {

    public CriticalSection {
        tasks = List.copyOf(tasks);
        writes = List.copyOf(writes);
        reads = List.copyOf(reads);
        calls = List.copyOf(calls);
        excludes = List.copyOf(excludes);
    }
}
