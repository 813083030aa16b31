/**
 * The unchecked exceptions of a failed call: {@link io.github.tcvod.exception.VodServiceException}
 * and a subclass per error-code family when the service answered with an error, and
 * {@link io.github.tcvod.exception.VodClientException} and its subclasses when no valid answer
 * arrived. Each has the error code, request id, HTTP status, attempts and
 * {@link io.github.tcvod.exception.VodException#isRetryable()}. The constructors are public so
 * that tests of application code can throw them from a stub client.
 */
package io.github.tcvod.exception;
