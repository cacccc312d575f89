package dev.aio.core.pipeline.internal;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets concurrent workers hand on their results in input order: a worker that finished item
 * {@code n} waits until items {@code 0..n-1} have been handed on. Memory stays bounded because a
 * waiting worker holds only its own item. (A lock, not {@code synchronized}, so virtual threads
 * are not pinned while they wait.)
 */
final class Turnstile {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition moved = lock.newCondition();
    private long next;

    void await(long sequence) throws InterruptedException {
        lock.lock();
        try {
            while (next != sequence) {
                moved.await();
            }
        } finally {
            lock.unlock();
        }
    }

    void advance() {
        lock.lock();
        try {
            next++;
            moved.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
