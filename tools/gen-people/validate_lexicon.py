#!/usr/bin/env python3
"""Validate the hand-curated lexicon files (people, titles, agents, organisations).

Usage: python3 tools/gen-people/validate_lexicon.py [data/lexicon]

Checks column counts, date formats and order, role keys against titles.tsv, ISO 3166-1
alpha-3 codes, sector codes, consistency of repeated person ids, overlapping terms of the
same office in the same country, and forms shared by different people (reported, not fatal).
Exits with status 1 when an error is found. Uses only the Python standard library.
"""
import os
import re
import sys
from collections import defaultdict
from datetime import date

# ISO 3166-1 alpha-3 codes (current), plus XKX (Kosovo, user-assigned code in common use).
ISO3 = set("""
ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR
BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG
COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH
FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY
HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM
KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL
MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR
NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU
SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA
TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB
VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE XKX
""".split())

# CAMEO sector codes used in this lexicon.
SECTORS = set("""
GOV MIL COP SPY JUD LEG OPP PTY REB UAF CRM CVL REF EDU MED BUS LAB REL HLH ELI HRI NGO AGR
ENV SEP IGO
""".split())

DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
ARABIC_FORM_RE = re.compile(r"^[\u0621-\u0652\u0698\u0660-\u0669\u0670\u0671\u067E\u0686\u06A4\u06AF\u06CC\u06A9 0-9+\-.]+$")
CODE_RE = re.compile(r"^(IGO[A-Z0-9]{3,9}|NGO[A-Z]{3}|IMG[A-Z]{3}|[A-Z]{3}(GOV|MIL|COP|SPY|JUD|LEG|OPP|PTY|REB|UAF|CRM|CVL|REF|EDU|MED|BUS|LAB|REL|HLH|ELI|HRI|NGO|AGR|ENV|SEP))$")


