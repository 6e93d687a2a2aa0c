#!/usr/bin/env bash
# Tests the README's GNU parallel recipe for `newsclean batch` on
# localhost: a list of WARC files split across jobs, with a job log, one
# failed job, and --resume-failed rerunning only that job.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v parallel >/dev/null; then
  echo "check-parallel: installing GNU parallel"
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo=sudo; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq parallel >/dev/null
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/bin/newsclean" ./cmd/newsclean
export PATH="$tmp/bin:$PATH"
pages=cmd/newsclean/internal/batchcmd/testdata/pages
mk=cmd/newsclean/internal/batchcmd/testdata/mkwarc.sh
mkdir -p "$tmp/warcs" "$tmp/out"
bash "$mk" "$tmp/warcs/crawl-1.warc" https://a.example/ferry "$pages/harbour-ferry.html" https://a.example/budget "$pages/council-budget.htm"
bash "$mk" "$tmp/warcs/crawl-2.warc" https://b.example/storm "$pages/wire-storm-gazette.html"
bash "$mk" "$tmp/warcs/crawl-3.warc" https://c.example/storm "$pages/wire-storm-courier.html"
# crawl-4 is listed but not there yet: its job fails (exit 2, usage).
printf '%s\n' "$tmp"/warcs/crawl-{1,2,3,4}.warc > "$tmp/warcs.txt"

recipe() {
  parallel --jobs 2 --joblog "$tmp/jobs.log" --resume-failed \
    'newsclean batch --jobs 1 -o '"$tmp"'/out/{/.}.jsonl {}' < "$tmp/warcs.txt"
}

set +e
recipe 2> "$tmp/stderr1"
rc=$?
set -e
[[ $rc -eq 1 ]] || { echo "check-parallel: first run exit $rc, want 1 (one failed job)"; cat "$tmp/stderr1"; exit 1; }
failed=$(awk 'NR > 1 && $7 != 0' "$tmp/jobs.log" | wc -l)
[[ $failed -eq 1 ]] || { echo "check-parallel: $failed failed jobs in the log, want 1"; cat "$tmp/jobs.log"; exit 1; }
# A missing archive is a usage error (exit 2) that names it and writes nothing.
grep -q 'crawl-4.warc: no such file' "$tmp/stderr1" || { echo "check-parallel: the missing archive is not named on stderr"; cat "$tmp/stderr1"; exit 1; }
[[ ! -e "$tmp/out/crawl-4.jsonl" ]] || { echo "check-parallel: output written for the missing archive"; exit 1; }
before=$(stat -c %Y.%s "$tmp"/out/crawl-{1,2,3}.jsonl)

# The archive arrives; --resume-failed reruns only the failed job.
bash "$mk" "$tmp/warcs/crawl-4.warc" https://d.example/ferry "$pages/harbour-ferry.html"
sleep 1
recipe 2> "$tmp/stderr2"
after=$(stat -c %Y.%s "$tmp"/out/crawl-{1,2,3}.jsonl)
[[ "$before" == "$after" ]] || { echo "check-parallel: --resume-failed reran jobs that had succeeded"; exit 1; }
runs=$(awk 'NR > 1' "$tmp/jobs.log" | wc -l)
[[ $runs -eq 5 ]] || { echo "check-parallel: $runs job log entries, want 5 (4 + 1 rerun)"; cat "$tmp/jobs.log"; exit 1; }

cat "$tmp"/out/crawl-*.jsonl > "$tmp/all.jsonl"
records=$(wc -l < "$tmp/all.jsonl")
errors=$(grep -c '"error"' "$tmp/all.jsonl" || true)
[[ $records -eq 5 && $errors -eq 0 ]] || { echo "check-parallel: $records records, $errors errors; want 5 and 0"; cat "$tmp/all.jsonl"; exit 1; }
grep -q '"warc_target_uri":"https://d.example/ferry"' "$tmp/out/crawl-4.jsonl" || { echo "check-parallel: crawl-4 not processed"; exit 1; }
echo "check-parallel: ok (4 WARC jobs over 2 slots, 1 failure rerun by --resume-failed, $records records)"
