#!/usr/bin/env bash
# Re-captures the command output shown in README.md (or another page, e.g. docs/java.md) from the
# current build, so that the documentation never shows output that whylock does not produce.
#
#   scripts/capture-readme.sh [FILE]            rewrite FILE (default README.md) in place
#   scripts/capture-readme.sh --check [FILE]    exit 1 when a block's command line or exit code changed
#
# Markers in README.md:
#   <!-- file: NAME -->      the next fenced block is written to NAME in the scratch directory
#   <!-- run: ARGS [| head=N] [| tail=M] -->
#   ...anything...           replaced by a console block: "$ ./whylock ARGS", its stdout and
#   <!-- /run -->            stderr (first N and last M lines when asked), and its exit code
# Every command runs in one scratch directory, in README order, so later commands see the
# files (.whylock/ replay files, scenario files) that earlier ones wrote. The scratch directory has
# 'examples' linking to the repository's examples module, so pages can run its compiled classes.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
check=0
[[ "${1:-}" == "--check" ]] && { check=1; shift; }
readme="$(realpath "${1:-$repo/README.md}")"
page="$(basename "$readme")"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
ln -s "$repo/examples" "$scratch/examples"
out="$scratch/README.new"
: >"$out"


# Build once up front so that no "building..." line lands in a captured block.
"$repo/whylock" --version >/dev/null
export WHYLOCK_SKIP_BUILD=1

capture() { # $1: marker body "ARGS [| head=N] [| tail=M]"
  local spec="$1" args head=0 tail=0 part
  # Trailing "| head=N" and "| tail=M" are options; any other '|' belongs to the command (a pipe).
  while [[ "$spec" =~ ^(.*)\|\ *(head|tail)=([0-9]+)\ *$ ]]; do
    spec="${BASH_REMATCH[1]}"
    if [[ "${BASH_REMATCH[2]}" == head ]]; then head="${BASH_REMATCH[3]}"; else tail="${BASH_REMATCH[3]}"; fi
  done
  args="$(echo "$spec" | sed 's/^ *//; s/ *$//')"
  local log="$scratch/.out" rc=0
  (cd "$scratch" && eval "\"$repo/whylock\" $args") >"$log" 2>&1 || rc=$?
  local n
  n=$(wc -l <"$log")
  echo '```console'
  echo "\$ ./whylock${args:+ $args}"
  if (( head + tail > 0 && n > head + tail )); then
    head -n "$head" "$log"
    echo "[... $((n - head - tail)) more lines ...]"
    (( tail > 0 )) && tail -n "$tail" "$log"
  else
    cat "$log"
  fi
  echo "[exit $rc]"
  echo '```'
}

file_name=""
in_file=0
skipping=0
while IFS= read -r line || [[ -n "$line" ]]; do
  if (( skipping )); then
    if [[ "$line" == "<!-- /run -->" ]]; then
      skipping=0
      echo "$line" >>"$out"
    fi
    continue
  fi
  echo "$line" >>"$out"
  if [[ "$line" =~ ^\<!--\ file:\ ([^ ]+)\ --\>$ ]]; then
    file_name="${BASH_REMATCH[1]}"
    continue
  fi
  if [[ -n "$file_name" ]]; then
    if (( in_file == 0 )) && [[ "$line" == '```'* ]]; then
      in_file=1
      : >"$scratch/$file_name"
    elif (( in_file )) && [[ "$line" == '```' ]]; then
      in_file=0
      file_name=""
    elif (( in_file )); then
      echo "$line" >>"$scratch/$file_name"
    fi
    continue
  fi
  if [[ "$line" =~ ^\<!--\ run:\ (.*)\ --\>$ ]]; then
    capture "${BASH_REMATCH[1]}" >>"$out"
    skipping=1
  fi
done <"$readme"

if (( check )); then
  # Timings differ from run to run; command lines and exit codes must not.
  if ! diff <(grep -E '^\$ \./whylock|^\[exit' "$readme") <(grep -E '^\$ \./whylock|^\[exit' "$out"); then
    echo "$page: a captured command or exit code changed; run scripts/capture-readme.sh $page" >&2
    exit 1
  fi
  echo "$page: every captured command still exits as shown"
else
  cp "$out" "$readme"
  echo "$page: output re-captured from the current build"
fi
