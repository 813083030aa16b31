/**
 * Not API. The TC3-HMAC-SHA256 signer. Public only so that the SDK's packages can share it; may
 * change in any release. Everything here is {@link io.github.tcvod.InternalApi}, left out of the
 * Javadoc and of the binary-compatibility check.
 */
@InternalApi
package io.github.tcvod.internal.signer;

import io.github.tcvod.InternalApi;
