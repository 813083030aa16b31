package io.github.tcvod.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The token accounting of the retry budget, at its boundaries. */
class RetryBudgetMutationTest {
  @Test
  void startsFull() {
    assertEquals(500, new RetryBudget().available());
  }

  @Test
  void theLastTokensCanBeTakenButNotMore() {
    RetryBudget budget = new RetryBudget();
    assertTrue(budget.tryAcquire(495));
    assertEquals(5, budget.available());
    assertTrue(budget.tryAcquire(5));
    assertEquals(0, budget.available());
    assertFalse(budget.tryAcquire(1));
    assertEquals(0, budget.available());
  }

  @Test
  void aRefusedRetryLeavesTheBucketAsItWas() {
    RetryBudget budget = new RetryBudget();
    assertTrue(budget.tryAcquire(493));
    assertFalse(budget.tryAcquire(RetryBudget.TIMEOUT_RETRY_COST));
    assertEquals(7, budget.available());
  }

  @Test
  void successRefundsWhatTheRetriesTookOrOneToken() {
    RetryBudget budget = new RetryBudget();
    assertTrue(budget.tryAcquire(100));
    budget.release(10);
    assertEquals(410, budget.available());
    budget.release(0);
    assertEquals(411, budget.available());
    budget.release(-3);
    assertEquals(412, budget.available());
  }

  @Test
  void refundsNeverOverfillTheBucket() {
    RetryBudget budget = new RetryBudget();
    budget.release(0);
    assertEquals(500, budget.available());
    assertTrue(budget.tryAcquire(3));
    budget.release(10);
    assertEquals(500, budget.available());
  }

  /** Lock-free, the accounting of threads that take and give back at once still adds up exactly. */
  @Test
  void concurrentTakesAndRefundsAddUp() throws Exception {
    RetryBudget budget = new RetryBudget();
    assertTrue(budget.tryAcquire(RetryBudget.CAPACITY));
    int threads = 4;
    int rounds = 20_000;
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.List<Thread> workers = new java.util.ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger taken = new java.util.concurrent.atomic.AtomicInteger();
    for (int t = 0; t < threads; t++) {
      Thread worker = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = 0; i < rounds; i++) {
          // refunds of 2 against takes of 1: the bucket rises to full and stays bounded
          budget.release(2);
          if (budget.tryAcquire(1)) {
            taken.incrementAndGet();
          }
        }
      });
      workers.add(worker);
      worker.start();
    }
    start.countDown();
    for (Thread worker : workers) {
      worker.join();
    }
    // every take succeeded (a refund of 2 precedes each take of 1 on its thread) and none was lost
    assertEquals(threads * rounds, taken.get());
    assertTrue(budget.available() <= RetryBudget.CAPACITY && budget.available() >= 0, "" + budget.available());
  }

  /** Without a cap on the way, a refund and a take on two threads leave exactly their sum. */
  @Test
  void concurrentRefundsBelowCapacityAreNotLost() throws Exception {
    RetryBudget budget = new RetryBudget();
    assertTrue(budget.tryAcquire(RetryBudget.CAPACITY));
    int threads = 4;
    int each = RetryBudget.CAPACITY / threads / 2;
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] = new Thread(() -> {
        for (int i = 0; i < each; i++) {
          budget.release(2);
          assertTrue(budget.tryAcquire(1));
        }
      });
      workers[t].start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    assertEquals(threads * each, budget.available());
  }
}
