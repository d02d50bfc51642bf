package org.docgate.validate.snippets;

import org.docgate.process.Subprocess;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Dockerfile, XML, Java, Go and ShellCheck checkers on their own. */
class NewCheckersTest {
  @Test
  void dockerfileCheckerIsUsableAloneAndListsErrorsAndWarningsByLine() {
    List<DockerfileChecker.Issue> issues = DockerfileChecker.check(String.join("\n",
        "# escape=`",
        "FROM python:latest",
        "RUN apt-get update && `",
        "    apt-get install -qy curl",
        "ENTRYPOINT [\"python\", 3]",
        "FROM base:1 AS a b"));
    assertThat(issues).containsExactly(
        new DockerfileChecker.Issue(2, false, "Dockerfile: base image 'python:latest' uses the latest tag: pin a"
            + " version (hadolint DL3007)"),
        new DockerfileChecker.Issue(3, false, "Dockerfile: apt-get install without `rm -rf /var/lib/apt/lists/*`"
            + " in the same RUN keeps the package lists in the image (hadolint DL3009)"),
        new DockerfileChecker.Issue(5, true, "Dockerfile: ENTRYPOINT in JSON form must be an array of strings"),
        new DockerfileChecker.Issue(6, true, "Dockerfile: FROM takes an image and optionally `AS name`, got"
            + " 'base:1 AS a b'"));
  }

  @Test
  void dockerfileStageNamesDigestsScratchAndVariablesNeedNoTag() {
    assertThat(DockerfileChecker.check(String.join("\n",
        "ARG IMG=golang:1.22",
        "FROM $IMG AS build",
        "FROM --platform=linux/amd64 alpine@sha256:abc AS x",
        "FROM build",
        "FROM scratch",
        "COPY --from=build /app /app",
        "RUN <<-END cat > /x",
        "\thello",
        "\tEND",
        "HEALTHCHECK CMD curl -f http://localhost/ || exit 1"))).isEmpty();
  }

  @Test
  void xmlNeverReadsExternalEntitiesOrDtds() {
    XmlChecker xml = new XmlChecker();
    assertThat(xml.check("<!DOCTYPE r SYSTEM \"http://127.0.0.1:9/never.dtd\"><r/>")).isEmpty();
    assertThat(xml.check("<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/shadow\">]><r>&x;</r>")).isEmpty();
    assertThat(xml.check("<r>&nbsp;</r>")).hasValueSatisfying(p -> assertThat(p.message()).contains("nbsp"));
    assertThat(xml.check("<?xml version=\"1.0\"?><a/><b/>")).isPresent(); // a prolog makes it a document
  }

  @Test
  void javaSnippetsOfOneBatchAreParsedInOneTask() {
    Map<String, Optional<Problem>> out = new JavaChecker().check(List.of(
        "class A { void f() { } }", "System.out.println(1);", "void m() {}", "if (x) {"));
    assertThat(out.get("class A { void f() { } }")).isEmpty();
    assertThat(out.get("System.out.println(1);")).isEmpty();
    assertThat(out.get("void m() {}")).isEmpty();
    assertThat(out.get("if (x) {")).hasValueSatisfying(p -> assertThat(p.message()).startsWith("java: "));
  }

  @Test
  void goFragmentsParseAndErrorsKeepTheSnippetsLine() {
    GoChecker go = GoChecker.onPath();
    Tools.require("gofmt", go.unavailable().isEmpty());
    Map<String, Optional<Problem>> out = go.verdicts(List.of("x := 1\nfmt.Println(x)", "type T struct{ A int }",
        "func f() {\n\treturn 1 +\n}"));
    assertThat(out.get("x := 1\nfmt.Println(x)")).isEmpty();
    assertThat(out.get("type T struct{ A int }")).isEmpty();
    assertThat(out.get("func f() {\n\treturn 1 +\n}")).hasValueSatisfying(p -> assertThat(p.line()).isEqualTo(3));
    assertThat(go.runners().get(0).processes()).isEqualTo(1);
  }

  @Test
  void shellcheckChecksManySnippetsInOneProcessAndDropsExcludedCodes() {
    ShellcheckChecker sc = new ShellcheckChecker(Subprocess.find("shellcheck"), Set.of("SC2034"));
    Tools.require("shellcheck", sc.available());
    Map<String, List<Hint>> out = sc.check(List.of("a=1", "cd /tmp; ls `pwd`/$(ls)", "echo ok"));
    assertThat(out.get("a=1")).isEmpty();
    assertThat(out.get("echo ok")).isEmpty();
    assertThat(out.get("cd /tmp; ls `pwd`/$(ls)")).extracting(Hint::message)
        .anyMatch(m -> m.startsWith("shellcheck SC2046 (warning): "));
    assertThat(sc.runner().processes()).isEqualTo(1);
  }
}
