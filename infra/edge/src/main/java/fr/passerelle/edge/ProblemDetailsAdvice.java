package fr.passerelle.edge;

import fr.passerelle.edge.refusal.FieldError;
import fr.passerelle.edge.refusal.RefusedException;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every error leaves a service as RFC 9457 problem details with a stable {@code type}, a French
 * {@code title}, the request id and, for invalid input, an {@code errors} list naming each field at
 * fault. The domain's refusals ({@link RefusedException}) carry their own status; a refusal by the
 * route guard is a 403 that says nothing of what exists; a body over the limit a 413. Bodies never
 * carry a stack trace nor echo what the request contained. No service writes its own advice.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @ExceptionHandler(RefusedException.class)
  ResponseEntity<Object> refused(RefusedException e, WebRequest request) {
    HttpStatus status = HttpStatus.valueOf(e.status());
    ProblemDetail problem =
        e.errors().isEmpty() ? Problems.of(status, e.getMessage()) : Problems.invalid(e.errors());
    return handleExceptionInternal(e, problem, new HttpHeaders(), status, request);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Object> denied(AccessDeniedException e, WebRequest request) {
    return handleExceptionInternal(
        e,
        Problems.of(HttpStatus.FORBIDDEN, Problems.DENIED_DETAIL),
        new HttpHeaders(),
        HttpStatus.FORBIDDEN,
        request);
  }

  /**
   * A request Spring Security's firewall refuses once the operation reads it: a form body (which a
   * JSON operation reads as parameters before refusing its type) naming a parameter the firewall
   * does not allow, such as {@code " "}. The request is malformed, not the service.
   */
  @ExceptionHandler(RequestRejectedException.class)
  ResponseEntity<Object> rejected(RequestRejectedException e, WebRequest request) {
    return handleExceptionInternal(
        e,
        Problems.of(
            HttpStatus.BAD_REQUEST,
            "La requête contient un paramètre dont le nom ou la valeur n'est pas permis."),
        new HttpHeaders(),
        HttpStatus.BAD_REQUEST,
        request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
    log.error("Unexpected failure of {}", request.getDescription(false), e);
    var status = HttpStatus.INTERNAL_SERVER_ERROR;
    return handleExceptionInternal(
        e, ProblemDetail.forStatus(status), new HttpHeaders(), status, request);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(error -> FieldError.of(error.getField(), error.getDefaultMessage()))
            .toList();
    return invalid(e, errors, request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        e.getParameterValidationResults().stream()
            .flatMap(
                result ->
                    result.getResolvableErrors().stream()
                        .map(
                            error ->
                                FieldError.of(
                                    result.getMethodParameter().getParameterName(),
                                    error.getDefaultMessage())))
            .toList();
    return invalid(e, errors, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
      HttpMediaTypeNotSupportedException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String supported =
        e.getSupportedMediaTypes().stream()
            .map(MediaType::toString)
            .collect(Collectors.joining(", "));
    var problem =
        Problems.of(
            status,
            supported.isEmpty()
                ? "Cette opération ne lit pas de corps de requête de ce type."
                : "Le corps de la requête doit être de type " + supported + ".");
    return handleExceptionInternal(e, problem, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    BodyLimitFilter.BodyTooLargeException tooLarge = causeOf(e);
    if (tooLarge != null) {
      var problem =
          Problems.of(HttpStatus.CONTENT_TOO_LARGE, BodyLimitFilter.detail(tooLarge.maxBytes()));
      return handleExceptionInternal(e, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
    }
    String field = unreadableField(e);
    if (field != null) {
      return invalid(
          e,
          List.of(FieldError.of(field, "valeur illisible ou hors des valeurs admises")),
          request);
    }
    var problem =
        Problems.of(
            HttpStatus.BAD_REQUEST,
            "Le corps de la requête n'est pas un JSON lisible du format attendu.");
    return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (body == null && e instanceof ErrorResponse error) {
      // Spring's own refusals (415, 405, 406, a missing parameter...) come without a body: their
      // problem, with Spring's English title, is the exception's; it is given the platform's here.
      body = error.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
    }
    if (body instanceof ProblemDetail problem) {
      problem.setTitle(Problems.title(status));
      problem.setType(Problems.type(status));
      Problems.withRequestId(problem);
      if (status.is5xxServerError()) {
        problem.setDetail(null);
      }
    }
    return super.handleExceptionInternal(e, body, headers, status, request);
  }

  private static BodyLimitFilter.BodyTooLargeException causeOf(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BodyLimitFilter.BodyTooLargeException tooLarge) {
        return tooLarge;
      }
    }
    return null;
  }

  /** The JSON path of the value Jackson could not read ({@code plan.actions[0]}), if known. */
  private static String unreadableField(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : jackson.getPath()) {
          if (reference.getPropertyName() != null) {
            path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
          } else if (reference.getIndex() >= 0) {
            path.append('[').append(reference.getIndex()).append(']');
          }
        }
        return path.isEmpty() ? null : path.toString();
      }
    }
    return null;
  }

  private ResponseEntity<Object> invalid(Exception e, List<FieldError> errors, WebRequest request) {
    return handleExceptionInternal(
        e, Problems.invalid(errors), new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
  }
}
