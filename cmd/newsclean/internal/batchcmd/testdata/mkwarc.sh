#!/usr/bin/env bash
# mkwarc.sh OUT.warc URL FILE [URL FILE...]
# Writes an uncompressed WARC holding each FILE as a resource record
# (Content-Type text/html) with the given target URL. Test helper.
set -euo pipefail
out=$1; shift
: > "$out"
n=0
while [[ $# -ge 2 ]]; do
  url=$1 file=$2; shift 2
  n=$((n + 1))
  len=$(wc -c < "$file")
  {
    printf 'WARC/1.1\r\n'
    printf 'WARC-Type: resource\r\n'
    printf 'WARC-Target-URI: %s\r\n' "$url"
    printf 'WARC-Date: 2024-03-05T10:00:00Z\r\n'
    printf 'WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n' "$n"
    printf 'Content-Type: text/html; charset=utf-8\r\n'
    printf 'Content-Length: %d\r\n\r\n' "$len"
    cat "$file"
    printf '\r\n\r\n'
  } >> "$out"
done
