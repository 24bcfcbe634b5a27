package dev.tandem.signals.tone.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Tandem tone signals",
        description = "Anger and frustration, profanity, sarcasm cues and distress in what the customer wrote.")
@interface ToneConfig {
    @AttributeDefinition(name = "Cue score", description = "Score of a cue whose line gives none of its own.")
    double cueScore() default 0.8;

    @AttributeDefinition(name = "Languages", description = "Cue files tone/<language>.txt of the bundle to load.")
    String[] languages() default {"en", "zh", "id"};

    @AttributeDefinition(name = "Extra cue files",
            description = "Paths of more cue files in the same format, e.g. a team's own words; read at activation.")
    String[] extraCueFiles() default {};

    @AttributeDefinition(name = "Exclamation marks", description = "This many '!' in one message count as anger.")
    int exclamationMarks() default 3;

    @AttributeDefinition(name = "Shouting score",
            description = "Anger score of a message written mostly in capitals or with many exclamation marks.")
    double shoutingScore() default 0.6;
}
