package io.channelops.customer.imports;

import io.channelops.platform.web.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Keeps uploaded files on local disk ({@code spool-directory}) until their job has read them: the request's own
 * multipart file is gone when the request ends, the job runs after it. Computes each file's SHA-256 on the way.
 */
@Component
class Spool {

    private static final Logger log = LoggerFactory.getLogger(Spool.class);

    private final ImportSettings settings;

    Spool(ImportSettings settings) {
        this.settings = settings;
    }

    /** A spooled upload. */
    record Spooled(Path path, String sha256, long bytes) {
    }

    /** Copies the upload to {@code <name>.csv}; 413 when it is larger than {@code max-bytes}. */
    Spooled store(InputStream upload, String name) {
        long max = settings.maxBytes().toBytes();
        Path path = directory().resolve(name + ".csv");
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long bytes = 0;
        try (InputStream in = new DigestInputStream(upload, sha256); OutputStream out = Files.newOutputStream(path)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                bytes += n;
                if (bytes > max) {
                    throw tooLarge(max);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            delete(path);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException("Cannot spool the upload to " + path, (IOException) e);
        }
        return new Spooled(path, HexFormat.of().formatHex(sha256.digest()), bytes);
    }

    static ApiProblem tooLarge(long max) {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                "The request body is larger than " + max + " bytes", max);
    }

    Path directory() {
        Path directory = settings.spool();
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the import spool directory " + directory, e);
        }
    }

    void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("Cannot delete spooled import file {}: {}", path, e.toString());
        }
    }
}
