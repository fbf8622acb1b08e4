#!/usr/bin/env bash
# Runwright's benchmark: site builds of N runbooks side by side with Hugo rendering the same
# Markdown pages, and the start-up of `generate` for one runbook. Prints a Markdown table for the
# README. Usage: bench/bench.sh [N ...]   (default: 1000 10000 100000; `generate` for the
# start-up figures alone)
#
# Both tools read and write in the same folder, on tmpfs when the machine has /dev/shm with room
# for the largest build, so that the comparison measures the tools rather than the disk. Hugo renders the very Markdown files
# Runwright wrote, in two configurations: its defaults, which highlight every code block with
# Chroma, as Runwright highlights every code block at build time (the fair peer), and with
# highlighting, taxonomies, RSS and the sitemap off (less work than Runwright does, for scale).
# Hugo runs only up to HUGO_MAX_PAGES pages (default 40000): it holds every page in memory, about
# 4 GB per 10,000 highlighted pages. Runwright runs through bin/runwright (its launcher flags)
# and as `java -jar target/runwright.jar`. Times are medians of RUNS runs (a tool's first run
# builds into an empty folder, its later ones rebuild over its own output); peak memory is the
# largest resident set size (`/usr/bin/time -f %M`, as `-v` reports it) of the RUNS runs.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
[ "${sizes[*]}" != generate ] || sizes=()
# tmpfs unless the largest build would not fit there: a whole-procedure site takes about 0.65 MB
# a runbook on disk (32 files), so 100,000 runbooks need some 65 GB, more than the RAM of most
# machines (a full tmpfs makes the kernel kill the build); then a folder on disk.
largest=0
for n in ${sizes[@]+"${sizes[@]}"}; do [ "$n" -gt "$largest" ] && largest=$n; done
need_kb=$((largest * 650 + 1048576))
shm_kb=$(df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 {print $4}')
if [ -n "${BENCH_DIR:-}" ]; then
  work=$BENCH_DIR
elif [ -n "$shm_kb" ] && [ "$shm_kb" -gt "$need_kb" ]; then
  work=/dev/shm/runwright-bench
else
  work=/var/tmp/runwright-bench
fi
rw="$here/bin/runwright"

[ -f "$here/target/runwright.jar" ] || (cd "$here" && mvn -B -q -DskipTests package)
command -v /usr/bin/time >/dev/null || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }

# time_cmd LABEL CMD... : runs CMD $runs times under /usr/bin/time -f "%e %M %U %S", prints
# "median_wall_seconds max_rss_mib median_cpu_seconds" (CPU: user + system, which a busy machine
# disturbs less than wall time)
time_cmd() {
  local label=$1; shift
  local times=() cpus=() rss=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M %U %S" "$@" >/dev/null 2>"$work/time.txt" \
      || { cat "$work/time.txt" >&2; echo "bench: $label failed" >&2; exit 1; }
    read -r t m u s < <(tail -n 1 "$work/time.txt")
    times+=("$t")
    cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN {printf "%.1f", u + s}')")
    [ "$m" -gt "$rss" ] && rss=$m
  done
  printf '%s %d %s\n' "$(printf '%s\n' "${times[@]}" | median)" $((rss / 1024)) \
    "$(printf '%s\n' "${cpus[@]}" | median)"
}

