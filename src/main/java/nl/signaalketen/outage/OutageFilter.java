package nl.signaalketen.outage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost: whatever reaches the servlet container as a failure because the database is down
 * (a sign-in that could not be checked, our own /api, Spring Security) becomes the 503.
 */
class OutageFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(OutageFilter.class);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      if (!DatabaseOutage.causedBy(e) || response.isCommitted()) {
        throw e;
      }
      // The method and status only: a database message can quote what was sent.
      LOG.warn("{} answered 503: the database is unreachable", request.getMethod());
      answer(response);
    }
  }

  static void answer(HttpServletResponse response) throws IOException {
    response.resetBuffer();
    response.setStatus(DatabaseOutage.STATUS);
    response.setHeader("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getOutputStream().write(DatabaseOutage.BODY.getBytes(StandardCharsets.UTF_8));
  }
}
