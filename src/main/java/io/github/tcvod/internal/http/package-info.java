/**
 * Not API. The OkHttp side: the signing and logging interceptors, reading an answer into a model
 * or an exception, the table of error-code families. Public only so that the SDK's packages can
 * share it; may change in any release. Everything here is {@link io.github.tcvod.InternalApi},
 * left out of the Javadoc and of the binary-compatibility check.
 */
@InternalApi
package io.github.tcvod.internal.http;

import io.github.tcvod.InternalApi;
