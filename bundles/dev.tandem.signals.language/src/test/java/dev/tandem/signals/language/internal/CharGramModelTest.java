package dev.tandem.signals.language.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/** The table scores like OpenNLP's own detector restricted to the same languages. */
class CharGramModelTest {
    private static final Map<String, String> MODEL_CODES = Map.of("en", "eng", "id", "ind", "ms", "msa");
    private static LanguageDetectorME openNlp;
    private static CharGramModel table;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = model()) {
            openNlp = new LanguageDetectorME(new LanguageDetectorModel(in));
        }
        try (InputStream in = model()) {
            table = CharGramModel.load(in, candidates("en", "id", "ms"), 1.0);
        }
    }

    @Test
    void choosesTheLanguageOpenNlpRanksFirstAmongTheCandidates() throws IOException {
        List<String> disagreements = new ArrayList<>();
        int latin = 0;
        for (ShortMessageAccuracyTest.Row row : ShortMessageAccuracyTest.rows()) {
            if (ScriptCount.of(row.text()).mostlyHan()) {
                continue;
            }
            latin++;
            String ours = table.guess(row.text()).language();
            String theirs = openNlpAmongCandidates(row.text());
            if (!MODEL_CODES.get(ours).equals(theirs)) {
                disagreements.add(row.text() + " " + ours + "/" + theirs);
            }
        }
        assertTrue(latin > 100, "latin rows " + latin);
        // OpenNLP also drops e-mail addresses, URLs and emoji and counts an n-gram once; short messages rarely differ
        assertTrue(disagreements.size() <= latin / 50, disagreements.toString());
    }

    @Test
    void aConfusableLanguageIsReportedAsTheServedOneWithTheirSummedProbability() throws IOException {
        CharGramModel merged;
        try (InputStream in = model()) {
            merged = CharGramModel.load(in, List.of(new CharGramModel.Candidate("en", "en"),
                    new CharGramModel.Candidate("id", "id"), new CharGramModel.Candidate("ms", "id")), 1.0);
        }
        String text = "tolong sambungkan ke agen";
        LanguageGuess apart = table.guess(text);
        LanguageGuess together = merged.guess(text);
        assertEquals("id", together.language());
        assertTrue(together.confidence() > apart.confidence(), apart + " " + together);
    }

    @Test
    void aLanguageTheModelDoesNotKnowIsAClearError() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CharGramModel.load(model(), candidates("en", "xx"), 1.0));
        assertTrue(error.getMessage().contains("does not know xx"), error.getMessage());
    }

    private static String openNlpAmongCandidates(String text) {
        for (Language language : openNlp.predictLanguages(text)) {
            if (MODEL_CODES.containsValue(language.getLang())) {
                return language.getLang();
            }
        }
        throw new AssertionError("OpenNLP ranks none of " + MODEL_CODES.values());
    }

    private static List<CharGramModel.Candidate> candidates(String... languages) {
        return List.of(languages).stream().map(language -> new CharGramModel.Candidate(language, language)).toList();
    }

    private static InputStream model() {
        return CharGramModelTest.class.getResourceAsStream("/langdetect-183.bin");
    }
}
