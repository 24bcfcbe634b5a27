package dev.tandem.signals.intent.training;

import dev.tandem.signals.intent.internal.Features;

/** The headers and resources that make a jar a Tandem signal-model bundle. */
public final class ModelBundleFormat {
    /** {@code Tandem-Signal-Model: intent; domain=banking77; features=1; resource=model/intent.bin} */
    public static final String HEADER = "Tandem-Signal-Model";
    public static final String KIND = "intent";
    public static final String EXTENDER = "dev.tandem.signals.model";
    public static final String REQUIREMENT =
            "osgi.extender;filter:=\"(&(osgi.extender=" + EXTENDER + ")(version>=1.0)(!(version>=2.0)))\"";
    public static final String RESOURCE = "model/intent.bin";

    private ModelBundleFormat() {
    }

    public static String header(String domain) {
        return KIND + "; domain=" + domain + "; features=" + Features.VERSION + "; resource=" + RESOURCE;
    }

    public static String symbolicName(String domain) {
        return "dev.tandem.signals.model.intent." + domain.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
