package io.github.tcvod;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type that is public only because Java has no way to share it between the SDK's own
 * packages: it is not part of the API, may change or disappear in any release, and must not be
 * used by applications. Every {@code io.github.tcvod.internal} package carries it on its
 * {@code package-info}, and every public type in one on its declaration (a test checks this); the
 * binary-compatibility check (japicmp) skips what carries it, and the published Javadoc leaves the
 * internal packages out.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface InternalApi {
}
