package dev.tandem.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tandem.api.Customer;
import dev.tandem.api.Interaction;
import dev.tandem.api.Message;

class InteractionJsonTest {
    private static final String MESSAGES = "'messages':[{'from':'customer','text':'hi'}]";

    /** JSON written with single quotes, to keep the cases readable. */
    private static byte[] json(String singleQuoted) {
        return singleQuoted.replace('\'', '"').getBytes(UTF_8);
    }

    private static String valid(String extraMembers) {
        return "{'interactionId':'c-1'," + MESSAGES + extraMembers + "}";
    }

    private static String repeat(String s, int times) {
        return s.repeat(times);
    }

    static Stream<Arguments> invalidInteractions() {
        String twoHundredOneMessages = IntStream.range(0, 201)
                .mapToObj(i -> "{'from':'customer','text':'m" + i + "'}").collect(Collectors.joining(",", "[", "]"));
        String sixtyFiveAttributes = IntStream.range(0, 65)
                .mapToObj(i -> "'a" + i + "':" + i).collect(Collectors.joining(",", "{", "}"));
        return Stream.of(
                Arguments.of("[]", null, "expected a JSON object, not an array"),
                Arguments.of("'just text'", null, "expected a JSON object, not a string"),
                Arguments.of("{" + MESSAGES + "}", "interactionId", "interactionId: is required"),
                Arguments.of("{'interactionId':null," + MESSAGES + "}", "interactionId", "is required"),
                Arguments.of("{'interactionId':'   '," + MESSAGES + "}", "interactionId", "must not be blank"),
                Arguments.of("{'interactionId':'" + repeat("x", 129) + "'," + MESSAGES + "}", "interactionId",
                        "must be at most 128 characters long, not 129"),
                Arguments.of("{'interactionId':42," + MESSAGES + "}", "interactionId",
                        "interactionId: expected a string, not a number"),
                Arguments.of(valid(",'channel':'" + repeat("c", 65) + "'"), "channel", "at most 64 characters"),
                Arguments.of(valid(",'channel':true"), "channel", "expected a string, not a boolean"),
                Arguments.of(valid(",'language':'english please'"), "language", "expected a language tag"),
                Arguments.of(valid(",'language':'abcdefgh-abcdefgh'"), "language", "at most 16 characters"),
                Arguments.of(valid(",'customer':'gold'"), "customer", "expected a JSON object, not a string"),
                Arguments.of(valid(",'customer':{'id':'u-9','email':'a@b.c'}"), "customer.email",
                        "customer.email: unknown field; expected one of id, tier"),
                Arguments.of(valid(",'customer':{'tier':3}"), "customer.tier", "expected a string, not a number"),
                Arguments.of("{'interactionId':'c-1'}", "messages", "messages: is required"),
                Arguments.of("{'interactionId':'c-1','messages':[]}", "messages", "must not be empty"),
                Arguments.of("{'interactionId':'c-1','messages':{}}", "messages", "expected an array, not an object"),
                Arguments.of("{'interactionId':'c-1','messages':" + twoHundredOneMessages + "}", "messages",
                        "must have at most 200 items, not 201"),
                Arguments.of("{'interactionId':'c-1','messages':[{'from':'customer','text':'a'},'hello']}",
                        "messages[1]", "messages[1]: expected a JSON object, not a string"),
                Arguments.of("{'interactionId':'c-1','messages':[{'text':'a'}]}", "messages[0].from", "is required"),
                Arguments.of("{'interactionId':'c-1','messages':[{'from':'','text':'a'}]}", "messages[0].from",
                        "must not be blank"),
                Arguments.of("{'interactionId':'c-1','messages':[{'from':'customer','text':5}]}", "messages[0].text",
                        "messages[0].text: expected a string, not a number"),
                Arguments.of("{'interactionId':'c-1','messages':[{'from':'customer','text':'a'},{'from':'customer','text':'"
                        + repeat("y", 10_001) + "'}]}", "messages[1].text", "at most 10000 characters long, not 10001"),
                Arguments.of("{'interactionId':'c-1','messages':[{'from':'customer','text':'a','sender':'x'}]}",
                        "messages[0].sender", "unknown field; expected one of from, text"),
                Arguments.of(valid(",'aiConfidence':1.5"), "aiConfidence", "must be between 0 and 1, not 1.5"),
                Arguments.of(valid(",'aiConfidence':-0.1"), "aiConfidence", "must be between 0 and 1"),
                Arguments.of(valid(",'aiConfidence':1e400"), "aiConfidence", "must be between 0 and 1, not Infinity"),
                Arguments.of(valid(",'aiConfidence':'0.5'"), "aiConfidence", "expected a number, not a string"),
                Arguments.of(valid(",'attributes':[1]"), "attributes", "expected a JSON object, not an array"),
                Arguments.of(valid(",'attributes':{'order':{'id':1}}"), "attributes.order",
                        "attributes.order: expected a string, number or boolean, not an object"),
                Arguments.of(valid(",'attributes':{'tags':['a']}"), "attributes.tags", "not an array"),
                Arguments.of(valid(",'attributes':{'missing':null}"), "attributes.missing", "not null"),
                Arguments.of(valid(",'attributes':{'big':123456789012345678901234}"), "attributes.big",
                        "integer out of the 64-bit range"),
                Arguments.of(valid(",'attributes':{'huge':1e400}"), "attributes.huge", "number out of range"),
                Arguments.of(valid(",'attributes':{'note':'" + repeat("n", 1001) + "'}"), "attributes.note",
                        "at most 1000 characters"),
                Arguments.of(valid(",'attributes':{'odd key':[]}"), "attributes[\"odd key\"]", "not an array"),
                Arguments.of(valid(",'attributes':{'':1}"), "attributes[\"\"]", "attribute names must be"),
                Arguments.of(valid(",'attributes':" + sixtyFiveAttributes), "attributes",
                        "must have at most 64 entries, not 65"),
                Arguments.of(valid(",'priority':100"), "priority",
                        "priority: unknown field; expected one of interactionId, channel, language, customer, "
                                + "messages, aiConfidence, attributes"));
    }

