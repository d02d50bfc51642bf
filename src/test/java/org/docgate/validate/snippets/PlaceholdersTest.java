package org.docgate.validate.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaceholdersTest {
  @Test
  void recognisesTheUsualPlaceholders() {
    assertThat(Placeholders.present("kubectl config use-context <your-cluster>")).isTrue();
    assertThat(Placeholders.present("token: ${TOKEN}")).isTrue();
    assertThat(Placeholders.present("name: {{ .Release.Name }}")).isTrue();
    assertThat(Placeholders.present("items: [...]")).isTrue();
    assertThat(Placeholders.present("password: xxx")).isTrue();
    assertThat(Placeholders.present("集群: <集群名称>")).isTrue();
    assertThat(Placeholders.present("echo ok 2>&1")).isFalse();
  }

  @Test
  void neutralisingKeepsLinesAndPicksValuesEachLanguageAccepts() {
    assertThat(Placeholders.neutralise("{\"a\": [...],\n  ...\n\"b\": <port>}", Placeholders.Style.NUMBER))
        .isEqualTo("{\"a\": [],\n\n\"b\": 0}");
    assertThat(Placeholders.neutralise("name: {{ .Release.Name }}-web\n{{- if .Values.x }}", Placeholders.Style.WORD))
        .isEqualTo("name: placeholder-web\n");
    assertThat(Placeholders.neutralise("echo ${HOME} <file>", Placeholders.Style.SHELL))
        .isEqualTo("echo ${HOME} placeholder");
  }

  @Test
  void pythonKeepsItsEllipsis() {
    assertThat(Placeholders.neutralise("def f():\n    ...\nf(<x>)", Placeholders.Style.PYTHON))
        .isEqualTo("def f():\n    ...\nf(placeholder)");
  }

  @Test
  void aWordInSingleBracesIsAShellPlaceholderButRangesVariablesAndHeredocsStay() {
    assertThat(Placeholders.present("curl http://{host}:9090", Placeholders.Style.SHELL)).isTrue();
    assertThat(Placeholders.neutralise("curl http://{host}:9090 ${PORT} {a..z} {}", Placeholders.Style.SHELL))
        .isEqualTo("curl http://placeholder:9090 ${PORT} {a..z} {}");
    assertThat(Placeholders.neutralise("cat <<EOF > pod.txt", Placeholders.Style.SHELL)).isEqualTo("cat <<EOF > pod.txt");
    assertThat(Placeholders.present("x = {host}", Placeholders.Style.WORD)).isFalse();
  }
}
