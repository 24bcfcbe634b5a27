package dev.tandem.engine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The promise to customers, in English, Chinese and Indonesian, through the real engine over HTTP: whoever asks
 * for a person, or writes about a bereavement, fraud or their health, gets a person; saying that no agent is
 * needed does not summon one. The table is {@code multilingual-escalation.csv}.
 */
class MultilingualEscalationTest extends OneEngineForTheClass {
    private static final int ROWS_PER_LANGUAGE = 40;

    record Row(int line, String language, String text, String route, String kind) {
    }

    @Test
    void everyRowOfTheTableIsRoutedAsItSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Row row : table()) {
            JsonNode decision = engine.decide(interaction(row));
            if (!row.route().equals(decision.path("route").asText())) {
                wrong.add("line " + row.line() + " [" + row.language() + ", " + row.kind() + "] \"" + row.text()
                        + "\" went to " + decision.path("route").asText() + " " + decision.path("reasons"));
            }
        }
        assertEquals(List.of(), wrong, "rows routed against the table");
    }

    @Test
    void theTableHoldsEnoughRowsOfEveryLanguageAndKind() throws IOException {
        Map<String, Integer> perLanguage = new TreeMap<>();
        Map<String, Integer> perKind = new TreeMap<>();
        for (Row row : table()) {
            perLanguage.merge(row.language(), 1, Integer::sum);
            perKind.merge(row.language() + " " + row.kind(), 1, Integer::sum);
        }
        for (String language : List.of("en", "zh", "id")) {
            assertTrue(perLanguage.getOrDefault(language, 0) >= ROWS_PER_LANGUAGE, language + ": " + perLanguage);
            for (String kind : List.of("person", "bereavement", "fraud", "health", "negation")) {
                assertTrue(perKind.getOrDefault(language + " " + kind, 0) >= 4, language + " " + kind + ": " + perKind);
            }
        }
    }

    private static String interaction(Row row) {
        ObjectNode interaction = RunningEngine.JSON.createObjectNode();
        interaction.put("interactionId", "multilingual-" + row.line());
        interaction.put("channel", "chat");
        interaction.put("language", row.language());
        interaction.putArray("messages").addObject().put("from", "customer").put("text", row.text());
        return interaction.toString();
    }

    private static List<Row> table() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                MultilingualEscalationTest.class.getResourceAsStream("/multilingual-escalation.csv"), StandardCharsets.UTF_8))) {
            reader.readLine();
            int line = 1;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                String[] fields = text.split(",");
                rows.add(new Row(line, fields[0], fields[1], fields[2], fields[3]));
            }
        }
        return rows;
    }
}
