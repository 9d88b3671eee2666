#!/bin/sh
# Refresh the Spanish catalogue from every interface module under ui/ and compile it.
# Run from anywhere; uses the project's virtual environment unless VENV_BIN is set.
set -eu

cd "$(dirname "$0")/../.."
bin="${VENV_BIN:-.venv/bin}"
ts=resources/translations/hmis_intake_es.ts
qm=resources/translations/hmis_intake_es.qm

sources=$(mktemp)
trap 'rm -f "$sources"' EXIT
find ui -name '*.py' | LC_ALL=C sort >"$sources"

# -no-obsolete: a string that moved to another class or changed is dropped from its old
# place instead of piling up as an obsolete entry.
"$bin/pyside6-lupdate" @"$sources" -ts "$ts" -target-language es -no-obsolete
"$bin/pyside6-lrelease" "$ts" -qm "$qm"

unfinished=$(grep -c 'type="unfinished"' "$ts" || true)
if [ "$unfinished" -gt 0 ]; then
    echo "$unfinished message(s) still need a Spanish translation: open $ts in" \
         "$bin/pyside6-linguist, translate them, then run this script again."
fi
if grep -q '<name></name>' "$ts"; then
    echo "Some tr() calls have no context lupdate can see (the context with an empty name in $ts)." \
         "Use self.tr() inside the class, or QCoreApplication.translate(\"Context\", \"...\")."
fi
