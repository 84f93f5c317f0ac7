package io.channelops.platform.web;

import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one error handler of every service: every failure becomes an RFC 9457 problem with a
 * stable code. Nothing reaches a 500 but a real bug, which is logged with its trace id.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final ProblemResponses problems;

    public ProblemHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem ex) {
        return problems.entity(ex.status(), ex.code(), ex.getMessage(), ex.args(), List.of(), null);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        List<FieldProblem> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldProblem(leafPath(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return validationFailed(errors, null);
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ResponseEntity<Object> optimisticLock(ObjectOptimisticLockingFailureException ex) {
        return problems.entity(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
                "The record was changed at the same time by another request; fetch it again", new Object[0],
                List.of(), null);
    }

    /** A lock wait timeout or deadlock: the request lost a race and changed nothing; retrying is safe. */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<Object> lockConflict(PessimisticLockingFailureException ex) {
        log.info("Request lost a lock race: {}", ex.getMostSpecificCause().getMessage());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return problems.entity(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
                "The record was changed at the same time by another request; try again", new Object[0],
                List.of(), headers);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> dataIntegrity(DataIntegrityViolationException ex) {
        log.info("Rejected a write that conflicts with existing data: {}", ex.getMostSpecificCause().getMessage());
        return problems.entity(HttpStatus.CONFLICT, "DATA_CONFLICT",
                "The request conflicts with existing data", new Object[0], List.of(), null);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> payloadTooLarge(PayloadTooLargeException ex) {
        return tooLarge(ex.limit());
    }

    /** A valid token without the permission an operation requires ({@code @PreAuthorize}). */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException ex) {
        ResponseEntity<Object> problem = problems.entity(HttpStatus.FORBIDDEN, "ACCESS_DENIED",
                "The token does not allow this operation", new Object[0], List.of(), null);
        return ResponseEntity.status(HttpStatus.FORBIDDEN).headers(problem.getHeaders())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"")
                .body(problem.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        log.error("Unexpected error", ex);
        return problems.entity(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "An unexpected error occurred; quote the traceId when reporting it", new Object[0], List.of(),
                null);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return validationFailed(fieldProblems(ex.getBindingResult()), null);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> errors.add(
                    new FieldProblem(name == null ? "parameter" : name, String.valueOf(error.getDefaultMessage()))));
        }
        return validationFailed(errors, null);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException tooLarge) {
                return tooLarge(tooLarge.limit());
            }
        }
        Locale locale = LocaleContextHolder.getLocale();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return problems.entity(HttpStatus.BAD_REQUEST, "UNKNOWN_FIELD", "Unknown field '" + field + "'",
                    new Object[] {field}, List.of(new FieldProblem(field,
                            problems.message("field.unknown", new Object[0], locale, "is not a known field"))),
                    null);
        }
        if (cause instanceof InvalidFormatException invalid) {
            String field = path(invalid);
            String message = problems.message("field.invalid-value", new Object[] {invalid.getValue()}, locale,
                    "value '" + invalid.getValue() + "' is not valid here");
            return invalidValue(field, message);
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            String field = path(mismatched);
            return invalidValue(field,
                    problems.message("field.wrong-type", new Object[0], locale, "has the wrong type"));
        }
        if (cause instanceof StreamReadException || cause instanceof JacksonException) {
            return problems.entity(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "The request body is not valid JSON",
                    new Object[0], List.of(), null);
        }
        return problems.entity(HttpStatus.BAD_REQUEST, "MISSING_BODY",
                "The request body is missing or cannot be read", new Object[0], List.of(), null);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : String.valueOf(ex.getPropertyName());
        return problems.entity(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER",
                "Parameter '" + name + "' has an invalid value", new Object[] {name},
                List.of(new FieldProblem(name, "value '" + ex.getValue() + "' is not valid here")), null);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return problems.entity(HttpStatus.BAD_REQUEST, "MISSING_PARAMETER",
                "Parameter '" + ex.getParameterName() + "' is required", new Object[] {ex.getParameterName()},
                List.of(new FieldProblem(ex.getParameterName(), "is required")), null);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleServletRequestBindingException(
            ServletRequestBindingException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex instanceof MissingRequestHeaderException missing) {
            return problems.entity(HttpStatus.BAD_REQUEST, "MISSING_HEADER",
                    "Header '" + missing.getHeaderName() + "' is required", new Object[] {missing.getHeaderName()},
                    List.of(), null);
        }
        return problems.entity(HttpStatus.BAD_REQUEST, "BAD_REQUEST", ex.getMessage(), new Object[0], List.of(),
                null);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problems.entity(HttpStatus.NOT_FOUND, "NOT_FOUND", "No such resource", new Object[] {"resource", ""},
                List.of(), null);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return problems.entity(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                "Method " + ex.getMethod() + " is not supported here", new Object[] {ex.getMethod()}, List.of(),
                headers);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problems.entity(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                "Content type " + ex.getContentType() + " is not supported; send application/json",
                new Object[] {String.valueOf(ex.getContentType())}, List.of(), headers);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(
            HttpMediaTypeNotAcceptableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problems.entity(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE",
                "None of the accepted media types can be produced", new Object[0], List.of(), null);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return tooLarge(ex.getMaxUploadSize());
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        String code = status == null ? "HTTP_" + statusCode.value() : status.name();
        if (statusCode.is5xxServerError()) {
            log.error("Request failed", ex);
        }
        return problems.entity(statusCode, code, ex.getMessage() == null ? code : ex.getMessage(), new Object[0],
                List.of(), headers);
    }

    private ResponseEntity<Object> validationFailed(List<FieldProblem> errors, @Nullable HttpHeaders headers) {
        return problems.entity(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", errors.size() + " field(s) are invalid",
                new Object[] {errors.size()}, errors, headers);
    }

    private ResponseEntity<Object> invalidValue(String field, String message) {
        return problems.entity(HttpStatus.BAD_REQUEST, "INVALID_VALUE", "Field '" + field + "' has an invalid value",
                new Object[] {field}, List.of(new FieldProblem(field, message)), null);
    }

    private ResponseEntity<Object> tooLarge(long limit) {
        return problems.entity(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                "The request body is larger than " + limit + " bytes", new Object[] {limit}, List.of(), null);
    }

    private static List<FieldProblem> fieldProblems(BindingResult result) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : result.getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), String.valueOf(error.getDefaultMessage())));
        }
        result.getGlobalErrors().forEach(error -> errors.add(
                new FieldProblem(error.getObjectName(), String.valueOf(error.getDefaultMessage()))));
        return errors;
    }

    /** {@code lines[0].quantity} from Jackson's reference path. */
    static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            }
            else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** {@code create.request.lines[0].quantity} → {@code lines[0].quantity}. */
    private static String leafPath(String propertyPath) {
        String[] parts = propertyPath.split("\\.", 3);
        return parts.length == 3 ? parts[2] : propertyPath;
    }
}
