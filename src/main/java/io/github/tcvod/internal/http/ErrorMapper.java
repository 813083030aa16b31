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
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** Maps an API error code to the exception of its family: the part of the code before the first dot. */
@InternalApi
public final class ErrorMapper {
  private static final Map<String, Function<ErrorDetails, VodServiceException>> FAMILIES = new HashMap<>();

  static {
    FAMILIES.put("AuthFailure", AuthFailureException::new);
    FAMILIES.put("InvalidParameter", InvalidParameterException::new);
    FAMILIES.put("InvalidParameterValue", InvalidParameterValueException::new);
    FAMILIES.put("MissingParameter", MissingParameterException::new);
    FAMILIES.put("UnknownParameter", UnknownParameterException::new);
    FAMILIES.put("ResourceNotFound", ResourceNotFoundException::new);
    FAMILIES.put("LimitExceeded", LimitExceededException::new);
    FAMILIES.put("RequestLimitExceeded", RequestLimitExceededException::new);
    FAMILIES.put("InternalError", InternalErrorException::new);
    FAMILIES.put("UnauthorizedOperation", UnauthorizedOperationException::new);
    FAMILIES.put("FailedOperation", FailedOperationException::new);
    FAMILIES.put("ServiceUnavailable", ServiceUnavailableException::new);
    FAMILIES.put("ResourceUnavailable", ResourceUnavailableException::new);
    FAMILIES.put("ResourceInUse", ResourceInUseException::new);
  }

  private ErrorMapper() {
  }

  /**
   * @param details the error as received
   * @return the exception of the code's family, or {@link VodServiceException} for an unknown family
   */
  public static VodServiceException toException(ErrorDetails details) {
    String code = details.code();
    int dot = code.indexOf('.');
    Function<ErrorDetails, VodServiceException> family = FAMILIES.get(dot < 0 ? code : code.substring(0, dot));
    return family == null ? new VodServiceException(details) : family.apply(details);
  }
}
