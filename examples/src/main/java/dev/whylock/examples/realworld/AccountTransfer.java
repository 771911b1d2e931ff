package dev.whylock.examples.realworld;

import net.jcip.annotations.GuardedBy;

/**
 * A bank moves money between two accounts from two threads. Each transfer locks the source
 * account, then the destination: opposite transfers take the two locks in opposite orders and can
 * deadlock. The locks themselves are needed: without them one update overwrites the other.
 */
public class AccountTransfer {
    static final class Account {
        final Object lock = new Object();
        @GuardedBy("lock")
        private long balance;

        Account(long balance) {
            this.balance = balance;
        }

        long balance() {
            synchronized (lock) {
                return balance;
            }
        }
    }

    static void transfer(Account from, Account to, long amount) {
        synchronized (from.lock) {
            synchronized (to.lock) {
                if (from.balance < amount) {
                    throw new IllegalStateException("insufficient funds");
                }
                from.balance -= amount;
                to.balance += amount;
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Account checking = new Account(100);
        Account savings = new Account(100);
        Thread pay = new Thread(() -> transfer(checking, savings, 30), "pay");
        Thread refund = new Thread(() -> transfer(savings, checking, 10), "refund");
        pay.start();
        refund.start();
        pay.join();
        refund.join();
        long total = checking.balance() + savings.balance();
        if (total != 200) {
            throw new AssertionError("money appeared or vanished: total " + total);
        }
    }
}
