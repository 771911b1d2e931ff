package dev.whylock.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Traces name Java locks the way they name fields and sites, without the package; kernel names stay as they are. */
class CellsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "dev.whylock.examples.Transfers.Account.this | Transfers.Account.this",
        "java.util.concurrent.locks.ReentrantLock.this | ReentrantLock.this",
        "pkg.Counter.class | Counter.class",
        "dev.whylock.examples.Transfers.Account.this, shop.Cart.lock | Transfers.Account.this, Cart.lock",
        "waits for dev.whylock.examples.Transfers.Account.this in Transfers.move:22 | waits for Transfers.Account.this in Transfers.move:22",
        "rtnl_mutex | rtnl_mutex",
        "sfp->sm_mutex | sfp->sm_mutex",
        "Transfers.Account.balance | Transfers.Account.balance",
        "struct sfp_bus | struct sfp_bus"})
    void unqualified_leavesOutJavaPackagesOnly(String text, String shown) {
        assertEquals(shown, Cells.unqualified(text));
    }
}
