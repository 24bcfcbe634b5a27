package dev.tandem.signals.lexicon.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * The phrasing table {@code lexicon-cases.csv}: language (empty = not given), customer text, and the exact
 * signal names expected (space-separated) or {@code none}. Add a row for every phrasing that went wrong.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LexiconCasesTest {
    private static final String CASES = "/lexicon-cases.csv";
    private final LexiconSignalDetector detector = Fixtures.detector();

    @ParameterizedTest(name = "[{index}] {0}: {1} -> {2}")
    @CsvFileSource(resources = CASES, numLinesToSkip = 1, encoding = "UTF-8")
    void findsExactlyTheExpectedSignals(String language, String text, String expected) {
        Set<String> expectedNames = expected.equals("none") ? Set.of() : Set.of(expected.split(" "));
        assertEquals(expectedNames, Fixtures.names(detector.detect(Fixtures.conversation(language, text))), text);
    }

    @Test
    void everyLanguageHasAtLeastThirtyCases() throws IOException {
        Map<String, Integer> rowsPerLanguage = new TreeMap<>();
        try (InputStream in = getClass().getResourceAsStream(CASES)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                rowsPerLanguage.merge(lines[i].substring(0, lines[i].indexOf(',')), 1, Integer::sum);
            }
        }
        for (String language : new String[] {"en", "zh", "id"}) {
            assertTrue(rowsPerLanguage.getOrDefault(language, 0) >= 30, language + ": " + rowsPerLanguage);
        }
    }
}
