package org.collectionorchestrator.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ReadListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.util.unit.DataSize;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies over the limit with 413 before anything reads them, whether or not the client sent a
 * Content-Length (chunked bodies are counted as they are read). Every request is limited, whatever its path: a
 * path test on the raw URI would let {@code /%61pi/...} or {@code /api;x=1/...} through to the same controllers.
 * Before Spring Security's filters (order -100): an oversize body is refused before any token is looked at.
 */
@Component
@Order(-150)
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxJsonBytes;
    private final long maxBankFileBytes;
    private final ObjectMapper json;

    public RequestSizeLimitFilter(@Value("${collection.api.max-body-bytes:65536}") long maxJsonBytes,
                                  @Value("${collection.bank-import.max-file-size:200MB}") DataSize maxBankFile,
                                  ObjectMapper json) {
        this.maxJsonBytes = maxJsonBytes;
        this.maxBankFileBytes = maxBankFile.toBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = isXml(request) ? maxBankFileBytes : maxJsonBytes;
        if (request.getContentLengthLong() > maxBytes) {
            reject(response, maxBytes);
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request, maxBytes), response);
        } catch (BodyTooLargeException e) {
            if (!response.isCommitted()) {
                response.reset();
                reject(response, maxBytes);
            }
        } catch (ServletException e) {
            if (hasCause(e, BodyTooLargeException.class) && !response.isCommitted()) {
                response.reset();
                reject(response, maxBytes);
            } else {
                throw e;
            }
        }
    }

    /** Bank files (XML, only POST /api/v1/bank-statements reads them) may be far larger than any JSON body. */
    private static boolean isXml(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && (type.toLowerCase(Locale.ROOT).startsWith("application/xml")
                || type.toLowerCase(Locale.ROOT).startsWith("text/xml"));
    }

    private void reject(HttpServletResponse response, long maxBytes) throws IOException {
        var problem = ApiExceptionHandler.problem(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Request body too large",
                "The request body is larger than " + maxBytes + " bytes");
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("request body too large");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream inner = super.getInputStream();
                stream = new ServletInputStream() {
                    private long count;

                    @Override
                    public int read() throws IOException {
                        int b = inner.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = inner.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws BodyTooLargeException {
                        count += n;
                        if (count > maxBytes) {
                            throw new BodyTooLargeException();
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return inner.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return inner.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        inner.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
