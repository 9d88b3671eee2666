"""Translated names for HUD project codes and the pack's population names.

The codes are HUD's (Data Standards 2.02-2.08); the population names are the pack's
(``forced_not_shared_populations``); a name this file does not know is shown as is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def project_types() -> list[tuple[int, str]]:
    """2.02.6, in the order a worker looks for them."""
    return [
        (4, QCoreApplication.translate("ProjectLabels", "Street Outreach")),
        (0, QCoreApplication.translate("ProjectLabels", "Emergency Shelter – Entry Exit")),
        (1, QCoreApplication.translate("ProjectLabels", "Emergency Shelter – Night-by-Night")),
        (2, QCoreApplication.translate("ProjectLabels", "Transitional Housing")),
        (8, QCoreApplication.translate("ProjectLabels", "Safe Haven")),
        (3, QCoreApplication.translate("ProjectLabels", "PH – Permanent Supportive Housing")),
        (9, QCoreApplication.translate("ProjectLabels", "PH – Housing Only")),
        (10, QCoreApplication.translate("ProjectLabels", "PH – Housing with Services")),
        (13, QCoreApplication.translate("ProjectLabels", "PH – Rapid Re-Housing")),
        (6, QCoreApplication.translate("ProjectLabels", "Services Only")),
        (11, QCoreApplication.translate("ProjectLabels", "Day Shelter")),
        (12, QCoreApplication.translate("ProjectLabels", "Homelessness Prevention")),
        (14, QCoreApplication.translate("ProjectLabels", "Coordinated Entry")),
        (7, QCoreApplication.translate("ProjectLabels", "Other")),
    ]


def population_label(name: str) -> str:
    labels = {
        "dv": QCoreApplication.translate("ProjectLabels", "Survivors of domestic violence"),
        "hiv": QCoreApplication.translate("ProjectLabels", "People living with HIV/AIDS"),
        "youth": QCoreApplication.translate("ProjectLabels", "Youth services"),
        "legal": QCoreApplication.translate("ProjectLabels", "Legal services"),
        "protected": QCoreApplication.translate("ProjectLabels", "Protected project"),
    }
    return labels.get(name, name)


def choices() -> dict[str, list[tuple[int, str]]]:
    """The coded descriptors and their HUD lists, by ProjectDescriptors field."""
    return {
        "housing_type": [
            (1, QCoreApplication.translate("ProjectLabels", "Site-based – single site")),
            (2, QCoreApplication.translate("ProjectLabels", "Site-based – clustered / multiple sites")),
            (3, QCoreApplication.translate("ProjectLabels", "Tenant-based – scattered site")),
        ],
        "rrh_sub_type": [
            (1, QCoreApplication.translate("ProjectLabels", "Services only")),
            (2, QCoreApplication.translate("ProjectLabels", "Housing with or without services")),
        ],
        "residential_affiliation": [
            (0, QCoreApplication.translate("ProjectLabels", "No")),
            (1, QCoreApplication.translate("ProjectLabels", "Yes")),
        ],
        "target_population": [
            (1, QCoreApplication.translate("ProjectLabels", "Survivors of domestic violence")),
            (3, QCoreApplication.translate("ProjectLabels", "People living with HIV/AIDS")),
            (4, QCoreApplication.translate("ProjectLabels", "Not applicable")),
        ],
        "geography_type": [
            (1, QCoreApplication.translate("ProjectLabels", "Urban")),
            (2, QCoreApplication.translate("ProjectLabels", "Suburban")),
            (3, QCoreApplication.translate("ProjectLabels", "Rural")),
            (99, QCoreApplication.translate("ProjectLabels", "Unknown")),
        ],
        "hmis_participation": [
            (1, QCoreApplication.translate("ProjectLabels", "HMIS participating")),
            (2, QCoreApplication.translate("ProjectLabels", "Comparable database participating")),
            (0, QCoreApplication.translate("ProjectLabels", "Not participating")),
        ],
        "funder": [
            (8, QCoreApplication.translate("ProjectLabels", "HUD: ESG – Emergency Shelter")),
            (11, QCoreApplication.translate("ProjectLabels", "HUD: ESG – Street Outreach")),
            (10, QCoreApplication.translate("ProjectLabels", "HUD: ESG – Rapid Rehousing")),
            (9, QCoreApplication.translate("ProjectLabels", "HUD: ESG – Homelessness Prevention")),
            (2, QCoreApplication.translate("ProjectLabels", "HUD: CoC – Permanent Supportive Housing")),
            (3, QCoreApplication.translate("ProjectLabels", "HUD: CoC – Rapid Re-Housing")),
            (4, QCoreApplication.translate("ProjectLabels", "HUD: CoC – Supportive Services Only")),
            (5, QCoreApplication.translate("ProjectLabels", "HUD: CoC – Transitional Housing")),
            (6, QCoreApplication.translate("ProjectLabels", "HUD: CoC – Safe Haven")),
            (21, QCoreApplication.translate("ProjectLabels", "HHS: PATH – Street Outreach & Services Only")),
            (25, QCoreApplication.translate("ProjectLabels", "HHS: RHY – Street Outreach Project")),
            (22, QCoreApplication.translate("ProjectLabels", "HHS: RHY – Basic Center Program")),
            (33, QCoreApplication.translate("ProjectLabels", "VA: Supportive Services for Veteran Families")),
            (34, QCoreApplication.translate("ProjectLabels", "N/A")),
            (46, QCoreApplication.translate("ProjectLabels", "Local or other funding source")),
        ],
        "household_type": [
            (1, QCoreApplication.translate("ProjectLabels", "Households without children")),
            (3, QCoreApplication.translate("ProjectLabels", "Households with at least one adult and one child")),
            (4, QCoreApplication.translate("ProjectLabels", "Households with only children")),
        ],
        "availability": [
            (1, QCoreApplication.translate("ProjectLabels", "Year-round")),
            (2, QCoreApplication.translate("ProjectLabels", "Seasonal")),
            (3, QCoreApplication.translate("ProjectLabels", "Overflow")),
        ],
        "es_bed_type": [
            (1, QCoreApplication.translate("ProjectLabels", "Facility-based")),
            (2, QCoreApplication.translate("ProjectLabels", "Voucher")),
            (3, QCoreApplication.translate("ProjectLabels", "Other")),
        ],
    }
