"""Child process: sign in, save one person given on the command line, say so, then
wait to be killed (so the parent can inspect the files a crash leaves behind).

argv: DATA_DIR USER FIRST LAST SSN DOB; the password is the first line of stdin.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def main() -> int:
    from datetime import date

    from app.consent_gate import ConsentBasis
    from app.domain.person import Person
    from app.drafts import save_draft
    from app.people import save_new_person
    from app.rules.consent import StoredConsent
    ON_FILE = ConsentBasis((StoredConsent("written", date(1900, 1, 1), date(9999, 12, 31), None),))
    from app.session import sign_in

    data_dir, user, first, last, ssn, dob = sys.argv[1:7]
    password = sys.stdin.readline().rstrip("\n")
    session = sign_in(Path(data_dir), user, password)
    person = Person(first_name=first, last_name=last, ssn=ssn, dob=dob, name_data_quality=1,
                    ssn_data_quality=1, dob_data_quality=1)
    save_new_person(session, person, basis=ON_FILE)
    save_draft(session, "intake", {"first_name": first, "last_name": last, "ssn": ssn})
    print("saved", flush=True)
    time.sleep(120)
    return 0


if __name__ == "__main__":
    sys.exit(main())
