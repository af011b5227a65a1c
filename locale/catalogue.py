"""Keep the project's Thai catalogue of the installed packages' strings current (`make messages`).

The project's own strings are written in Thai (their msgids are Thai; `locale/en` translates them
to English). The admin's strings come from the packages, whose Thai catalogues are incomplete
(Wagtail 832 of 1,993, wagtail-localize 16 of 145) or missing (django-axes, django-otp). This
script gathers every msgid of those packages into ``locale/th/LC_MESSAGES/django.po`` and
``djangojs.po`` (a catalogue in LOCALE_PATHS wins over the apps' own for the same msgid), keeps
the translations already there, fills a new msgid from the package's own Thai catalogue when it
has one, drops msgids no package has any more, writes the ``.mo`` files (polib: no GNU gettext
needed) and prints the coverage of each package. See docs/translation.md.

    python locale/catalogue.py            # merge, compile, print coverage
    python locale/catalogue.py --check    # also exit 1 when a string of the admin's packages
                                          # (all but Django's own) is untranslated
"""

import argparse
import importlib.util
import re
import sys
from pathlib import Path

import polib

HERE = Path(__file__).resolve().parent
THAI = HERE / "th" / "LC_MESSAGES"

# label -> (package, locale folders below it); msgids are read from each folder's source-language
# catalogue (en, or the first language a package ships when it has no en).
SOURCES = {
    "Wagtail": ("wagtail", "**/locale"),
    "wagtail-localize": ("wagtail_localize", "**/locale"),
    "Django": (
        "django",
        "{conf,contrib/admin,contrib/auth,contrib/contenttypes,contrib/humanize,"
        "contrib/redirects,contrib/sessions,contrib/sites}/locale",
    ),
    "django-axes": ("axes", "locale"),
    "django-otp": ("django_otp", "locale"),
}
# Django's own catalogue also holds its admin site, debug pages and validators the portal does not
# show; its missing strings are counted, not failed on. The others are the admin's.
CHECKED = ("Wagtail", "wagtail-localize", "django-axes", "django-otp")
HEADER = {
    "Project-Id-Version": "portal",
    "Language": "th",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=1; plural=0;",
}


def package_dir(name):
    return Path(importlib.util.find_spec(name).origin).parent


def locale_dirs(package, pattern):
    root = package_dir(package)
    if pattern.startswith("{"):
        names, rest = pattern[1:].split("}", 1)
        return [root / (name + rest) for name in names.split(",")]
    return sorted(root.glob(pattern))


def source_catalogue(locale_dir, domain):
    """The catalogue whose msgids a package's translators translate (its en one if it ships it)."""
    english = locale_dir / "en" / "LC_MESSAGES" / f"{domain}.po"
    if english.exists():
        return english
    others = sorted(locale_dir.glob(f"*/LC_MESSAGES/{domain}.po"))
    return others[0] if others else None


def placeholders(text):
    return set(re.findall(r"%\([a-z_0-9]+\)[sdr]", text))


def key(entry):
    return (entry.msgctxt, entry.msgid)


def translated(entry):
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def gather(domain):
    """{label: [entries of every source catalogue, one per file and msgid]}, and the packages'
    own Thai translations by key."""
    per_label, theirs = {}, {}
    for label, (package, pattern) in SOURCES.items():
        per_label[label] = []
        for locale_dir in locale_dirs(package, pattern):
            source = source_catalogue(locale_dir, domain)
            if source is None:
                continue
            per_label[label].extend(e for e in polib.pofile(source) if not e.obsolete)
            thai = locale_dir / "th" / "LC_MESSAGES" / f"{domain}.po"
            if thai.exists():
                for entry in polib.pofile(thai):
                    if translated(entry) and not entry.obsolete and not entry.fuzzy:
                        theirs.setdefault(key(entry), entry)
    return per_label, theirs


def merge(domain):
    """Rewrite locale/th/LC_MESSAGES/<domain>.po; return coverage rows and untranslated msgids."""
    path = THAI / f"{domain}.po"
    ours = {key(e): e for e in polib.pofile(path) if not e.obsolete} if path.exists() else {}
    per_label, theirs = gather(domain)
    catalogue = polib.POFile(wrapwidth=100)
    catalogue.metadata = HEADER
    seen, rows, missing = {}, [], []
    for label, entries in per_label.items():
        done = 0
        for source in entries:
            k = key(source)
            if k not in seen:
                entry = polib.POEntry(
                    msgctxt=source.msgctxt,
                    msgid=source.msgid,
                    msgid_plural=source.msgid_plural,
                    comment=label,
                )
                previous = ours.get(k) if ours.get(k) and translated(ours[k]) else theirs.get(k)
                if source.msgid_plural:
                    entry.msgstr_plural = (
                        {0: previous.msgstr_plural.get(0, "")} if previous else {0: ""}
                    )
                    if previous and not previous.msgstr_plural and previous.msgstr:
                        entry.msgstr_plural = {0: previous.msgstr}
                else:
                    entry.msgstr = (
                        (previous.msgstr or previous.msgstr_plural.get(0, "")) if previous else ""
                    )
                entry.flags = [f for f in source.flags if f.endswith("-format")]
                if source.msgid_plural and placeholders(source.msgid_plural) - placeholders(
                    source.msgid
                ):
                    # One Thai form serves both: it cannot name what only the English plural
                    # names (Wagtail's "This will also delete %(descendant_count)s more child
                    # pages" for a page without any), so msgfmt must not insist on it.
                    entry.flags = []
                seen[k] = entry
                catalogue.append(entry)
                if not translated(entry):
                    missing.append((label, source.msgid))
            done += translated(seen[k])
        rows.append((label, done, len(entries)))
    THAI.mkdir(parents=True, exist_ok=True)
    catalogue.save(str(path))
    catalogue.save_as_mofile(str(path.with_suffix(".mo")))
    return rows, missing


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 on an untranslated string")
    args = parser.parse_args()
    totals, missing = {}, []
    for domain in ("django", "djangojs"):
        rows, domain_missing = merge(domain)
        missing += domain_missing
        for label, done, count in rows:
            before = totals.get(label, (0, 0))
            totals[label] = (before[0] + done, before[1] + count)
    print("Thai catalogue coverage (strings of each package's catalogues, translated in Thai):")
    for label, (done, count) in totals.items():
        share = 100 * done / count if count else 100
        print(f"  {label:18} {done:5,}/{count:,} ({share:.1f} %)")
    print(f"  untranslated msgids in locale/th: {len(missing)}")
    failing = [(label, msgid) for label, msgid in missing if label in CHECKED]
    if args.check and failing:
        for label, msgid in failing[:50]:
            print(f"    {label}: {msgid!r}")
        sys.exit(1)


if __name__ == "__main__":
    main()
