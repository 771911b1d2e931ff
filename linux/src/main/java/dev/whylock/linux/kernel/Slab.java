package dev.whylock.linux.kernel;

import dev.whylock.engine.Env;
import dev.whylock.engine.Obj;

/**
 * kzalloc/kfree. Allocation is the constructor of a struct class (which extends {@link Obj});
 * kfree makes every later access to the struct's tracked fields a use-after-free.
 */
public final class Slab {
    private Slab() {}

    /** kfree(): NULL is a no-op; freeing twice is a violation. */
    public static void kfree(Obj obj, String site) {
        Env.current().free(obj, site);
    }
}
