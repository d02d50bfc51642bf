package org.docgate.validate.versions;

import java.util.regex.Pattern;

/**
 * Whether a text calls a version mention the latest release: "Docker 25.0.0：最新版本支持…", "最新版本 Kubernetes 1.30",
 * "Istio 1.21 (latest)", "Python 3.12 is the latest release". A present-tense claim about today, so it is stale as soon
 * as a newer line is out. Not a claim: the latest features of a version ("vSphere 8.0.2 最新特性", "Docker 25.0 latest
 * features"), and "was the latest". Pure.
 */
final class LatestClaim {
  private LatestClaim() {}

  /** Separators the prose model leaves between runs (spaces, its stop character), then ")", ":", "(", ","... */
  private static final String GAP = "[\\s\\u0000]*";
  /** 最新 then 版本/版/稳定版/发布 (最新版本支持 is still "the latest version supports"), or 最新 not followed by a noun. */
  private static final String ZH = "最新(?:的)?(?:稳定)?(?:版本|版|发布)|最新(?![\\p{IsHan}])";
  /** latest/newest not followed by a word other than version, release, stable or GA. */
  private static final String EN = "(?:latest|newest|most\\s+recent)\\b(?!\\s+(?!version|release|stable|ga\\b)[a-z])";

  private static final Pattern AFTER = Pattern.compile("^" + GAP + "[)）]?" + GAP + "[:：,，(（]?" + GAP
      + "(?:is\\s+(?:the\\s+|our\\s+)?|是|为)?" + GAP + "(?:" + ZH + "|" + EN + ")",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern BEFORE = Pattern.compile("(?:最新(?:的)?(?:稳定)?(?:版本|版)?|(?:the\\s+)?(?:latest|newest)"
      + "(?:\\s+stable)?(?:\\s+(?:version|release))?)" + GAP + "[:：]?" + GAP + "(?:的|为|是|of|is)?" + GAP + "$",
      Pattern.CASE_INSENSITIVE);
  /** How far before the mention the claim may start: "最新稳定版本：" and a little room. */
  private static final int REACH = 24;

  /** Whether {@code text} calls the mention at {@code [start, end)} the latest. */
  static boolean at(String text, int start, int end) {
    if (AFTER.matcher(text.substring(end)).find()) {
      return true;
    }
    String before = text.substring(Math.max(0, start - REACH), start);
    return BEFORE.matcher(before).find();
  }
}
