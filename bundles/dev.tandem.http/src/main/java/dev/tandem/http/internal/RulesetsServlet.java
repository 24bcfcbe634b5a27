package dev.tandem.http.internal;

import static java.util.Objects.requireNonNullElse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tandem.api.Problem;
import dev.tandem.api.RulesetInfo;
import dev.tandem.api.RulesetRegistry;
import dev.tandem.api.RulesetRejectedException;
import dev.tandem.api.UnknownRulesetException;
import dev.tandem.json.RulesetJson;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * /api/v1/rulesets: GET lists every deployed version, POST deploys a rule bundle jar;
 * GET /{name} and /{name}/{version} show versions, GET /{name}/{version}/files its rule and scenario files;
 * POST /{name}/rollback reactivates the previous version.
 */
@Component(service = Servlet.class)
@HttpWhiteboardContextSelect(ApiContext.SELECT)
@HttpWhiteboardServletPattern({RulesetsServlet.BASE, RulesetsServlet.BASE + "/*"})
public class RulesetsServlet extends ApiServlet {
    private static final long serialVersionUID = 1L;
    static final String BASE = "/api/v1/rulesets";
    static final int MAX_JAR_BYTES = 50 * BoundedBody.MEBIBYTE;

    // optional, so that while the engine restarts clients get 503 rather than 404
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RulesetRegistry registry;

    @Reference
    private DeployApprovals approvals;
    private BundleContext bundles;

