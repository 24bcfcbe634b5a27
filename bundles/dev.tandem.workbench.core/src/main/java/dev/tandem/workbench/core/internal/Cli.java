package dev.tandem.workbench.core.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tandem.api.RulesetInfo;
import dev.tandem.workbench.core.EngineClient;
import dev.tandem.workbench.core.EngineException;
import dev.tandem.workbench.core.RuleBundlePackager;
import dev.tandem.workbench.core.RuleProblem;
import dev.tandem.workbench.core.RuleProject;
import dev.tandem.workbench.core.RuleValidator;
import dev.tandem.workbench.core.ScenarioResult;
import dev.tandem.workbench.core.ScenarioTester;
import dev.tandem.workbench.core.TestReport;

/**
 * {@code tandem rules validate|test|package|deploy|rollback <dir> [--engine URL] [--token T] [--out DIR]}.
 * Problems go to stdout as {@code file:line:col: message}; exit 0 when all is well, 1 when
 * problems were found or the engine refused, 2 for a usage error.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int PROBLEMS = 1;
    public static final int USAGE = 2;
    private static final List<String> LOCAL_HOSTS = List.of("localhost", "127.0.0.1", "[::1]");
    static final String USAGE_TEXT = """
            usage: tandem rules <command> <rule-project-dir> [--engine URL] [--token T] [--out DIR]
              validate   report every problem: Drools errors, unknown fact types, fields and queues, rules that can never fire
              test       validate, then run the scenarios
              package    validate and test, then write <name>-<version>.jar into --out (default <dir>/target)
              deploy     validate and test, then send the rule bundle to the engine
              rollback   make the engine's previous version of this ruleset active again
            the engine is --engine, else $TANDEM_ENGINE, else http://localhost:$TANDEM_PORT (8080)
            the token is --token, else $TANDEM_TOKEN, else, for an engine on this machine, $TANDEM_DATA/admin.token (var)""";

    private record Arguments(String command, Path project, String projectArgument, URI engine, String token,
                             Path out) {
    }

    /** A usage error, with the sentence that explains it. */
    private static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    public Cli(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(new Cli(System.out, System.err, System.getenv()).run(args));
    }

    public int run(String... args) {
        Arguments arguments;
        RuleProject project;
        try {
            arguments = parse(args);
            project = load(arguments);
        } catch (UsageException e) {
            err.println("tandem rules: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        try {
            return execute(arguments, project);
        } catch (EngineException e) {
            e.problems().forEach(problem -> out.println(located(arguments, problem)));
            err.println("tandem rules: " + e.getMessage());
            return PROBLEMS;
        } catch (IOException e) {
            err.println("tandem rules: " + e.getMessage());
            return PROBLEMS;
        }
    }

    private int execute(Arguments arguments, RuleProject project) throws IOException, EngineException {
        return switch (arguments.command()) {
            case "validate" -> validate(arguments, project) ? OK : PROBLEMS;
            case "test" -> validate(arguments, project) && test(arguments, project) ? OK : PROBLEMS;
            case "package" -> checked(arguments, project) ? packageJar(arguments, project) : PROBLEMS;
            case "deploy" -> checked(arguments, project) ? deploy(arguments, project) : PROBLEMS;
            case "rollback" -> rollback(arguments, project);
            default -> throw new IllegalStateException(arguments.command());
        };
    }

    private boolean checked(Arguments arguments, RuleProject project) {
        return validate(arguments, project) && test(arguments, project);
    }

    private boolean validate(Arguments arguments, RuleProject project) {
        List<RuleProblem> problems = new RuleValidator().validate(project);
        problems.forEach(problem -> out.println(located(arguments, problem)));
        err.println("tandem rules: " + project.name() + " " + project.version() + ": " + project.drlFiles().size()
                + " rule files, " + count(problems.size(), "problem"));
        return problems.isEmpty();
    }

    private boolean test(Arguments arguments, RuleProject project) {
        TestReport report = new ScenarioTester().test(project);
        report.allProblems().forEach(problem -> out.println(located(arguments, problem)));
        for (ScenarioResult result : report.results()) {
            err.println("  " + (result.passed() ? "pass" : "FAIL") + "  " + result.name());
        }
        err.println("tandem rules: " + count(report.results().size(), "scenario") + ", " + report.failedCount()
                + " failed");
        return report.passed();
    }

    private int packageJar(Arguments arguments, RuleProject project) throws IOException {
        Path jar = new RuleBundlePackager().write(project, arguments.out());
        out.println(jar);
        return OK;
    }

    private int deploy(Arguments arguments, RuleProject project) throws IOException, EngineException {
        RulesetInfo active = client(arguments).deploy(new RuleBundlePackager().build(project));
        out.println(active.name() + " " + active.version() + " is " + active.state() + " on " + arguments.engine());
        return OK;
    }

    private int rollback(Arguments arguments, RuleProject project) throws EngineException {
        RulesetInfo active = client(arguments).rollback(project.name());
        out.println(active.name() + " " + active.version() + " is " + active.state() + " on " + arguments.engine());
        return OK;
    }

    private EngineClient client(Arguments arguments) {
        return new EngineClient(arguments.engine(), arguments.token());
    }

    private static String located(Arguments arguments, RuleProblem problem) {
        if (problem.file() == null) {
            return arguments.projectArgument() + ": " + problem.message();
        }
        String file = Path.of(arguments.projectArgument()).resolve(problem.file()).normalize().toString();
        return new RuleProblem(problem.kind(), file, problem.line(), problem.column(), problem.message()).toString();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private Arguments parse(String[] args) throws UsageException {
        List<String> positional = new ArrayList<>();
        URI engine = null;
        String token = null;
        Path outFolder = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--engine" -> engine = engineUri(value(args, ++i, "--engine"));
                case "--out" -> outFolder = Path.of(value(args, ++i, "--out"));
                case "--token" -> token = value(args, ++i, "--token");
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new UsageException("unknown option " + args[i]);
                    }
                    positional.add(args[i]);
                }
            }
        }
        if (positional.size() != 2) {
            throw new UsageException("expected a command and a rule project folder");
        }
        String command = positional.get(0);
        if (!List.of("validate", "test", "package", "deploy", "rollback").contains(command)) {
            throw new UsageException("unknown command '" + command + "'");
        }
        Path project = Path.of(positional.get(1));
        URI target = engine == null ? defaultEngine() : engine;
        return new Arguments(command, project, positional.get(1), target, token == null ? defaultToken(target) : token,
                outFolder == null ? project.resolve("target") : outFolder);
    }

    private static String value(String[] args, int index, String option) throws UsageException {
        if (index >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    private static URI engineUri(String text) throws UsageException {
        try {
            URI uri = URI.create(text);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new UsageException("--engine must be an http URL such as http://localhost:8080, not " + text);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new UsageException("--engine is not a URL: " + text);
        }
    }

    private URI defaultEngine() throws UsageException {
        String configured = environment.get("TANDEM_ENGINE");
        if (configured != null && !configured.isBlank()) {
            return engineUri(configured);
        }
        return URI.create("http://localhost:" + environment.getOrDefault("TANDEM_PORT", "8080"));
    }

    /** $TANDEM_TOKEN, else the admin token a local engine keeps in its data folder; null when there is none. */
    private String defaultToken(URI engine) {
        String configured = environment.get("TANDEM_TOKEN");
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        if (!LOCAL_HOSTS.contains(engine.getHost())) {
            return null;
        }
        Path adminToken = Path.of(environment.getOrDefault("TANDEM_DATA", "var"), "admin.token");
        try {
            return Files.isReadable(adminToken) ? Files.readString(adminToken).strip() : null;
        } catch (IOException unreadable) {
            return null;
        }
    }

    private static RuleProject load(Arguments arguments) throws UsageException {
        if (!Files.isDirectory(arguments.project())) {
            throw new UsageException(arguments.projectArgument() + " is not a folder");
        }
        try {
            return RuleProject.load(arguments.project());
        } catch (IOException e) {
            throw new UsageException(arguments.projectArgument() + " is not a rule project: " + e.getMessage());
        }
    }
}
