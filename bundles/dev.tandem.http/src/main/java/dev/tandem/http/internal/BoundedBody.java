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
        if (declaredLength >= 0) {
            return readDeclared(body, (int) declaredLength);
        }
        byte[] bytes = body.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw tooLarge(limit);
        }
        return bytes;
    }

    /** The usual case: one array of the declared size, not the chunks and copy of reading up to the limit. */
    private static byte[] readDeclared(InputStream body, int length) throws IOException, HttpProblem {
        byte[] bytes = new byte[length];
        int read = body.readNBytes(bytes, 0, length);
        if (read < length || body.read() != -1) {
            throw HttpProblem.badRequest("The body is " + (read < length ? "shorter" : "longer")
                    + " than its declared Content-Length of " + length + " bytes.", null);
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
