package dev.tandem.signals.language.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Tandem language signals",
        description = "Detects the language of the customer's messages when the channel does not say it.")
@interface LanguageConfig {
    @AttributeDefinition(name = "Word lists",
            description = "Languages written in Latin script whose word lists language/<language>.txt are loaded.")
    String[] wordLists() default {"en", "id"};

    @AttributeDefinition(name = "Minimum confidence", description = "A language less certain than this is not reported.")
    double minConfidence() default 0.5;

    @AttributeDefinition(name = "Always",
            description = "Detect even when the interaction states its language (to check channels).")
    boolean always() default false;
}
