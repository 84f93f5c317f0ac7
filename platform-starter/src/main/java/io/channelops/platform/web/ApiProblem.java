package io.channelops.platform.web;

import java.util.Arrays;
import org.springframework.http.HttpStatus;

/**
 * A failure a client can act on. Answered as RFC 9457 problem details with a stable
 * {@code code}; the title and detail are looked up as {@code problem.<CODE>.title} and
 * {@code problem.<CODE>.detail} in the problem messages (English and Chinese), with
 * {@code args} filled into the detail.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Object[] args;

    public ApiProblem(HttpStatus status, String code, String defaultDetail, Object... args) {
        super(defaultDetail);
        this.status = status;
        this.code = code;
        this.args = Arrays.copyOf(args, args.length);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return Arrays.copyOf(args, args.length);
    }

    /** 404: no such record, or none the caller may see. */
    public static ApiProblem notFound(String resource, Object id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "NOT_FOUND", resource + " " + id + " was not found", resource, id);
    }

    /** 409: an action that the record's current state does not allow. */
    public static ApiProblem illegalTransition(String resource, Object id, Object state, String action) {
        return new ApiProblem(HttpStatus.CONFLICT, "ILLEGAL_STATE_TRANSITION",
                "Cannot " + action + " " + resource + " " + id + " in state " + state, action, resource, id, state);
    }

    /** 409: the request conflicts with existing data (a duplicate, for example). */
    public static ApiProblem conflict(String code, String detail, Object... args) {
        return new ApiProblem(HttpStatus.CONFLICT, code, detail, args);
    }

    /** 422: well-formed, but breaks a business rule. */
    public static ApiProblem unprocessable(String code, String detail, Object... args) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, code, detail, args);
    }

    /** 400: a request parameter or field that is well-typed but not acceptable. */
    public static ApiProblem badRequest(String code, String detail, Object... args) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, code, detail, args);
    }

    /** 412: the {@code If-Match} version is not the current one. */
    public static ApiProblem staleVersion(String resource, Object id) {
        return new ApiProblem(HttpStatus.PRECONDITION_FAILED, "STALE_VERSION",
                resource + " " + id + " was changed by someone else; fetch it again", resource, id);
    }

    /** 503: a service this request depends on cannot be reached; nothing was changed. */
    public static ApiProblem dependencyUnavailable(String dependency) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "DEPENDENCY_UNAVAILABLE",
                dependency + " is unavailable; nothing was changed, try again later", dependency);
    }
}
