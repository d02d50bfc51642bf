package org.docgate.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * No Docker engine runs here, so the Dockerfile and compose.yaml are checked as files: their structure, the files
 * they mount, and the image rules (non-root, no {@code latest}). When a {@code docker compose} client that works
 * offline is installed, {@code docker compose config} validates the compose file against its schema too.
 */
class DockerFilesTest {
  static final Path DOCKER = Path.of("docker");
  static final Path DOCKERFILE = DOCKER.resolve("Dockerfile");
  static final Path COMPOSE = DOCKER.resolve("compose.yaml");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::-([^}]*))?}");

  @Test
  void theDockerfileBuildsWithMavenAndRunsOnAJreAsANonRootUser() throws IOException {
    List<String> instructions = instructions(DOCKERFILE);

    assertThat(instructions.getFirst()).as("first instruction").startsWith("FROM ");
    List<String> froms = instructions.stream().filter(i -> i.startsWith("FROM ")).toList();
    assertThat(froms).hasSize(2);
    assertThat(froms.get(0)).matches("FROM maven:[^ ]*eclipse-temurin-25 AS build");
    assertThat(froms.get(1)).isEqualTo("FROM eclipse-temurin:25-jdk");
    for (String from : froms) {
      assertThat(image(from.split(" ")[1])).as(from).doesNotEndWith(":latest").contains(":");
    }
    assertThat(instructions).contains("RUN mvn -B -DskipTests package",
        "COPY --from=build /src/target/docgate.jar /app/docgate.jar", "VOLUME /data",
        "ENTRYPOINT [\"java\", \"-XX:MaxRAMPercentage=75\", \"-jar\", \"/app/docgate.jar\"]",
        "CMD [\"serve\", \"/corpus\", \"--data\", \"/data\", \"--host\", \"0.0.0.0\", \"--port\", \"8080\", \"--management-port\", \"9876\"]",
        "EXPOSE 8080 9876");
    List<String> users = instructions.stream().filter(i -> i.startsWith("USER ")).toList();
    assertThat(users).as("USER set in the runtime stage").isNotEmpty();
    assertThat(instructions.indexOf(users.getLast())).isGreaterThan(instructions.indexOf(froms.get(1)));
    assertThat(users.getLast().substring(5).split(":")[0]).isNotIn("root", "0");
    for (String copy : instructions.stream().filter(i -> i.startsWith("COPY ") && !i.contains("--from")).toList()) {
      assertThat(Path.of(copy.split(" ")[1])).as("copied from the repository root: " + copy).exists();
    }
  }

  /**
   * The programs docgate runs, as the code names them ({@code Subprocess.find("x")}, {@code ProcessBuilder("x"},
   * {@code List.of("git"}), and the Debian/Ubuntu package of each. A checker that needs a new program fails here
   * until it has a row and the Dockerfile installs it.
   */
  static final Map<String, String> PACKAGE_OF = Map.ofEntries(Map.entry("bash", "bash"), Map.entry("python3", "python3"),
      Map.entry("gofmt", "golang-go"), Map.entry("shellcheck", "shellcheck"), Map.entry("bwrap", "bubblewrap"),
      Map.entry("prlimit", "util-linux"), Map.entry("setpriv", "util-linux"), Map.entry("git", "git"),
      Map.entry("shfmt", "shfmt"), Map.entry("node", "nodejs"), Map.entry("nodejs", "nodejs"));
  private static final Pattern RUNS = Pattern.compile(
      "Subprocess\\.find\\(\"([\\w.-]+)\"\\)|new ProcessBuilder\\(\"([\\w.-]+)\"|List\\.of\\(\"(git)\"");

  @Test
  void theRuntimeImageInstallsEveryProgramTheCheckersRunAndAJdkForJavac() throws IOException {
    java.util.Set<String> programs = new java.util.TreeSet<>();
    try (var files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = RUNS.matcher(Files.readString(file));
        while (m.find()) {
          programs.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
      }
    }
    assertThat(programs).as("the programs found in the code").contains("python3", "shellcheck", "gofmt", "git",
        "bwrap");
    assertThat(PACKAGE_OF).as("a package for every program the code runs").containsKeys(programs.toArray(String[]::new));
    java.util.Set<String> wanted = new java.util.TreeSet<>();
    programs.forEach(p -> wanted.add(PACKAGE_OF.get(p)));
    wanted.add("curl"); // the HEALTHCHECK
    if (programs.contains("node")) {
      wanted.add("node-babel7"); // @babel/parser, which the JavaScript checker's script loads
    }

    List<String> instructions = instructions(DOCKERFILE);
    int runtime = instructions.lastIndexOf(instructions.stream().filter(i -> i.startsWith("FROM ")).toList()
        .getLast());
    List<String> installs = instructions.subList(runtime, instructions.size()).stream()
        .filter(i -> i.startsWith("RUN ") && i.contains("apt-get install")).toList();
    assertThat(installs).hasSize(1);
    String packages = installs.getFirst().replaceAll(".*apt-get install((?: -\\S+)*)", "").split("&&")[0].strip();
    assertThat(new java.util.TreeSet<>(List.of(packages.split(" ")))).isEqualTo(wanted);

    String javaChecker = Files.readString(Path.of("src/main/java/org/docgate/validate/snippets/JavaChecker.java"));
    assertThat(javaChecker).as("javac in process needs a JDK image").contains("getSystemJavaCompiler");
    assertThat(instructions.get(runtime)).endsWith("-jdk");
  }

  @Test
  void cliRunsPrintNoPickedUpLineAndTheHealthcheckAsksReadiness() throws IOException {
    List<String> instructions = instructions(DOCKERFILE);
    assertThat(instructions).noneMatch(i -> i.startsWith("ENV ") && i.matches(".*(JAVA_TOOL_OPTIONS|JDK_JAVA_OPTIONS"
        + "|_JAVA_OPTIONS).*"));
    List<String> checks = instructions.stream().filter(i -> i.startsWith("HEALTHCHECK ")).toList();
    assertThat(checks).hasSize(1);
    String cmd = instructions.stream().filter(i -> i.startsWith("CMD ")).findFirst().orElseThrow();
    String port = cmd.replaceAll(".*\"--port\", \"(\\d+)\".*", "$1");
    assertThat(checks.getFirst()).contains("--start-period=").contains("\"http://127.0.0.1:" + port + "/health/ready\"")
        .contains("\"-f");
  }

  @Test
  void theDockerfilePassesDocgatesOwnDockerfileChecker() throws IOException {
    String text = Files.readString(DOCKERFILE, StandardCharsets.UTF_8);
    assertThat(org.docgate.validate.snippets.DockerfileChecker.check(text)).as("errors and hadolint-style warnings")
        .isEmpty();
  }

  @Test
  void composeRunsDocgatePrometheusAndGrafanaWithTheCorpusReadOnly() throws IOException {
    Map<String, Object> compose = yaml(COMPOSE);
    Map<String, Object> services = map(compose.get("services"));
    assertThat(services).containsOnlyKeys("docgate", "prometheus", "grafana");

    Map<String, Object> docgate = map(services.get("docgate"));
    Map<String, Object> build = map(docgate.get("build"));
    assertThat(DOCKER.resolve((String) build.get("context")).resolve((String) build.get("dockerfile")).normalize())
        .isEqualTo(DOCKERFILE);
    Map<String, Object> corpus = volume(docgate, "/corpus");
    assertThat(corpus).containsEntry("type", "bind").containsEntry("read_only", true);
    Map<String, Object> data = volume(docgate, "/data");
    assertThat(data).containsEntry("type", "volume");
    assertThat(map(compose.get("volumes"))).containsKey((String) data.get("source"));
    assertThat(volume(map(services.get("prometheus")), "/etc/prometheus/prometheus.yml"))
        .containsEntry("read_only", true);

    for (Map.Entry<String, Object> service : services.entrySet()) {
      Map<String, Object> s = map(service.getValue());
      if (s.containsKey("image") && !s.containsKey("build")) {
        assertThat(image((String) s.get("image"))).as(service.getKey()).contains(":").doesNotEndWith(":latest");
      }
      for (Object v : list(s.getOrDefault("volumes", List.of()))) {
        Map<String, Object> mount = map(v);
        if ("bind".equals(mount.get("type"))) {
          assertThat(DOCKER.resolve(interpolated((String) mount.get("source"))))
              .as(service.getKey() + " mounts " + mount.get("source")).exists();
        } else {
          assertThat(map(compose.get("volumes"))).containsKey((String) mount.get("source"));
        }
      }
    }
  }

  @Test
  void prometheusScrapesDocgateAndLoadsTheAlertRules() throws IOException {
    Map<String, Object> prometheus = yaml(DOCKER.resolve("prometheus/prometheus.yml"));
    Map<String, Object> job = map(list(prometheus.get("scrape_configs")).getFirst());
    assertThat(job).containsEntry("job_name", "docgate").containsEntry("metrics_path", "/metrics");
    assertThat(list(map(list(job.get("static_configs")).getFirst()).get("targets"))).containsExactly("docgate:9876");
    assertThat(list(prometheus.get("rule_files"))).containsExactly("/etc/prometheus/rules/*.yaml");
    Map<String, Object> services = map(yaml(COMPOSE).get("services"));
    assertThat(volume(map(services.get("prometheus")), "/etc/prometheus/rules/docgate-alerts.yaml"))
        .containsEntry("source", "../dashboards/prometheus/alerts.yaml");
  }

  @Test
  void grafanaIsProvisionedWithThePrometheusDatasourceAndTheDashboards() throws IOException {
    Path provisioning = DOCKER.resolve("grafana/provisioning");
    Map<String, Object> datasource = map(list(yaml(provisioning.resolve("datasources/prometheus.yaml"))
        .get("datasources")).getFirst());
    assertThat(datasource).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090")
        .containsEntry("isDefault", true);
    Map<String, Object> provider = map(list(yaml(provisioning.resolve("dashboards/docgate.yaml")).get("providers"))
        .getFirst());
    String path = (String) map(provider.get("options")).get("path");

    Map<String, Object> grafana = map(map(yaml(COMPOSE).get("services")).get("grafana"));
    Map<String, Object> dashboards = volume(grafana, path);
    assertThat(dashboards).containsEntry("source", "../dashboards/grafana").containsEntry("read_only", true);
    assertThat(volume(grafana, "/etc/grafana/provisioning")).containsEntry("source", "./grafana/provisioning");
    assertThat(DOCKER.resolve("../dashboards/grafana/docgate.json")).exists();
  }

  /**
   * {@code docker compose config} (v2, the plugin) when installed; else Debian's {@code docker-compose} 1.29 (apt
   * package docker-compose, no engine needed) on a copy without the top-level {@code name:}, which its schema
   * predates.
   */
  @Test
  void dockerComposeConfigAcceptsTheFileWhenTheClientIsInstalled() throws Exception {
    List<String> command;
    if (works(List.of("docker", "compose", "version"))) {
      command = List.of("docker", "compose", "-f", COMPOSE.toString(), "config", "--quiet");
    } else {
      boolean v1 = works(List.of("docker-compose", "version"));
      if (!v1 && "true".equals(System.getenv("CI"))) {
        throw new AssertionError("CI=true: neither `docker compose` nor `docker-compose` is installed "
            + "(apt-get install docker-compose)");
      }
      org.junit.jupiter.api.Assumptions.assumeTrue(v1,
          "skipped: no `docker compose` or `docker-compose` client here (the structure tests above still ran)");
      Path copy = DOCKER.resolve(".compose-v1-check.yaml"); // beside the original: relative paths must resolve
      Files.writeString(copy, Files.readString(COMPOSE).replaceFirst("(?m)^name: .*\n", ""));
      try {
        Process config = start(List.of("docker-compose", "-f", copy.toString(), "config", "--quiet"));
        assertThat(config).isNotNull();
        String out = new String(config.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(config.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(config.exitValue()).as(out).isZero();
      } finally {
        Files.deleteIfExists(copy);
      }
      return;
    }
    Process config = start(command);
    assertThat(config).isNotNull();
    String out = new String(config.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(config.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(config.exitValue()).as(out).isZero();
  }

  private static boolean works(List<String> command) throws InterruptedException {
    Process p = start(command);
    return p != null && p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
  }

  private static Process start(List<String> command) {
    try {
      return new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException notInstalled) {
      return null;
    }
  }

  /** Instructions with continuation lines joined, comments and blank lines dropped. */
  static List<String> instructions(Path dockerfile) throws IOException {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(dockerfile)) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      if (t.endsWith("\\")) {
        current.append(t, 0, t.length() - 1).append(' ');
        continue;
      }
      current.append(t);
      out.add(current.toString().replaceAll("\\s+", " "));
      current.setLength(0);
    }
    return out;
  }

  /** {@code name:tag}, without a digest. */
  private static String image(String reference) {
    int at = reference.indexOf('@');
    return at < 0 ? reference : reference.substring(0, at);
  }

  /** Compose's {@code ${VAR:-default}}: the default (tests do not read the environment). */
  private static String interpolated(String value) {
    Matcher m = VARIABLE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      assertThat(m.group(2)).as("a default for " + m.group(1)).isNotNull();
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(2)));
    }
    return m.appendTail(out).toString();
  }

  private static Map<String, Object> volume(Map<String, Object> service, String target) {
    return list(service.get("volumes")).stream().map(DockerFilesTest::map)
        .filter(v -> target.equals(v.get("target"))).findFirst()
        .orElseThrow(() -> new AssertionError("no volume mounted at " + target));
  }

  static Map<String, Object> yaml(Path file) throws IOException {
    return map(new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file)));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    assertThat(o).isInstanceOf(Map.class);
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    assertThat(o).isInstanceOf(List.class);
    return (List<Object>) o;
  }
}
