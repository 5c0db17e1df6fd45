package fr.passerelle.edge;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error report, as a problem instead of its HTML page. Tomcat answers some requests
 * before any filter or controller sees them: a path whose percent escapes are not UTF-8 ({@code
 * /sessions/%FF%FE}) or that holds an encoded NUL is refused while it is parsed, and the answer is
 * written by the host's error report valve. The services answer every caller with problem details,
 * these included: the same French title and stable type as the rest of the platform, a detail that
 * names no part of the request, never the exception.
 */
public final class ProblemReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    // As Tomcat's own report: nothing for a success, nothing once something was written or when
    // the response was not marked in error, nothing when the connection can take no more.
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    byte[] body = ProblemWriter.json(Problems.of(HttpStatusCode.valueOf(status), detail(status)));
    try {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setContentLength(body.length);
      OutputStream out = response.getOutputStream();
      out.write(body);
      response.finishResponse();
    } catch (IOException | IllegalStateException e) {
      // the client went away, or the response was taken over meanwhile: nothing left to tell
    }
  }

  private static String detail(int status) {
    if (status == HttpStatus.BAD_REQUEST.value()) {
      return "L'adresse ou les en-têtes de la requête ne sont pas lisibles.";
    }
    if (status >= 500) {
      return "Le service n'a pas pu traiter la requête.";
    }
    return "La requête n'a pas pu être traitée.";
  }
}
