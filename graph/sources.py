"""Read documents from files, folders and globs: bytes → decoded, cleaned text.

Owns everything about getting text out of files: the metadata header
(``# source: …`` lines), encoding detection, HTML to text, language detection and the
checksum. A file that cannot be read becomes a :class:`SourceProblem` naming the file and
the problem; reading goes on with the next file.
"""

from __future__ import annotations

import glob
import hashlib
import os
import re
import stat
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = [
    "DATA_TYPES",
    "DEFAULT_MAX_BYTES",
    "TEXT_SUFFIXES",
    "Document",
    "SourceProblem",
    "detect_language",
    "expand_names",
    "expand_paths",
    "language_of_name",
    "load_language_model_soon",
    "read_document",
    "read_documents",
]

#: Suffixes read when a folder is given; a file named explicitly is read whatever its name.
TEXT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".json", ".csv", ".tsv", ".xlsx")
#: Structured data (the grants portal's exports), by suffix.
DATA_TYPES = {
    ".json": "application/json",
    ".csv": "text/csv",
    ".tsv": "text/csv",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
#: Files larger than this are refused (a clear message, not a crash or a stall).
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

_HEADER_LINE = re.compile(r"#\s*(source|kind|note|language|title)\s*:\s*(.*)", re.IGNORECASE)
_HTML_START = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body|<\?xml[^>]*>\s*<html)", re.I)
_GLOB_CHARS = re.compile(r"[*?\[]")

# py3langid speaks ISO 639-1; Norwegian comes as nb/nn/no and is reported as "no".
_LANGUAGES = (
    "en", "no", "nb", "nn", "pl", "lv", "lt", "cs", "sk", "bg", "is", "ro", "hu", "de", "da",
    "sv", "fi", "et", "sl", "hr", "pt", "es", "fr", "it", "el", "nl", "mt",
)  # fmt: skip
_LANG_ALIASES = {"nb": "no", "nn": "no"}


@dataclass(frozen=True)
class Document:
    """One readable document: its text and what is known about where it came from.

    ``text`` is the body after the metadata header and HTML conversion; every character
    offset in the pipeline refers to it.
    """

    key: str
    path: str
    text: str
    source_url: str | None
    kind: str | None
    language: str
    encoding: str
    media_type: str
    checksum: str
    notes: tuple[str, ...] = ()  # what reading it met that a person should know


@dataclass(frozen=True)
class SourceProblem:
    """A path that could not be read, and why, in words a person can act on.

    ``found``: the file is there (given, or found in a folder) but was not read, so a
    ``--prune`` must not take it for gone; ``key``: its document key, when it is known.
    """

    path: str
    problem: str
    found: bool = False
    key: str | None = None

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"


def expand_paths(
    paths: Iterable[str],
    suffixes: tuple[str, ...] = TEXT_SUFFIXES,
    *,
    follow_links: bool = False,
    stamps: dict[Path, tuple[int, int]] | None = None,
) -> tuple[list[tuple[Path, Path]], list[SourceProblem]]:
    """Turn files, folders and glob patterns into ``(file, root)`` pairs, sorted, unique;
    ``stamps`` (if given) gets the size and modification time (ns) of each file found in a
    folder, as the walk saw them (no second look at every file to tell it unchanged).

    ``root`` is the folder the file's stable key is taken relative to. Inside a folder or a
    pattern's matches, symbolic links are not followed (each is reported) unless
    ``follow_links``; FIFOs, devices and sockets are reported, never opened; a sub-folder
    that cannot be read is named. A path given by name is read whatever it is a link to.
    """
    told: dict[str, tuple[int, int]] | None = {} if stamps is not None else None
    files, problems = expand_names(paths, suffixes, follow_links=follow_links, stamps=told)
    if stamps is not None and told is not None:
        stamps.update((Path(name), stamp) for name, stamp in told.items())
    return [(Path(name), root) for name, root in files], problems


