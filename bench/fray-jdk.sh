#!/usr/bin/env bash
# Builds a directory that mirrors a JDK 25 whose bin/jlink can link from the run-time image, for Fray's
# prepare-fray goal (JDK25_HOME). Temurin 25 ships no jmods/, and Fray 0.9.2 passes
# --module-path=<jdk>/jmods --add-modules=ALL-MODULE-PATH to jlink; the wrapper drops the first and
# replaces the second by the explicit module list (minus jdk.jlink and jdk.jpackage, which cannot be
# linked from the run-time image). See /work/shared/design/JVM-NOTES.md "Peers on this machine".
# Usage: bench/fray-jdk.sh REAL_JDK25 OUT_DIR   (prints OUT_DIR)
set -euo pipefail
real=$1
out=$2
if [[ -x "$out/bin/jlink" && -f "$out/.whylock-mirror" ]]; then echo "$out"; exit 0; fi
rm -rf "$out"
mkdir -p "$out/bin"
for e in "$real"/*; do
  [[ "$(basename "$e")" == bin ]] || ln -s "$e" "$out/$(basename "$e")"
done
for b in "$real"/bin/*; do
  [[ "$(basename "$b")" == jlink ]] || ln -s "$b" "$out/bin/$(basename "$b")"
done
mods=$("$real/bin/java" --list-modules | sed 's/@.*//' | grep -v -x -e jdk.jlink -e jdk.jpackage | paste -sd, -)
cat > "$out/bin/jlink" <<WRAP
#!/usr/bin/env bash
args=()
for a in "\$@"; do
  case "\$a" in
    --module-path=*/jmods) ;;
    --add-modules=ALL-MODULE-PATH) args+=("--add-modules=$mods") ;;
    *) args+=("\$a") ;;
  esac
done
exec "$real/bin/jlink" "\${args[@]}"
WRAP
chmod +x "$out/bin/jlink"
touch "$out/.whylock-mirror"
echo "$out"
