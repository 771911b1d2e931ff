package dev.whylock.bench.compare;

import dev.whylock.bench.yardstick.AppendOther;
import dev.whylock.bench.yardstick.CacheCheckThenAct;
import dev.whylock.bench.yardstick.Deadlock;
import dev.whylock.bench.yardstick.LazyOrder;
import dev.whylock.bench.yardstick.LoggerCallback;
import dev.whylock.bench.yardstick.PoolEvictDeadlock;
import dev.whylock.bench.yardstick.PoolMissedNotify;
import dev.whylock.bench.yardstick.PoolMissedNotifyFixed;
import dev.whylock.bench.yardstick.Reorder;
import dev.whylock.bench.yardstick.RingBuffer;
import dev.whylock.bench.yardstick.SplitWithdraw;
import dev.whylock.bench.yardstick.TwoStage;
import dev.whylock.bench.yardstick.TwoStageFixed;
import dev.whylock.bench.yardstick.UncheckedPop;
import dev.whylock.bench.yardstick.UncheckedPopFixed;
import dev.whylock.bench.yardstick.WrongLock;
import dev.whylock.bench.yardstick.WrongLockFixed;

/**
 * Calls a yardstick class's {@code main} by name, so that Fray and Lincheck run the class files
 * whylock runs: by reflection (what Fray's test does), or by a direct call (Lincheck 3.7 does not
 * follow the reflective call and sees nothing to interleave).
 */
final class YardstickMain {

    private static final String[] NO_ARGS = new String[0];

    private YardstickMain() {}

    static void reflect(String name) throws Exception {
        try {
            Class.forName(name, true, Thread.currentThread().getContextClassLoader()).getMethod("main", String[].class)
                    .invoke(null, (Object) NO_ARGS);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof Exception x) {
                throw x;
            }
            throw (Error) e.getCause();
        }
    }

    static void run(String name) throws Exception {
        switch (name.substring(name.lastIndexOf('.') + 1)) {
            case "AppendOther" -> AppendOther.main(NO_ARGS);
            case "CacheCheckThenAct" -> CacheCheckThenAct.main(NO_ARGS);
            case "Deadlock" -> Deadlock.main(NO_ARGS);
            case "LazyOrder" -> LazyOrder.main(NO_ARGS);
            case "LoggerCallback" -> LoggerCallback.main(NO_ARGS);
            case "PoolEvictDeadlock" -> PoolEvictDeadlock.main(NO_ARGS);
            case "PoolMissedNotify" -> PoolMissedNotify.main(NO_ARGS);
            case "PoolMissedNotifyFixed" -> PoolMissedNotifyFixed.main(NO_ARGS);
            case "Reorder" -> Reorder.main(NO_ARGS);
            case "RingBuffer" -> RingBuffer.main(NO_ARGS);
            case "SplitWithdraw" -> SplitWithdraw.main(NO_ARGS);
            case "TwoStage" -> TwoStage.main(NO_ARGS);
            case "TwoStageFixed" -> TwoStageFixed.main(NO_ARGS);
            case "UncheckedPop" -> UncheckedPop.main(NO_ARGS);
            case "UncheckedPopFixed" -> UncheckedPopFixed.main(NO_ARGS);
            case "WrongLock" -> WrongLock.main(NO_ARGS);
            case "WrongLockFixed" -> WrongLockFixed.main(NO_ARGS);
            default -> throw new IllegalArgumentException("not a yardstick class: " + name);
        }
    }
}