def expand_names(
    paths: Iterable[str],
    suffixes: tuple[str, ...] = TEXT_SUFFIXES,
    *,
    follow_links: bool = False,
    stamps: dict[str, tuple[int, int]] | None = None,
) -> tuple[list[tuple[str, Path]], list[SourceProblem]]:
    """:func:`expand_paths`, each file as the text of its path (a build walks 150,000 files:
    a path object for each took a second)."""
    found: dict[str, Path] = {}
    order: dict[str, tuple[str, ...]] = {}  # a file's parts: the order of its path
    problems: list[SourceProblem] = []
    walked: list[list[tuple[str, tuple[str, ...]]]] = []  # each folder's files, in order
    named = False  # a file given by name or by a pattern
    paths = list(paths)
    if len(paths) == 1 and not _GLOB_CHARS.search(paths[0]) and Path(paths[0]).is_dir():
        # one folder (a build's usual input): its walk is the answer, in its order
        path = Path(paths[0])
        files = _walk(path, suffixes, follow_links, problems, stamps)
        if not files:
            problems.append(_no_files(paths[0], suffixes))
        return [(name, path) for name, _parts in files], problems
    for raw in paths:
        if _GLOB_CHARS.search(raw):
            base = Path(_glob_base(raw))
            matches = sorted(glob.glob(raw, recursive=True))
            kept = [
                Path(m)
                for m in matches
                if _admit(Path(m), base, suffixes=None, follow=follow_links, problems=problems)
            ]
            if not matches:
                problems.append(SourceProblem(raw, "the pattern matches no file"))
            named = named or bool(kept)
            for f in kept:
                order.setdefault(str(f), f.parts)
                found.setdefault(str(f), base)
            continue
        path = Path(raw)
        if not path.exists():
            problems.append(SourceProblem(raw, "no such file or folder"))
        elif path.is_dir():
            files = _walk(path, suffixes, follow_links, problems, stamps)
            walked.append(files)
            if not files:
                problems.append(_no_files(raw, suffixes))
            for name, parts in files:
                order.setdefault(name, parts)
                found.setdefault(name, path)
        elif path.is_file():
            named = True
            order.setdefault(str(path), path.parts)
            found.setdefault(str(path), path.parent)
        else:
            problems.append(SourceProblem(raw, _special(path)))
    # in the order of their paths' parts, as path objects sort (one folder's walk is)
    if len(walked) == 1 and not named and len(found) == len(walked[0]):
        return list(found.items()), problems
    return sorted(found.items(), key=lambda item: order[item[0]]), problems


def _no_files(folder: str, suffixes: tuple[str, ...]) -> SourceProblem:
    return SourceProblem(folder, f"the folder holds no readable file ({', '.join(suffixes)})")


def _walk(
    root: Path,
    suffixes: tuple[str, ...],
    follow: bool,
    problems: list[SourceProblem],
    stamps: dict[str, tuple[int, int]] | None = None,
) -> list[tuple[str, tuple[str, ...]]]:
    """The readable files under ``root`` (hidden ones left out), each with its path's
    parts, sorted as path objects are."""

    def unreadable(exc: OSError) -> None:
        where = exc.filename if isinstance(exc.filename, str) else str(root)
        problems.append(
            SourceProblem(where, f"folder cannot be read: {exc.strerror or exc}", found=True)
        )

    files: list[tuple[str, tuple[str, ...]]] = []
    seen: set[tuple[int, int]] = set()
    real: dict[str, str] = {}  # each folder's real path, worked out once
    in_order = True  # the folders' files came as path objects sort (no sort then)
    lstat, is_file, add = os.lstat, stat.S_ISREG, files.append
    for folder, dirs, names in os.walk(root, onerror=unreadable, followlinks=follow):
        here = Path(folder)
        try:
            st = here.stat()
        except OSError:
            continue
        if (st.st_dev, st.st_ino) in seen:  # a link back up the tree
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        kept_dirs = []
        for name in sorted(dirs):
            if name.startswith("."):
                continue
            sub = here / name
            if sub.is_symlink() and not follow:
                problems.append(
                    SourceProblem(
                        str(sub),
                        "a symbolic link to a folder; not followed (--follow-links follows links)",
                        found=True,
                    )
                )  # fmt: skip
                continue
            kept_dirs.append(name)
        dirs[:] = kept_dirs
        # a file that is no link lies where its folder does: told once for the folder
        inside = follow or _inside(here / "file", root, real)
        parts = here.parts
        prefix = os.path.join(folder, "")
        first = len(files)
        for name in sorted(names):
            dot = name.rfind(".")
            if name.startswith(".") or dot < 0 or name[dot:].lower() not in suffixes:
                continue
            # the common case told from the walk's text (a path object and a stat of one
            # for each of 150,000 files took 2 s); anything else is told by _admit
            full = prefix + name
            try:
                mode = lstat(full)
            except OSError:
                mode = None
            if mode is not None and inside and is_file(mode.st_mode):
                if stamps is not None:
                    stamps[full] = (mode.st_size, mode.st_mtime_ns)
                add((full, (*parts, name)))
                continue
            told: dict[Path, tuple[int, int]] = {}
            if _admit(
                here / name, root, suffixes=suffixes, follow=follow, problems=problems,
                real=real, stamps=told, inside=inside,
            ):  # fmt: skip
                if stamps is not None:
                    stamps.update((str(p), stamp) for p, stamp in told.items())
                add((str(here / name), (*parts, name)))
        if 0 < first < len(files) and files[first][1] < files[first - 1][1]:
            in_order = False  # a folder's files before a sibling's sub-folder's
    # (a walk gives a folder's files before its sub-folders': in path order unless a file
    # sorts after a sub-folder; sorting 150,000 paths' parts again took a tenth of a second)
    return files if in_order else sorted(files, key=lambda item: item[1])


