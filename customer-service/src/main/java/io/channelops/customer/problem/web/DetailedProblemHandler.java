package io.channelops.customer.problem.web;

import io.channelops.customer.problem.DetailedProblem;
import io.channelops.platform.web.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers a {@link DetailedProblem} with the platform's problem body plus its field errors and properties. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DetailedProblemHandler {

    private final ProblemResponses problems;

    DetailedProblemHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @ExceptionHandler(DetailedProblem.class)
    ResponseEntity<ProblemDetail> detailed(DetailedProblem problem) {
        ProblemDetail body = problems.body(problem.status(), problem.code(), problem.getMessage(), problem.args(),
                problem.errors());
        problem.properties().forEach(body::setProperty);
        return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
