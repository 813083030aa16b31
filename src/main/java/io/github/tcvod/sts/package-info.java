/**
 * Client of Tencent Cloud Security Token Service (STS), generated from {@code spec/sts.yaml} by the
 * same templates as the VOD client; the temporary-credential providers of
 * {@link io.github.tcvod.auth} use it to assume roles.
 */
package io.github.tcvod.sts;
