package org.docgate.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OwnRepositoryTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "kubernetes/enhancements|github.com/kubernetes/enhancements",
      "github.com/kubernetes/enhancements|github.com/kubernetes/enhancements",
      "https://github.com/kubernetes/enhancements.git|github.com/kubernetes/enhancements",
      "https://github.com/kubernetes/enhancements/|github.com/kubernetes/enhancements",
      "git@github.com:kubernetes/enhancements.git|github.com/kubernetes/enhancements",
      "ssh://git@gitlab.example.com:2222/docs/handbook.git|gitlab.example.com/docs/handbook",
      "https://token@GitHub.com/o/r|github.com/o/r"})
  void readsTheUsualWaysOfNamingARepository(String spec, String label) {
    assertThat(OwnRepository.parse(spec, "t").map(OwnRepository::label)).contains(label);
  }

  @Test
  void somethingThatNamesNoRepositoryIsRejected() {
    assertThat(OwnRepository.parse("enhancements", "t")).isEmpty();
    assertThat(OwnRepository.parse("a/b/c/d", "t")).isEmpty();
  }

  @Test
  void theGitConfigsOriginWinsOverOtherRemotes() {
    String config = """
        [core]
        \trepositoryformatversion = 0
        [remote "fork"]
        \turl = git@github.com:someone/enhancements.git
        \tfetch = +refs/heads/*:refs/remotes/fork/*
        [remote "origin"]
        \turl = https://github.com/kubernetes/enhancements.git
        [branch "master"]
        \tremote = origin
        """;
    assertThat(OwnRepository.fromGitConfig(config, ".git/config").map(OwnRepository::label))
        .contains("github.com/kubernetes/enhancements");
    assertThat(OwnRepository.fromGitConfig("[remote \"fork\"]\n url = git@github.com:a/b.git\n", "x")
        .map(OwnRepository::label)).contains("github.com/a/b");
    assertThat(OwnRepository.fromGitConfig("[core]\n bare = false\n", "x")).isEmpty();
  }

  private static final OwnRepository K8S = new OwnRepository("github.com", "kubernetes", "enhancements", "t");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "https://github.com/kubernetes/enhancements/blob/master/keps/README.md#kep|keps/README.md|#kep|false",
      "https://github.com/kubernetes/enhancements/tree/master/keps/sig-node|keps/sig-node||false",
      "https://github.com/kubernetes/enhancements/tree/master|||false",
      "http://www.github.com/Kubernetes/Enhancements/blob/main/x.md?plain=1|x.md|?plain=1|false",
      "https://github.com/kubernetes/enhancements/blob/0f5bb1138a6dfd7f3d52fa901c2fba7abb7fb731/x.md|x.md||true",
      "https://github.com/kubernetes/enhancements/blob/main/%E5%AE%B9%E5%99%A8.md|%E5%AE%B9%E5%99%A8.md||false"})
  void findsTheRepositoryPathOfALinkIntoIt(String url, String path, String rest, boolean pinned) {
    OwnRepository.Link link = K8S.match(url).orElseThrow();
    assertThat(link.path()).isEqualTo(path == null ? "" : path);
    assertThat(link.rest()).isEqualTo(rest == null ? "" : rest);
    assertThat(link.pinned()).isEqualTo(pinned);
    assertThat(url + "/").startsWith(link.base());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "https://github.com/kubernetes/enhancements",
      "https://github.com/kubernetes/enhancements/issues/1234",
      "https://github.com/kubernetes/enhancements/pull/1",
      "https://github.com/kubernetes/enhancements-other/blob/master/x.md",
      "https://github.com/kubernetes/kubernetes/blob/master/x.md",
      "https://raw.githubusercontent.com/kubernetes/enhancements/master/x.md",
      "../keps/README.md"})
  void otherLinksAreNotIntoTheRepository(String url) {
    assertThat(K8S.match(url)).isEqualTo(Optional.empty());
  }

  @Test
  void gitLabBlobLinksHaveADashSegment() {
    OwnRepository gl = new OwnRepository("gitlab.com", "group", "docs", "t");
    assertThat(gl.match("https://gitlab.com/group/docs/-/blob/main/a/b.md#x").map(OwnRepository.Link::path))
        .contains("a/b.md");
  }
}