    @ParameterizedTest(name = "[{index}] {1}: {2}")
    @MethodSource("invalidInteractions")
    void rejectsInvalidInteractionNamingTheField(String json, String field, String message) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> InteractionJson.read(json(json)));
        assertEquals(field, e.field());
        assertTrue(e.getMessage().contains(message), () -> "message was: " + e.getMessage());
        if (field != null) {
            assertTrue(e.getMessage().startsWith(field + ": "), () -> "message was: " + e.getMessage());
        }
    }

    @Test
    void rejectsDuplicateKeysNamingTheKey() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> InteractionJson.read(json(
                "{'interactionId':'c-1','customer':{'id':'a','id':'b'}," + MESSAGES + "}")));
        assertEquals("customer.id", e.field());
        assertTrue(e.getMessage().contains("malformed JSON at line 1, column"), e.getMessage());
        assertTrue(e.getMessage().contains("Duplicate field 'id'"), e.getMessage());
    }

    @Test
    void rejectsMalformedJsonWithLineAndColumn() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> InteractionJson.read(json("{'interactionId':'c-1',\n 'messages': [}")));
        assertTrue(e.getMessage().startsWith("messages"), e.getMessage());
        assertTrue(e.getMessage().contains("malformed JSON at line 2, column 15: Unexpected close marker '}'"),
                e.getMessage());
        assertTrue(e.getMessage().lines().count() == 1, "one line, no Jackson source dump: " + e.getMessage());
    }

    @Test
    void rejectsTruncatedJson() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> InteractionJson.read(json("{'interactionId':")));
        assertTrue(e.getMessage().contains("malformed JSON at line 1"), e.getMessage());
        assertTrue(e.getMessage().contains("end-of-input"), e.getMessage());
    }

    @Test
    void rejectsNonStandardNumbersWithoutJacksonAdvice() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> InteractionJson.read(json(valid(",'aiConfidence':NaN"))));
        assertEquals("aiConfidence", e.field());
        assertTrue(e.getMessage().endsWith("Non-standard token 'NaN'"), e.getMessage());
    }

    @Test
    void rejectsInvalidUtf8WithItsOffset() {
        byte[] body = json(valid(",'channel':'chat'"));
        int c = new String(body, UTF_8).indexOf("chat");
        body[c] = (byte) 0xC3;
        body[c + 1] = (byte) 0x28;
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> InteractionJson.read(body));
        assertNull(e.field());
        assertEquals("the input is not valid UTF-8 (at byte offset " + c + ")", e.getMessage());
    }

    @Test
    void rejectsEmptyInput() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> InteractionJson.read(new byte[0]));
        assertNull(e.field());
        assertEquals("the input is empty; expected a JSON object", e.getMessage());
    }

    @Test
    void rejectsContentAfterTheObject() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> InteractionJson.read(json(valid("") + " {}")));
        assertNull(e.field());
        assertTrue(e.getMessage().startsWith("unexpected content after the JSON value at line 1, column "),
                e.getMessage());
    }

    @Test
    void rejectsDeepNesting() {
        String deep = "[".repeat(40) + "]".repeat(40);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> InteractionJson.read(json(valid(",'attributes':{'x':" + deep + "}"))));
        assertNull(e.field());
        assertTrue(e.getMessage().startsWith("JSON nested deeper than 32 levels at line 1, column "), e.getMessage());
    }

    @Test
    void readsTheDesignExample() throws InvalidInputException {
        Interaction interaction = InteractionJson.read(json("""
                {'interactionId':'c-123','channel':'chat','language':'en',
                 'customer':{'id':'u-9','tier':'gold'},
                 'messages':[{'from':'customer','text':'I want to talk to a real person'}],
                 'aiConfidence':0.41,'attributes':{'failedAttempts':2}}"""));
        assertEquals("c-123", interaction.getInteractionId());
        assertEquals("chat", interaction.getChannel());
        assertEquals("en", interaction.getLanguage());
        assertEquals(new Customer("u-9", "gold"), interaction.getCustomer());
        assertEquals(List.of(new Message("customer", "I want to talk to a real person")), interaction.getMessages());
        assertEquals(0.41, interaction.getAiConfidence());
        assertEquals(Map.of("failedAttempts", 2L), interaction.getAttributes());
    }

    @Test
    void keepsAttributeTypes() throws InvalidInputException {
        Interaction interaction = InteractionJson.read(json(valid(
                ",'attributes':{'count':3,'big':9007199254740993,'ratio':0.25,'vip':true,'plan':'pro'}")));
        assertEquals(Map.of("count", 3L, "big", 9007199254740993L, "ratio", 0.25, "vip", true, "plan", "pro"),
                interaction.getAttributes());
        assertEquals(3.0, interaction.number("count"));
    }

    @Test
    void treatsAbsentAndNullOptionalFieldsAlike() throws InvalidInputException {
        Interaction minimal = InteractionJson.read(json(valid("")));
        Interaction nulls = InteractionJson.read(json(valid(
                ",'channel':null,'language':null,'customer':null,'aiConfidence':null,'attributes':null")));
        for (Interaction interaction : List.of(minimal, nulls)) {
            assertNull(interaction.getChannel());
            assertNull(interaction.getLanguage());
            assertEquals(Customer.UNKNOWN, interaction.getCustomer());
            assertNull(interaction.getAiConfidence());
            assertEquals(Map.of(), interaction.getAttributes());
        }
    }

    @Test
    void acceptsLimitsAndMultilingualText() throws InvalidInputException {
        String chinese = "我要和真人说话".repeat(1000);
        Interaction interaction = InteractionJson.read(json("{'interactionId':'" + "i".repeat(128)
                + "','language':'zh-Hant-TW','aiConfidence':1,'messages':[{'from':'customer','text':'" + chinese
                + "'},{'from':'assistant','text':''}]}"));
        assertEquals(chinese, interaction.getLastCustomerText());
        assertEquals(1.0, interaction.getAiConfidence());
    }

    @Test
    void roundTripsAFullInteraction() throws InvalidInputException {
        String full = "{'interactionId':'c-123','channel':'chat','language':'id','customer':{'id':'u-9','tier':'gold'},"
                + "'messages':[{'from':'customer','text':'Saya mau bicara dengan manusia'},"
                + "{'from':'assistant','text':'Tentu'}],'aiConfidence':0.41,"
                + "'attributes':{'failedAttempts':2,'plan':'pro','ratio':0.5,'vip':true}}";
        byte[] written = InteractionJson.write(InteractionJson.read(json(full)));
        assertEquals(full.replace('\'', '"'), new String(written, UTF_8));
        assertEquals(new String(written, UTF_8),
                new String(InteractionJson.write(InteractionJson.read(written)), UTF_8));
    }

    @Test
    void readsAParsedNodeWithPathsRelativeToIt() throws Exception {
        var node = Jackson.MAPPER.readTree("{\"interactionId\":\"c\",\"messages\":[{\"from\":\"x\"}]}");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> InteractionJson.read(node));
        assertEquals("messages[0].text", e.field());
        assertThrows(InvalidInputException.class, () -> InteractionJson.read((com.fasterxml.jackson.databind.JsonNode) null));
    }
}
