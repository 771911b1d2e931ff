package dev.whylock.examples;

/**
 * Two accounts and transfers between them in both directions. Each transfer locks the source, then
 * the destination: two opposite transfers can deadlock, and without the locks money is lost.
 */
public class Transfers {
    static final class Account {
        private int balance;

        Account(int balance) {
            this.balance = balance;
        }

        synchronized int balance() {
            return balance;
        }
    }

    static void move(Account from, Account to, int amount) {
        synchronized (from) {
            synchronized (to) {
                from.balance -= amount;
                to.balance += amount;
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Account alice = new Account(100);
        Account bob = new Account(100);
        Thread t1 = new Thread(() -> move(alice, bob, 10), "alice-to-bob");
        Thread t2 = new Thread(() -> move(bob, alice, 20), "bob-to-alice");
        t1.start();
        t2.start();
        t1.join();
        t2.join();
        int total = alice.balance() + bob.balance();
        assert total == 200 : "money was lost: total " + total;
    }
}