class Report:
    """Collects errors and warnings with file and line."""

    def __init__(self):
        self.errors = []
        self.warnings = []

    def error(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    def warn(self, where, msg):
        self.warnings.append(f"{where}: {msg}")


def data_lines(path):
    """Yields (line number, fields) for every non-comment, non-empty line."""
    with open(path, encoding="utf-8") as handle:
        for number, raw in enumerate(handle, 1):
            line = raw.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            yield number, line.split("\t")


def check_header(path, report):
    """Every file must say where it came from and under which licence."""
    with open(path, encoding="utf-8") as handle:
        head = "".join(line for line in handle if line.startswith("#"))
    for needle in ("Source:", "Licence:"):
        if needle not in head:
            report.error(path, f"header lacks '{needle}'")


def check_forms(where, forms, report):
    """Forms are Arabic, separated by |, without empty items or duplicates."""
    items = forms.split("|")
    if any(not item.strip() for item in items):
        report.error(where, "empty form")
    if len(set(items)) != len(items):
        report.warn(where, "duplicate form")
    for item in items:
        if item != item.strip() or "  " in item:
            report.error(where, f"stray spaces in form '{item}'")
        if item.strip() and not ARABIC_FORM_RE.match(item):
            report.error(where, f"non-Arabic characters in form '{item}'")
    return [item for item in items if item.strip()]


def parse_date(text, end):
    """Turns YYYY, YYYY-MM or YYYY-MM-DD into a date (start or end of the period)."""
    parts = [int(x) for x in text.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)
    if len(parts) == 2:
        if not end:
            return date(parts[0], parts[1], 1)
        following = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    return date(*parts)


def rough_norm(form):
    """An approximation of the engine's normalisation (diacritics, alef, ya, ta marbuta, hamza seats)."""
    form = re.sub("[\u064B-\u0652\u0640]", "", form)
    form = re.sub("[\u0622\u0623\u0625\u0671]", "\u0627", form)
    return form.replace("\u0649", "\u064A").replace("\u0629", "\u0647").replace("\u0624", "\u0648").replace("\u0626", "\u064A")


def check_cross_file(root, report):
    """Warns when one normalised form belongs to entries of different kinds (title, agent, organisation, person)."""
    owners = defaultdict(set)
    sources = [("titles.tsv", 1, 0), ("agents.tsv", 0, 3), ("organisations.tsv", 2, 0)]
    sources += [(os.path.join("people", n), 2, 0) for n in sorted(os.listdir(os.path.join(root, "people"))) if n.endswith(".tsv")]
    for name, form_col, id_col in sources:
        kind = "person" if name.startswith("people") else name.split(".")[0]
        for _, fields in data_lines(os.path.join(root, name)):
            if len(fields) <= max(form_col, id_col):
                continue
            for form in fields[form_col].split("|"):
                if form:
                    owners[rough_norm(form)].add((kind, fields[id_col]))
    for form, found in sorted(owners.items()):
        if len({kind for kind, _ in found}) > 1:
            report.warn("lexicon", f"form '{form}' belongs to " + ", ".join(f"{k}:{i}" for k, i in sorted(found)))


def check_titles(path, report):
    check_header(path, report)
    roles = {}
    for number, fields in data_lines(path):
        where = f"{path}:{number}"
        if len(fields) not in (4, 5):
            report.error(where, f"expected 4 or 5 columns, got {len(fields)}")
            continue
        role, forms, _name, sector = fields[:4]
        # Column 5 (body) names the organisation a label-only role leads.
        if len(fields) == 5 and fields[4] and forms:
            report.error(where, "a body is only for label-only roles (empty forms)")
        if not ID_RE.match(role):
            report.error(where, f"bad role key '{role}'")
        if role in roles:
            report.error(where, f"duplicate role '{role}'")
        roles[role] = sector
        # An empty forms column marks a label-only role (no title form to match).
        if forms:
            check_forms(where, forms, report)
        if sector and sector not in SECTORS and not CODE_RE.match(sector):
            report.error(where, f"unknown sector '{sector}'")
    return roles


def check_agents(path, report):
    check_header(path, report)
    seen = {}
    for number, fields in data_lines(path):
        where = f"{path}:{number}"
        if len(fields) != 4:
            report.error(where, f"expected 4 columns, got {len(fields)}")
            continue
        forms, sector, kind, _name = fields
        for form in check_forms(where, forms, report):
            if form in seen and seen[form] != sector:
                report.warn(where, f"form '{form}' also has sector {seen[form]}")
            seen[form] = sector
        if sector not in SECTORS:
            report.error(where, f"unknown sector '{sector}'")
        if kind not in ("group", "organisation"):
            report.error(where, f"bad kind '{kind}'")


def check_organisations(path, report):
    check_header(path, report)
    ids = set()
    forms_seen = {}
    for number, fields in data_lines(path):
        where = f"{path}:{number}"
        if len(fields) != 7:
            report.error(where, f"expected 7 columns, got {len(fields)}")
            continue
        oid, _name, forms, code, country, sector, kind = fields
        if not ID_RE.match(oid):
            report.error(where, f"bad id '{oid}'")
        if oid in ids:
            report.error(where, f"duplicate id '{oid}'")
        ids.add(oid)
        for form in check_forms(where, forms, report):
            if form in forms_seen:
                report.warn(where, f"form '{form}' also in '{forms_seen[form]}'")
            forms_seen[form] = oid
        # An IGO with no CAMEO code of its own may leave the code empty (read as IGO).
        if not CODE_RE.match(code) and not (code == "" and sector == "IGO" and not country):
            report.error(where, f"bad code '{code}'")
        if country and country not in ISO3:
            report.error(where, f"unknown ISO3 '{country}'")
        if country and not code.startswith(country):
            report.error(where, f"code '{code}' does not start with country '{country}'")
        if sector and sector not in SECTORS:
            report.error(where, f"unknown sector '{sector}'")
        if kind not in ("organisation", "group"):
            report.error(where, f"bad kind '{kind}'")


def check_people(directory, roles, report):
    persons = {}
    terms = defaultdict(list)
    form_owner = defaultdict(set)
    stats = {}
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".tsv"):
            continue
        path = os.path.join(directory, name)
        check_header(path, report)
        lines = 0
        ids = set()
        countries = set()
        for number, fields in data_lines(path):
            where = f"{path}:{number}"
            lines += 1
            if len(fields) != 8:
                report.error(where, f"expected 8 columns, got {len(fields)}")
                continue
            pid, name_en, forms, country, sector, role, start, end = fields
            ids.add(pid)
            if not ID_RE.match(pid):
                report.error(where, f"bad id '{pid}'")
            if pid in persons:
                first = persons[pid]
                if first[0] != name_en or (forms and first[1] and forms != first[1]) or first[3] != path:
                    report.error(where, f"id '{pid}' repeated with different name, forms or file")
            else:
                persons[pid] = (name_en, forms, country, path)
            if forms:
                for form in check_forms(where, forms, report):
                    form_owner[form].add(pid)
            elif pid not in persons or not persons[pid][1]:
                report.error(where, f"no forms for '{pid}'")
            if country:
                countries.add(country)
                if country not in ISO3:
                    report.error(where, f"unknown ISO3 '{country}'")
            elif not sector.startswith(("IGO", "NGO", "IMG")):
                report.error(where, "empty country needs an IGO, NGO or IMG sector code")
            if sector not in SECTORS and not CODE_RE.match(sector):
                report.error(where, f"unknown sector '{sector}'")
            if role not in roles:
                report.error(where, f"role '{role}' not in titles.tsv")
            if not DATE_RE.match(start):
                report.error(where, f"bad from date '{start}'")
                continue
            if end and not DATE_RE.match(end):
                report.error(where, f"bad to date '{end}'")
                continue
            try:
                start_day = parse_date(start, False)
                end_day = parse_date(end, True) if end else date(9999, 12, 31)
            except ValueError as err:
                report.error(where, f"impossible date: {err}")
                continue
            if end_day < start_day:
                report.error(where, f"to {end} before from {start}")
            terms[(country or sector, role)].append((start_day, end_day, pid, where))
        stats[name] = (len(ids), lines, len(countries))
    single_holder = {"president", "prime-minister", "foreign-minister", "defence-minister", "king",
                     "emir", "sultan", "chancellor", "supreme-leader", "secretary-general",
                     "high-representative", "commission-president", "european-council-president"}
    for (holder, role), spans in terms.items():
        spans.sort()
        for i, (s1, e1, p1, w1) in enumerate(spans):
            for s2, e2, p2, w2 in spans[i + 1:]:
                if p1 == p2 or (min(e1, e2) - s2).days <= 31:
                    continue
                message = f"{holder} {role}: {p2} overlaps {p1} ({w1}) by more than a month"
                # Two holders of one office at once make resolution by title a guess.
                if role in single_holder:
                    report.warn(w2, message)
                else:
                    report.warn(w2, "shared office, title resolution would guess: " + message)
    for form, owners in sorted(form_owner.items()):
        if len(owners) > 1:
            report.warn("people", f"form '{form}' shared by {', '.join(sorted(owners))}")
    return stats


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "data", "lexicon")
    report = Report()
    roles = check_titles(os.path.join(root, "titles.tsv"), report)
    check_agents(os.path.join(root, "agents.tsv"), report)
    check_organisations(os.path.join(root, "organisations.tsv"), report)
    stats = check_people(os.path.join(root, "people"), roles, report)
    check_cross_file(root, report)
    for warning in report.warnings:
        print("warning:", warning)
    for error in report.errors:
        print("error:", error)
    total_ids = total_lines = 0
    print("file\tpeople\trole_lines\tcountries")
    for name, (ids, lines, countries) in stats.items():
        print(f"{name}\t{ids}\t{lines}\t{countries}")
        total_ids += ids
        total_lines += lines
    print(f"total\t{total_ids}\t{total_lines}")
    print(f"{len(report.errors)} errors, {len(report.warnings)} warnings")
    sys.exit(1 if report.errors else 0)


if __name__ == "__main__":
    main()
