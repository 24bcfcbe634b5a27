package dev.tandem.signals.language.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tandem.api.Interaction;
import dev.tandem.api.Message;
import dev.tandem.api.Signal;

/**
 * Short en/zh/id customer messages (the engine's multilingual escalation table and more) with their language:
 * nearly all must be recognised with the confidence the default rules require, and almost none mislabelled.
 */
class ShortMessageAccuracyTest {
    private static final double RULE_CONFIDENCE = 0.6;

    record Row(String language, String text) {
    }

    @Test
    void recognisesShortCustomerMessages() throws IOException {
        LanguageSignalDetector detector = new LanguageSignalDetector(LanguageSignalDetectorTest.config(false));
        List<Row> rows = rows();
        int right = 0;
        List<String> wrong = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        for (Row row : rows) {
            List<Signal> signals = detector.detect(new Interaction("a", "chat", null, null,
                    List.of(new Message("customer", row.text())), Double.NaN, Map.of()));
            if (signals.isEmpty() || signals.get(0).getValue() < RULE_CONFIDENCE) {
                silent.add(row.language() + ": " + row.text());
            } else if (signals.get(0).getLabel().equals(row.language())) {
                right++;
            } else {
                wrong.add(row.language() + " as " + signals.get(0).getLabel() + ": " + row.text());
            }
        }
        double accuracy = (double) right / rows.size();
        System.out.printf("language accuracy %.3f (%d/%d), wrong %d %s, silent %d %s%n",
                accuracy, right, rows.size(), wrong.size(), wrong, silent.size(), silent);
        assertTrue(accuracy >= 0.95, "accuracy " + accuracy + "; wrong " + wrong + "; silent " + silent);
        assertTrue(wrong.size() <= rows.size() / 100, "mislabelled " + wrong);
    }

    static List<Row> rows() throws IOException {
        try (InputStream in = ShortMessageAccuracyTest.class.getResourceAsStream("/language/short-messages.csv")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Row> rows = new ArrayList<>();
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int comma = line.indexOf(',');
                rows.add(new Row(line.substring(0, comma), line.substring(comma + 1)));
            }
            return rows;
        }
    }
}
