package fr.passerelle.edge;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * No text read from a request's body may hold the character U+0000. No text the platform keeps can:
 * PostgreSQL's text types refuse it, and so the request failed wherever the text met the database.
 * A dossier's id holding it reached the event store's query and the service answered 500. Refused
 * here, while the body is read, it is a 400 naming the field, for every body of every service.
 *
 * <p>The value is left out of the exception: it may be anything a caller typed, a name included.
 */
final class NoNulInText extends StringDeserializer {

  /** The module every service's JSON mapper takes (a bean: Spring Boot registers it). */
  static SimpleModule module() {
    return new SimpleModule("passerelle-no-nul-in-text")
        .addDeserializer(String.class, new NoNulInText());
  }

  @Override
  public String deserialize(JsonParser parser, DeserializationContext context) {
    String value = super.deserialize(parser, context);
    if (value != null && value.indexOf('\u0000') >= 0) {
      throw InvalidFormatException.from(
          parser, "text holding the character U+0000", null, String.class);
    }
    return value;
  }
}