    @Activate
    void activate(BundleContext context) {
        bundles = context;
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws HttpProblem, IOException {
        String method = request.getMethod();
        String[] approval = DeployApprovals.approvalTarget(request.getPathInfo());
        if (approval != null) {
            requireMethod(method, "POST");
            approve(approval[0], approval[1], request, response);
            return;
        }
        switch (RulesetPath.parse(request.getPathInfo())) {
            case RulesetPath.All all when method.equals("GET") ->
                    writeJson(response, 200, RulesetJson.toTree(registry().rulesets()));
            case RulesetPath.All all when method.equals("POST") -> deploy(request, response);
            case RulesetPath.All all -> throw HttpProblem.methodNotAllowed(method, "GET", "POST");
            case RulesetPath.Versions versions -> {
                requireMethod(method, "GET");
                writeJson(response, 200, RulesetJson.toTree(versionsOf(versions.name())));
            }
            case RulesetPath.Version version -> {
                requireMethod(method, "GET");
                writeJson(response, 200, RulesetJson.toTree(version(version.name(), version.version())));
            }
            case RulesetPath.Files files -> {
                requireMethod(method, "GET");
                RulesetInfo deployed = version(files.name(), files.version());
                writeJson(response, 200, RuleBundleFiles.toTree(deployed, RuleBundleFiles.read(bundles, deployed)));
            }
            case RulesetPath.Rollback rollback -> {
                requireMethod(method, "POST");
                rollback(rollback.name(), request, response);
            }
            case RulesetPath.Unknown unknown ->
                    throw HttpProblem.notFound("There is no API resource at " + request.getRequestURI() + ".");
        }
    }

    private static void requireMethod(String method, String allowed) throws HttpProblem {
        if (!method.equals(allowed)) {
            throw HttpProblem.methodNotAllowed(method, allowed);
        }
    }

    private void deploy(HttpServletRequest request, HttpServletResponse response) throws HttpProblem, IOException {
        RulesetRegistry rulesets = registry();
        if (!MediaTypes.isJar(request.getContentType())) {
            throw HttpProblem.unsupportedMediaType("A rule bundle must be sent as application/java-archive or "
                    + "application/octet-stream, not " + MediaTypes.describe(request.getContentType()) + ".");
        }
        String deployer = user(request);
        byte[] jar = BoundedBody.read(request, MAX_JAR_BYTES);
        if (jar.length == 0) {
            throw HttpProblem.badRequest("The body is empty; expected a rule bundle jar.", null);
        }
        if (!ZipMagic.isZip(jar)) {
            String notAJar = "The body is not a jar (zip) file: it does not start with the zip signature.";
            throw HttpProblem.unprocessable(notAJar, "problems",
                    RulesetJson.problems(List.of(new Problem(null, 0, 0, notAJar))));
        }
        if (approvals.required()) {
            hold(jar, deployer, request, response);
        } else {
            activate(rulesets, jar, deployer, request, response);
        }
    }

    /** Four eyes: the deploy waits until another user approves it. */
    private void hold(byte[] jar, String deployer, HttpServletRequest request, HttpServletResponse response)
            throws HttpProblem, IOException {
        DeployApprovals.Pending held = approvals.hold(jar, deployer);
        String approve = request.getContextPath() + DeployApprovals.approvePath(held);
        response.setHeader("Location", approve);
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("name", held.name())
                .put("version", held.version()).put("state", "PENDING").put("requestedBy", held.requestedBy())
                .put("requestedAt", held.at().toString()).put("approve", approve);
        writeJson(response, 202, json);
    }

    private void approve(String name, String version, HttpServletRequest request, HttpServletResponse response)
            throws HttpProblem, IOException {
        RulesetRegistry rulesets = registry();
        String approver = user(request);
        DeployApprovals.Pending held = approvals.approve(name, version, approver);
        activate(rulesets, held.jar(), held.requestedBy() + ", approved by " + approver, request, response);
    }

    private void activate(RulesetRegistry rulesets, byte[] jar, String deployer, HttpServletRequest request,
                          HttpServletResponse response) throws HttpProblem, IOException {
        try {
            RulesetInfo active = rulesets.deploy(new ByteArrayInputStream(jar), deployer);
            response.setHeader("Location", request.getContextPath() + BASE + "/" + PathSegment.encode(active.name())
                    + "/" + PathSegment.encode(active.version()));
            writeJson(response, 201, RulesetJson.toTree(active));
        } catch (RulesetRejectedException e) {
            String detail = requireNonNullElse(e.getMessage(), "The rule bundle was rejected.");
            throw HttpProblem.unprocessable(detail, "problems", RulesetJson.problems(e.problems()));
        }
    }

    private void rollback(String name, HttpServletRequest request, HttpServletResponse response)
            throws HttpProblem, IOException {
        RulesetRegistry rulesets = registry();
        String requester = user(request);
        try {
            writeJson(response, 200, RulesetJson.toTree(rulesets.rollback(name, requester)));
        } catch (UnknownRulesetException e) {
            throw HttpProblem.notFound(requireNonNullElse(e.getMessage(), "No ruleset named " + name + " is deployed."));
        } catch (IllegalStateException nothingToRollBackTo) {
            throw HttpProblem.conflict(requireNonNullElse(nothingToRollBackTo.getMessage(),
                    "Ruleset " + name + " has no previous version to roll back to."));
        }
    }

    private List<RulesetInfo> versionsOf(String name) throws HttpProblem {
        List<RulesetInfo> versions = registry().rulesets().stream().filter(r -> r.name().equals(name)).toList();
        if (versions.isEmpty()) {
            throw HttpProblem.notFound("No ruleset named " + name + " is deployed.");
        }
        return versions;
    }

    private RulesetInfo version(String name, String version) throws HttpProblem {
        return versionsOf(name).stream().filter(r -> r.version().equals(version)).findFirst()
                .orElseThrow(() -> HttpProblem.notFound("Ruleset " + name + " has no version " + version + "."));
    }

    private RulesetRegistry registry() throws HttpProblem {
        RulesetRegistry current = registry;
        if (current == null) {
            throw HttpProblem.unavailable("The routing engine is not running; try again shortly.");
        }
        return current;
    }

    /** Who deploys or rolls back: the principal {@link ApiContext} authenticated, never a header the client chose. */
    static String user(HttpServletRequest request) {
        String user = request.getRemoteUser();
        return user == null ? ApiContext.ANONYMOUS : user;
    }
}
