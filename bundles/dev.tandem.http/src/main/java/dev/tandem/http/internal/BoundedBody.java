package dev.tandem.http.internal;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

/** Reads a request body into memory, but never more than a limit: a client cannot make us buffer without end. */
final class BoundedBody {
    static final int MEBIBYTE = 1024 * 1024;

    private BoundedBody() {
    }

    static byte[] read(HttpServletRequest request, int limit) throws IOException, HttpProblem {
        return read(request.getInputStream(), request.getContentLengthLong(), limit);
    }

    /**
     * @param declaredLength the Content-Length, or -1 when the client did not say (chunked)
     * @throws HttpProblem 413 when the body is larger than {@code limit}, found before reading when it is declared
     */
    static byte[] read(InputStream body, long declaredLength, int limit) throws IOException, HttpProblem {
        if (declaredLength > limit) {
            throw tooLarge(limit);
        }
        byte[] bytes = body.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw tooLarge(limit);
        }
        return bytes;
    }

    private static HttpProblem tooLarge(int limit) {
        return HttpProblem.contentTooLarge(
                "The body is larger than " + size(limit) + ", the most this resource accepts.");
    }

    static String size(int bytes) {
        return bytes % MEBIBYTE == 0 ? bytes / MEBIBYTE + " MiB" : bytes + " bytes";
    }
}