# inventory N FILE: N runbooks over 250 accounts, commercial, GovCloud and China Regions, every
# tenth on Aurora PostgreSQL; each with one or two S3 locations, one to three KMS keys (some
# multi-Region, some given as ARNs), a cluster, a database user and a database, so that the whole
# procedure (S3, KMS, role, association, database, test) is built for every runbook.
inventory() {
  awk -v n="$1" '
BEGIN {
    split("us-east-1 us-east-2 us-west-2 eu-west-1 eu-central-1 ap-southeast-2 us-gov-west-1 cn-north-1", R, " ");
    print "title: Benchmark fleet"; print "runbooks:";
    for (i = 0; i < n; i++) {
      acct = sprintf("%04d%08d", 1000 + i % 250, 22223333);
      r = R[1 + i % 8]; p = (r ~ /^us-gov/) ? "aws-us-gov" : (r ~ /^cn-/) ? "aws-cn" : "aws";
      pg = (i % 10 == 9);
      printf "  - id: rb-%06d\n    account: \"%s\"\n    region: %s\n", i, acct, r;
      if (pg) printf "    engine: aurora-postgresql\n";
      printf "    buckets:\n      - s3://bench-imports-%d/daily/\n", i % 500;
      if (i % 6 == 1) printf "      - s3://bench-exports-%d/\n", i % 500;
      if (i % 6 == 1) printf "    access: [load, save]\n";
      printf "    keys:\n      - %08x-12ab-4cde-8f01-%012x\n", i, i;
      if (i % 3 == 1) printf "      - mrk-%032x\n", i;
      if (i % 5 == 2) printf "      - arn:%s:kms:%s:%s:key/%08x-34cd-4ef0-9a12-%012x\n", p, r, acct, i, i;
      printf "    clusterId: cluster-%d\n", i;
      # IAM names are unique in an account and entries of one account grant different things:
      # every entry names its own policies and roles (validate and site refuse a clash).
      split("policyName s3PolicyName lambdaPolicyName s3ImportPolicyName s3ExportPolicyName roleName s3ImportRoleName s3ExportRoleName lambdaRoleName", N, " ");
      for (k = 1; k <= 9; k++) printf "    %s: Bench%s%06d\n", N[k], toupper(substr(N[k], 1, 1)) substr(N[k], 2), i;
      if (pg) printf "    dbUser: loader_%d\n", i; else printf "    dbUser: loader@\04710.%d.%%\047\n", i % 250;
      printf "    database: bench_%d\n", i;
      printf "    description: Runbook %d of the benchmark fleet\n", i;
    }
}' > "$2"
}