def _admit(
    path: Path,
    root: Path,
    *,
    suffixes: tuple[str, ...] | None,
    follow: bool,
    problems: list[SourceProblem],
    real: dict[str, str] | None = None,
    stamps: dict[Path, tuple[int, int]] | None = None,
    inside: bool = False,
) -> bool:
    """Whether a file found in a folder or by a pattern is read; if not and it matters,
    why (a problem). ``suffixes`` None: any name (a pattern chose it). ``real``: folders'
    real paths worked out before (a walk's); ``stamps``: gets an admitted file's size and
    time; ``inside``: its folder is known to lie inside ``root``."""
    if suffixes is not None and path.suffix.lower() not in suffixes:
        return False
    try:
        st = path.lstat()
    except OSError as exc:
        problems.append(SourceProblem(str(path), f"cannot be read: {exc.strerror or exc}"))
        return False
    if stat.S_ISLNK(st.st_mode):
        if not follow:
            problems.append(
                SourceProblem(
                    str(path), "a symbolic link; not followed (--follow-links follows links)"
                )
            )
            return False
        try:
            st = path.stat()
        except OSError:
            problems.append(SourceProblem(str(path), "a symbolic link to nothing"))
            return False
    elif not follow and not inside and not _inside(path, root, {} if real is None else real):
        problems.append(
            SourceProblem(str(path), "lies outside the folder given (through a link)", found=True)
        )
        return False
    if stat.S_ISDIR(st.st_mode):
        return False
    if not stat.S_ISREG(st.st_mode):
        problems.append(SourceProblem(str(path), _special(path), found=True))
        return False
    if stamps is not None:
        stamps[path] = (st.st_size, st.st_mtime_ns)
    return True


def _inside(path: Path, root: Path, real: dict[str, str]) -> bool:
    """Whether ``path`` (not itself a link) lies inside ``root`` once links are resolved:
    its folder's real path and the root's are worked out once each (``real`` keeps them;
    resolving every file's whole path again took 9 s of a 150,000-file build)."""

    def resolved(folder: str) -> str:
        if folder not in real:
            real[folder] = os.path.realpath(folder)
        return real[folder]

    found = os.path.join(resolved(str(path.parent)), path.name)
    top = resolved(str(root))
    return found == top or found.startswith(top.rstrip(os.sep) + os.sep)


def _special(path: Path) -> str:
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe), not a file; not read"
    if stat.S_ISSOCK(mode):
        return "a socket, not a file; not read"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a file; not read"
    return "not a regular file or folder"


def _glob_base(pattern: str) -> str:
    parts = Path(pattern).parts
    base: list[str] = []
    for part in parts:
        if _GLOB_CHARS.search(part):
            break
        base.append(part)
    return os.path.join(*base) if base else "."


def read_documents(
    paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES, follow_links: bool = False
) -> Iterator[Document | SourceProblem]:
    """Yield a :class:`Document` or a :class:`SourceProblem` for every input, in order."""
    files, problems = expand_paths(paths, follow_links=follow_links)
    yield from problems
    for file, root in files:
        yield read_document(file, root=root, max_bytes=max_bytes)


