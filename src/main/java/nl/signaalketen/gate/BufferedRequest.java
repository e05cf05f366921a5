package nl.signaalketen.gate;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body the gate has read (so it can check it) and hands on unchanged; or, for
 * the operations the gate answers differently, with other last path segments (and body).
 */
final class BufferedRequest extends HttpServletRequestWrapper {

  /** Bodies beyond this are refused: no form or query of the chain comes near it. */
  static final int MAX_BODY = 2 * 1024 * 1024;

  private final byte[] body;
  private final String fromSegment;
  private final String toSegment;

  private BufferedRequest(HttpServletRequest request, byte[] body, String fromSegment, String toSegment) {
    super(request);
    this.body = body;
    this.fromSegment = fromSegment;
    this.toSegment = toSegment;
  }

  /** The request with its body read, or null when the body is larger than {@link #MAX_BODY}. */
  static BufferedRequest read(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > MAX_BODY) {
      return null;
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(MAX_BODY + 1);
      return body.length > MAX_BODY ? null : new BufferedRequest(request, body, null, null);
    }
  }

  /** The same request for another last path segment ("unclaim" → "claim"), with a JSON body. */
  BufferedRequest rewritten(String from, String to, String json) {
    return new BufferedRequest((HttpServletRequest) getRequest(), json.getBytes(StandardCharsets.UTF_8), from, to);
  }

  /** The same request, its body unchanged, for other last path segments ("key/k/start" → "id/start"). */
  BufferedRequest withPathEnd(String from, String to) {
    return new BufferedRequest((HttpServletRequest) getRequest(), body, from, to);
  }

  byte[] body() {
    return body;
  }

  private String swap(String path) {
    return fromSegment != null && path != null && path.endsWith("/" + fromSegment)
        ? path.substring(0, path.length() - fromSegment.length()) + toSegment : path;
  }

  @Override
  public String getRequestURI() {
    return swap(super.getRequestURI());
  }

  @Override
  public StringBuffer getRequestURL() {
    return new StringBuffer(swap(super.getRequestURL().toString()));
  }

  @Override
  public String getPathInfo() {
    return swap(super.getPathInfo());
  }

  @Override
  public String getContentType() {
    return fromSegment != null ? "application/json" : super.getContentType();
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
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
        throw new UnsupportedOperationException("The body is already read");
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
  }

  @Override
  public String getHeader(String name) {
    if (fromSegment != null && "content-type".equalsIgnoreCase(name)) {
      return "application/json";
    }
    if ("content-length".equalsIgnoreCase(name)) {
      return String.valueOf(body.length);
    }
    return super.getHeader(name);
  }

  @Override
  public java.util.Enumeration<String> getHeaders(String name) {
    if ((fromSegment != null && "content-type".equalsIgnoreCase(name)) || "content-length".equalsIgnoreCase(name)) {
      return java.util.Collections.enumeration(java.util.List.of(getHeader(name)));
    }
    return super.getHeaders(name);
  }

  @Override
  public java.util.Enumeration<String> getHeaderNames() {
    java.util.Set<String> names = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    names.addAll(java.util.Collections.list(super.getHeaderNames()));
    if (fromSegment != null) {
      names.add("Content-Type");
    }
    names.add("Content-Length");
    return java.util.Collections.enumeration(names);
  }
}
