/**
 * Not API. The core's implementation: running actions (rate limit, attempts, retries, deadlines),
 * the shared Gson, the clock corrected for skew, the SDK's version. Public only so that the SDK's
 * packages can share it; may change in any release. Everything here is {@link
 * io.github.tcvod.InternalApi}, left out of the Javadoc and of the binary-compatibility check.
 */
@InternalApi
package io.github.tcvod.internal;

import io.github.tcvod.InternalApi;
