# Sourced by bin/docgate and bin/test: sets JAVA_HOME to a JDK 21 or newer, or exits with a clear message.
# Order: $JAVA_HOME if it is 21+, then the newest 21+ JDK under /usr/lib/jvm, then `java` on the PATH.
# The feature version from the JDK's `release` file (JAVA_VERSION="25.0.3" -> 25); starting a JVM to ask it cost
# 0.5 s on every docgate command. Only a JDK without that file is asked.
java_feature() {
  local line
  if [ -f "$1/release" ] && line=$(grep -m1 '^JAVA_VERSION=' "$1/release"); then
    line=${line#JAVA_VERSION=\"}; line=${line%%[.\"]*}
    case "$line" in 1) ;; ''|*[!0-9]*) ;; *) echo "$line"; return ;; esac
  fi
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1
}
pick_jdk() {
  local candidate best="" best_v=0 v
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    v=$(java_feature "$JAVA_HOME"); if [ "${v:-0}" -ge 21 ] 2>/dev/null; then echo "$JAVA_HOME"; return; fi
  fi
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] || continue
    v=$(java_feature "$candidate")
    if [ "${v:-0}" -ge 21 ] 2>/dev/null && [ "$v" -gt "$best_v" ]; then best="$candidate"; best_v=$v; fi
  done
  if [ -z "$best" ] && command -v java >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    v=$(java_feature "$candidate"); if [ "${v:-0}" -ge 21 ] 2>/dev/null; then best="$candidate"; fi
  fi
  echo "$best"
}
JAVA_HOME=$(pick_jdk)
if [ -z "$JAVA_HOME" ]; then
  echo "docgate: needs a JDK 21 or newer (found none in \$JAVA_HOME, /usr/lib/jvm or on the PATH)" >&2
  exit 2
fi
export JAVA_HOME
