#!/bin/bash
# The consent rules walked from outside, with the installed commands only (synthetic
# people): an expired MO ROI refused, a re-import saving nothing twice, history and
# consent list, a VT DV project forced Not Shared in both export destinations, and a
# declined household synced with --batch-size 1 to the reference server on loopback.
# Usage: tools/walks/policy_walk.sh   (after ./dev test has built .venv)
set -u
export ROOT
ROOT=$(cd "$(dirname "$0")/../.." && pwd); BIN=${BIN:-$ROOT/.venv/bin}
export HMIS_INTAKE_KDF_TARGET_MS=0
W=$(mktemp -d /tmp/e2e.XXXX); PW='Quiet!Harbor7Lantern9'
H() { local d=$1; shift; printf '%s\n' "$PW" | $BIN/hmis-intake --data-dir "$W/$d" "$@" --user admin --password-stdin; }
py() { $BIN/python - "$@"; }
echo "== work dir $W"
# MO: expired ROI, gap, declined household; VT: DV project; CT: no release
printf '%s\n' "$PW" | $BIN/hmis-intake --data-dir $W/mo init --access-completed today --pack mo --user admin --password-stdin --agency "Riverbend Test Shelter" --project "Street Outreach:4" >/dev/null && echo "mo init ok"
printf '%s\n' "$PW" | $BIN/hmis-intake --data-dir $W/vt init --access-completed today --pack vt --user admin --password-stdin --agency "Lakeside Test Agency" --project "Safe Harbor:1:dv" --project "Emergency Shelter:1" >/dev/null && echo "vt init ok"
H mo project list --json | $BIN/python -c "import json,sys; print('mo projects', [(p['name'], p.get('populations')) for p in json.load(sys.stdin)])"
H vt project list --json | $BIN/python -c "import json,sys; print('vt projects', [(p['name'], p.get('populations')) for p in json.load(sys.stdin)])"
# documents
py "$W" <<'PY'
import json, sys, copy, os, pathlib
W = pathlib.Path(sys.argv[1]); forms = pathlib.Path(os.environ["ROOT"]) / "forms" / "intake"
mo = json.loads((forms / "example-mo.json").read_text())
def dated(doc, signed, entry, last, did):
    d = copy.deepcopy(doc); d["document_id"] = did
    d["consent"]["signed_on"] = signed
    d["collected_at"] = entry + "T10:00:00-06:00"
    for m in d["members"]:
        m["client"]["LastName"] = last; m["enrollment"]["EntryDate"] = entry
        if "DateOfEngagement" in m["enrollment"]: m["enrollment"]["DateOfEngagement"] = entry
    return d
docs = [dated(mo, "2025-03-01", "2026-03-02", "Expiredroi", "e2e-mo-expired"),   # 366 days: MO-ROI-10
        dated(mo, "2026-03-01", "2026-03-01", "Inforcework", "e2e-mo-ok")]
declined = dated(mo, "2026-03-01", "2026-03-01", "Declinedhold", "e2e-mo-declined")
declined["consent"] = {"method": "declined", "sharing": "not_shared", "signed_on": "2026-03-01"}
docs.append(declined)
(W / "mo.json").write_text(json.dumps(docs))
vt = json.loads((forms / "example-vt.json").read_text())
vt = dated(vt, "2026-03-01", "2026-03-01", "Harborclient", "e2e-vt-dv"); vt["project_id"] = "Safe Harbor"
vt["consent"].update(sharing="shared", shared_with=["Vermont HMIS partner agencies"], release_to_share_signed=True)
(W / "vt.json").write_text(json.dumps([vt]))
PY
echo "== import-intake mo (3 documents)"; H mo import-intake $W/mo.json --json | $BIN/python -c "import json,sys; [print(' ', o['index'], o['status'], o['problems'][:1]) for o in json.load(sys.stdin)]"
echo "== re-import (nothing twice)"; H mo import-intake $W/mo.json --json | $BIN/python -c "import json,sys; print(' ', [o['status'] for o in json.load(sys.stdin)])"
echo "== search Expiredroi / Inforcework"; H mo search Expiredroi --json; H mo search Inforcework --json | $BIN/python -c "import json,sys; print(' found', len(json.load(sys.stdin)))"
PID=$(H mo search Inforcework --json | $BIN/python -c "import json,sys; print(json.load(sys.stdin)[0]['personal_id'])")
echo "== history"; H mo history $PID --json | $BIN/python -c "import json,sys; h=json.load(sys.stdin); print(' events', len(h) if isinstance(h,list) else h.keys())"
echo "== consent list"; H mo consent list $PID --json | $BIN/python -c "import json,sys; c=json.load(sys.stdin); print(' ', [(x.get('method'), x.get('sharing'), x.get('status'), x.get('verification_code')) for x in c])"
echo "== import-intake vt (DV project, shared release)"; H vt import-intake $W/vt.json --json | $BIN/python -c "import json,sys; [print(' ', o['status'], o['problems'][:1]) for o in json.load(sys.stdin)]"
H vt export-hmis-csv $W/vt-agency.zip --destination agency --json >/dev/null; H vt export-hmis-csv $W/vt-coc.zip --destination coc --json >/dev/null
py "$W" <<'PY'
import zipfile, csv, io, sys, pathlib
W = pathlib.Path(sys.argv[1])
for name in ("vt-agency", "vt-coc"):
    z = zipfile.ZipFile(W / f"{name}.zip")
    rows = list(csv.DictReader(io.StringIO(z.read("Client.csv").decode())))
    print(" ", name, [(r["FirstName"], r["LastName"], r["DOB"]) for r in rows])
vis = W / "vt-agency.visibility.csv"
print("  visibility list:", vis.read_text().splitlines() if vis.exists() else "none")
PY
$BIN/hmis-intake check-hmis-csv $W/vt-coc.zip --json | $BIN/python -c "import json,sys; r=json.load(sys.stdin); print('  check coc: high', r['high_priority'], 'errors', r['errors'])"
echo "== sync mo with --batch-size 1 to the reference server"
PORT=$((20000 + RANDOM % 20000)); DB=sqlite:///$W/server.db
$BIN/hmis-intake-server serve --db $DB --host 127.0.0.1 --port $PORT >$W/server.log 2>&1 & SP=$!
sleep 3
CODE=$($BIN/hmis-intake-server enrollment-code --db $DB --agency "Riverbend Test Shelter" | tail -1)
printf '%s\n%s\n' "$PW" "$CODE" | $BIN/hmis-intake --data-dir "$W/mo" enroll --server http://127.0.0.1:$PORT --credential-store vault --user admin --password-stdin | tail -1
H mo sync --batch-size 1 | tail -3
$BIN/python - "$W" <<'PY'
import sqlite3, sys, json
con = sqlite3.connect(sys.argv[1] + "/server.db")
cols = [r[1] for r in con.execute("PRAGMA table_info(received_record)")]
order = [r for r in con.execute("SELECT entity, entity_id FROM received_record ORDER BY rowid")]
print("  server received, in order:", [e for e, _ in order])
PY
kill $SP; wait $SP 2>/dev/null
echo "== status"; H mo status --json
echo "done: $W"
