/**
 * Not API. Reading JSON straight from UTF-8 bytes for the generated Gson adapters, without Gson's
 * per-reader char buffer or a String per member name. Public only so that the SDK's packages can
 * share it; may change in any release. Everything here is {@link io.github.tcvod.InternalApi}, left
 * out of the Javadoc and of the binary-compatibility check.
 */
@InternalApi
package io.github.tcvod.internal.json;

import io.github.tcvod.InternalApi;
