package io.github.tcvod.internal.http;

import io.github.tcvod.InternalApi;
import io.github.tcvod.exception.AuthFailureException;
import io.github.tcvod.exception.ErrorDetails;
import io.github.tcvod.exception.FailedOperationException;
import io.github.tcvod.exception.InternalErrorException;
import io.github.tcvod.exception.InvalidParameterException;
import io.github.tcvod.exception.InvalidParameterValueException;
import io.github.tcvod.exception.LimitExceededException;
import io.github.tcvod.exception.MissingParameterException;
import io.github.tcvod.exception.RequestLimitExceededException;
import io.github.tcvod.exception.ResourceInUseException;
import io.github.tcvod.exception.ResourceNotFoundException;
import io.github.tcvod.exception.ResourceUnavailableException;
import io.github.tcvod.exception.ServiceUnavailableException;
import io.github.tcvod.exception.UnauthorizedOperationException;
import io.github.tcvod.exception.UnknownParameterException;
import io.github.tcvod.exception.VodServiceException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The table of API error-code families: for each family (the part of a code before the first dot)
 * its exception and whether repeating the call may succeed. The one place that says which service
 * errors are retryable: {@link VodServiceException#isRetryable()} reads it, and a test checks the
 * README's table of exceptions against it.
 */
@InternalApi
public final class ErrorMapper {
  private static final boolean RETRYABLE = true;
  private static final boolean NOT_RETRYABLE = false;

  /** One row of the table. */
  private static final class Family {
    final Function<ErrorDetails, VodServiceException> exception;
    final boolean retryable;

    Family(Function<ErrorDetails, VodServiceException> exception, boolean retryable) {
      this.exception = exception;
      this.retryable = retryable;
    }
  }

  private static final Map<String, Family> FAMILIES = new LinkedHashMap<>();

  static {
    family("AuthFailure", AuthFailureException::new, NOT_RETRYABLE);
    family("InvalidParameter", InvalidParameterException::new, NOT_RETRYABLE);
    family("InvalidParameterValue", InvalidParameterValueException::new, NOT_RETRYABLE);
    family("MissingParameter", MissingParameterException::new, NOT_RETRYABLE);
    family("UnknownParameter", UnknownParameterException::new, NOT_RETRYABLE);
    family("ResourceNotFound", ResourceNotFoundException::new, NOT_RETRYABLE);
    family("LimitExceeded", LimitExceededException::new, NOT_RETRYABLE);
    family("RequestLimitExceeded", RequestLimitExceededException::new, RETRYABLE);
    family("InternalError", InternalErrorException::new, RETRYABLE);
    family("UnauthorizedOperation", UnauthorizedOperationException::new, NOT_RETRYABLE);
    family("FailedOperation", FailedOperationException::new, NOT_RETRYABLE);
    family("ServiceUnavailable", ServiceUnavailableException::new, RETRYABLE);
    // Whether a busy resource frees up depends on the resource: the caller decides, not the SDK.
    family("ResourceUnavailable", ResourceUnavailableException::new, NOT_RETRYABLE);
    family("ResourceInUse", ResourceInUseException::new, NOT_RETRYABLE);
  }

  private ErrorMapper() {
  }

  private static void family(String name, Function<ErrorDetails, VodServiceException> exception, boolean retryable) {
    FAMILIES.put(name, new Family(exception, retryable));
  }

  private static Family familyOf(String code) {
    if (code == null) {
      return null;
    }
    int dot = code.indexOf('.');
    return FAMILIES.get(dot < 0 ? code : code.substring(0, dot));
  }

  /**
   * @param details the error as received
   * @return the exception of the code's family, or {@link VodServiceException} for an unknown family
   */
  public static VodServiceException toException(ErrorDetails details) {
    Family family = familyOf(details.code());
    return family == null ? new VodServiceException(details) : family.exception.apply(details);
  }

  /**
   * @param code an API error code, e.g. {@code RequestLimitExceeded.UinLimitExceeded}
   * @return whether its family is retryable; false for a family the table does not hold
   */
  public static boolean isRetryable(String code) {
    Family family = familyOf(code);
    return family != null && family.retryable;
  }

  /** @return every family of the table and whether it is retryable, in the table's order */
  public static Map<String, Boolean> retryableByFamily() {
    Map<String, Boolean> table = new LinkedHashMap<>();
    FAMILIES.forEach((name, family) -> table.put(name, family.retryable));
    return Collections.unmodifiableMap(table);
  }
}
