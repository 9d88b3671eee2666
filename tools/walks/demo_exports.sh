#!/bin/bash
# HUD readiness from outside: fresh demo vaults in each pack, 300 and 3,000 people,
# hashed and not, both export destinations, then the central server's export after a
# sync; check-hmis-csv must find no high-priority problem and no error.
# Usage: tools/walks/demo_exports.sh   (after ./dev test has built .venv)
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd); B=${BIN:-$ROOT/.venv/bin}; export HMIS_INTAKE_KDF_TARGET_MS=0; PW='Quiet!Harbor7Lantern9'
W=$(mktemp -d /tmp/demox.XXXX)
PORT=$((20000 + RANDOM % 20000)); DB=sqlite:///$W/server.db
$B/hmis-intake-server serve --db $DB --host 127.0.0.1 --port $PORT >$W/server.log 2>&1 & SP=$!
sleep 3
for pack in ct vt mo; do for n in 300 3000; do
  D=$W/$pack-$n; A="Agency $pack $n"
  printf '%s\n' "$PW" | $B/hmis-intake --data-dir $D init --access-completed today --pack $pack --user admin --password-stdin --agency "$A" >/dev/null
  /usr/bin/time -f "%e" -o $W/t printf '' ; start=$(date +%s.%N)
  printf '%s\n' "$PW" | $B/hmis-intake --data-dir $D demo-data --clients $n --user admin --password-stdin >/dev/null || echo "demo-data failed $pack $n"
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  for hash in "" "--hashed"; do for dest in agency coc; do
    out=$W/$pack-$n-$dest${hash:+-hashed}.zip
    printf '%s\n' "$PW" | $B/hmis-intake --data-dir $D export-hmis-csv $out --destination $dest $hash --json --user admin --password-stdin >/dev/null 2>$W/err || echo "export exit $? $pack $n $dest $hash: $(tail -1 $W/err)"
    $B/hmis-intake check-hmis-csv $out --json | $B/python -c "import json,sys; r=json.load(sys.stdin); print('$pack $n $dest ${hash:-plain}: high', r['high_priority'], 'errors', r['errors'], 'warnings', r['warnings'])"
  done; done
  echo "$pack $n demo-data seconds: $secs"
  if [ $n = 300 ]; then
    CODE=$($B/hmis-intake-server enrollment-code --db $DB --agency "$A" | tail -1)
    printf '%s\n%s\n' "$PW" "$CODE" | $B/hmis-intake --data-dir $D enroll --server http://127.0.0.1:$PORT --credential-store vault --user admin --password-stdin >/dev/null
    printf '%s\n' "$PW" | $B/hmis-intake --data-dir $D sync --user admin --password-stdin | tail -1
  fi
done; done
kill $SP; wait $SP 2>/dev/null
for agency in "" "Agency vt 300"; do
  out=$W/server-${agency:+agency}.zip
  $B/hmis-intake-server export-hmis-csv --db $DB $out ${agency:+--agency "$agency"} >/dev/null 2>$W/err || echo "server export exit: $(tail -1 $W/err)"
  $B/hmis-intake check-hmis-csv $out --json | $B/python -c "import json,sys; r=json.load(sys.stdin); print('server ${agency:-all agencies}: high', r['high_priority'], 'errors', r['errors'], 'warnings', r['warnings'])"
done
echo "dir $W"
