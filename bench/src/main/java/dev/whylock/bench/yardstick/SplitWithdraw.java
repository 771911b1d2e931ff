package dev.whylock.bench.yardstick;

/**
 * SCTBench account pattern: a withdrawal checks the balance in one critical section and debits it
 * in another; two withdrawals that both pass the check overdraw the account.
 */
public class SplitWithdraw {
    static final class Account {
        private int balance = 100;

        synchronized int balance() {
            return balance;
        }

        synchronized void debit(int amount) {
            balance -= amount;
        }
    }

    static final class Withdrawal extends Thread {
        private final Account a;

        Withdrawal(Account a) {
            this.a = a;
        }

        @Override
        public void run() {
            if (a.balance() >= 80) {
                a.debit(80);
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Account a = new Account();
        Withdrawal w1 = new Withdrawal(a);
        Withdrawal w2 = new Withdrawal(a);
        w1.start();
        w2.start();
        w1.join();
        w2.join();
        if (a.balance() < 0) {
            throw new AssertionError("overdrawn: " + a.balance());
        }
    }
}
