package dev.tandem.signals.language.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Tandem language signals",
        description = "Detects the language of the customer's messages when the channel does not say it.")
@interface LanguageConfig {
    @AttributeDefinition(name = "Languages",
            description = "ISO 639-1 codes the detector chooses among: the languages served, plus languages the "
                    + "model confuses with them written code=served (ms=id: Malay is reported as Indonesian, "
                    + "which short messages cannot tell apart and the same agents read). zh is settled by script.")
    String[] languages() default {"en", "zh", "id", "ms=id"};

    @AttributeDefinition(name = "Minimum letters",
            description = "Latin-script text with fewer letters gives no language signal rather than a guess.")
    int minLetters() default 12;

    @AttributeDefinition(name = "Sharpness",
            description = "Factor on the model's scores before they become probabilities: the model spreads its "
                    + "probability over 103 languages, so a clear winner among a few has a small margin.")
    double sharpness() default 4.0;

    @AttributeDefinition(name = "Minimum confidence", description = "A language less certain than this is not reported.")
    double minConfidence() default 0.5;

    @AttributeDefinition(name = "Always",
            description = "Detect even when the interaction states its language (to check channels).")
    boolean always() default false;
}
