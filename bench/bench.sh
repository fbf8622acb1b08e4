#!/usr/bin/env bash
# Runwright's benchmark: site builds of N runbooks side by side with Hugo rendering the same
# Markdown pages, and the start-up of `generate` for one runbook. Prints a Markdown table for the
# README. Usage: bench/bench.sh [N ...]   (default: 1000 10000 100000)
#
# Both tools read and write in the same folder, on tmpfs when the machine has /dev/shm, so that
# the comparison measures the tools rather than the disk. Hugo runs only up to HUGO_MAX_PAGES
# pages (default 40000): it holds every page in memory, about 2.6 GB for 10,000 runbook pages. Times are medians of RUNS runs; peak
# memory is the largest resident set size /usr/bin/time reports.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
work=${BENCH_DIR:-$( [ -d /dev/shm ] && echo /dev/shm/runwright-bench || echo /tmp/runwright-bench )}
rw="$here/bin/runwright"

[ -f "$here/target/runwright.jar" ] || (cd "$here" && mvn -B -q -DskipTests package)
command -v /usr/bin/time >/dev/null || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }

# time_cmd LABEL CMD... : runs CMD $runs times, prints "median_seconds max_rss_mib"
time_cmd() {
  local label=$1; shift
  local times=() rss=0
  for _ in $(seq "$runs"); do
    "$@" >/dev/null 2>"$work/time.txt" || { cat "$work/time.txt" >&2; echo "bench: $label failed" >&2; exit 1; }
    read -r t m < <(tail -n 1 "$work/time.txt")
    times+=("$t")
    [ "$m" -gt "$rss" ] && rss=$m
  done
  printf '%s %d\n' "$(printf '%s\n' "${times[@]}" | median)" $((rss / 1024))
}

# inventory N FILE: N runbooks over 250 accounts, commercial, GovCloud and China Regions,
# one to three keys (some multi-Region, some given as ARNs), every fourth without a cluster.
inventory() {
  awk -v n="$1" 'BEGIN {
    split("us-east-1 us-east-2 us-west-2 eu-west-1 eu-central-1 ap-southeast-2 us-gov-west-1 cn-north-1", R, " ");
    print "title: Benchmark fleet"; print "defaults:"; print "  policyName: AmazonRDSKMSKey"; print "runbooks:";
    for (i = 0; i < n; i++) {
      acct = sprintf("%04d%08d", 1000 + i % 250, 22223333);
      r = R[1 + i % 8]; p = (r ~ /^us-gov/) ? "aws-us-gov" : (r ~ /^cn-/) ? "aws-cn" : "aws";
      printf "  - id: rb-%06d\n    account: \"%s\"\n    region: %s\n    keys:\n", i, acct, r;
      printf "      - %08x-12ab-4cde-8f01-%012x\n", i, i;
      if (i % 3 == 1) printf "      - mrk-%032x\n", i;
      if (i % 5 == 2) printf "      - arn:%s:kms:%s:%s:key/%08x-34cd-4ef0-9a12-%012x\n", p, r, acct, i, i;
      if (i % 4 != 3) printf "    clusterId: cluster-%d\n", i;
      printf "    description: Runbook %d of the benchmark fleet\n", i;
    }
  }' > "$2"
}

hugo_site() { # hugo_site SRC_SITE DEST: a Hugo project with the runbook.md files of a build
  local src=$1 dest=$2
  mkdir -p "$dest/content/runbooks" "$dest/layouts/_default"
  printf 'baseURL = "https://runbooks.example.internal/"\ntitle = "Benchmark fleet"\n' > "$dest/hugo.toml"
  cat > "$dest/layouts/_default/single.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main>{{ .Content }}</main></body></html>
HTML
  cat > "$dest/layouts/_default/list.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>
HTML
  (cd "$src" && find . -name '*.md' -printf '%P\n') | while read -r f; do
    cp "$src/$f" "$dest/content/runbooks/$(echo "$f" | tr / -)"
  done
}

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), $(hugo version 2>/dev/null | cut -d' ' -f1-2 || echo 'no hugo')"
echo "Folder: $work; runs per figure: $runs (median)"
echo
echo "| Runbooks | Pages | Runwright site | Peak RSS | Hugo, same pages | Hugo peak RSS | Ratio |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  inv="$work/inv-$n.yaml"
  inventory "$n" "$inv"
  for mode in step1 chain; do
    flag=(); [ "$mode" = step1 ] && flag=(--no-follow-ups)
    out="$work/site-$n-$mode"
    read -r t m < <(time_cmd "site $n $mode" /usr/bin/time -f "%e %M" \
      "$rw" site --config "$inv" --out "$out" --force -q --max-input-bytes 1073741824 "${flag[@]}")
    pages=$(find "$out" -name '*.html' ! -name index.html ! -name 404.html | wc -l)
    pages=$((pages + $(find "$out" -mindepth 2 -name index.html | wc -l)))
    if command -v hugo >/dev/null && [ "$pages" -le "${HUGO_MAX_PAGES:-40000}" ]; then
      hugo_site "$out" "$work/hugo-$n-$mode"
      read -r ht hm < <(time_cmd "hugo $n $mode" /usr/bin/time -f "%e %M" \
        hugo --quiet --source "$work/hugo-$n-$mode" --destination "$work/hugo-$n-$mode/public")
      ratio=$(awk -v a="$t" -v b="$ht" 'BEGIN {printf "%.2fx", a / b}')
      rm -rf "$work/hugo-$n-$mode"
    else
      ht="-"; hm="-"; ratio="-"
    fi
    label=$([ "$mode" = step1 ] && echo "step 1 only" || echo "whole procedure")
    echo "| $n ($label) | $pages | ${t} s | ${m} MiB | ${ht} s | ${hm} MiB | $ratio |"
    rm -rf "$out"
  done
  rm -f "$inv"
done

echo
gen="$work/generate"
times=()
for _ in $(seq 7); do
  s=$(date +%s.%N)
  "$rw" generate --config "$here/site/examples/runbook.yaml" --out "$gen" -q
  e=$(date +%s.%N)
  times+=("$(awk -v s="$s" -v e="$e" 'BEGIN {printf "%.3f", e - s}')")
done
echo "generate, one runbook through bin/runwright: median $(printf '%s\n' "${times[@]}" | median) s of 7 runs (${times[*]})"

# For scale: the JVM's own start on this machine, hello world with the launcher's JIT and GC flags.
hello="$work/hello"
mkdir -p "$hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hi"); } }\n' \
  > "$hello/Hello.java"
javac -d "$hello" "$hello/Hello.java"
times=()
for _ in $(seq 7); do
  s=$(date +%s.%N)
  java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -cp "$hello" Hello >/dev/null
  e=$(date +%s.%N)
  times+=("$(awk -v s="$s" -v e="$e" 'BEGIN {printf "%.3f", e - s}')")
done
echo "java running hello world on this machine: median $(printf '%s\n' "${times[@]}" | median) s of 7 runs (${times[*]})"
