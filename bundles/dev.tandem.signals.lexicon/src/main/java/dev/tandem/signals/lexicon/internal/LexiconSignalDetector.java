package dev.tandem.signals.lexicon.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

import dev.tandem.api.Interaction;
import dev.tandem.api.Message;
import dev.tandem.api.Signal;
import dev.tandem.api.SignalDetector;

/**
 * Finds explicit requests for a human ({@code humanRequest}) and sensitive topics ({@code topic.fraud},
 * {@code topic.bereavement}, ...) in what the customer wrote, from curated phrase lists, one per language:
 * {@code src/main/resources/lexicon/<language>.txt} (en, zh, id). The latest customer message counts most;
 * a few earlier ones count with a lower score.
 *
 * <h2>Phrase file format</h2>
 * UTF-8, one entry per line, {@code #} starts a comment. Lines are {@code name: pattern}:
 * <pre>
 * humanRequest: (talk|speak) (to|with) * (human|agent)   # signal name, then the phrase
 * topic.health 0.8: hospital                             # optional score, else the configured phrase score
 * humanRequest: =agent                                   # '=': the whole message must be exactly this
 * negation: (dont|do not|no need)                        # cue that cancels a phrase starting shortly after it
 * negation.after: not needed                             # cue that cancels a phrase ending shortly before it
 * negation.ignore: (cant|why dont)                       # looks like a cue but is not ("why don't you get me a person")
 * negation.stop: but                                     # negation does not reach across it
 * negation.window: 3                                     # how far a cue reaches: tokens (characters in zh)
 * </pre>
 * Patterns are matched on normalised text (lower case, NFKC, apostrophes dropped so "don't" is "dont",
 * punctuation ends a clause). Chinese needs no spaces: each Han character is a token, so phrases match as
 * substrings. {@code (a|b|)} lists alternatives (an empty one makes a word optional, no nesting);
 * {@code *} allows up to {@value Phrase#MAX_GAP} other words of the same clause. A cue does not negate a
 * phrase that itself starts with it, so "dont recognise this payment" can be a fraud phrase. Any name
 * other than the {@code negation*} keys is a signal name; give every language the same names.
 */
@Component(service = SignalDetector.class, configurationPid = "dev.tandem.signals.lexicon")
@Designate(ocd = LexiconConfig.class)
public class LexiconSignalDetector implements SignalDetector {
    static final String NAME = "lexicon";

    private final Map<String, Lexicon> byLanguage = new HashMap<>();
    private final Lexicon anyLanguage;
    private final double minScore;
    private final int earlierMessages;
    private final double earlierMessageFactor;

    @Activate
    public LexiconSignalDetector(LexiconConfig config) {
        for (String language : config.languages()) {
            byLanguage.put(language, Lexicon.load(List.of(language), config.phraseScore()));
        }
        anyLanguage = Lexicon.load(List.of(config.languages()), config.phraseScore());
        minScore = config.minScore();
        earlierMessages = Math.max(0, config.earlierMessages());
        earlierMessageFactor = config.earlierMessageFactor();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Signal> detect(Interaction interaction) {
        Lexicon lexicon = lexiconFor(interaction.getLanguage());
        Map<String, Double> scores = new TreeMap<>();
        double factor = 1;
        for (String text : latestCustomerTextsFirst(interaction)) {
            double weight = factor;
            lexicon.scores(text).forEach((name, score) -> scores.merge(name, score * weight, Math::max));
            factor *= earlierMessageFactor;
        }
        List<Signal> signals = new ArrayList<>();
        scores.forEach((name, score) -> {
            if (score >= minScore) {
                signals.add(Signal.score(name, score, NAME));
            }
        });
        return signals;
    }

    /** "en-GB" reads the English list; no or another language reads all lists. */
    private Lexicon lexiconFor(String languageTag) {
        if (languageTag == null) {
            return anyLanguage;
        }
        String language = languageTag.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        // "in" is the legacy ISO code for Indonesian that older Java Locales still produce
        return byLanguage.getOrDefault(language.equals("in") ? "id" : language, anyLanguage);
    }

    private List<String> latestCustomerTextsFirst(Interaction interaction) {
        List<String> texts = new ArrayList<>();
        List<Message> messages = interaction.getMessages();
        for (int i = messages.size() - 1; i >= 0 && texts.size() <= earlierMessages; i--) {
            Message message = messages.get(i);
            if (message.fromCustomer() && message.text() != null) {
                texts.add(message.text());
            }
        }
        return texts;
    }
}
