package jvmtest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Programs over {@link CompletableFuture}: an async stage and main that update a counter without a
 * lock (lost update, found); a write published through allOf; a value read before the future completes (found) and after
 * join; a chain thenApply/thenCombine/thenCompose on a given executor; allOf waiting for two
 * stages; a failed stage handled with exceptionally, and completion racing with complete().
 */
public class Completables {
    static int hits;
    static int published;

    /** BUG: an async stage and main increment a plain field. */
    public static void lostUpdate() {
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> hits = hits + 1);
        hits = hits + 1;
        a.join();
        assert hits == 2 : "hits is " + hits + ", expected 2";
    }

    /** Correct: allOf waits for the async stage and for main's own future, so main sees the stage's write. */
    public static void allOfPublishes() {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> all = CompletableFuture.allOf(CompletableFuture.runAsync(() -> hits = 1), mine);
        mine.complete(null);
        all.join();
        assert hits == 1 : "hits is " + hits;
    }

    /** BUG: main reads what the stage publishes without waiting for it. */
    public static void readBeforeJoin() {
        CompletableFuture<Integer> f = CompletableFuture.supplyAsync(() -> {
            published = 42;
            return 42;
        });
        int seen = published;
        assert seen == 42 : "published is " + seen;
        f.join();
    }

    /** Correct: a chain of stages (thenApply, thenCompose, then thenCombine once it is done) on a single-thread pool. */
    public static void chain() throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> 20, pool)
                .thenCompose(x -> CompletableFuture.completedFuture(x + 1));
        int r = a.get();
        int s = a.thenCombine(CompletableFuture.completedFuture(r), Integer::sum).thenApply(x -> x * 2).join();
        assert s == 84 : "result " + s;
    }

    /** Correct: a failing stage is recovered; whenComplete sees the value. */
    public static void recovered() {
        CompletableFuture<Integer> f = CompletableFuture.<Integer>supplyAsync(() -> {
            throw new IllegalStateException("boom");
        }).exceptionally(e -> -1);
        int[] seen = {0};
        int r = f.whenComplete((v, e) -> seen[0] = v).join();
        assert r == -1 && seen[0] == -1 : "recovered to " + r;
    }

    /** BUG: main completes the future itself if the stage has not yet, and assumes its own value won. */
    public static void completeRace() {
        CompletableFuture<String> f = new CompletableFuture<>();
        CompletableFuture.runAsync(() -> f.complete("stage"));
        f.complete("main");
        assert f.join().equals("main") : "the stage completed it first";
    }

    /** Uses orTimeout, which whylock does not model: the execution stops there, named. */
    public static void unmodelled() {
        new CompletableFuture<String>().orTimeout(1, java.util.concurrent.TimeUnit.SECONDS);
    }
}
