"""The client's copy of their record (MO-RIGHTS-1, VT-3.4-7, CT-207-6): everything the
device holds about the person — profile, household, enrollments, consents and
revocations, contacts, services, exits, case notes with amendments and deletion
requests, corrections and requests — and who added, changed, viewed, printed or
exported it, and when, from the audit trail.

Codes are shown with HUD's labels in the copy's language.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import SupportsIndex, SupportsInt

from app.catalog import load_questions
from app.documents.consent_form import DASH, form_language
from app.documents.labels import labels
from app.documents.verification import code_from_digest
from app.history import HistoryEntry, person_history
from app.rights import consent_row, consent_status
from app.session import Session

RACE_FIELDS = ("am_ind_ak_native", "asian", "black_af_american", "hispanic_latinao", "mid_east_n_african",
               "native_hi_pacific", "white")
WORDS = {
    "en": {"record_copy": "Copy of the client's record", "profile": "Profile", "name": "Name", "dob": "Date of birth",
           "ssn": "Social Security number (last 4)", "sex": "Sex", "veteran": "Veteran status",
           "race": "Race and ethnicity", "added": "Added", "changed": "Last changed", "household": "Household",
           "enrollments": "Enrollments", "project": "Project", "entry": "Start", "exit": "Exit",
           "destination": "Destination", "locked": "Locked", "consents": "Consents and revocations",
           "method": "Method", "sharing": "Sharing", "signed": "Signed", "ends": "Ends", "status": "Status",
           "change": "Change", "contacts": "Contacts (4.12)", "date": "Date", "situation": "Living situation",
           "location": "Location", "services": "Services", "record_type": "Record type", "service": "Service",
           "notes": "Case notes", "note": "Note", "amends": "Amends the note of", "deletion": "Deletion requested",
           "corrections": "Corrections", "field": "Information", "marked": "Marked", "supplement": "Supplement",
           "outcome": "Outcome", "requests": "Requests from the client", "kind": "Request", "received": "Received",
           "due": "Due", "history": "Who added, changed, viewed, printed or exported this record",
           "when": "When", "who": "Who", "what": "What", "none": "Nothing on file.", "by": "by",
           "as_of": "Made on", "agency": "Agency", "agency_contact": "Agency contact"},
    "es": {"record_copy": "Copia del expediente del cliente", "profile": "Perfil", "name": "Nombre",
           "dob": "Fecha de nacimiento", "ssn": "Número de Seguro Social (últimos 4)", "sex": "Sexo",
           "veteran": "Condición de veterano", "race": "Raza y etnia", "added": "Agregado",
           "changed": "Último cambio", "household": "Hogar", "enrollments": "Inscripciones", "project": "Proyecto",
           "entry": "Inicio", "exit": "Salida", "destination": "Destino", "locked": "Bloqueado",
           "consents": "Consentimientos y revocaciones", "method": "Forma", "sharing": "Compartir",
           "signed": "Firmado", "ends": "Termina", "status": "Estado", "change": "Cambio",
           "contacts": "Contactos (4.12)", "date": "Fecha", "situation": "Situación de vivienda",
           "location": "Lugar", "services": "Servicios", "record_type": "Tipo de registro", "service": "Servicio",
           "notes": "Notas del caso", "note": "Nota", "amends": "Corrige la nota del",
           "deletion": "Eliminación solicitada", "corrections": "Correcciones", "field": "Información",
           "marked": "Marcada", "supplement": "Complemento", "outcome": "Resultado",
           "requests": "Solicitudes del cliente", "kind": "Solicitud", "received": "Recibida", "due": "Vence",
           "history": "Quién agregó, cambió, vio, imprimió o exportó este expediente", "when": "Cuándo",
           "who": "Quién", "what": "Qué", "none": "Nada registrado.", "by": "por", "as_of": "Hecha el",
           "agency": "Agencia", "agency_contact": "Contacto de la agencia"},
}


@dataclass(frozen=True)
class Section:
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # fractions of the line


@dataclass
class RecordCopy:
    lang: str
    agency: str
    agency_contact: str
    personal_id: str
    made_on: str
    profile: list[tuple[str, str]]
    sections: list[Section] = field(default_factory=list)
    history: list[HistoryEntry] = field(default_factory=list)
    verification_code: str = ""

    def words(self) -> dict[str, str]:
        return WORDS.get(self.lang, WORDS["en"])


def _label(list_id: str, value: object, lang: str) -> str:
    if value is None or value == "":
        return DASH
    codes = load_questions().code_list(list_id)
    if not isinstance(value, str | bytes | SupportsInt | SupportsIndex):
        return str(value)  # int() would refuse it
    try:
        number = int(value)
    except (TypeError, ValueError):
        return str(value)
    return codes.label(number, lang) if number in codes else str(value)


def stamp(at: object) -> str:
    """An ISO time as people read it: date and minutes."""
    return str(at or "")[:16].replace("T", " ")


def _yes_no(value: object, lang: str) -> str:
    return labels(lang)["yes"] if value else labels(lang)["no"]


def gather_record(session: Session, personal_id: str, lang: str | None = None) -> RecordCopy:
    """Everything held about the person (no permission check; ``service`` checks)."""
    conn = session.conn
    lang = form_language(session.pack.id, lang)
    w = WORDS.get(lang, WORDS["en"])
    cursor = conn.execute("SELECT * FROM person WHERE personal_id = ?", (personal_id,))
    row = cursor.fetchone()
    if row is None:
        from app.errors import UserFacingError

        raise UserFacingError("That person does not exist on this device.")
    person = dict(zip([d[0] for d in cursor.description], row, strict=True))
    users = {str(r[0]): str(r[1]) for r in conn.execute("SELECT user_id, display_name FROM app_user")}

    def who(uid: object) -> str:
        return users.get(str(uid), DASH) if uid else DASH

    name = " ".join(str(person[k]) for k in ("first_name", "middle_name", "last_name", "name_suffix") if person[k])
    ssn = person.get("ssn") or ""
    races = [k for k in RACE_FIELDS if person.get(k)]
    profile = [
        (w["name"], name or DASH), (w["dob"], person.get("dob") or DASH),
        (w["ssn"], f"xxx-xx-{ssn[-4:]}" if len(ssn) == 9 else DASH),
        (w["sex"], _label("4.21", person.get("sex"), lang)),
        (w["veteran"], _label("1.8", person.get("veteran_status"), lang)),
        (w["race"], ", ".join(races) or DASH),
        (w["added"], f"{stamp(person['created_at'])} {w['by']} {who(person['created_by'])}"),
        (w["changed"], f"{stamp(person['updated_at'])} {w['by']} {who(person['updated_by'])}"),
    ]
    copy = RecordCopy(lang, session.settings.agency_name or "", session.settings.agency_contact or "",
                      personal_id, session.clock.now().date().isoformat(), profile)
    enrollments = conn.execute(
        "SELECT e.enrollment_id, e.household_id, p.name, e.entry_date, e.relationship_to_hoh, e.locked, x.exit_date,"
        " x.destination FROM enrollment e JOIN project p ON p.project_id = e.project_id LEFT JOIN project_exit x"
        " ON x.enrollment_id = e.enrollment_id WHERE e.personal_id = ? ORDER BY e.entry_date", (personal_id,)
    ).fetchall()
    households = {r[1] for r in enrollments}
    members = []
    for household in sorted(households):
        members += [(f"{r[0] or ''} {r[1] or ''}".strip() or DASH, _label("3.15.1", r[2], lang)) for r in conn.execute(
            "SELECT p.first_name, p.last_name, e.relationship_to_hoh FROM enrollment e JOIN person p"
            " ON p.personal_id = e.personal_id WHERE e.household_id = ? AND p.deleted_at IS NULL"
            " ORDER BY e.relationship_to_hoh", (household,))]
    copy.sections.append(Section(w["household"], (w["name"], labels(lang)["relationship"]), tuple(members),
                                 (0.5, 0.5)))
    copy.sections.append(Section(w["enrollments"], (w["project"], w["entry"], w["exit"], w["destination"],
                                                    w["locked"]),
                                 tuple((r[2], r[3], r[6] or DASH, _label("3.12.1", r[7], lang) if r[6] else DASH,
                                        _yes_no(r[5], lang)) for r in enrollments),
                                 (0.26, 0.16, 0.16, 0.3, 0.12)))
    consents = []
    today = session.clock.now().date()
    for (consent_id,) in conn.execute("SELECT consent_id FROM consent WHERE personal_id = ?"
                                      " ORDER BY signed_on, created_at", (personal_id,)).fetchall():
        c = consent_row(conn, consent_id)
        assert c is not None
        status, end = consent_status(session, c, today)
        changes = "; ".join(f"{k} {d}" + (f" ({r})" if r else "") for k, d, r in conn.execute(
            "SELECT kind, effective_on, reason FROM consent_change WHERE consent_id = ?", (consent_id,)))
        words = labels(lang)
        consents.append((words.get(f"method_{c['method']}", c["method"]),
                         words.get(f"level_{c['sharing']}", c["sharing"]),
                         c["signed_on"], end.isoformat() if end else DASH, status,
                         changes or DASH))
    copy.sections.append(Section(w["consents"], (w["method"], w["sharing"], w["signed"], w["ends"], w["status"],
                                                 w["change"]), tuple(consents), (0.13, 0.13, 0.16, 0.16, 0.12, 0.30)))
    copy.sections.append(Section(w["contacts"], (w["date"], w["situation"], w["location"]), tuple(
        (r[0], _label("3.12.1", r[1], lang), r[2] or DASH) for r in conn.execute(
            "SELECT information_date, current_living_situation, location_details FROM current_living_situation"
            " WHERE personal_id = ? ORDER BY information_date", (personal_id,))), (0.16, 0.5, 0.34)))
    copy.sections.append(Section(w["services"], (w["date"], w["record_type"], w["service"]), tuple(
        (r[0], _label("1.4", r[1], lang), _label(f"TypeProvided:{r[1]}", r[2], lang)) for r in conn.execute(
            "SELECT date_provided, record_type, type_provided FROM service WHERE personal_id = ?"
            " ORDER BY date_provided", (personal_id,))), (0.16, 0.34, 0.5)))
    notes = []
    created = {}
    for note_id, body, amends, at, by in conn.execute(
            "SELECT note_id, body, amends, created_at, created_by FROM case_note WHERE personal_id = ?"
            " ORDER BY created_at, rowid", (personal_id,)).fetchall():
        created[note_id] = at
        extra = [f"{w['amends']} {stamp(created.get(amends, amends))}"] if amends else []
        extra += [f"{w['deletion']} {stamp(r[0])}: {r[1]}" for r in conn.execute(
            "SELECT requested_at, reason FROM note_deletion_request WHERE note_id = ?", (note_id,))]
        notes.append((f"{stamp(at)}\n{who(by)}", "\n".join([body, *extra])))
    copy.sections.append(Section(w["notes"], (w["date"], w["note"]), tuple(notes), (0.24, 0.76)))
    copy.sections.append(Section(w["corrections"], (w["date"], w["field"], w["marked"], w["supplement"],
                                                    w["outcome"]), tuple(
        (r[0][:10], r[1], r[2], r[3] or DASH, r[4] + (f": {r[5]}" if r[5] else "")) for r in conn.execute(
            "SELECT recorded_at, field, marked, supplement, status, denial_reason FROM correction"
            " WHERE personal_id = ? ORDER BY recorded_at", (personal_id,))), (0.16, 0.2, 0.14, 0.27, 0.23)))
    copy.sections.append(Section(w["requests"], (w["kind"], w["received"], w["due"], w["status"]), tuple(
        (r[0], r[1], r[2] or DASH, r[3] + (f" ({r[4]})" if r[4] else "")) for r in conn.execute(
            "SELECT kind, received_on, due_on, status, resolution FROM client_request WHERE personal_id = ?"
            " ORDER BY received_on", (personal_id,))), (0.25, 0.2, 0.2, 0.35)))
    copy.history = person_history(session, personal_id, audit_read=False)
    digest = hashlib.sha256(json.dumps(
        [profile, [(s.title, s.rows) for s in copy.sections], [(h.at, h.action, h.user_id) for h in copy.history]],
        ensure_ascii=False, default=str).encode("utf-8")).hexdigest()
    copy.verification_code = code_from_digest(hashlib.sha256(f"record:{digest}".encode()).hexdigest())
    return copy
