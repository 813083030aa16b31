/**
 * Not API. Reading credentials files. Public only so that the SDK's packages can share it; may
 * change in any release. Everything here is {@link io.github.tcvod.InternalApi}, left out of the
 * Javadoc and of the binary-compatibility check.
 */
@InternalApi
package io.github.tcvod.internal.auth;

import io.github.tcvod.InternalApi;
