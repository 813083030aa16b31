package io.github.tcvod.exception;

import io.github.tcvod.internal.http.ErrorMapper;

/**
 * The service answered with {@code Response.Error}. Each code family has a subclass; a code of a
 * family this SDK version does not know is reported with this class itself.
 */
public class VodServiceException extends VodException {
  private static final long serialVersionUID = 1L;

  /** @param details the code, message, request id and status of the answer */
  public VodServiceException(ErrorDetails details) {
    super(details, null);
  }

  /**
   * @return the part of the code after the family, e.g. {@code TemplateNotExist} for
   *     {@code ResourceNotFound.TemplateNotExist}, or null for a bare family code
   */
  public String subCode() {
    String code = errorCode();
    int dot = code.indexOf('.');
    return dot < 0 ? null : code.substring(dot + 1);
  }

  /**
   * @return whether the SDK's table of code families marks this code's family retryable (the
   *     README's table of exceptions lists it; a family this SDK version does not know is not)
   */
  @Override
  public boolean isRetryable() {
    return ErrorMapper.isRetryable(errorCode());
  }
}
