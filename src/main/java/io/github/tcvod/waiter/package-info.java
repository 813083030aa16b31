/**
 * Waiting for work a call started, e.g. {@code vod.waiters().waitForProcessImageAsync(taskId)}:
 * options, and the exceptions of a waiter that gives up.
 */
package io.github.tcvod.waiter;
