package nl.signaalketen.api;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Texts our API takes contain no control characters (a NUL byte, which PostgreSQL refuses to
 * store, among them): such a text is refused as bad input naming the field, before anything is
 * stored. Tabs and line breaks are text.
 */
@Configuration
public class StrictJson {

  @Bean
  Module noControlCharactersInTexts() {
    return new SimpleModule("geen-stuurtekens").addDeserializer(String.class, new TextDeserializer());
  }

  static boolean hasControlCharacters(String text) {
    return text.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t' || ch == 0x7f);
  }

  static class TextDeserializer extends StringDeserializer {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String text = super.deserialize(parser, context);
      if (text != null && hasControlCharacters(text)) {
        throw context.weirdStringException("", String.class, "control character");
      }
      return text;
    }
  }
}
