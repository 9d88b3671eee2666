"""Child process of the kill -9 harness (reference §4.4).

Signs in, prints READY, then saves people one transaction at a time through
``app.people.save_new_person`` (person + outbox row + audit event) and prints each
personal_id only after the save has returned: that line is the acknowledgement.

argv: DATA_DIR USER; the password is the first line of standard input.
"""

from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path


def main() -> int:
    from datetime import date

    from app.consent_gate import ConsentBasis
    from app.domain.person import Person
    from app.people import save_new_person
    from app.rules.consent import StoredConsent
    ON_FILE = ConsentBasis((StoredConsent("written", date(1900, 1, 1), date(9999, 12, 31), None),))
    from app.session import sign_in

    data_dir, user = sys.argv[1], sys.argv[2]
    password = sys.stdin.readline().rstrip("\n")
    session = sign_in(Path(data_dir), user, password)
    out = sys.stdout
    out.write("READY\n")
    out.flush()
    n = 0
    while True:
        n += 1
        person = Person(
            personal_id=str(uuid.uuid4()),
            first_name="Durable",
            last_name=f"Writer{os.getpid()}x{n}",
            additional_race_ethnicity="x" * 100,  # a ~100-byte payload, as in the harness
            name_data_quality=1,
        )
        save_new_person(session, person, basis=ON_FILE)
        out.write(person.personal_id + "\n")
        out.flush()


if __name__ == "__main__":
    sys.exit(main())
