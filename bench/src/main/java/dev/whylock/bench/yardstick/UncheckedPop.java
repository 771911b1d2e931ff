package dev.whylock.bench.yardstick;

/**
 * SCTBench stack pattern: pop tests for emptiness before it takes the lock, so two pops of the last
 * element both pass the test and the second one pops from an empty stack.
 */
public class UncheckedPop {
    static final class Stack {
        final int[] items = new int[4];
        int top;

        void push(int x) {
            synchronized (this) {
                items[top++] = x;
            }
        }

        int pop() {
            if (top == 0) {
                return -1;
            }
            synchronized (this) {
                top--;
                return top < 0 ? -2 : items[top];
            }
        }
    }

    static final class Popper extends Thread {
        private final Stack s;
        int got;

        Popper(Stack s) {
            this.s = s;
        }

        @Override
        public void run() {
            got = s.pop();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Stack s = new Stack();
        s.push(7);
        Popper p1 = new Popper(s);
        Popper p2 = new Popper(s);
        p1.start();
        p2.start();
        p1.join();
        p2.join();
        if (p1.got == -2 || p2.got == -2) {
            throw new AssertionError("popped from an empty stack");
        }
    }
}
