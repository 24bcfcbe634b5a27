package dev.tandem.signals.intent.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarFile;

import dev.tandem.signals.intent.internal.Features;
import dev.tandem.signals.intent.internal.ModelHeader;

/**
 * Trains the default models of the distribution: {@code TrainAll models.csv DATA_ROOT OUT_DIR NOTICE}, one
 * signal-model bundle {@code OUT_DIR/<domain>.jar} per line of {@code models.csv}
 * ({@code domain,data,text-col,label-col}, data relative to DATA_ROOT). Up-to-date jars are kept.
 */
public final class TrainAll {
    private TrainAll() {
    }

    public static void main(String[] args) throws IOException {
        Path list = Path.of(args[0]);
        Path dataRoot = Path.of(args[1]);
        Path outDir = Path.of(args[2]);
        for (Map<String, String> line : Csv.read(list).records()) {
            Path data = dataRoot.resolve(line.get("data"));
            Path out = outDir.resolve(line.get("domain") + ".jar");
            if (upToDate(out, data, list)) {
                continue;
            }
            TrainCommand.main(new String[] {"--data", data.toString(), "--text-col", line.get("text-col"),
                    "--label-col", line.get("label-col"), "--domain", line.get("domain"), "--out", out.toString(),
                    "--notice", args[3]});
        }
    }

    /** Newer than its data and the list, and made with this detector's features (else the detector refuses it). */
    private static boolean upToDate(Path out, Path data, Path list) throws IOException {
        return Files.exists(out) && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(data)) > 0
                && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(list)) > 0
                && featuresVersion(out) == Features.VERSION;
    }

    private static int featuresVersion(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            String header = file.getManifest().getMainAttributes().getValue(ModelBundleFormat.HEADER);
            return header == null ? -1 : ModelHeader.parse(header).features();
        }
    }
}