def read_document(
    path: Path, *, root: Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Document | SourceProblem:
    """Read one file; never raises for a bad file, returns a :class:`SourceProblem`."""
    shown = str(path)
    try:
        # opened without waiting (a FIFO would block), then checked to be a regular file
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(fd, "rb") as handle:
            st = os.fstat(handle.fileno())
            if not stat.S_ISREG(st.st_mode):
                return SourceProblem(shown, _special(path))
            if st.st_size > max_bytes:
                return SourceProblem(
                    shown,
                    f"too large: {st.st_size / 1e6:.1f} MB, the limit is {max_bytes / 1e6:.1f} MB",
                )
            raw = handle.read(max_bytes + 1)
        if len(raw) > max_bytes:
            return SourceProblem(shown, f"too large: over {max_bytes / 1e6:.1f} MB")
    except OSError as exc:
        return SourceProblem(shown, f"cannot be read: {exc.strerror or exc}")
    if not raw.strip():
        return SourceProblem(shown, "empty file")
    data_type = DATA_TYPES.get(path.suffix.lower())
    if data_type is not None:
        return _data_document(path, root, raw, data_type)
    decoded = _decode(raw)
    if isinstance(decoded, str):
        return SourceProblem(shown, decoded)
    text, encoding = decoded
    media_type = "text/html" if _looks_like_html(raw, path) else "text/plain"
    meta, body = _split_header(text)
    if media_type == "text/html":
        converted = _html_to_text(body)
        if converted is None:
            return SourceProblem(shown, "HTML with no readable text")
        body, html_url = converted
        meta.setdefault("source", html_url or "")
    body = unwrapped(plain_text(body)).strip("\n")
    if not body.strip():
        return SourceProblem(shown, "no text after the metadata header")
    source_url = meta.get("source") or None
    key = source_url or _relative_key(path, root)
    language = meta.get("language") or detect_language(body)
    return Document(
        key=key,
        path=shown,
        text=body,
        source_url=source_url,
        kind=meta.get("kind") or None,
        language=language,
        encoding=encoding,
        media_type=media_type,
        checksum=hashlib.sha256(raw).hexdigest(),
        notes=_encoding_notes(encoding),
    )


#: Spaces of other kinds (no-break, thin, narrow no-break, ideographic…) become plain
#: spaces; soft hyphens and zero-width characters, invisible in a page, go.
_PLAIN = {
    **{c: " " for c in (0x00A0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000)},
    **dict.fromkeys((0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF)),
}


def plain_text(text: str) -> str:
    """Text as the reader reads it: composed characters (NFC: "Krako\u0301w" is "Kraków"),
    every kind of space a plain one ("Polish\u00a0Embassy"), soft hyphens and zero-width
    characters gone ("Uni\u00adversity"). A page copied from the web writes names so.

    >>> plain_text("Polish\u00a0Embassy in Krako\u0301w, Uni\u00adversity")
    'Polish Embassy in Kraków, University'
    """
    return unicodedata.normalize("NFC", text).translate(_PLAIN)


#: A line that opens a list item or a heading of its own: never the rest of a wrapped one
#: (a dash before a lower-case word is the wrapped line's own: "… Pracownia\n– partnera").
_ITEM = re.compile(r"^\s*(?:[•*·▪►#]|\d{1,3}[.)]|[a-z][.)]\s|[-–—]\s+(?P<first>\S))")


#: A line that opens with a label ("Partner: …", "Project value: …"): a field of its own.
_LABELLED = re.compile(r"^\s*[^\W\d_][^\s:]*(?:\s+[^\s:]+){0,3}:(?:\s|$)")


def _opens_item(line: str) -> bool:
    """Whether ``line`` opens a list item, a heading or a labelled field of its own."""
    if _LABELLED.match(line):
        return True
    m = _ITEM.match(line)
    return m is not None and not (m.group("first") or "").islower()


def unwrapped(text: str) -> str:
    r"""Text whose paragraphs were wrapped at a fixed width (mail, text exports: most
    lines of about the same length, 60 to 100 characters) with each paragraph on one line:
    a line break where the next word would not have fitted on the line is a space (and
    nothing after a word's own hyphen: "česko-" and "norského"), unless the line ends in
    a full stop, a quote or a bracket before a capital, or in a colon, or the next line
    opens a list item or a labelled field ("Partner: …"). Text that is not so wrapped is
    returned as it is.

    >>> lines = ["The delegation of the Polish Embassy visited Bergen kommune on",
    ...          "the third day of the visit, and the mayor of Bergen welcomed the",
    ...          "guests in the town hall.", "", "Partners:", "A(NO)", "B(PL)"]
    >>> out = unwrapped("\n".join(lines)).split("\n")
    >>> out[0] == " ".join(lines[:3]), out[1:]
    (True, ['', 'Partners:', 'A(NO)', 'B(PL)'])
    """
    lines = text.split("\n")
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 3:
        return text
    width = lengths[-1]
    filled = [n for n in lengths if n >= 0.75 * width]
    if not _WRAP_NARROWEST <= width <= _WRAP_WIDTH or len(filled) < max(2, 0.3 * len(lengths)):
        return text  # paragraphs on lines of their own, or too few full lines to tell
    out = []
    for line, after in zip(lines, [*lines[1:], ""], strict=True):
        words, last = after.split(), line.rstrip()[-1:]
        # a wrapper breaks a line where the next word would not fit on it: a break before
        # a word that fits is the writer's own ("Partner A(NO)" and "Partner B(NO)")
        soft = (
            bool(words)
            and len(line.rstrip()) + 1 + len(words[0]) > width
            and last != ":"
            and (last.isalnum() or last in ",;-–" or words[0][:1].islower())
            and not _opens_item(after)
        )
        if not soft:
            out.append(line + "\n")
        elif line.endswith("-") and line[-2:-1].isalpha() and words[0][:1].isalpha():
            out.append(line)  # "česko-" + "norského", "Cluj-" + "Napoca": cut at its hyphen
        else:
            out.append(line + " ")
    return "".join(out)[:-1]


#: The narrowest and widest a wrapped text's lines are (mail wraps at 72–80, some exports
#: at 100; a page of short lines, a list of names, is no wrapped text).
_WRAP_NARROWEST, _WRAP_WIDTH = 60, 100


def _encoding_notes(encoding: str) -> tuple[str, ...]:
    if "+" not in encoding:
        return ()
    legacy = encoding.split("+", 1)[1]
    return (f"the file mixes encodings: UTF-8, and bytes that are not, read as {legacy}",)


def _data_document(
    path: Path, root: Path | None, raw: bytes, media_type: str
) -> Document | SourceProblem:
    """A portal export: JSON or CSV decoded to text; xlsx kept as its path (text empty)."""
    text, encoding = "", "binary"
    if not media_type.endswith("sheet"):
        decoded = _decode(raw)
        if isinstance(decoded, str):
            return SourceProblem(str(path), decoded)
        text, encoding = decoded
    elif not raw.startswith(b"PK\x03\x04"):
        return SourceProblem(str(path), "not an xlsx workbook (it is not a ZIP container)")
    return Document(
        key=_relative_key(path, root),
        path=str(path),
        text=text,
        source_url=None,
        kind="portal-data",
        language="en",
        encoding=encoding,
        media_type=media_type,
        checksum=hashlib.sha256(raw).hexdigest(),
        notes=_encoding_notes(encoding),
    )


#: A folder holding one of these is a project root: documents below it are keyed by their
#: path from it, whatever path they were given by.
ROOT_MARKERS = ("partnergraph.toml", ".git")


def _relative_key(path: Path, root: Path | None = None) -> str:
    """A document's identity when it names no source URL: its path from the project root
    (the nearest folder above it with ``partnergraph.toml`` or ``.git``), else its absolute
    path; links resolved. So ``build examples/`` and ``build examples/seeds/`` key a file
    the same way. (``root``, the folder it was found in, is no longer used.)"""
    real = path.resolve()
    top = _project_root(str(real.parent))
    return real.relative_to(top).as_posix() if top is not None else real.as_posix()


@lru_cache(maxsize=4096)
def _project_root(folder: str) -> Path | None:
    here = Path(folder)
    for candidate in (here, *here.parents):
        if any((candidate / marker).exists() for marker in ROOT_MARKERS):
            return candidate
    return None


def _decode(raw: bytes) -> tuple[str, str] | str:
    """Decode bytes to text, or return a message saying why it is not text."""
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if raw.startswith(bom):
            try:
                return raw.decode(codec), codec.replace("-sig", "")
            except UnicodeDecodeError:
                return f"starts with a {codec} byte-order mark but is not valid {codec}"
    head = raw[:8192]
    if b"\x00" in head:
        return "binary file, not text (it contains NUL bytes)"
    if _is_known_binary(head):
        return "binary file, not text (an image, archive or PDF by its first bytes)"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mixed = _mixed_decoding(raw)
    if mixed is not None:
        return mixed
    text_encoding = _best_legacy_decoding(raw)
    if text_encoding is None:
        return "not text in any encoding we could detect"
    text, encoding = text_encoding
    if _control_ratio(text) > 0.05:
        return "binary file, not text (mostly control characters)"
    return text, encoding


# Legacy code pages of the grants' languages, tried beside charset-normalizer's guess: on
# short texts its guess is often a neighbouring code page, so every candidate is decoded
# and the one whose letters best fit the languages we read wins.
_LEGACY = ("cp1250", "cp1257", "cp1252", "iso-8859-2", "iso-8859-13", "iso-8859-15", "cp1251")
_LETTERS = frozenset(
    "ąćęłńóśźżĄĆĘŁŃÓŚŹŻāčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽėįųĖĮŲæøåÆØÅěřůťďňĚŘŮŤĎŇáéíóúýÁÉÍÓÚÝ"
    "äöüßÄÖÜðþÐÞăâîșțşţĂÂÎȘȚŞŢ"
    "абвгдежзийклмнопрстуфхцчшщъьюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЬЮЯ"
)


def _best_legacy_decoding(raw: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    sample = raw[:262144]
    guesses = [str(m.encoding) for m in from_bytes(sample)][:3]
    best: tuple[float, int, str, str] | None = None
    for rank, encoding in enumerate(dict.fromkeys([*guesses, *_LEGACY])):
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        score = _plausibility(text[:20000]) + 0.2 * _language_likelihood(text[:5000])
        candidate = (score, -rank, text, encoding)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    return (best[2], best[3]) if best is not None else None


_STRAY_BYTES = re.compile(r"[\udc80-\udcff]+")


def _mixed_decoding(raw: bytes) -> tuple[str, str] | None:
    """A file that is UTF-8 but for some bytes (pasted from a legacy page, say): the UTF-8
    parts as they are, each stray run of bytes in the legacy code page that reads best.
    The encoding comes back as ``utf-8+CODEC``. None if the file is not mostly UTF-8."""
    text = raw.decode("utf-8", errors="surrogateescape")  # stray bytes → U+DC80..U+DCFF
    runs = [bytes(ord(c) - 0xDC00 for c in m.group()) for m in _STRAY_BYTES.finditer(text)]
    utf8_letters = sum(1 for c in text if ord(c) > 127 and not 0xDC80 <= ord(c) <= 0xDCFF)
    if utf8_letters < 3 or utf8_letters < sum(map(len, runs)):
        return None
    best: tuple[float, str] | None = None
    for encoding in _LEGACY:
        try:
            decoded = [run.decode(encoding) for run in runs]
        except UnicodeDecodeError:
            continue
        score = _plausibility(" ".join(decoded))
        if best is None or score > best[0]:
            best = (score, encoding)
    if best is None:
        return None
    encoding = best[1]
    fixed = _STRAY_BYTES.sub(
        lambda m: bytes(ord(c) - 0xDC00 for c in m.group()).decode(encoding), text
    )
    return fixed, f"utf-8+{encoding}"


def _latin_neighbour(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    return (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())


def _language_likelihood(text: str) -> float:
    """py3langid's log-likelihood of the text in its most likely language."""
    global _RAW_IDENTIFIER
    if _RAW_IDENTIFIER is None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        _RAW_IDENTIFIER = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    return float(_RAW_IDENTIFIER.classify(text)[1])


_RAW_IDENTIFIER: Any = None


def _plausibility(text: str) -> float:
    """Letters of the target alphabets count for, stray symbols and controls against."""
    import unicodedata

    score = 0.0
    for i, ch in enumerate(text):
        if ch.isascii():
            continue
        if "\u0400" <= ch <= "\u04ff" and _latin_neighbour(text, i):
            score -= 4  # a Cyrillic letter inside a Latin word: a wrong code page
        elif ch in _LETTERS:
            score += 2
        elif ch in "€£–—„“”‘’…«»":  # currency and typographic marks of real text
            score += 1
        elif unicodedata.category(ch)[0] == "C":  # a control character: a wrong code page
            score -= 10
        elif unicodedata.category(ch)[0] in "SN" or ch in "¡¿ªº":
            score -= 3
        elif ch.isalpha():
            score += 0.5
    return score


_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"%PDF",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"BZh",
    b"7z\xbc\xaf",
)


def _is_known_binary(head: bytes) -> bool:
    return head.startswith(_MAGIC)


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / len(sample)


def _looks_like_html(raw: bytes, path: Path) -> bool:
    return path.suffix.lower() in {".html", ".htm", ".xhtml"} or bool(_HTML_START.match(raw[:512]))


def _split_header(text: str) -> tuple[dict[str, str], str]:
    """Take leading ``# key: value`` lines (source, kind, note, language, title) off the text."""
    meta: dict[str, str] = {}
    lines = text.splitlines(keepends=True)
    taken = 0
    for line in lines:
        match = _HEADER_LINE.fullmatch(line.strip())
        if not match:
            break
        meta.setdefault(match.group(1).lower(), match.group(2).strip())
        taken += 1
    return meta, "".join(lines[taken:])


def _html_to_text(html: str) -> tuple[str, str | None] | None:
    """Main text of an HTML page (trafilatura), keeping one block per line."""
    import trafilatura

    text = trafilatura.extract(
        html,
        output_format="txt",
        include_comments=False,
        include_tables=True,
        favor_recall=True,
        deduplicate=False,
    )
    url: str | None = None
    title: str | None = None
    try:
        meta = trafilatura.extract_metadata(html)
    except Exception:  # metadata is a bonus; a page without it is still read
        meta = None
    if meta is not None:
        url, title = meta.url, meta.title
    if not text or not text.strip():
        text = _plain_html_text(html)
    if not text or not text.strip():
        return None
    if title and title.strip() and title.strip() not in text[: len(title) + 200]:
        text = f"{title.strip()}\n\n{text}"
    return text, url


def _plain_html_text(html: str) -> str:
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except Exception:
        return ""
    for bad in tree.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    blocks = [" ".join(el.text_content().split()) for el in tree.iter() if el.tag in _BLOCK_TAGS]
    return "\n".join(b for b in blocks if b)


_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "li", "dt", "dd", "td", "th", "div"}


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language (py3langid, restricted to European languages)."""
    lang, _prob = _identifier().classify(text[:5000])
    return _LANG_ALIASES.get(str(lang), str(lang))


def _identifier() -> Any:
    """py3langid's identifier of the European languages, loaded once: by the first thread
    that asks (the others wait for it)."""
    global _IDENTIFIER
    with _IDENTIFIER_LOADING:
        if _IDENTIFIER is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            identifier.set_languages([lang for lang in _LANGUAGES if lang in identifier.labels])
            _IDENTIFIER = identifier
    return _IDENTIFIER


def load_language_model_soon() -> None:
    """Start loading the language model in a thread of its own (half a second, most of it
    decompressing, which runs beside the caller on another core): for a build that will
    likely read a few files in this process, while it walks its folders."""
    if _IDENTIFIER is None:
        threading.Thread(target=_identifier, name="language model", daemon=True).start()


_IDENTIFIER: Any = None
_IDENTIFIER_LOADING = threading.Lock()


@lru_cache(maxsize=65536)
def language_of_name(name: str) -> str | None:
    """The language a name is written in, when its words say so (py3langid, probability
    ≥ 0.6 among the European languages, names of two words or more), else None.

    >>> language_of_name("Gminny Ośrodek Pomocy Społecznej w Łodzi"), language_of_name("KS")
    ('pl', None)
    """
    if len(name.split()) < 2:
        return None
    lang, prob = _identifier().classify(name)
    if prob < 0.6:
        return None
    return _LANG_ALIASES.get(str(lang), str(lang))
