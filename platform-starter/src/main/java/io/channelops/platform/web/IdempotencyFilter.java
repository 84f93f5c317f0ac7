package io.channelops.platform.web;

import io.channelops.platform.security.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on creating POSTs. The first request with a key claims it; its 2xx
 * response is stored and replayed for every later request with the same key and body
 * ({@code Idempotent-Replayed: true}). The same key with another body answers 422; a request
 * that arrives while the first is still running waits for it and gets its response. A
 * request that fails (4xx/5xx) releases the key so it can be retried with a corrected body.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final JdbcTemplate jdbc;
    private final ProblemResponses problems;
    private final long maxBody;
    private final Duration waitForFirst;
    private final Duration abandonedAfter;

    public IdempotencyFilter(JdbcTemplate jdbc, ProblemResponses problems, long maxBody, Duration waitForFirst,
            Duration abandonedAfter) {
        this.jdbc = jdbc;
        this.problems = problems;
        this.maxBody = maxBody;
        this.waitForFirst = waitForFirst;
        this.abandonedAfter = abandonedAfter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null || !KEY.matcher(key).matches()) {
            problems.write(response, HttpStatus.BAD_REQUEST, "INVALID_IDEMPOTENCY_KEY",
                    "Idempotency-Key must be 1 to 255 visible ASCII characters");
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
        }
        catch (PayloadTooLargeException tooLarge) {
            // a body without a declared length, stopped by BodySizeLimitFilter while it was read
            body = null;
        }
        if (body == null || body.length > maxBody) {
            problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                    "The request body is larger than " + maxBody + " bytes", maxBody);
            return;
        }
        // keys are the caller's own: another caller's key never replays (or blocks) this caller's request
        String scope = caller() + " " + request.getMethod() + " " + request.getRequestURI();
        String hash = sha256(scope, body);
        if (!claim(scope, key, hash)) {
            answerFromFirst(scope, key, hash, response);
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(new CachedBody(request, body), wrapper);
            if (wrapper.getStatus() >= 200 && wrapper.getStatus() < 300) {
                jdbc.update("""
                        UPDATE idempotency_keys SET state = 'COMPLETED', response_status = ?, response_body = ?,
                               response_location = ?, response_content_type = ?, completed_at = ?
                         WHERE scope = ? AND idem_key = ?""",
                        wrapper.getStatus(), new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8),
                        wrapper.getHeader("Location"), wrapper.getContentType(), Timestamp.from(Instant.now()),
                        scope, key);
                stored = true;
            }
        }
        finally {
            if (!stored) {
                jdbc.update("DELETE FROM idempotency_keys WHERE scope = ? AND idem_key = ?", scope, key);
            }
            wrapper.copyBodyToResponse();
        }
    }

    private static String caller() {
        return CurrentUser.current().map(CurrentUser::id).orElse("anonymous");
    }

    private boolean claim(String scope, String key, String hash) {
        try {
            jdbc.update("""
                    INSERT INTO idempotency_keys (scope, idem_key, request_hash, state, created_at)
                    VALUES (?, ?, ?, 'PROCESSING', ?)""", scope, key, hash, Timestamp.from(Instant.now()));
            return true;
        }
        catch (DuplicateKeyException taken) {
            // A claim abandoned by a process that died mid-request can be taken over.
            int released = jdbc.update("""
                    DELETE FROM idempotency_keys
                     WHERE scope = ? AND idem_key = ? AND state = 'PROCESSING' AND created_at < ?""",
                    scope, key, Timestamp.from(Instant.now().minus(abandonedAfter)));
            return released == 1 && claim(scope, key, hash);
        }
    }

    private void answerFromFirst(String scope, String key, String hash, HttpServletResponse response)
            throws IOException {
        Instant giveUp = Instant.now().plus(waitForFirst);
        while (true) {
            List<Stored> rows = jdbc.query("""
                    SELECT request_hash, state, response_status, response_body, response_location,
                           response_content_type
                      FROM idempotency_keys WHERE scope = ? AND idem_key = ?""",
                    (rs, i) -> new Stored(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)),
                    scope, key);
            if (rows.isEmpty()) {
                // the first request failed and released the key: ask the client to retry
                problems.write(response, HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_RELEASED",
                        "The first request with this Idempotency-Key failed; send the request again");
                return;
            }
            Stored first = rows.getFirst();
            if (!first.hash().equals(hash)) {
                problems.write(response, HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED",
                        "This Idempotency-Key was used for a different request");
                return;
            }
            if ("COMPLETED".equals(first.state())) {
                response.setStatus(first.status());
                response.setHeader(REPLAYED, "true");
                if (first.location() != null) {
                    response.setHeader("Location", first.location());
                }
                if (first.contentType() != null) {
                    response.setContentType(first.contentType());
                }
                if (first.body() != null) {
                    response.getOutputStream().write(first.body().getBytes(StandardCharsets.UTF_8));
                }
                return;
            }
            if (Instant.now().isAfter(giveUp)) {
                response.setHeader("Retry-After", "1");
                problems.write(response, HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_IN_PROGRESS",
                        "A request with this Idempotency-Key is still being processed");
                return;
            }
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for the first request", ex);
            }
        }
    }


    private static String sha256(String scope, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(scope.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private record Stored(String hash, String state, int status, @Nullable String body, @Nullable String location,
            @Nullable String contentType) {
    }

    /** The request with its body already read, so the handler can read it again. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
