#!/usr/bin/env bash
# Prints the home of a JDK >= 21 (JAVA_HOME, then PATH, then the usual install places), or fails
# with a message that says what was looked at. Sourced by ./whylock and ./test.
whylock_java_major() { # $1: path to a java binary
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -1 | cut -d. -f1
}
whylock_find_jdk() {
  local cands=() c major
  [[ -n "${JAVA_HOME:-}" ]] && cands+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    c=$(readlink -f "$(command -v java)"); cands+=("${c%/bin/java}")
  fi
  for c in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    [[ -d "$c" ]] && cands+=("$c")
  done
  for c in "${cands[@]}"; do
    [[ -x "$c/bin/java" && -x "$c/bin/javac" ]] || continue
    major=$(whylock_java_major "$c/bin/java")
    if [[ -n "$major" && "$major" -ge 21 ]]; then echo "$c"; return 0; fi
  done
  {
    echo "whylock: no JDK 21 or newer found."
    echo "  Looked at: JAVA_HOME (${JAVA_HOME:-unset}), the java on PATH, /usr/lib/jvm, /usr/java, /opt, ~/.sdkman."
    echo "  Install one (for example Temurin 25 or openjdk-21-jdk) or point JAVA_HOME at it."
  } >&2
  return 1
}
