package dev.tandem.signals.lexicon.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Tandem lexicon signals",
        description = "Detects explicit requests for a human and sensitive topics from curated phrase lists.")
@interface LexiconConfig {
    @AttributeDefinition(name = "Phrase score", description = "Score of a matched phrase whose line gives none of its own.")
    double phraseScore() default 0.95;

    @AttributeDefinition(name = "Minimum score", description = "Signals scoring lower are not reported.")
    double minScore() default 0.5;

    @AttributeDefinition(name = "Earlier messages", description = "How many customer messages before the latest one are read too.")
    int earlierMessages() default 2;

    @AttributeDefinition(name = "Earlier message factor",
            description = "Score factor per step back in the conversation: what the customer said earlier weighs less.")
    double earlierMessageFactor() default 0.8;

    @AttributeDefinition(name = "Languages", description = "Phrase files lexicon/<language>.txt to load; other languages use all of them.")
    String[] languages() default {"en", "zh", "id"};
}
