package dev.tandem.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;

/** Turns bytes into one JSON value: UTF-8 only, no duplicate keys, nothing after the value. */
final class StrictParser {
    private static final int MAX_JACKSON_MESSAGE = 200;
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final Pattern JACKSON_SOURCE = Pattern.compile("\\[Source: [^;]*; line: (\\d+), column: (\\d+)]");
    private static final Pattern JACKSON_ADVICE = Pattern.compile(": enable `[^`]*` to allow.*$");

    private StrictParser() {
    }

    static JsonNode parse(byte[] json) throws InvalidInputException {
        String text = decodeUtf8(json);
        if (text.isBlank()) {
            throw new InvalidInputException(null, "the input is empty; expected a JSON object");
        }
        try (JsonParser parser = Jackson.MAPPER.createParser(text)) {
            return readSingleValue(parser);
        } catch (IOException e) {
            // parsing a String does no I/O
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readSingleValue(JsonParser parser) throws IOException, InvalidInputException {
        try {
            JsonNode tree = Jackson.MAPPER.readTree(parser);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new InvalidInputException(null, "unexpected content after the JSON value at line "
                        + at.getLineNr() + ", column " + at.getColumnNr());
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw malformed(e, parser);
        }
    }

    private static InvalidInputException malformed(JsonProcessingException e, JsonParser parser) {
        JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        String where = "at line " + at.getLineNr() + ", column " + at.getColumnNr();
        if (e instanceof StreamConstraintsException) {
            return new InvalidInputException(null, "JSON nested deeper than " + Jackson.MAX_NESTING_DEPTH
                    + " levels " + where);
        }
        return new InvalidInputException(JsonPath.of(parser.getParsingContext()),
                "malformed JSON " + where + ": " + readable(e.getOriginalMessage()));
    }

    /** Jackson's message without its source dump and its advice to Jackson users. */
    private static String readable(String jacksonMessage) {
        String line = jacksonMessage == null ? "unreadable input" : jacksonMessage.lines().findFirst().orElse("");
        line = JACKSON_SOURCE.matcher(line).replaceAll("line $1, column $2");
        line = JACKSON_ADVICE.matcher(line).replaceAll("").strip();
        return line.length() <= MAX_JACKSON_MESSAGE ? line : line.substring(0, MAX_JACKSON_MESSAGE) + "…";
    }

    /** Decodes strictly, so that invalid UTF-8 is reported with its position instead of becoming U+FFFD. */
    private static String decodeUtf8(byte[] bytes) throws InvalidInputException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new InvalidInputException(null,
                    "the input is not valid UTF-8 (at byte offset " + in.position() + ")");
        }
        decoder.flush(out);
        out.flip();
        if (out.hasRemaining() && out.charAt(0) == BYTE_ORDER_MARK) {
            out.position(1);
        }
        return out.toString();
    }
}
