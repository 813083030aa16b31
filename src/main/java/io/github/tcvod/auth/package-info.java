/**
 * Credentials and where they come from (fixed, environment, profile file, or the default chain of
 * those), and the TC3-HMAC-SHA256 signer interface. Secret keys and tokens never appear in
 * {@code toString()} or in exception messages.
 */
package io.github.tcvod.auth;
