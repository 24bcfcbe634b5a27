package dev.tandem.http.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * The four-eyes rule, off unless configured: a deploy is held as pending until a second user with the deploy
 * permission approves it ({@code POST /api/v1/rulesets/{name}/{version}/approve}); only then does the engine see
 * the jar. Pending deploys live in memory (a restart drops them) and are few: at most {@link #MAX_PENDING}.
 */
@Component(service = DeployApprovals.class, configurationPid = ApiContext.PID)
public class DeployApprovals {
    static final int MAX_PENDING = 10;
    private static final String APPROVE = "approve";

    /** A deploy waiting for its second pair of eyes. */
    record Pending(String name, String version, byte[] jar, String requestedBy, Instant at) {
    }

    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private volatile boolean required;

    @Activate
    @Modified
    void configure(ApiContext.Config config) {
        required = config.fourEyes();
    }

    boolean required() {
        return required;
    }

    /** @throws HttpProblem 422 when the jar names no ruleset, 409 when too many deploys wait already */
    synchronized Pending hold(byte[] jar, String requestedBy) throws HttpProblem {
        Pending held = new Pending(header(jar, "Bundle-SymbolicName").split(";")[0].strip(),
                header(jar, "Bundle-Version"), jar, requestedBy, Instant.now());
        if (pending.size() >= MAX_PENDING && !pending.containsKey(key(held.name(), held.version()))) {
            throw HttpProblem.conflict(MAX_PENDING + " deploys already wait for approval; approve those first.");
        }
        pending.put(key(held.name(), held.version()), held);
        return held;
    }

    /**
     * @throws HttpProblem 404 when nothing of that name and version waits, 403 when the approver asked for it
     */
    synchronized Pending approve(String name, String version, String approver) throws HttpProblem {
        Pending held = pending.get(key(name, version));
        if (held == null) {
            throw HttpProblem.notFound("No deploy of " + name + " " + version + " waits for approval.");
        }
        if (held.requestedBy().equals(approver)) {
            throw HttpProblem.forbidden(approver + " asked for this deploy and may not approve it: the four-eyes "
                    + "rule needs a second user.");
        }
        return pending.remove(key(name, version));
    }

    /** The ruleset name and version a path {@code /{name}/{version}/approve} (below /api/v1/rulesets) names. */
    static String[] approvalTarget(String pathInfo) {
        if (pathInfo == null) {
            return null;
        }
        String[] segments = pathInfo.split("/", -1);
        boolean approval = segments.length == 4 && segments[0].isEmpty() && !segments[1].isBlank()
                && !segments[2].isBlank() && segments[3].equals(APPROVE);
        return approval ? new String[] {segments[1], segments[2]} : null;
    }

    static String approvePath(Pending held) {
        return RulesetsServlet.BASE + "/" + PathSegment.encode(held.name()) + "/" + PathSegment.encode(held.version())
                + "/" + APPROVE;
    }

    private static String key(String name, String version) {
        return name + " " + version;
    }

    private static String header(byte[] jar, String name) throws HttpProblem {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = in.getManifest();
            Attributes main = manifest == null ? null : manifest.getMainAttributes();
            String value = main == null ? null : main.getValue(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        } catch (IOException | RuntimeException unreadable) {
            // answered below
        }
        throw HttpProblem.unprocessable("Not a rule bundle: its manifest has no " + name + ".", "problems",
                dev.tandem.json.RulesetJson.problems(java.util.List.of(new dev.tandem.api.Problem(
                        "META-INF/MANIFEST.MF", 0, 0, "the manifest has no " + name))));
    }
}