hugo_site() { # hugo_site SRC_SITE DEST PLAIN: a Hugo project with the Markdown files of a build
  local src=$1 dest=$2 plain=$3
  mkdir -p "$dest/content/runbooks" "$dest/layouts/_default"
  printf 'baseURL = "https://runbooks.example.internal/"\ntitle = "Benchmark fleet"\n' > "$dest/hugo.toml"
  if [ "$plain" = plain ]; then
    printf 'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n[markup.highlight]\ncodeFences = false\n' \
      >> "$dest/hugo.toml"
  fi
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

# hugo_row SITE NAME PLAIN: "seconds MiB" of Hugo building SITE's Markdown, or "- -"
hugo_row() {
  local dest="$work/hugo-$2-$3"
  hugo_site "$1" "$dest" "$3"
  time_cmd "hugo $2" hugo --quiet --source "$dest" --destination "$dest/public"
  rm -rf "$dest"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2fx", a / b}'; }

# The issue's targets, judged as the rows come in and printed at the end.
targets=()
# target TEXT OK: records one target as met (OK is 1) or not
target() { if [ "$2" = 1 ]; then targets+=("met: $1"); else targets+=("NOT met: $1"); fi; }
le() { awk -v a="$1" -v b="$2" 'BEGIN {print (a <= b) ? 1 : 0}'; }

# median_of_7 CMD...: median wall seconds of 7 runs, then the 7 runs
median_of_7() {
  local times=() s e
  for _ in $(seq 7); do
    s=$(date +%s.%N)
    "$@" >/dev/null
    e=$(date +%s.%N)
    times+=("$(awk -v s="$s" -v e="$e" 'BEGIN {printf "%.3f", e - s}')")
  done
  echo "$(printf '%s\n' "${times[@]}" | median) (${times[*]})"
}

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Java: $(java -version 2>&1 | tr '\n' ' ')"
echo "Hugo: $(hugo version 2>/dev/null | cut -d' ' -f1-2 || echo 'not installed (apt-get install -y hugo)')"
echo "Folder: $work ($(df -PT "$work" | awk 'NR == 2 {print $2}'), for about $((need_kb / 1048576)) GB of output); runs per figure: $runs (median); command: RUNS=$runs bench/bench.sh ${sizes[*]}"
echo
echo "Hugo renders the same Markdown files. Runwright highlights code at build time, so the fair"
echo "peer is Hugo with its defaults (Chroma highlighting on); \"Hugo, less work\" has highlighting,"
echo "taxonomies, RSS and the sitemap off. Ratio: bin/runwright's wall time over Hugo's. In"
echo "parentheses: CPU seconds (user + system), to compare by when the machine is busy."
echo
# Time linear in the number of runbooks: the launcher's wall time per runbook at each size,
# against a 1,000-runbook build of the same mode in the same folder (built first, launcher only,
# when 1,000 is not among the sizes). Linear: no more than 1.25 times the time per runbook at
# 1,000 (the JVM's start and the JIT's warm-up make small builds dearer per runbook, not cheaper).
declare -A per_runbook=()
linear_ref=1000
smallest=$largest
for n in ${sizes[@]+"${sizes[@]}"}; do [ "$n" -lt "$smallest" ] && smallest=$n; done
if [ "$largest" -ge 10000 ] && [ "$smallest" -gt "$linear_ref" ]; then
  inv="$work/inv-$linear_ref.yaml"
  inventory "$linear_ref" "$inv"
  for mode in step1 chain; do
    flag=(); [ "$mode" = step1 ] && flag=(--no-follow-ups)
    out="$work/site-$linear_ref-$mode"
    rm -rf "$out"
    read -r t m c < <(time_cmd "site $linear_ref $mode" "$rw" site --config "$inv" --out "$out" --force -q "${flag[@]}")
    per_runbook[$linear_ref-$mode]=$t
    echo "Reference for linearity: bin/runwright, $linear_ref runbooks ($mode): ${t} s ($c CPU s), ${m} MiB"
    rm -rf "$out"
  done
  rm -f "$inv"
  echo
fi

echo "| Runbooks | Pages | bin/runwright | Peak RSS | java -jar | Peak RSS | Hugo defaults (highlighting, fair) | Peak RSS | Ratio | Hugo, less work | Peak RSS | Ratio |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in ${sizes[@]+"${sizes[@]}"}; do
  inv="$work/inv-$n.yaml"
  inventory "$n" "$inv"
  for mode in step1 chain; do
    flag=(); [ "$mode" = step1 ] && flag=(--no-follow-ups)
    out="$work/site-$n-$mode"
    args=(site --config "$inv" --out "$out" --force -q --max-input-bytes 1073741824 "${flag[@]}")
    # Each tool starts from an empty folder (its later runs rebuild over its own output): the
    # same work for both, and no staging folder of one beside the other's whole site on disk.
    rm -rf "$out"
    read -r t m c < <(time_cmd "site $n $mode" "$rw" "${args[@]}")
    per_runbook[$n-$mode]=$t
    rm -rf "$out"
    read -r jt jm jc < <(time_cmd "java -jar site $n $mode" java -jar "$here/target/runwright.jar" "${args[@]}")
    pages=$(find "$out" -name '*.html' ! -name index.html ! -name 404.html | wc -l)
    pages=$((pages + $(find "$out" -mindepth 2 -name index.html | wc -l)))
    hd=("-" "-" "-"); hp=("-" "-" "-")
    if command -v hugo >/dev/null && [ "$pages" -le "${HUGO_MAX_PAGES:-40000}" ]; then
      read -r ht hm hc < <(hugo_row "$out" "$n-$mode" default)
      hd=("$ht s ($hc)" "$hm MiB" "$(ratio "$t" "$ht")")
      read -r ht hm hc < <(hugo_row "$out" "$n-$mode" plain)
      hp=("$ht s ($hc)" "$hm MiB" "$(ratio "$t" "$ht")")
    fi
    label=$([ "$mode" = step1 ] && echo "step 1 only" || echo "whole procedure")
    # The issue's targets are for 10,000 runbooks and more; smaller sizes are for scale.
    if [ "$n" -ge 10000 ]; then
      target "$n runbooks, $label: peak RSS ${m} MiB <= 300 MiB" "$(le "$m" 300)"
      if [ -n "${per_runbook[$linear_ref-$mode]:-}" ] && [ "$n" -gt "$linear_ref" ]; then
        a=$(awk -v t="$t" -v n="$n" 'BEGIN {printf "%.2f", t * 1000 / n}')
        b=$(awk -v t="${per_runbook[$linear_ref-$mode]}" -v n="$linear_ref" 'BEGIN {printf "%.2f", t * 1000 / n}')
        target "$n runbooks, $label: time linear, $a ms a runbook against $b ms at $linear_ref ($(ratio "$a" "$b") <= 1.25x)" "$(le "$(awk -v a="$a" -v b="$b" 'BEGIN {print a / b}')" 1.25)"
      fi
      if [ "${hd[2]}" != "-" ]; then
        target "$n runbooks, $label: ${hd[2]} of fair Hugo's time <= 0.5x" "$(le "${hd[2]%x}" 0.5)"
      elif [ "$n" -le 10000 ]; then
        targets+=("not measured: $n runbooks, $label against Hugo ($pages pages > HUGO_MAX_PAGES ${HUGO_MAX_PAGES:-40000}, or no hugo)")
      fi
    fi
    targets+=("chosen instead: $n runbooks, $label: java -jar takes $(ratio "$jt" "$t") of the launcher's time and $(ratio "$jm" "$m") of its memory; the README and --help make bin/runwright the way, and java -jar warns")
    echo "| $n ($label) | $pages | ${t} s ($c) | ${m} MiB | ${jt} s ($jc) | ${jm} MiB | ${hd[0]} | ${hd[1]} | ${hd[2]} | ${hp[0]} | ${hp[1]} | ${hp[2]} |"
    rm -rf "$out"
  done
  rm -f "$inv"
done

echo
gen="$work/generate"
example="$here/site/examples/runbook.yaml"
# The short commands are answered by a daemon (README, "Start-up"): a private folder for its socket,
# so that the bench starts its own and stops it at the end, and the first run, which starts it, is
# timed on its own. The runs without a daemon (RUNWRIGHT_DAEMON=0) are a cold JVM each.
export XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
trap '"$rw" daemon --stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
"$rw" daemon --stop >/dev/null
s=$(date +%s.%N)
"$rw" generate --config "$example" --out "$gen" -q
e=$(date +%s.%N)
echo "generate, one runbook, the first in a folder (starts the daemon): $(awk -v s="$s" -v e="$e" 'BEGIN {printf "%.3f", e - s}') s"
g=$(median_of_7 "$rw" generate --config "$example" --out "$gen" -q)
echo "generate, one runbook (whole procedure, every form) through bin/runwright, answered by its daemon: median $g s of 7 runs"
target "generate, whole procedure: ${g%% *} s <= 0.25 s" "$(le "${g%% *}" 0.25)"
g=$(median_of_7 "$rw" generate --config "$example" --out "$gen" -q --no-follow-ups --forms none)
echo "generate, one runbook (step 1 only, no forms) through bin/runwright, answered by its daemon: median $g s of 7 runs"
target "generate, step 1 only: ${g%% *} s <= 0.25 s" "$(le "${g%% *}" 0.25)"
pid=$(head -n 1 "$XDG_RUNTIME_DIR"/runwright/*.pid 2>/dev/null || true)
if [ -n "$pid" ] && [ -r "/proc/$pid/status" ]; then
  echo "the daemon's resident set after those runs: $(awk '/VmRSS/ {printf "%d MiB", $2 / 1024}' "/proc/$pid/status")"
fi
"$rw" daemon --stop >/dev/null
echo "generate, one runbook (whole procedure) through bin/runwright with RUNWRIGHT_DAEMON=0 (a cold JVM each): median $(RUNWRIGHT_DAEMON=0 median_of_7 "$rw" generate --config "$example" --out "$gen" -q) s of 7 runs"
echo "generate, one runbook (step 1 only, no forms) with RUNWRIGHT_DAEMON=0: median $(RUNWRIGHT_DAEMON=0 median_of_7 "$rw" generate --config "$example" --out "$gen" -q --no-follow-ups --forms none) s of 7 runs"
echo "generate, one runbook through java -jar: median $(median_of_7 java -jar "$here/target/runwright.jar" generate --config "$example" --out "$gen" -q) s of 7 runs"

# For scale: the JVM's own start on this machine, hello world with the launcher's JIT and GC flags.
hello="$work/hello"
mkdir -p "$hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hi"); } }\n' \
  > "$hello/Hello.java"
javac -d "$hello" "$hello/Hello.java"
echo "java running hello world (launcher's JIT and GC flags): median $(median_of_7 java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -cp "$hello" Hello) s of 7 runs"

echo
echo "Targets (issue 17):"
printf -- '- %s\n' "${targets[@]}"
