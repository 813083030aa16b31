package io.github.tcvod.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every family of the table, codes with and without a sub-code, and codes the table does not hold. */
class ErrorMapperMutationTest {
  private static VodServiceException map(String code) {
    return ErrorMapper.toException(ErrorDetails.of(code, "message", "rid", 200, "DescribeThings"));
  }

  @Test
  void eachFamilyHasItsOwnException() {
    assertSame(AuthFailureException.class, map("AuthFailure.SignatureFailure").getClass());
    assertSame(InvalidParameterException.class, map("InvalidParameter").getClass());
    assertSame(InvalidParameterValueException.class, map("InvalidParameterValue.Name").getClass());
    assertSame(MissingParameterException.class, map("MissingParameter").getClass());
    assertSame(UnknownParameterException.class, map("UnknownParameter").getClass());
    assertSame(ResourceNotFoundException.class, map("ResourceNotFound.Template").getClass());
    assertSame(LimitExceededException.class, map("LimitExceeded.Templates").getClass());
    assertSame(RequestLimitExceededException.class, map("RequestLimitExceeded.UinLimitExceeded").getClass());
    assertSame(InternalErrorException.class, map("InternalError").getClass());
    assertSame(UnauthorizedOperationException.class, map("UnauthorizedOperation").getClass());
    assertSame(FailedOperationException.class, map("FailedOperation.Busy").getClass());
    assertSame(ServiceUnavailableException.class, map("ServiceUnavailable").getClass());
    assertSame(ResourceUnavailableException.class, map("ResourceUnavailable.Busy").getClass());
    assertSame(ResourceInUseException.class, map("ResourceInUse").getClass());
  }

  @Test
  void unknownAndMissingCodesGetTheGenericException() {
    assertSame(VodServiceException.class, map("BrandNewFamily.Sub").getClass());
    assertSame(VodServiceException.class, map("Auth").getClass());
    assertSame(VodServiceException.class, map(null).getClass());
  }

  @Test
  void theExceptionCarriesTheDetails() {
    VodServiceException e = map("ResourceNotFound.Template");
    assertEquals("ResourceNotFound.Template", e.errorCode());
    assertEquals("message", e.errorMessage());
  }

  @Test
  void onlyThrottlingInternalErrorsAndUnavailabilityAreRetryable() {
    List<String> retryable = Arrays.asList("RequestLimitExceeded", "RequestLimitExceeded.UinLimitExceeded",
        "InternalError.DbError", "ServiceUnavailable");
    for (String code : retryable) {
      assertTrue(ErrorMapper.isRetryable(code), code);
    }
    List<String> notRetryable = Arrays.asList("AuthFailure.TokenFailure", "InvalidParameter", "LimitExceeded",
        "ResourceUnavailable.Busy", "ResourceInUse", "FailedOperation", "Unknown.Code", "");
    for (String code : notRetryable) {
      assertFalse(ErrorMapper.isRetryable(code), code);
    }
    assertFalse(ErrorMapper.isRetryable(null));
  }

  @Test
  void theTableListsEveryFamilyInOrderAndCannotBeChanged() {
    assertEquals(Arrays.asList("AuthFailure", "InvalidParameter", "InvalidParameterValue", "MissingParameter",
        "UnknownParameter", "ResourceNotFound", "LimitExceeded", "RequestLimitExceeded", "InternalError",
        "UnauthorizedOperation", "FailedOperation", "ServiceUnavailable", "ResourceUnavailable", "ResourceInUse"),
        Arrays.asList(ErrorMapper.retryableByFamily().keySet().toArray()));
    assertEquals(Boolean.TRUE, ErrorMapper.retryableByFamily().get("InternalError"));
    assertEquals(Boolean.FALSE, ErrorMapper.retryableByFamily().get("AuthFailure"));
    assertThrows(UnsupportedOperationException.class, () -> ErrorMapper.retryableByFamily().put("X", true));
  }
}
