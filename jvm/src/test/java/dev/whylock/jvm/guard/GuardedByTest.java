package dev.whylock.jvm.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.analysis.LocksetCollector;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import dev.whylock.examples.GuardedWait;
import dev.whylock.examples.Transfers;
import dev.whylock.examples.realworld.AccountTransfer;
import dev.whylock.examples.realworld.BoundedBuffer;
import dev.whylock.examples.realworld.ConnectionPool;
import dev.whylock.examples.realworld.LazyCache;
import dev.whylock.examples.realworld.ListenerList;
import dev.whylock.jvm.JavaProgram;
import dev.whylock.jvm.JavaTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * @GuardedBy on the example classes: the annotations read from the class files, each checked
 * against every DPOR execution, and the suggestions from the locksets (pinned as data).
 */
class GuardedByTest {

    static Path examples() {
        try {
            return Path.of(Transfers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    record Checked(GuardDeclarations declarations, GuardChecker checker, LocksetCollector locksets, long executions) {
        List<GuardSuggestions.Suggestion> suggestions(SourceFiles sources) {
            return GuardSuggestions.of(locksets.result().fields(), declarations, sources);
        }
    }

    static Checked explore(Class<?> c) {
        GuardDeclarations d = GuardDeclarations.read(List.of(examples()));
        GuardChecker checker = new GuardChecker(d);
        LocksetCollector locksets = new LocksetCollector();
        try (JavaProgram p = JavaProgram.of(new JavaTarget(c.getName(), "main", List.of(examples())))) {
            var r = Explorer.explore(p, SearchConfig.of(StrategySpec.dpor()).withMinimize(false).withObservers(List.of(locksets, checker)));
            assertTrue(r.exhaustive());
            return new Checked(d, checker, locksets, r.executions());
        }
    }

    @Test
    void declarations_readFromTheClassFiles_nameTheFamilyEachClassImports() {
        GuardDeclarations d = GuardDeclarations.read(List.of(examples()));
        Map<String, String> guards = d.annotated().stream().collect(Collectors.toMap(GuardDeclarations.FieldInfo::display,
                f -> f.guard() + " " + f.family()));
        assertEquals("lock JCIP", guards.get("AccountTransfer.Account.balance"));
        assertEquals("this JAVAX", guards.get("LazyCache.loads"));
        assertEquals("lock ERROR_PRONE", guards.get("BoundedBuffer.count"));
        assertEquals("lock ERROR_PRONE", guards.get("ConnectionPool.free"));
        assertEquals(GuardFamily.JCIP, d.familyOf("dev/whylock/examples/realworld/AccountTransfer"));
        assertEquals(GuardFamily.JCIP, d.familyOf("dev/whylock/examples/realworld/AccountTransfer$Account"));
        assertEquals(null, d.familyOf("dev/whylock/examples/Transfers"));
        assertEquals("dev.whylock.examples.realworld.AccountTransfer.Account.lock",
                d.lockOf("dev/whylock/examples/realworld/AccountTransfer$Account", "lock"));
        assertEquals("dev.whylock.examples.realworld.LazyCache.this", d.lockOf("dev/whylock/examples/realworld/LazyCache", "this"));
        assertEquals("dev.whylock.examples.realworld.AccountTransfer.this",
                d.lockOf("dev/whylock/examples/realworld/AccountTransfer$Account", "AccountTransfer.this"));
        assertTrue(d.lockOf("dev/whylock/examples/realworld/LazyCache", "nosuch").startsWith("cannot check"));
    }

    @Test
    void connectionPool_releaseCountsTheSlotOutsideTheLock_breaksItsGuardedBy_withATraceEndingAtTheAccess() {
        Checked c = explore(ConnectionPool.class);
        assertEquals(18, c.executions());
        List<GuardChecker.Finding> f = c.checker().findings();
        assertEquals(List.of("ConnectionPool.free read in ConnectionPool.release:29", "ConnectionPool.free written in ConnectionPool.release:29"),
                f.stream().map(x -> x.guard().field().display() + (x.write() ? " written in " : " read in ") + x.site()).sorted().toList());
        for (GuardChecker.Finding x : f) {
            var steps = x.counterexample().trace().steps();
            var last = steps.get(steps.size() - 1);
            assertEquals("ConnectionPool.release:29", last.site());
            assertEquals("ConnectionPool.free", last.object());
            assertTrue(x.counterexample().message().contains("without dev.whylock.examples.realworld.ConnectionPool.lock"),
                    x.counterexample().message());
        }
    }

    @Test
    void annotationsThatHold_haveNoFinding_andCountTheirCheckedAccesses() {
        Checked transfer = explore(AccountTransfer.class);
        assertEquals(List.of(), transfer.checker().findings());
        assertEquals(24, transfer.checker().accesses("AccountTransfer.Account.balance"));
        Checked buffer = explore(BoundedBuffer.class);
        assertEquals(32, buffer.executions());
        assertEquals(List.of(), buffer.checker().findings());
        assertTrue(buffer.checker().accesses("BoundedBuffer.count") > 0);
        Checked cache = explore(LazyCache.class);
        assertEquals(List.of(), cache.checker().findings());
    }

    @Test
    void listenerList_copiesUnderTheWrongLock_breaksSizesGuardedByThis() {
        Checked c = explore(ListenerList.class);
        assertEquals(List.of("ListenerList.size read in ListenerList.fire:43"), c.checker().findings().stream()
                .map(x -> x.guard().field().display() + (x.write() ? " written in " : " read in ") + x.site()).toList());
    }

    @Test
    void suggestions_unannotatedFields_getTheLockHeldAtEveryAccess_spelledFromTheFieldsClass() {
        SourceFiles none = SourceFiles.of(List.of(Path.of("no-such-source-root")), List.of());
        List<GuardSuggestions.Suggestion> transfers = explore(Transfers.class).suggestions(none);
        assertEquals(1, transfers.size());
        GuardSuggestions.Suggestion s = transfers.get(0);
        assertEquals("Transfers.Account.balance", s.field().display());
        assertEquals("@GuardedBy(\"this\")", s.annotation());
        assertEquals(GuardSuggestions.Status.SUGGESTED, s.status());
        assertEquals(GuardFamily.ERROR_PRONE, s.family());
        List<GuardSuggestions.Suggestion> waits = explore(GuardedWait.class).suggestions(none);
        assertEquals(List.of("GuardedWait.ready @GuardedBy(\"lock\")"), waits.stream().map(x -> x.field().display() + " " + x.annotation()).toList());
        List<GuardSuggestions.Suggestion> account = explore(AccountTransfer.class).suggestions(none);
        assertEquals(List.of(GuardSuggestions.Status.ALREADY_ANNOTATED), account.stream().map(GuardSuggestions.Suggestion::status).toList());
        assertEquals(GuardFamily.JCIP, account.get(0).family());
    }
}
