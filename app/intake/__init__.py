"""One household's intake: the document, its rules, and the single transaction that saves it."""

from app.intake.document import DocumentError, IntakeDocument, parse_document
from app.intake.save import IntakeRefused, IntakeResult, save_intake
from app.intake.validate import Problem, check_intake

__all__ = [
    "DocumentError",
    "IntakeDocument",
    "IntakeRefused",
    "IntakeResult",
    "Problem",
    "check_intake",
    "parse_document",
    "save_intake",
]
