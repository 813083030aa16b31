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
}
