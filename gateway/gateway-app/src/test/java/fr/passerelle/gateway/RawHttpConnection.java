package fr.passerelle.gateway;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection to the gateway over a plain socket, for what {@link
 * java.net.http.HttpClient} cannot do on purpose: write several requests in one packet
 * (pipelining), send a body without {@code Content-Length}, and see a response that never comes (a
 * read that times out) instead of a client-side timeout.
 */
final class RawHttpConnection implements Closeable {

  /** A response as read from the wire. */
  record Response(int status, Map<String, String> headers, String body) {

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RawHttpConnection(int port, Duration readTimeout) throws IOException {
    this("127.0.0.1", port, readTimeout);
  }

  /** A connection from {@code localAddress} (any of 127.0.0.0/8), a client address of its own. */
  RawHttpConnection(String localAddress, int port, Duration readTimeout) throws IOException {
    socket =
        new Socket(InetAddress.getLoopbackAddress(), port, InetAddress.getByName(localAddress), 0);
    socket.setSoTimeout((int) readTimeout.toMillis());
    socket.setTcpNoDelay(true);
    in = new BufferedInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  /** A bodyless request's bytes. */
  static String get(String path, String token) {
    return "GET "
        + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
        + "\r\n";
  }

  /** Writes {@code requests} in one write, as a pipelining client does. */
  void write(String... requests) throws IOException {
    out.write(String.join("", requests).getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** The next response, or {@code null} when none came within the read timeout. */
  Response read() throws IOException {
    try {
      String statusLine = line();
      if (statusLine == null) {
        throw new IOException("Connection closed by the gateway");
      }
      int status = Integer.parseInt(statusLine.split(" ")[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (String line = line(); line != null && !line.isEmpty(); line = line()) {
        int colon = line.indexOf(':');
        headers.put(
            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
      byte[] body;
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line().trim(), 16);
            size > 0;
            size = Integer.parseInt(line().trim(), 16)) {
          chunks.write(in.readNBytes(size));
          line();
        }
        line();
        body = chunks.toByteArray();
      } else {
        body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
      }
      return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    } catch (SocketTimeoutException noAnswer) {
      return null;
    }
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r'
            ? line.substring(0, end - 1)
            : line.toString();
      }
      line.append((char) c);
    }
    return line.length() == 0 ? null : line.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
