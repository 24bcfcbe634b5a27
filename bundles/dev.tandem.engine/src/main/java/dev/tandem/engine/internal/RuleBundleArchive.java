package dev.tandem.engine.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dev.tandem.api.Problem;
import dev.tandem.api.RulesetRejectedException;

/**
 * The structure of an uploaded rule bundle, checked before anything is installed (never trust the client):
 * a readable zip, few enough entries, no zip bomb (the bytes are counted while inflating, not taken from the
 * headers), no path that leaves the bundle, no nested archive, a small well-formed manifest, and no header that
 * would run code or widen the bundle's class path.
 */
final class RuleBundleArchive {
    static final int MAX_ENTRIES = 2_000;
    static final long MAX_UNCOMPRESSED_BYTES = 64L * 1024 * 1024;
    static final long MAX_ENTRY_BYTES = 16L * 1024 * 1024;
    /** Deflate reaches about 10:1 on text; a rule bundle inflating past this is built to hurt. */
    static final int MAX_RATIO = 100;
    static final int MAX_MANIFEST_BYTES = 64 * 1024;
    static final int MAX_NAME_LENGTH = 512;
    private static final String MANIFEST = "META-INF/MANIFEST.MF";
    private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:.*");
    private static final List<String> ARCHIVE_SUFFIXES = List.of(".jar", ".zip", ".war", ".ear", ".jmod", ".kjar");
    private static final List<String> FORBIDDEN_HEADERS =
            List.of("Bundle-Activator", "Bundle-NativeCode", "Fragment-Host", "DynamicImport-Package");

    private final byte[] jar;
    private final Set<String> names = new HashSet<>();
    private long inflated;
    private byte[] manifest;

    private RuleBundleArchive(byte[] jar) {
        this.jar = jar;
    }

    /** @throws RulesetRejectedException naming the entry and what is wrong with it */
    static void check(byte[] jar) throws RulesetRejectedException {
        new RuleBundleArchive(jar).checkEntries();
    }

    private void checkEntries() throws RulesetRejectedException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                checkEntry(entry.getName());
                readEntry(entry.getName(), zip);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw reject(null, "not a readable jar: " + e.getMessage());
        }
        if (names.isEmpty()) {
            throw reject(null, "not a jar: it holds no entries");
        }
        if (manifest != null) {
            checkManifest();
        }
    }

    private void checkEntry(String name) throws RulesetRejectedException {
        if (names.size() >= MAX_ENTRIES) {
            throw reject(null, "more than " + MAX_ENTRIES + " entries");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw reject(name.substring(0, 64) + "…", "an entry name longer than " + MAX_NAME_LENGTH + " characters");
        }
        String unsafe = unsafePath(name);
        if (unsafe != null) {
            throw reject(name, "path traversal: " + unsafe);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (ARCHIVE_SUFFIXES.stream().anyMatch(lower::endsWith)) {
            throw reject(name, "a nested archive; a rule bundle holds rule, scenario and resource files only");
        }
        if (!names.add(name)) {
            throw reject(name, "the entry appears twice");
        }
    }

    static String unsafePath(String name) {
        if (name.startsWith("/") || name.startsWith("\\") || DRIVE_LETTER.matcher(name).matches()) {
            return "an absolute path";
        }
        if (name.indexOf('\\') >= 0) {
            return "a backslash in the path";
        }
        if (name.indexOf('\0') >= 0) {
            return "a NUL character in the path";
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                return "a '..' segment leaves the bundle";
            }
        }
        return null;
    }

    /** Inflates the entry, counting, and stops as soon as a limit is passed. */
    private void readEntry(String name, ZipInputStream zip) throws IOException, RulesetRejectedException {
        boolean isManifest = name.equalsIgnoreCase(MANIFEST);
        ByteArrayOutputStream kept = isManifest ? new ByteArrayOutputStream() : null;
        byte[] buffer = new byte[8192];
        long entryBytes = 0;
        for (int read = zip.read(buffer); read > 0; read = zip.read(buffer)) {
            entryBytes += read;
            inflated += read;
            checkSizes(name, entryBytes, isManifest);
            if (kept != null) {
                kept.write(buffer, 0, read);
            }
        }
        if (isManifest) {
            manifest = kept.toByteArray();
        }
    }

    private void checkSizes(String name, long entryBytes, boolean isManifest) throws RulesetRejectedException {
        if (isManifest && entryBytes > MAX_MANIFEST_BYTES) {
            throw reject(name, "a manifest larger than " + MAX_MANIFEST_BYTES / 1024 + " KiB");
        }
        if (entryBytes > MAX_ENTRY_BYTES) {
            throw reject(name, "zip bomb: the entry inflates to more than " + MAX_ENTRY_BYTES / (1024 * 1024) + " MiB");
        }
        if (inflated > MAX_UNCOMPRESSED_BYTES) {
            throw reject(name, "zip bomb: the jar inflates to more than " + MAX_UNCOMPRESSED_BYTES / (1024 * 1024)
                    + " MiB");
        }
        if (inflated > 1024 * 1024 && inflated > (long) MAX_RATIO * jar.length) {
            throw reject(name, "zip bomb: the jar inflates more than " + MAX_RATIO + " times its size");
        }
    }

    private void checkManifest() throws RulesetRejectedException {
        Attributes main;
        try {
            main = new Manifest(new ByteArrayInputStream(manifest)).getMainAttributes();
        } catch (IOException | RuntimeException e) {
            throw reject(MANIFEST, "a malformed manifest: " + e.getMessage());
        }
        for (String header : FORBIDDEN_HEADERS) {
            if (main.getValue(header) != null) {
                throw reject(MANIFEST, "the header " + header + " is not allowed in a rule bundle");
            }
        }
        String classPath = main.getValue("Bundle-ClassPath");
        if (classPath != null && !classPath.strip().equals(".")) {
            throw reject(MANIFEST, "Bundle-ClassPath may only be '.' in a rule bundle, not '" + classPath + "'");
        }
    }

    private static RulesetRejectedException reject(String entry, String what) {
        String message = "refused rule bundle: " + what;
        return new RulesetRejectedException(message, List.of(new Problem(entry, 0, 0, what)));
    }
}
