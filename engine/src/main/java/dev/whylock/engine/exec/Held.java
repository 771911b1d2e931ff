package dev.whylock.engine.exec;

import dev.whylock.engine.Mutex;

/** One acquisition held by a task: the lock named in the code, the lock actually taken (null when removed), and where. */
record Held(Mutex orig, Mutex actual, String site) {}
