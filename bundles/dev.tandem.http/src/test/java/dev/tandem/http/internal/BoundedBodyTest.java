package dev.tandem.http.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

class BoundedBodyTest {

    @Test
    void readsABodyUpToTheLimit() throws Exception {
        byte[] body = new byte[100];
        assertArrayEquals(body, BoundedBody.read(new ByteArrayInputStream(body), 100, 100));
        assertArrayEquals(body, BoundedBody.read(new ByteArrayInputStream(body), -1, 100));
    }

    @Test
    void readsAnEmptyBody() throws Exception {
        assertEquals(0, BoundedBody.read(InputStream.nullInputStream(), 0, 100).length);
    }

    @Test
    void refusesADeclaredLengthOverTheLimitWithoutReading() {
        CountingStream body = new CountingStream(Long.MAX_VALUE);
        HttpProblem problem = assertThrows(HttpProblem.class, () -> BoundedBody.read(body, 101, 100));
        assertEquals(413, problem.status());
        assertEquals(0, body.read);
    }

    @Test
    void stopsReadingAnUndeclaredEndlessBodyJustPastTheLimit() {
        CountingStream endless = new CountingStream(Long.MAX_VALUE);
        HttpProblem problem = assertThrows(HttpProblem.class, () -> BoundedBody.read(endless, -1, BoundedBody.MEBIBYTE));
        assertEquals(413, problem.status());
        assertEquals("Content Too Large", problem.title());
        assertEquals("The body is larger than 1 MiB, the most this resource accepts.", problem.getMessage());
        assertEquals(BoundedBody.MEBIBYTE + 1, endless.read);
    }

    @Test
    void refusesABodyLongerThanItsDeclaredLength() {
        HttpProblem problem = assertThrows(HttpProblem.class,
                () -> BoundedBody.read(new ByteArrayInputStream(new byte[101]), 10, 100));
        assertEquals(400, problem.status());
        assertEquals("The body is longer than its declared Content-Length of 10 bytes.", problem.getMessage());
    }

    @Test
    void refusesABodyShorterThanItsDeclaredLength() {
        HttpProblem problem = assertThrows(HttpProblem.class,
                () -> BoundedBody.read(new ByteArrayInputStream(new byte[5]), 10, 100));
        assertEquals(400, problem.status());
        assertEquals("The body is shorter than its declared Content-Length of 10 bytes.", problem.getMessage());
    }

    @Test
    void describesSizes() {
        assertEquals("50 MiB", BoundedBody.size(50 * BoundedBody.MEBIBYTE));
        assertEquals("1000 bytes", BoundedBody.size(1000));
    }

    /** An endless stream of zeros that counts what was taken from it. */
    private static final class CountingStream extends InputStream {
        private final long available;
        long read;

        CountingStream(long available) {
            this.available = available;
        }

        @Override
        public int read() {
            if (read >= available) {
                return -1;
            }
            read++;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = (int) Math.min(len, available - read);
            read += n;
            return n == 0 && len > 0 ? -1 : n;
        }
    }
}
