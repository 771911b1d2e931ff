package dev.whylock.linux.kernel;

import dev.whylock.engine.Completion;
import dev.whylock.engine.Env;
import dev.whylock.engine.Field;

/**
 * RCU read-side sections and grace periods, as far as the model needs them: synchronize_rcu()
 * returns only after every reader that was inside a read-side section when it started has left.
 * Readers are counted (as SRCU does); a reader that enters later cannot see what the updater
 * unpublished before calling synchronize_rcu(), so it need not be waited for.
 */
public final class Rcu {
    private Rcu() {}

    private static final class State {
        final Field<Integer> readers = Env.current().<Integer>field("rcu_read_lock_nesting", 0).atomic();
        final Completion gracePeriod = Env.current().completion("rcu grace period");
    }

    private static State state() {
        return Kernel.get().global("rcu", State::new);
    }

    /** rcu_read_lock(): enters a read-side section. */
    public static void rcuReadLock(String site) {
        state().readers.update(n -> n + 1, site);
    }

    /** rcu_read_unlock(): leaves it; the last reader out ends a grace period someone waits for. */
    public static void rcuReadUnlock(String site) {
        State s = state();
        if (s.readers.update(n -> n - 1, site) == 1) {
            s.gracePeriod.complete(site);
        }
    }

    /** synchronize_rcu() / synchronize_net(): waits until no reader is inside a read-side section. */
    public static void synchronizeRcu(String site) {
        State s = state();
        while (s.readers.get(site) != 0) {
            s.gracePeriod.waitFor(site);
        }
    }
}
